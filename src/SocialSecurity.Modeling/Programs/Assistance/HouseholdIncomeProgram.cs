using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Pensions;

namespace SocialSecurity.Modeling.Programs.Assistance;

/// <summary>
/// A household's income as the means tests count it (docs/rules/household_income.md; Decree 649 art. 10 leaves the definition to
/// local rules): the sum over members of the given person variables, each annualised by its own period (× 12 for
/// monthly), yuan per year. Computed once per run and read by every means-tested program (dibao, tiered dibao,
/// dibao-marginal, expenditure-type hardship), which list it as a <see cref="PolicyProgram.Prerequisites">prerequisite</see>
/// so that it is added to a policy automatically.
/// </summary>
/// <remarks>
/// The default definition is <see cref="InputVariables.IncomeForMeansTests"/> (market income plus reported
/// pensions). With a simulated pension, pass the pension output instead of the reported pension (see
/// <see cref="SocialSecurity.Modeling.Programs.PensionPolicies"/>). Negative business or property income is kept here; the rules floor
/// the household total at zero.
/// <para>When the income variables include the simulated resident pension (<see cref="ResidentPensionProgram.Benefit"/>),
/// its centrally set basic pension is not counted where <see cref="ExcludeCentralBasicPension"/> is 1 (the 14th
/// five-year plan, 民发〔2021〕57号 and 民发〔2021〕43号 art. 6): each member's resident pension counts as
/// max(0, pension − the national minimum basic pension of region 000000 in force) × 12 a year. Reported pensions
/// (<see cref="InputVariables.ReportedPension"/>) are counted in full: the data do not say which part is the resident
/// basic pension.</para>
/// </remarks>
public sealed class HouseholdIncomeProgram : RuleProgram
{
    /// <summary>Output: the household's means-test income, yuan per year.</summary>
    public static readonly VariableDefinition Output = new("assistance.household_income_annual", Entity.Household, AmountPeriod.Year, IncomeRole.None, "Household income for means tests: members' income variables, annualised, yuan per year");

    /// <summary>Parameter (flag): 1 when the centrally set basic pension of the resident scheme is not counted in means-test income.</summary>
    public const string ExcludeCentralBasicPension = "dibao.means_test.exclude_central_basic_pension";

    private readonly string? _residentPension;

    /// <summary>Creates the program with the default income definition (<see cref="InputVariables.IncomeForMeansTests"/>).</summary>
    public HouseholdIncomeProgram()
        : this(InputVariables.IncomeForMeansTests)
    {
    }

    /// <summary>Creates the program with a custom income definition.</summary>
    /// <param name="incomeVariables">Person variables in yuan per month or per year; a variable without a period is rejected when the run is prepared.</param>
    public HouseholdIncomeProgram(IEnumerable<string> incomeVariables)
        : base(
            "household_income",
            "Household income for means tests: the members' income variables, annualised by their period.",
            inputs: RuleArguments.Check(incomeVariables, nameof(incomeVariables)),
            outputs: [Output],
            parameters: CountsResidentPension(incomeVariables) ? [ExcludeCentralBasicPension, ResidentPensionNames.Parameters.BasicPension] : [])
    {
        _residentPension = CountsResidentPension(Inputs) ? ResidentPensionProgram.Benefit.Name : null;
    }

    /// <summary>Without the resident pension the sum reads only its input columns (their periods come from the population's declarations): no parameter, date or draw.</summary>
    internal override bool OutputsDependOnlyOnInputs => _residentPension is null;

    /// <summary>The pass writes every household of its block, whatever the inputs: its output needs no clearing first.</summary>
    internal override bool WritesEveryRow => true;

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
    {
        var exclusion = _residentPension is null ? null : new CentralBasicPensionExclusion(setup, _residentPension);
        return new Pass(new MeansTestIncome(setup, [.. Inputs], "Means-test", exclusion), exclusion);
    }

    private static bool CountsResidentPension(IEnumerable<string> variables)
        => variables?.Contains(ResidentPensionProgram.Benefit.Name, StringComparer.Ordinal) == true;

    // A block operation rather than a per-household rule: members' incomes are summed column by column.
    private sealed class Pass(MeansTestIncome income, CentralBasicPensionExclusion? exclusion) : ProgramPass
    {
        public override void Execute(ProgramContext context)
        {
            var output = context.Write(Output.Name);
            int first = context.FirstHousehold, end = context.EndHousehold;
            income.SumInto(context, output[first..end]);
            if (context.Explanation is { } explain)
            {
                for (int h = first; h < end; h++)
                {
                    if (exclusion is not null)
                    {
                        ExplainExclusion(explain, exclusion, context.Population, h);
                    }

                    explain.Record("household_income", $"household income for means tests = Σ members' {string.Join(" + ", income.Variables)} (annualised)", output[h], "yuan/year");
                }
            }
        }

        private static void ExplainExclusion(Explanation explain, CentralBasicPensionExclusion exclusion, Population population, int h)
        {
            var region = population.HouseholdRegion[h];
            if (!exclusion.AppliesIn(region))
            {
                explain.Record("household_income", "central basic pension of the resident scheme: counted (no exclusion in force)", null, string.Empty, exclusion.Flag.Source(region));
                return;
            }

            explain.Record("household_income", StepText.Create($"central basic pension not counted: each member's resident pension counts as max(0, pension − {exclusion.CentralBasicPensionAnnual / 12:0.00} national minimum basic pension) × 12"), exclusion.CentralBasicPensionAnnual, "yuan/year", exclusion.Flag.Source(region), exclusion.CentralBasicPension);
        }
    }
}
