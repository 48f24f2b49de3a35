using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Targeting;

namespace SocialSecurity.Modeling.Programs.Assistance;

/// <summary>
/// Dibao-marginal families (低保边缘家庭): not eligible for dibao, but with per-capita income below a multiple of the
/// dibao standard and assets within the dibao limits. They receive no cash dibao; the flag opens medical, housing,
/// education and employment assistance and temporary price subsidies [P, Jiangsu] in other programs.
/// </summary>
/// <remarks>
/// <para>Rule (docs/rules/dibao_marginal.md), per household of <i>n</i> members with income <i>Y</i> (the dibao income definition,
/// floored at 0) and annual standard <i>S</i>: marginal ⇔ dibao status is not 1 <b>and</b> <i>Y</i>/<i>n</i> &lt;
/// <i>m</i> × <i>S</i> (strictly below) <b>and</b> the dibao asset test passes.</para>
/// <para><i>m</i> is <c>dibao_marginal.income_multiple</c>: 1.5 nationally [U, secondary sources], 2 in Hangzhou
/// since 2022 [L]. Worked example 10: <i>S</i> 11,000, per capita 14,000 &lt; 16,500 → marginal; 20,000 → not
/// marginal at 1.5, marginal in Hangzhou (&lt; 22,000).</para>
/// <para>Because <i>m</i> ≥ 1 and the asset test is shared, dibao households and marginal households are disjoint and
/// together are exactly the households with <i>Y</i>/<i>n</i> &lt; <i>m</i> × <i>S</i> that pass the asset test.</para>
/// </remarks>
public sealed class DibaoMarginalProgram : RuleProgram
{
    /// <summary>Parameter: the multiple <i>m</i> of the dibao standard below which a non-dibao household is marginal.</summary>
    public const string IncomeMultiple = "dibao_marginal.income_multiple";

    /// <summary>Output: 1 for a dibao-marginal household.</summary>
    public static readonly VariableDefinition Eligible = new("dibao_marginal.eligible", Entity.Household, AmountPeriod.None, IncomeRole.None, "1 for a dibao-marginal family: not dibao, per-capita income below m × S, assets pass");

    /// <summary>Output: 1 when the household is on the dibao-marginal roll: <see cref="Eligible"/> by the rule alone, after take-up and identification errors through <see cref="TargetedProgram"/>.</summary>
    public static readonly VariableDefinition OnRoll = new("dibao_marginal.on_roll", Entity.Household, AmountPeriod.None, IncomeRole.None, "1 when the household is on the dibao-marginal roll (the rule's status, after take-up and identification errors when targeted)");

    /// <summary>Creates the test for households on the <see cref="DibaoProgram"/> roll (<c>dibao.on_roll</c>) with the default income definition.</summary>
    public DibaoMarginalProgram()
        : this(InputVariables.IncomeForMeansTests, DibaoProgram.OnRoll.Name)
    {
    }

    /// <summary>Creates the test with a custom income definition and dibao status.</summary>
    /// <param name="incomeVariables">Person variables in yuan per year whose sum is the household's income; use the dibao program's definition.</param>
    /// <param name="dibaoStatusVariable">The household flag of households on the dibao roll (for example <c>dibao.on_roll</c> or <c>dibao_tiered.on_roll</c>).</param>
    public DibaoMarginalProgram(IEnumerable<string> incomeVariables, string dibaoStatusVariable)
        : base(
            "dibao_marginal",
            "Dibao-marginal families: not dibao, per-capita income below m × the dibao standard, assets within the dibao limits (no cash benefit).",
            inputs: [HouseholdIncomeProgram.Output.Name, InputVariables.FinancialAssets.Name, RuleArguments.Required(dibaoStatusVariable, nameof(dibaoStatusVariable))],
            outputs: [Eligible, OnRoll],
            parameters: [.. DibaoRules.AllParameters, IncomeMultiple],
            prerequisites: [new HouseholdIncomeProgram(incomeVariables)])
    {
    }

    /// <inheritdoc />
    internal override bool WritesEveryRow => true;

    /// <summary>Run by its rule alone, the on-roll flag is the eligibility flag: one column serves both.</summary>
    internal override (string Copy, string Source)? CopiedOutput => (OnRoll.Name, Eligible.Name);

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
        => new OnRollPass(PerHousehold<Rule, Rule.Block>(new Rule(Inputs[2], new DibaoRules(setup, withAssetTest: true), setup.Scalar(IncomeMultiple))), Eligible.Name, OnRoll.Name, Entity.Household);

    private readonly struct Rule(string dibaoStatus, DibaoRules rules, RegionalValues multiple) : IHouseholdRule<Rule.Block>
    {
        public Block Bind(ProgramContext context)
            => new(rules.Bind(context.Population), context.Population, context.Read(HouseholdIncomeProgram.Output.Name), context.Read(InputVariables.FinancialAssets.Name), context.Read(dibaoStatus), context.Write(Eligible.Name));

        public void Compute(ref Block block, in HouseholdRow household, Explanation? explanation)
        {
            int h = household.Index, n = household.Size;
            double s = block.Rules.AnnualStandard(h);
            double m = multiple.ByRegion[household.Region.Index];
            double perCapita = Math.Max(0.0, block.Income[h]) / n;
            bool notDibao = block.Dibao[h] != 1;
            bool incomeTest = perCapita < m * s;
            bool assetTest = block.Rules.AssetsPass(block.Assets[h], h, n, s);
            bool result = notDibao && incomeTest && assetTest;
            block.Marginal[h] = result ? 1.0 : 0.0;
            explanation?.Record("dibao_marginal", StepText.Create($"dibao-marginal: not dibao ({(notDibao ? "yes" : "no")}), Y/n = {perCapita:0.00} < m × S = {m:0.##} × {s:0.00} = {m * s:0.00} ({(incomeTest ? "yes" : "no")}), assets pass ({(assetTest ? "yes" : "no")}) → {(result ? "marginal" : "not marginal")}"), block.Marginal[h], "flag", multiple.Source(household.Region), rules.StandardSource(block.Population, h));
        }

        public readonly ref struct Block(DibaoRules bound, Population population, ReadOnlySpan<double> income, ReadOnlySpan<double> assets, ReadOnlySpan<double> dibao, Span<double> marginal)
        {
            public readonly DibaoRules Rules = bound;
            public readonly Population Population = population;
            public readonly ReadOnlySpan<double> Income = income;
            public readonly ReadOnlySpan<double> Assets = assets;
            public readonly ReadOnlySpan<double> Dibao = dibao;
            public readonly Span<double> Marginal = marginal;
        }
    }
}
