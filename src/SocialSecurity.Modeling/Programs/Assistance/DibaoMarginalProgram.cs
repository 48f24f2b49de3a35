using System.Globalization;
using SocialSecurity.Modeling.Core;

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
public sealed class DibaoMarginalProgram : PolicyProgram
{
    /// <summary>Parameter: the multiple <i>m</i> of the dibao standard below which a non-dibao household is marginal.</summary>
    public const string IncomeMultiple = "dibao_marginal.income_multiple";

    /// <summary>Output: 1 for a dibao-marginal household.</summary>
    public static readonly VariableDefinition Eligible = new("dibao_marginal.eligible", Entity.Household, AmountPeriod.None, IncomeRole.None, "1 for a dibao-marginal family: not dibao, per-capita income below m × S, assets pass");

    private readonly HouseholdIncomeProgram _income;
    private readonly string _dibaoStatus;

    /// <summary>Creates the test for <see cref="DibaoProgram"/> households with the default income definition.</summary>
    public DibaoMarginalProgram()
        : this(InputVariables.IncomeForMeansTests, DibaoProgram.Eligible.Name)
    {
    }

    /// <summary>Creates the test with a custom income definition and dibao status.</summary>
    /// <param name="incomeVariables">Person variables in yuan per year whose sum is the household's income; use the dibao program's definition.</param>
    /// <param name="dibaoStatusVariable">The household flag of dibao households (for example <c>dibao_tiered.eligible</c>).</param>
    public DibaoMarginalProgram(IEnumerable<string> incomeVariables, string dibaoStatusVariable)
    {
        _income = new HouseholdIncomeProgram(incomeVariables);
        ArgumentException.ThrowIfNullOrWhiteSpace(dibaoStatusVariable);
        _dibaoStatus = dibaoStatusVariable;
        Inputs = [HouseholdIncomeProgram.Output.Name, InputVariables.FinancialAssets.Name, dibaoStatusVariable];
    }

    /// <inheritdoc />
    public override string Name => "dibao_marginal";

    /// <inheritdoc />
    public override string Description => "Dibao-marginal families: not dibao, per-capita income below m × the dibao standard, assets within the dibao limits (no cash benefit).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; }

    /// <inheritdoc />
    public override IReadOnlyList<PolicyProgram> Prerequisites => [_income];

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } = [Eligible];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = [.. DibaoRules.AllParameters, IncomeMultiple];

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new Pass(this, setup);
    }

    private sealed class Pass(DibaoMarginalProgram program, ProgramSetup setup) : ProgramPass
    {
        private readonly DibaoRules _rules = new(setup, withAssetTest: true);
        private readonly RegionalValues _multiple = setup.Scalar(IncomeMultiple);

        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var assets = context.Read(InputVariables.FinancialAssets.Name);
            var dibao = context.Read(program._dibaoStatus);
            var marginal = context.Write(Eligible.Name);
            int first = context.FirstHousehold;
            var income = context.Read(HouseholdIncomeProgram.Output.Name);
            try
            {
                for (int h = first; h < context.EndHousehold; h++)
                {
                    int n = start[h + 1] - start[h];
                    var region = population.HouseholdRegion[h];
                    double s = _rules.AnnualStandard(population, h);
                    double m = _multiple.ByRegion[region.Index];
                    double perCapita = Math.Max(0.0, income[h]) / n;
                    bool notDibao = dibao[h] != 1;
                    bool incomeTest = perCapita < m * s;
                    bool assetTest = _rules.AssetsPass(population, assets[h], h, n, s);
                    bool result = notDibao && incomeTest && assetTest;
                    marginal[h] = result ? 1.0 : 0.0;
                    if (context.Explanation is { } explain)
                    {
                        explain.Record(program.Name, string.Create(CultureInfo.InvariantCulture, $"dibao-marginal: not dibao ({(notDibao ? "yes" : "no")}), Y/n = {perCapita:0.00} < m × S = {m:0.##} × {s:0.00} = {m * s:0.00} ({(incomeTest ? "yes" : "no")}), assets pass ({(assetTest ? "yes" : "no")}) → {(result ? "marginal" : "not marginal")}"), marginal[h], "flag", _multiple.Source(region), _rules.StandardSource(population, h));
                    }
                }
            }
            finally
            {
            }
        }
    }
}
