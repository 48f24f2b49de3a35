using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Assistance;

/// <summary>
/// One-time living subsidy (一次性生活补贴) to assistance households: a lump sum per member, expressed in months of the
/// dibao standard.
/// </summary>
/// <remarks>
/// <para>Basis: Zhejiang paid 388 million yuan of one-time living subsidies in 2022 [P]; the per-head rule is unknown
/// (docs/rules/one_time_living_subsidy.md). <c>one_time_living_subsidy.months_of_standard</c> is illustrative: 1 month of <i>S</i> per member in
/// Zhejiang for 2022 [I] and 0 elsewhere and in other years (no rule loaded) [I].</para>
/// <para>Rule: a household with status 1 in any of the status variables (by default <c>dibao.on_roll</c>) receives
/// <i>n</i> × months × <i>S</i>/12 yuan, once in the year; the output is an annual amount.</para>
/// </remarks>
public sealed class OneTimeLivingSubsidyProgram : RuleProgram
{
    /// <summary>Parameter: months of the dibao standard paid per member.</summary>
    public const string MonthsOfStandard = "one_time_living_subsidy.months_of_standard";

    /// <summary>Output: the one-time subsidy received in the year, yuan per year (household).</summary>
    public static readonly VariableDefinition Amount = new("one_time_living_subsidy.amount_annual", Entity.Household, AmountPeriod.Year, IncomeRole.DirectTransfer, "One-time living subsidy to assistance households, yuan in the year");

    /// <summary>Creates the subsidy for <see cref="DibaoProgram"/> households.</summary>
    public OneTimeLivingSubsidyProgram()
        : this([DibaoProgram.OnRoll.Name])
    {
    }

    /// <summary>Creates the subsidy for households flagged in any of <paramref name="statusVariables"/>.</summary>
    /// <param name="statusVariables">Household flags (for example <c>dibao.on_roll</c> and <c>dibao_marginal.on_roll</c>).</param>
    public OneTimeLivingSubsidyProgram(IEnumerable<string> statusVariables)
        : base(
            "one_time_living_subsidy",
            "One-time living subsidy to assistance households: members × months × the monthly dibao standard (illustrative rule; Zhejiang 2022).",
            inputs: RuleArguments.Check(statusVariables, nameof(statusVariables)),
            outputs: [Amount],
            parameters: [.. DibaoRules.StandardParameters, MonthsOfStandard])
    {
    }

    /// <inheritdoc />
    internal override bool WritesEveryRow => true;

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
        => PerHousehold<Rule, Rule.Block>(new Rule(Inputs, new DibaoRules(setup, withAssetTest: false), setup.Scalar(MonthsOfStandard)));

    private readonly struct Rule(IReadOnlyList<string> statusVariables, DibaoRules rules, RegionalValues months) : IHouseholdRule<Rule.Block>
    {
        public Block Bind(ProgramContext context)
            => new(rules.Bind(context.Population), context.FirstHousehold, BlockFlags.AnyHousehold(context, statusVariables), context.Write(Amount.Name));

        public void Compute(ref Block block, in HouseholdRow household, Explanation? explanation)
        {
            int h = household.Index, n = household.Size;
            block.Amount[h] = block.Status[h - block.FirstHousehold]
                ? n * months.ByRegion[household.Region.Index] * block.Rules.AnnualStandard(h) / 12.0
                : 0.0;
            explanation?.Record("one_time_living_subsidy", block.Amount[h] > 0
                ? StepText.Create($"one-time subsidy = n × months × S/12 = {n} × {months[household.Region]:0.##} × {block.Rules.AnnualStandard(h) / 12:0.00}")
                : StepText.Create($"one-time subsidy = 0 (not an assistance household, or {months[household.Region]:0.##} months in force)"), block.Amount[h], "yuan/year", months.Source(household.Region));
        }

        public void Release(ref Block block) => BlockFlags.Return(block.Status);

        public readonly ref struct Block(DibaoRules bound, int firstHousehold, bool[] status, Span<double> amount)
        {
            public readonly DibaoRules Rules = bound;
            public readonly int FirstHousehold = firstHousehold;
            public readonly bool[] Status = status;
            public readonly Span<double> Amount = amount;
        }
    }
}
