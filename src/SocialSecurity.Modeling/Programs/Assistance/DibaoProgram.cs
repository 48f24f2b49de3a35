using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Targeting;

namespace SocialSecurity.Modeling.Programs.Assistance;

/// <summary>
/// Minimum living standard guarantee (最低生活保障, dibao): the household's per-capita income is tested against the
/// local standard, assets are tested, and the gap is filled monthly (补差).
/// </summary>
/// <remarks>
/// <para>Legal basis: Decree 649 (社会救助暂行办法) art. 9 (eligibility: per-capita income below the local standard
/// <i>S</i>, and property within local rules) and art. 12 (benefit: the difference). docs/rules/dibao.md.</para>
/// <para>Rule, per household of <i>n</i> members living in a region whose standard is <i>S</i> yuan/person/year
/// (the urban or rural standard by the household's area):</para>
/// <list type="bullet">
/// <item>income <i>Y</i> = Σ members' wages, business, property income, private transfers and reported pensions
/// (or the income variables given to the constructor, each annualised by its period), yuan/year, floored at 0 (business losses cannot raise the benefit above n × S);</item>
/// <item>income test: <i>Y</i>/<i>n</i> &lt; <i>S</i> (strictly below);</item>
/// <item>asset test: financial assets ≤ <c>dibao.asset_test.financial_assets_months</c> × S/12 × n; homes ≤
/// <c>dibao.asset_test.max_homes</c>; no non-essential vehicle when <c>dibao.asset_test.vehicle_disqualifies</c> is 1;</item>
/// <item>benefit = (n × S − Y)/12 yuan/month when both tests pass, else 0. Never negative; never rises as income rises;
/// zero at or above the standard.</item>
/// </list>
/// <para>Amounts are not rounded: docs/money.md rounds only at outputs.</para>
/// </remarks>
public sealed class DibaoProgram : RuleProgram, IIncomeTestedProgram
{
    /// <summary>Parameter: the urban dibao standard, yuan/person/year.</summary>
    public const string StandardUrban = "dibao.standard.urban";

    /// <summary>Parameter: the rural dibao standard, yuan/person/year.</summary>
    public const string StandardRural = "dibao.standard.rural";

    /// <summary>Parameter: financial-asset limit in months of the standard, per member.</summary>
    public const string AssetMonths = "dibao.asset_test.financial_assets_months";

    /// <summary>Parameter: the most homes allowed.</summary>
    public const string MaxHomes = "dibao.asset_test.max_homes";

    /// <summary>Parameter: whether a non-essential vehicle disqualifies.</summary>
    public const string VehicleDisqualifies = "dibao.asset_test.vehicle_disqualifies";

    /// <summary>Output: 1 when the household passes the income and asset tests (household flag).</summary>
    public static readonly VariableDefinition Eligible = new("dibao.eligible", Entity.Household, AmountPeriod.None, IncomeRole.None, "1 when the household passes the dibao income and asset tests");

    /// <summary>
    /// Output: 1 when the household is on the dibao roll (household flag). Run by the rule alone it equals
    /// <see cref="Eligible"/>; run through <see cref="TargetedProgram"/> it records take-up and identification errors
    /// while <see cref="Eligible"/> keeps the rule's answer. Programs linked to dibao status (supplements, subsidies,
    /// medical-assistance groups, the dibao-marginal test) read this flag.
    /// </summary>
    public static readonly VariableDefinition OnRoll = new("dibao.on_roll", Entity.Household, AmountPeriod.None, IncomeRole.None, "1 when the household is on the dibao roll (the rule's eligibility, after take-up and identification errors when targeted)");

    /// <summary>Output: the gap-filling dibao benefit, yuan per month (household).</summary>
    public static readonly VariableDefinition Benefit = new("dibao.benefit_monthly", Entity.Household, AmountPeriod.Month, IncomeRole.DirectTransfer, "Dibao benefit (gap-filling), yuan per month");

    /// <summary>Creates the program with the default income definition (<see cref="InputVariables.IncomeForMeansTests"/>).</summary>
    public DibaoProgram()
        : this(InputVariables.IncomeForMeansTests)
    {
    }

    /// <summary>Creates the program with a custom income definition: the person variables whose sum is the household's income for the test.</summary>
    /// <param name="incomeVariables">Person variables in yuan per month or per year (built-in inputs or other programs' outputs, for example
    /// simulated pensions); each is annualised by its own period (× 12 for monthly). A variable without a period is rejected when the run is prepared.</param>
    public DibaoProgram(IEnumerable<string> incomeVariables)
        : base(
            "dibao",
            "Minimum living standard guarantee: household per-capita income below the local standard and assets within limits; the gap is paid monthly (Decree 649 arts. 9-12).",
            inputs: [HouseholdIncomeProgram.Output.Name, InputVariables.FinancialAssets.Name],
            outputs: [Eligible, OnRoll, Benefit],
            parameters: [StandardUrban, StandardRural, AssetMonths, MaxHomes, VehicleDisqualifies],
            pays: ["dibao"],
            prerequisites: [new HouseholdIncomeProgram(incomeVariables)])
    {
    }

