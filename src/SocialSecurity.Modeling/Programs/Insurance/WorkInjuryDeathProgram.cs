using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Insurance;

/// <summary>
/// The one-time work-death subsidy (一次性工亡补助金) paid to the survivors of a worker who died of a work injury:
/// 20 times the previous year's national urban per-capita disposable income.
/// </summary>
/// <remarks>
/// <para>Legal basis: 工伤保险条例 (Work-Injury Insurance Regulations, 2010 revision) art. 39 para. 1 item 3.
/// docs/rules/work_injury_death.md.</para>
/// <para>Rule, per household: subsidy = <c>household.work_injury_deaths</c> × <c>work_injury.death.income_multiple</c>
/// × <c>work_injury.death.urban_disposable_income</c> (the national figure of the year before the run's date),
/// yuan/year. The deaths counted are those of insured members (the input says who died of a work injury; coverage of
/// the deceased is not checked, since they are no longer members). The funeral subsidy and survivors' pensions
/// (art. 39 items 1–2) are not modelled.</para>
/// </remarks>
public sealed class WorkInjuryDeathProgram : RuleProgram
{
    /// <summary>Parameter (ratio): the subsidy as a multiple of the national urban per-capita disposable income.</summary>
    public const string IncomeMultiple = "work_injury.death.income_multiple";

    /// <summary>Parameter (yuan/year): the previous year's national urban per-capita disposable income, dated by the year it is used in.</summary>
    public const string UrbanDisposableIncome = "work_injury.death.urban_disposable_income";

    /// <summary>Output: the one-time work-death subsidy, yuan per year (household).</summary>
    public static readonly VariableDefinition DeathSubsidy = new("work_injury.death_subsidy_annual", Entity.Household, AmountPeriod.Year, IncomeRole.DirectTransfer, "One-time work-death subsidy paid to the survivors, yuan per year");

    /// <summary>Creates the program.</summary>
    public WorkInjuryDeathProgram()
        : base(
            "work_injury_death",
            "One-time work-death subsidy: 20 times the previous year's national urban per-capita disposable income per member who died of a work injury (Work-Injury Insurance Regulations art. 39).",
            inputs: [],
            outputs: [DeathSubsidy],
            parameters: [IncomeMultiple, UrbanDisposableIncome],
            pays: ["work_injury_death"])
    {
    }

    /// <inheritdoc />
    internal override bool WritesEveryRow => true;

    /// <inheritdoc />
    internal override bool ReadsNoIncomesOrWeights => true; // the work-injury deaths

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
        => PerHousehold<Rule, Rule.Block>(new Rule(setup.Scalar(IncomeMultiple), setup.PerYear(UrbanDisposableIncome)));

    private readonly struct Rule(RegionalValues multiple, RegionalValues income) : IHouseholdRule<Rule.Block>
    {
        public Block Bind(ProgramContext context) => new(context.Population.WorkInjuryDeaths, context.Write(DeathSubsidy.Name));

        public void Compute(ref Block block, in HouseholdRow household, Explanation? explanation)
        {
            int h = household.Index, r = household.Region.Index;
            int deaths = block.Deaths[h];
            block.Subsidy[h] = deaths * multiple.ByRegion[r] * income.ByRegion[r];
            explanation?.Record("work_injury_death", StepText.Create($"{deaths} work-injury death(s) × {multiple[household.Region]:0.##} × {income[household.Region]:0.00}"), block.Subsidy[h], "yuan/year", multiple.Source(household.Region), income.Source(household.Region));
        }

        public readonly ref struct Block(ReadOnlySpan<byte> deaths, Span<double> subsidy)
        {
            public readonly ReadOnlySpan<byte> Deaths = deaths;
            public readonly Span<double> Subsidy = subsidy;
        }
    }
}
