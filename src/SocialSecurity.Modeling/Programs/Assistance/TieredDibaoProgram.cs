using System.Globalization;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Targeting;

namespace SocialSecurity.Modeling.Programs.Assistance;

/// <summary>
/// Tiered (classified) dibao, 分档救助, as in Kashgar: households that pass the dibao tests are put into classes by
/// local criteria, and each class receives a fixed share of the standard per person instead of the gap.
/// Use it <b>instead of</b> <see cref="DibaoProgram"/> for regions that pay by class (both pay the dibao; a policy
/// with both would pay twice).
/// </summary>
/// <remarks>
/// <para>Basis: Xi &amp; Abudurehman (2024) [P] report Kashgar's defined classes with dynamic reclassification and
/// Xinjiang guidance on class-1 and class-2/3 dibao; the amounts are not published (docs/rules/dibao_tiered.md). The shares in
/// <c>dibao_tiered.class_shares</c> are illustrative [I]: 100%, 70% and 40% of <i>S</i> for classes 1, 2 and 3.</para>
/// <para>Rule, per household of <i>n</i> members with annual standard <i>S</i> and income <i>Y</i> (as in
/// <see cref="DibaoProgram"/>: the same income definition, strict income test and asset test):</para>
/// <list type="bullet">
/// <item>not eligible: 0;</item>
/// <item>eligible and in class <i>c</i> (1 ≤ <i>c</i> ≤ number of shares, read from the household column
/// <see cref="ClassColumn"/>): <i>n</i> × share[<i>c</i>] × <i>S</i>/12 yuan/month, whatever the income;</item>
/// <item>eligible and class 0 (not yet classified): the gap, <i>n</i> × <i>S</i>/12 − <i>Y</i>/12.</item>
/// </list>
/// <para>Any other class value is a data error and stops the run with the household's id.</para>
/// <para>Worked example 9 (docs/worked-examples.md#example-9): <i>S</i> = 600/month, class 2, 4 persons → 4 × 420 = 1,680/month; class 1 → 2,400.</para>
/// </remarks>
public sealed class TieredDibaoProgram : RuleProgram, IIncomeTestedProgram
{
    /// <summary>Parameter: the share of the standard paid per person in each class (list, class 1 first), fraction.</summary>
    public const string ClassShares = "dibao_tiered.class_shares";

    /// <summary>Input: the household column holding each household's class (0 not classified, 1, 2, 3, …).</summary>
    public const string ClassColumn = "household.dibao_class";

    /// <summary>
    /// The declaration of <see cref="ClassColumn"/>: a whole number, 0–255. That a positive class has a share in the
    /// schedule in force depends on the parameters, so the program checks it once when it is prepared.
    /// </summary>
    public static readonly ColumnDefinition Class = ColumnDefinition.Count(ClassColumn, Entity.Household, string.Empty, 0, 255, "Tiered dibao class (0 not classified, 1, 2, 3, …)");

    /// <summary>Output: 1 when the household passes the dibao income and asset tests.</summary>
    public static readonly VariableDefinition Eligible = new("dibao_tiered.eligible", Entity.Household, AmountPeriod.None, IncomeRole.None, "1 when the household passes the dibao income and asset tests (tiered dibao)");

    /// <summary>Output: 1 when the household is on the tiered dibao roll: <see cref="Eligible"/> by the rule alone, after take-up and identification errors through <see cref="TargetedProgram"/>.</summary>
    public static readonly VariableDefinition OnRoll = new("dibao_tiered.on_roll", Entity.Household, AmountPeriod.None, IncomeRole.None, "1 when the household is on the tiered dibao roll (the rule's eligibility, after take-up and identification errors when targeted)");

    /// <summary>Output: the tiered dibao benefit, yuan per month (household).</summary>
    public static readonly VariableDefinition Benefit = new("dibao_tiered.benefit_monthly", Entity.Household, AmountPeriod.Month, IncomeRole.DirectTransfer, "Tiered dibao benefit: n × class share × S, or the gap when not classified, yuan per month");

    /// <summary>Creates the program with the default income definition (<see cref="InputVariables.IncomeForMeansTests"/>).</summary>
    public TieredDibaoProgram()
        : this(InputVariables.IncomeForMeansTests)
    {
    }

    /// <summary>Creates the program with a custom income definition.</summary>
    /// <param name="incomeVariables">Person variables in yuan per month or per year (each annualised by its period) whose sum is the household's income for the test.</param>
    public TieredDibaoProgram(IEnumerable<string> incomeVariables)
        : base(
            "dibao_tiered",
            "Tiered dibao (Kashgar 分档救助): households passing the dibao tests receive a fixed share of the standard per person by class (illustrative shares).",
            inputs: [HouseholdIncomeProgram.Output.Name, InputVariables.FinancialAssets.Name, ClassColumn],
            outputs: [Eligible, OnRoll, Benefit],
            parameters: [.. DibaoRules.AllParameters, ClassShares],
            pays: ["dibao"],
            prerequisites: [new HouseholdIncomeProgram(incomeVariables)])
    {
    }

