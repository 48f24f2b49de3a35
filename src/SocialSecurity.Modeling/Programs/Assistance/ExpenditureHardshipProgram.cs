using System.Globalization;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Assistance;

/// <summary>
/// Expenditure-type hardship families (支出型困难家庭): households whose income, net of rigid spending on medical care
/// and education, is below the dibao standard per person, and whose assets pass the dibao test.
/// </summary>
/// <remarks>
/// <para>Basis: the category is reported by Xi &amp; Abudurehman (2024) [P]; the test is illustrative [I]
/// (docs/rules/expenditure_hardship.md): (<i>Y</i> − <i>E</i><sub>rigid</sub>)/<i>n</i> &lt; <i>S</i> plus the dibao asset test, where
/// <i>E</i><sub>rigid</sub> is out-of-pocket medical and education spending over the last 12 months.</para>
/// <para><i>Y</i> is the dibao income definition floored at 0; <i>E</i><sub>rigid</sub> is the sum over members of the
/// rigid-expenditure person columns (yuan/year; negative values count as 0). Since <i>E</i><sub>rigid</sub> ≥ 0, every
/// dibao-eligible household also passes this test: the flag marks the wider set, and programs that serve only
/// non-dibao hardship households combine it with the dibao status.</para>
/// <para>Worked example 11: 3 persons, income 60,000, medical OOP 35,000: 25,000/3 = 8,333.33 &lt; 11,000 → qualifies
/// (unadjusted per capita 20,000).</para>
/// </remarks>
public sealed class ExpenditureHardshipProgram : PolicyProgram
{
    /// <summary>Input (default): out-of-pocket medical spending over the last 12 months, yuan per year (person column).</summary>
    public const string MedicalSpendingColumn = "person.medical_oop_annual";

    /// <summary>Input (default): out-of-pocket education spending over the last 12 months, yuan per year (person column).</summary>
    public const string EducationSpendingColumn = "person.education_expense_annual";

    /// <summary>Output: 1 when the household passes the expenditure-type hardship test.</summary>
    public static readonly VariableDefinition Eligible = new("expenditure_hardship.eligible", Entity.Household, AmountPeriod.None, IncomeRole.None, "1 when (Y − rigid spending)/n is below the dibao standard and assets pass");

    /// <summary>Output: per-capita income net of rigid spending, yuan per year (household; may be negative).</summary>
    public static readonly VariableDefinition AdjustedIncomePerCapita = new("expenditure_hardship.adjusted_income_per_capita_annual", Entity.Household, AmountPeriod.Year, IncomeRole.None, "(Y − rigid spending)/n, yuan per year");

    private readonly HouseholdIncomeProgram _income;
    private readonly string[] _rigidVariables;

    /// <summary>Creates the test with the default income definition and the two default spending columns (<see cref="MedicalSpendingColumn"/>, <see cref="EducationSpendingColumn"/>).</summary>
    public ExpenditureHardshipProgram()
        : this(InputVariables.IncomeForMeansTests, [MedicalSpendingColumn, EducationSpendingColumn])
    {
    }

    /// <summary>Creates the test with custom income and rigid-spending definitions.</summary>
    /// <param name="incomeVariables">Person variables in yuan per year whose sum is the household's income.</param>
    /// <param name="rigidExpenditureVariables">Person variables in yuan per year whose sum is the household's rigid spending (for example a simulated medical out-of-pocket output).</param>
    public ExpenditureHardshipProgram(IEnumerable<string> incomeVariables, IEnumerable<string> rigidExpenditureVariables)
    {
        _income = new HouseholdIncomeProgram(incomeVariables);
        _rigidVariables = DibaoRules.CheckNames(rigidExpenditureVariables, nameof(rigidExpenditureVariables));
        Inputs = [HouseholdIncomeProgram.Output.Name, .. _rigidVariables, InputVariables.FinancialAssets.Name];
    }

    /// <inheritdoc />
    public override string Name => "expenditure_hardship";

    /// <inheritdoc />
    public override string Description => "Expenditure-type hardship families: income net of rigid medical and education spending below the dibao standard per person, assets pass (illustrative test).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; }

    /// <inheritdoc />
    public override IReadOnlyList<PolicyProgram> Prerequisites => [_income];

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } = [Eligible, AdjustedIncomePerCapita];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = DibaoRules.AllParameters;

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new Pass(this, setup);
    }

    private sealed class Pass(ExpenditureHardshipProgram program, ProgramSetup setup) : ProgramPass
    {
        private readonly DibaoRules _rules = new(setup, withAssetTest: true);

        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var assets = context.Read(InputVariables.FinancialAssets.Name);
            var eligible = context.Write(Eligible.Name);
            var adjusted = context.Write(AdjustedIncomePerCapita.Name);
            int first = context.FirstHousehold;
            var income = context.Read(HouseholdIncomeProgram.Output.Name);
            var rigid = SumNonNegative(context, program._rigidVariables);
            try
            {
                for (int h = first; h < context.EndHousehold; h++)
                {
                    int n = start[h + 1] - start[h];
                    double s = _rules.AnnualStandard(population, h);
                    double y = Math.Max(0.0, income[h]);
                    double e = rigid[h - first];
                    double perCapita = (y - e) / n;
                    bool incomeTest = perCapita < s;
                    bool assetTest = _rules.AssetsPass(population, assets[h], h, n, s);
                    adjusted[h] = perCapita;
                    eligible[h] = incomeTest && assetTest ? 1.0 : 0.0;
                    if (context.Explanation is { } explain)
                    {
                        explain.Record(program.Name, string.Create(CultureInfo.InvariantCulture, $"(Y − E_rigid)/n = ({y:0.00} − {e:0.00})/{n} = {perCapita:0.00} < S = {s:0.00} ({(incomeTest ? "yes" : "no")}); assets pass ({(assetTest ? "yes" : "no")})"), eligible[h], "flag", _rules.StandardSource(population, h));
                    }
                }
            }
            finally
            {
                DibaoRules.Return(rigid);
            }
        }

        private static double[] SumNonNegative(ProgramContext context, string[] variables)
        {
            int first = context.FirstHousehold, end = context.EndHousehold;
            var rented = System.Buffers.ArrayPool<double>.Shared.Rent(end - first);
            var sums = rented.AsSpan(0, end - first);
            sums.Clear();
            var start = context.Population.MemberStart;
            var personHousehold = context.Population.PersonHousehold;
            foreach (var name in variables)
            {
                var column = context.Read(name);
                for (int p = start[first]; p < start[end]; p++)
                {
                    sums[personHousehold[p] - first] += Math.Max(0.0, column[p]);
                }
            }

            return rented;
        }
    }
}
