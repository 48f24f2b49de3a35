using System.Globalization;
using SocialSecurity.Modeling.Core;

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
public sealed class TieredDibaoProgram : PolicyProgram
{
    /// <summary>Parameter: the share of the standard paid per person in each class (list, class 1 first), fraction.</summary>
    public const string ClassShares = "dibao_tiered.class_shares";

    /// <summary>Input: the household column holding each household's class (0 not classified, 1, 2, 3, …).</summary>
    public const string ClassColumn = "household.dibao_class";

    /// <summary>Output: 1 when the household passes the dibao income and asset tests.</summary>
    public static readonly VariableDefinition Eligible = new("dibao_tiered.eligible", Entity.Household, AmountPeriod.None, IncomeRole.None, "1 when the household passes the dibao income and asset tests (tiered dibao)");

    /// <summary>Output: the tiered dibao benefit, yuan per month (household).</summary>
    public static readonly VariableDefinition Benefit = new("dibao_tiered.benefit_monthly", Entity.Household, AmountPeriod.Month, IncomeRole.DirectTransfer, "Tiered dibao benefit: n × class share × S, or the gap when not classified, yuan per month");

    private readonly HouseholdIncomeProgram _income;

    /// <summary>Creates the program with the default income definition (<see cref="InputVariables.IncomeForMeansTests"/>).</summary>
    public TieredDibaoProgram()
        : this(InputVariables.IncomeForMeansTests)
    {
    }

    /// <summary>Creates the program with a custom income definition.</summary>
    /// <param name="incomeVariables">Person variables in yuan per month or per year (each annualised by its period) whose sum is the household's income for the test.</param>
    public TieredDibaoProgram(IEnumerable<string> incomeVariables)
    {
        _income = new HouseholdIncomeProgram(incomeVariables);
        Inputs = [HouseholdIncomeProgram.Output.Name, InputVariables.FinancialAssets.Name, ClassColumn];
    }

    /// <inheritdoc />
    public override string Name => "dibao_tiered";

    /// <inheritdoc />
    public override IReadOnlyList<string> Pays { get; } = ["dibao"];

    /// <inheritdoc />
    public override string Description => "Tiered dibao (Kashgar 分档救助): households passing the dibao tests receive a fixed share of the standard per person by class (illustrative shares).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; }

    /// <inheritdoc />
    public override IReadOnlyList<PolicyProgram> Prerequisites => [_income];

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } = [Eligible, Benefit];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = [.. DibaoRules.AllParameters, ClassShares];

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new Pass(this, setup);
    }

    private sealed class Pass(TieredDibaoProgram program, ProgramSetup setup) : ProgramPass
    {
        private readonly DibaoRules _rules = new(setup, withAssetTest: true);
        private readonly RegionalList _shares = setup.List(ClassShares);

        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var assets = context.Read(InputVariables.FinancialAssets.Name);
            var classes = context.Read(ClassColumn);
            var eligible = context.Write(Eligible.Name);
            var benefit = context.Write(Benefit.Name);
            int first = context.FirstHousehold;
            var income = context.Read(HouseholdIncomeProgram.Output.Name);
            try
            {
                for (int h = first; h < context.EndHousehold; h++)
                {
                    int n = start[h + 1] - start[h];
                    double s = _rules.AnnualStandard(population, h);
                    double y = Math.Max(0.0, income[h]);
                    bool qualifies = y / n < s && _rules.AssetsPass(population, assets[h], h, n, s);
                    var shares = _shares[population.HouseholdRegion[h]];
                    double c = classes[h];
                    if (!(c >= 0 && c <= shares.Length && c == Math.Floor(c)))
                    {
                        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Household {population.HouseholdId[h]} has dibao class {c} in column '{ClassColumn}'; expected 0 (not classified) or a whole number from 1 to {shares.Length}."));
                    }

                    int k = (int)c;
                    eligible[h] = qualifies ? 1.0 : 0.0;
                    benefit[h] = !qualifies ? 0.0 : k == 0 ? Math.Max(0.0, (n * s / 12.0) - (y / 12.0)) : n * shares[k - 1] * s / 12.0;

                    if (context.Explanation is { } explain)
                    {
                        var c2 = CultureInfo.InvariantCulture;
                        explain.Record(program.Name, string.Create(c2, $"dibao tests: Y/n = {y / n:0.00} < S = {s:0.00} and assets pass → {(qualifies ? "eligible" : "not eligible")}"), null, string.Empty, _rules.StandardSource(population, h));
                        explain.Record(program.Name, !qualifies
                            ? "benefit = 0 (not eligible)"
                            : k == 0
                                ? string.Create(c2, $"class 0 (not classified): gap = {n} × {s / 12:0.00} − {y / 12:0.00}")
                                : string.Create(c2, $"class {k}: n × share × S/12 = {n} × {shares[k - 1]:0.###} × {s / 12:0.00}"), benefit[h], "yuan/month", _shares.Source(population.HouseholdRegion[h]));
                    }
                }
            }
            finally
            {
            }
        }
    }
}