    /// <inheritdoc />
    public override IReadOnlyList<ColumnDefinition> InputColumns { get; } = [Class];

    /// <inheritdoc />
    public string TestedIncomeVariable => HouseholdIncomeProgram.Output.Name;

    /// <inheritdoc />
    public string? AmountVariable => Benefit.Name;

    /// <inheritdoc />
    public IIncomeTest PrepareIncomeTest(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new ClassTest(new DibaoRules(setup, withAssetTest: false).Bind(setup.Population), CheckClasses(setup.Population, setup.List(ClassShares)), setup.Population);
    }

    /// <summary>Run by its rule alone, the on-roll flag is the eligibility flag: one column serves both.</summary>
    internal override (string Copy, string Source)? CopiedOutput => (OnRoll.Name, Eligible.Name);

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
        => new OnRollPass(PerHousehold<Rule, Rule.Block>(new Rule(new DibaoRules(setup, withAssetTest: true), CheckClasses(setup.Population, setup.List(ClassShares)))), Eligible.Name, OnRoll.Name, Entity.Household);

    /// <summary>The income test n × S; at a reported income below it, the class amount, or the gap for class 0.</summary>
    private sealed class ClassTest(DibaoRules rules, RegionalList classShares, Population population) : IIncomeTest
    {
        private readonly double[] _classes = population.Values(Class).ToArray();

        public double Threshold(int household) => population.HouseholdSize(household) * rules.AnnualStandard(household);

        public double AmountAt(int household, double reportedIncome)
        {
            int n = population.HouseholdSize(household), k = (int)_classes[household];
            double s = rules.AnnualStandard(household), income = Math.Max(0.0, reportedIncome);
            return income >= n * s ? 0.0 : k == 0 ? ((n * s) - income) / 12.0 : n * classShares[population.HouseholdRegion[household]][k - 1] * s / 12.0;
        }
    }

    /// <summary>Every class must have a share in the schedule of its region: checked once, over the column, not per household in the pass.</summary>
    private static RegionalList CheckClasses(Population population, RegionalList shares)
    {
        var classes = population.Values(Class);
        var region = population.HouseholdRegion;
        for (int h = 0; h < classes.Length; h++)
        {
            int length = shares[region[h]].Length;
            if (classes[h] > length)
            {
                throw new InvalidOperationException(StepText.Create($"Household {population.HouseholdId[h]} has dibao class {classes[h]} in column '{ClassColumn}'; expected 0 (not classified) or a whole number from 1 to {length}."));
            }
        }

        return shares;
    }

    private readonly struct Rule(DibaoRules rules, RegionalList classShares) : IHouseholdRule<Rule.Block>
    {
        public Block Bind(ProgramContext context)
            => new(rules.Bind(context.Population), context.Population, context.Read(HouseholdIncomeProgram.Output.Name), context.Read(InputVariables.FinancialAssets.Name), context.Household(Class), context.Write(Eligible.Name), context.Write(Benefit.Name));

        public void Compute(ref Block block, in HouseholdRow household, Explanation? explanation)
        {
            int h = household.Index, n = household.Size;
            double s = block.Rules.AnnualStandard(h);
            double y = Math.Max(0.0, block.Income[h]);
            bool qualifies = y / n < s && block.Rules.AssetsPass(block.Assets[h], h, n, s);
            var shares = classShares[household.Region];
            int k = (int)block.Classes[h]; // whole numbers in the schedule: checked when prepared
            block.Eligible[h] = qualifies ? 1.0 : 0.0;
            block.Benefit[h] = !qualifies ? 0.0 : k == 0 ? Math.Max(0.0, (n * s / 12.0) - (y / 12.0)) : n * shares[k - 1] * s / 12.0;
            if (explanation is not null)
            {
                var c2 = CultureInfo.InvariantCulture;
                explanation.Record("dibao_tiered", string.Create(c2, $"dibao tests: Y/n = {y / n:0.00} < S = {s:0.00} and assets pass → {(qualifies ? "eligible" : "not eligible")}"), null, string.Empty, rules.StandardSource(block.Population, h));
                explanation.Record("dibao_tiered", !qualifies
                    ? "benefit = 0 (not eligible)"
                    : k == 0
                        ? string.Create(c2, $"class 0 (not classified): gap = {n} × {s / 12:0.00} − {y / 12:0.00}")
                        : string.Create(c2, $"class {k}: n × share × S/12 = {n} × {shares[k - 1]:0.###} × {s / 12:0.00}"), block.Benefit[h], "yuan/month", classShares.Source(household.Region));
            }
        }

        public readonly ref struct Block(DibaoRules bound, Population population, ReadOnlySpan<double> income, ReadOnlySpan<double> assets, ReadOnlySpan<double> classes, Span<double> eligible, Span<double> benefit)
        {
            public readonly DibaoRules Rules = bound;
            public readonly Population Population = population;
            public readonly ReadOnlySpan<double> Income = income;
            public readonly ReadOnlySpan<double> Assets = assets;
            public readonly ReadOnlySpan<double> Classes = classes;
            public readonly Span<double> Eligible = eligible;
            public readonly Span<double> Benefit = benefit;
        }
    }
}
