using SocialSecurity.Modeling.Core;

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
/// </remarks>
public sealed class HouseholdIncomeProgram : RuleProgram
{
    /// <summary>Output: the household's means-test income, yuan per year.</summary>
    public static readonly VariableDefinition Output = new("assistance.household_income_annual", Entity.Household, AmountPeriod.Year, IncomeRole.None, "Household income for means tests: members' income variables, annualised, yuan per year");

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
            parameters: [])
    {
    }

    /// <summary>The sum reads only its input columns (their periods come from the population's declarations): no parameter, date or draw.</summary>
    internal override bool OutputsDependOnlyOnInputs => true;

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
        => new Pass(new MeansTestIncome(setup, [.. Inputs], "Means-test"));

    // A block operation rather than a per-household rule: members' incomes are summed column by column.
    private sealed class Pass(MeansTestIncome income) : ProgramPass
    {
        public override void Execute(ProgramContext context)
        {
            var output = context.Write(Output.Name);
            int first = context.FirstHousehold, end = context.EndHousehold;
            var sums = income.Rent(context);
            sums.AsSpan(0, end - first).CopyTo(output[first..end]);
            MeansTestIncome.Return(sums);
            if (context.Explanation is { } explain)
            {
                for (int h = first; h < end; h++)
                {
                    explain.Record("household_income", $"household income for means tests = Σ members' {string.Join(" + ", income.Variables)} (annualised)", output[h], "yuan/year");
                }
            }
        }
    }
}
