using SocialSecurity.Modeling.Internal;
using System.Buffers;
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
public sealed class ExpenditureHardshipProgram : RuleProgram
{
    /// <summary>Input (default): out-of-pocket medical spending over the last 12 months, yuan per year (person column).</summary>
    public const string MedicalSpendingColumn = "person.medical_oop_annual";

    /// <summary>Input (default): out-of-pocket education spending over the last 12 months, yuan per year (person column).</summary>
    public const string EducationSpendingColumn = "person.education_expense_annual";

    /// <summary>Output: 1 when the household passes the expenditure-type hardship test.</summary>
    public static readonly VariableDefinition Eligible = new("expenditure_hardship.eligible", Entity.Household, AmountPeriod.None, IncomeRole.None, "1 when (Y − rigid spending)/n is below the dibao standard and assets pass");

    /// <summary>Output: 1 when the household is on the expenditure-type hardship roll: <see cref="Eligible"/> by the rule alone, after take-up and identification errors through <c>TargetedProgram</c>.</summary>
    public static readonly VariableDefinition OnRoll = new("expenditure_hardship.on_roll", Entity.Household, AmountPeriod.None, IncomeRole.None, "1 when the household is on the expenditure-type hardship roll (the rule's status, after take-up and identification errors when targeted)");

    /// <summary>Output: per-capita income net of rigid spending, yuan per year (household; may be negative).</summary>
    public static readonly VariableDefinition AdjustedIncomePerCapita = new("expenditure_hardship.adjusted_income_per_capita_annual", Entity.Household, AmountPeriod.Year, IncomeRole.None, "(Y − rigid spending)/n, yuan per year");

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
        : this(new HouseholdIncomeProgram(incomeVariables), RuleArguments.Check(rigidExpenditureVariables, nameof(rigidExpenditureVariables)))
    {
    }

    private ExpenditureHardshipProgram(HouseholdIncomeProgram income, string[] rigidVariables)
        : base(
            "expenditure_hardship",
            "Expenditure-type hardship families: income net of rigid medical and education spending below the dibao standard per person, assets pass (illustrative test).",
            inputs: [HouseholdIncomeProgram.Output.Name, .. rigidVariables, InputVariables.FinancialAssets.Name],
            outputs: [Eligible, OnRoll, AdjustedIncomePerCapita],
            parameters: DibaoRules.AllParameters,
            prerequisites: [income])
    {
        _rigidVariables = rigidVariables;
    }

    /// <summary>Run by its rule alone, the on-roll flag is the eligibility flag: one column serves both.</summary>
    internal override (string Copy, string Source)? CopiedOutput => (OnRoll.Name, Eligible.Name);

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
        => new OnRollPass(PerHousehold<Rule, Rule.Block>(new Rule(_rigidVariables, new DibaoRules(setup, withAssetTest: true))), Eligible.Name, OnRoll.Name, Entity.Household);

    private readonly struct Rule(string[] rigidVariables, DibaoRules rules) : IHouseholdRule<Rule.Block>
    {
        public Block Bind(ProgramContext context)
            => new(rules.Bind(context.Population), context.Population, context.FirstHousehold, SumNonNegative(context, rigidVariables), context.Read(HouseholdIncomeProgram.Output.Name), context.Read(InputVariables.FinancialAssets.Name), context.Write(Eligible.Name), context.Write(AdjustedIncomePerCapita.Name));

        public void Compute(ref Block block, in HouseholdRow household, Explanation? explanation)
        {
            int h = household.Index, n = household.Size;
            double s = block.Rules.AnnualStandard(h);
            double y = Math.Max(0.0, block.Income[h]);
            double e = block.Rigid[h - block.FirstHousehold];
            double perCapita = (y - e) / n;
            bool incomeTest = perCapita < s;
            bool assetTest = block.Rules.AssetsPass(block.Assets[h], h, n, s);
            block.Adjusted[h] = perCapita;
            block.Eligible[h] = incomeTest && assetTest ? 1.0 : 0.0;
            explanation?.Record("expenditure_hardship", StepText.Create($"(Y − E_rigid)/n = ({y:0.00} − {e:0.00})/{n} = {perCapita:0.00} < S = {s:0.00} ({(incomeTest ? "yes" : "no")}); assets pass ({(assetTest ? "yes" : "no")})"), block.Eligible[h], "flag", rules.StandardSource(block.Population, h));
        }

        public void Release(ref Block block) => ArrayPool<double>.Shared.Return(block.Rigid);

        // Σ over members of max(0, value), per household of the block, column by column (a pooled buffer).
        private static double[] SumNonNegative(ProgramContext context, string[] variables)
        {
            int first = context.FirstHousehold, end = context.EndHousehold;
            var rented = ArrayPool<double>.Shared.Rent(end - first);
            var sums = rented.AsSpan(0, end - first);
            sums.Clear();
            var start = context.Population.MemberStart;
            Span<double> members = stackalloc double[0];
            foreach (var name in variables)
            {
                var column = context.Read(name);
                for (int h = first; h < end; h++)
                {
                    // Each member's non-negative amount, summed independently of the members' order.
                    int size = start[h + 1] - start[h];
                    if (members.Length < size)
                    {
                        members = new double[Math.Max(size, 16)];
                    }

                    for (int m = 0; m < size; m++)
                    {
                        members[m] = Math.Max(0.0, column[start[h] + m]);
                    }

                    sums[h - first] += ColumnMath.MemberSum(members[..size]);
                }
            }

            return rented;
        }

        public readonly ref struct Block(DibaoRules bound, Population population, int firstHousehold, double[] rigid, ReadOnlySpan<double> income, ReadOnlySpan<double> assets, Span<double> eligible, Span<double> adjusted)
        {
            public readonly DibaoRules Rules = bound;
            public readonly Population Population = population;
            public readonly int FirstHousehold = firstHousehold;
            public readonly double[] Rigid = rigid;
            public readonly ReadOnlySpan<double> Income = income;
            public readonly ReadOnlySpan<double> Assets = assets;
            public readonly Span<double> Eligible = eligible;
            public readonly Span<double> Adjusted = adjusted;
        }
    }
}