    /// <inheritdoc />
    public string TestedIncomeVariable => HouseholdIncomeProgram.Output.Name;

    /// <inheritdoc />
    public string? AmountVariable => Benefit.Name;

    /// <inheritdoc />
    public IIncomeTest PrepareIncomeTest(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new GapTest(new DibaoRules(setup, withAssetTest: false).Bind(setup.Population), setup.Population);
    }

    /// <inheritdoc />
    internal override bool WritesEveryRow => true;

    /// <summary>Run by its rule alone, the on-roll flag is the eligibility flag: one column serves both.</summary>
    internal override (string Copy, string Source)? CopiedOutput => (OnRoll.Name, Eligible.Name);

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
        => new OnRollPass(PerHousehold<Rule, Rule.Block>(new Rule(new DibaoRules(setup, withAssetTest: true))), Eligible.Name, OnRoll.Name, Entity.Household);

    /// <summary>The income test n × S and the gap (n × S − Y)/12 a month at a reported income Y.</summary>
    private sealed class GapTest(DibaoRules rules, Population population) : IIncomeTest
    {
        public double Threshold(int household) => population.HouseholdSize(household) * rules.AnnualStandard(household);

        public double AmountAt(int household, double reportedIncome)
        {
            double threshold = Threshold(household), income = Math.Max(0.0, reportedIncome);
            return income < threshold ? (threshold - income) / 12.0 : 0.0;
        }
    }

    private readonly struct Rule(DibaoRules rules) : IHouseholdRule<Rule.Block>
    {
        public Block Bind(ProgramContext context)
            => new(rules.Bind(context.Population), context.Population, context.Read(HouseholdIncomeProgram.Output.Name), context.Read(InputVariables.FinancialAssets.Name), context.Write(Eligible.Name), context.Write(Benefit.Name));

        public void Compute(ref Block block, in HouseholdRow household, Explanation? explanation)
        {
            int h = household.Index, n = household.Size;
            double standardAnnual = block.Rules.AnnualStandard(h);
            double householdStandard = n * standardAnnual;        // n × S, yuan/year
            double incomeAnnual = Math.Max(0.0, block.Income[h]);
            bool incomeTest = incomeAnnual < householdStandard;   // Y/n < S, with n > 0
            bool assetTest = block.Rules.AssetsPass(block.Assets[h], h, n, standardAnnual);
            bool qualifies = incomeTest && assetTest;
            block.Eligible[h] = qualifies ? 1.0 : 0.0;
            block.Benefit[h] = qualifies ? (householdStandard - incomeAnnual) / 12.0 : 0.0; // > 0 when the income test passes
            if (explanation is not null)
            {
                Explain(explanation, block.Population, h, n, incomeAnnual, standardAnnual, block.Assets[h], incomeTest, assetTest, block.Benefit[h]);
            }
        }

        private void Explain(Explanation explain, Population population, int h, int n, double incomeAnnual, double standardAnnual, double assets, bool incomeTest, bool assetTest, double benefit)
        {
            var standard = rules.StandardSource(population, h);
            var area = population.Area[h].ToString().ToLowerInvariant();
            var (months, homes, vehicle) = rules.AssetSources(population.HouseholdRegion[h]);
            explain.Record("dibao", StepText.Create($"household income Y (annual, members' market income + pensions, floored at 0), {n} member(s)"), incomeAnnual, "yuan/year");
            explain.Record("dibao", StepText.Create($"income test: Y/n = {incomeAnnual / n:0.00} < S = {standardAnnual:0.00} ({area} standard) → {(incomeTest ? "passes" : "fails")}"), null, string.Empty, standard);
            explain.Record("dibao", StepText.Create($"asset test: financial assets {assets:0.00} ≤ {months.Value.Scalar:0} × S/12 × n = {months.Value.Scalar * standardAnnual / 12 * n:0.00}; homes {population.HousingUnits[h]} ≤ {homes.Value.Scalar:0}; non-essential vehicle {(population.NonEssentialVehicle[h] == 1 ? "yes" : "no")} → {(assetTest ? "passes" : "fails")}"), null, string.Empty, months, homes, vehicle);
            explain.Record("dibao", incomeTest && assetTest
                ? StepText.Create($"benefit = (n × S − Y)/12 = ({n} × {standardAnnual:0.00} − {incomeAnnual:0.00})/12")
                : "benefit = 0 (not eligible)", benefit, "yuan/month", standard);
        }

        public readonly ref struct Block(DibaoRules bound, Population population, ReadOnlySpan<double> income, ReadOnlySpan<double> assets, Span<double> eligible, Span<double> benefit)
        {
            public readonly DibaoRules Rules = bound;
            public readonly Population Population = population;
            public readonly ReadOnlySpan<double> Income = income;
            public readonly ReadOnlySpan<double> Assets = assets;
            public readonly Span<double> Eligible = eligible;
            public readonly Span<double> Benefit = benefit;
        }
    }
}
