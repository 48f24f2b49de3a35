using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs;

namespace SocialSecurity.Modeling.Tests.Programs.Pensions;

public class EmployeePensionProgramTests
{
    private static readonly DateOnly Date = new(2023, 7, 1);

    /// <summary>The worked-example wage bases, set by reform so the tests do not depend on the illustrative data values.</summary>
    internal static readonly ParameterStore Store = ParameterStore.Default.WithReform(Reform.Create("example 7 bases")
        .Set(EmployeePensionNames.Parameters.BenefitBase, RegionCodes.Zhejiang, new DateOnly(2023, 1, 1), 8_000)
        .Set(EmployeePensionNames.Parameters.AverageWage, RegionCodes.Zhejiang, new DateOnly(2023, 1, 1), 100_000));

    private static readonly HouseholdRecord Household = new() { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban };

    private static Dictionary<string, double[]> Columns(double[] years, double[] index, double[] balance, double[] retirementAge) => new()
    {
        [EmployeePensionNames.Columns.ContributionYears] = years,
        [EmployeePensionNames.Columns.ContributionIndex] = index,
        [EmployeePensionNames.Columns.AccountBalance] = balance,
        [EmployeePensionNames.Columns.RetirementAge] = retirementAge,
    };

    [Fact]
    public void Worked_example_7_through_the_program_with_explanation()
    {
        var calculator = new HouseholdCalculator(PensionPolicies.EmployeePensionOnly(), Store);
        PersonRecord[] members =
        [
            new() { Id = 1, HouseholdId = 1, Age = 60, Sex = Sex.Male, Employment = EmploymentStatus.Retired },
            new() { Id = 2, HouseholdId = 1, Age = 57, Sex = Sex.Female, Employment = EmploymentStatus.Retired },
            new() { Id = 3, HouseholdId = 1, Age = 60, Sex = Sex.Male, Employment = EmploymentStatus.Retired },
        ];
        var result = calculator.Calculate(Household, members, Date, Columns(
            years: [30, 30, 20],
            index: [1.0, 1.0, 0.6],
            balance: [150_000, 150_000, 0],
            retirementAge: [0, 55, 0]));

        Money.Yuan.Round(result.PersonValue(EmployeePensionProgram.Benefit.Name, 0)).Should().Be(3_479.14m, "2,400 + 150,000/139");
        Money.Yuan.Round(result.PersonValue(EmployeePensionProgram.Benefit.Name, 1)).Should().Be(3_282.35m, "2,400 + 150,000/170 (retired at 55)");
        Money.Yuan.Round(result.PersonValue(EmployeePensionProgram.Benefit.Name, 2)).Should().Be(1_280.00m, "8,000 × 1.6/2 × 20 × 1%");
        result.PersonValue(SocialInsuranceContributionsProgram.EmployeePension.Name, 0).Should().Be(0, "pensioners do not contribute");

        var text = result.Explanation.ToText(Store.Regions);
        text.Should().Contain("basic pension = W_prev 8000.00 × (1 + Ī 1)/2 × n 30 × 0.01");
        text.Should().Contain("account pension = balance 150000.00 / divisor(55) 170");
        text.Should().Contain("pension.employee.benefit_base").And.Contain("pension.employee.account_divisors").And.Contain("pension.employee.minimum_contribution_years").And.Contain("pension.employee.pension_age.male");
    }

    [Fact]
    public void Contribution_base_is_clamped_to_60_and_300_percent_of_the_average_wage()
    {
        var calculator = new HouseholdCalculator(PensionPolicies.EmployeePensionOnly(), Store);
        PersonRecord[] members =
        [
            new() { Id = 1, HouseholdId = 1, Age = 30, Sex = Sex.Male, Employment = EmploymentStatus.Employee, Contract = WorkContract.LabourContract, WagesAnnual = 40_000 },
            new() { Id = 2, HouseholdId = 1, Age = 40, Sex = Sex.Female, Employment = EmploymentStatus.Employee, Contract = WorkContract.LabourContract, WagesAnnual = 400_000 },
            new() { Id = 3, HouseholdId = 1, Age = 45, Sex = Sex.Male, Employment = EmploymentStatus.Employee, Contract = WorkContract.LabourContract, WagesAnnual = 150_000 },
            new() { Id = 4, HouseholdId = 1, Age = 35, Sex = Sex.Female, Employment = EmploymentStatus.SelfEmployed, Contract = WorkContract.Flexible, BusinessIncomeAnnual = 80_000 },
            new() { Id = 5, HouseholdId = 1, Age = 35, Sex = Sex.Male, Employment = EmploymentStatus.Employee, WagesAnnual = 80_000 },
        ];
        var result = calculator.Calculate(Household, members, Date, Columns([5, 10, 20, 8, 0], [1, 1, 1, 1, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]));

        double Base(int i) => result.PersonValue(SocialInsuranceContributionsProgram.BaseMonthly.Name, i);
        double Own(int i) => result.PersonValue(SocialInsuranceContributionsProgram.EmployeePension.Name, i);
        double Employer(int i) => result.PersonValue(SocialInsuranceContributionsProgram.EmployerPension.Name, i);

        Base(0).Should().Be(5_000, "40,000 / 12 is below the 60% floor of 100,000 / 12");
        Own(0).Should().BeApproximately(4_800, 1e-9);
        Employer(0).Should().BeApproximately(9_600, 1e-9);
        Base(1).Should().Be(25_000, "400,000 / 12 is above the 300% ceiling");
        Own(1).Should().BeApproximately(24_000, 1e-9);
        Employer(1).Should().BeApproximately(48_000, 1e-9);
        Base(2).Should().Be(12_500, "inside the band");
        Base(3).Should().Be(5_000, "flexible worker: the chosen base, by default the floor, whatever the income");
        Own(3).Should().BeApproximately(12_000, 1e-9, "flexible workers pay the whole 20%");
        Employer(3).Should().Be(0);
        Own(4).Should().Be(0, "no labour contract");
        result.PersonValue(EmployeePensionProgram.Benefit.Name, 1).Should().Be(0, "a 40-year-old woman is below the pension age");

        var text = result.Explanation.ToText(Store.Regions);
        text.Should().Contain("employer: pension 0.16").And.Contain("pension.employee.average_wage").And.Contain("no contributions (contributors have a labour contract");
    }

    [Fact]
    public void Fourteen_years_give_no_pension_and_the_minimum_rises_from_2030()
    {
        var calculator = new HouseholdCalculator(PensionPolicies.EmployeePensionOnly(), Store);
        PersonRecord[] members =
        [
            new() { Id = 1, HouseholdId = 1, Age = 62, Sex = Sex.Male },
            new() { Id = 2, HouseholdId = 1, Age = 62, Sex = Sex.Male },
        ];
        var columns = Columns([14, 15], [1, 1], [50_000, 50_000], [0, 0]);
        var result = calculator.Calculate(Household, members, Date, columns);
        result.PersonValue(EmployeePensionProgram.Benefit.Name, 0).Should().Be(0);
        result.PersonValue(EmployeePensionProgram.Benefit.Name, 1).Should().BeGreaterThan(0);
        result.Explanation.ToText(Store.Regions).Should().Contain("14 contribution years < 15 required");

        var in2030 = calculator.Calculate(Household, members, new DateOnly(2030, 7, 1), columns);
        in2030.PersonValue(EmployeePensionProgram.Benefit.Name, 1).Should().Be(0, "the minimum is 15.5 years in 2030");
    }

    [Fact]
    public void Statutory_pension_age_is_60_for_men_and_50_for_women_unless_the_column_says_otherwise()
    {
        var calculator = new HouseholdCalculator(PensionPolicies.EmployeePensionOnly(), Store);
        PersonRecord[] members =
        [
            new() { Id = 1, HouseholdId = 1, Age = 52, Sex = Sex.Female, Employment = EmploymentStatus.Employee, Contract = WorkContract.LabourContract, WagesAnnual = 90_000 },
            new() { Id = 2, HouseholdId = 1, Age = 52, Sex = Sex.Female, Employment = EmploymentStatus.Employee, Contract = WorkContract.LabourContract, WagesAnnual = 90_000 },
            new() { Id = 3, HouseholdId = 1, Age = 59, Sex = Sex.Male, Employment = EmploymentStatus.Employee, WagesAnnual = 90_000 },
        ];
        var result = calculator.Calculate(Household, members, Date, Columns([25, 25, 25], [1, 1, 1], [0, 0, 0], [0, 55, 0]));
        result.PersonValue(EmployeePensionProgram.Benefit.Name, 0).Should().BeGreaterThan(0, "a female worker reaches the pension age at 50");
        result.PersonValue(SocialInsuranceContributionsProgram.EmployeePension.Name, 0).Should().Be(0);
        result.PersonValue(EmployeePensionProgram.Benefit.Name, 1).Should().Be(0, "a woman retiring at 55 still works at 52");
        result.PersonValue(SocialInsuranceContributionsProgram.EmployeePension.Name, 1).Should().Be(0, "contributions stop at the statutory pension age: the retirement-age column sets only when the pension starts");
        result.PersonValue(EmployeePensionProgram.Benefit.Name, 2).Should().Be(0, "a man reaches the pension age at 60");
    }

    [Fact]
    public void Invalid_columns_fail_with_the_person_and_column_named()
    {
        var calculator = new HouseholdCalculator(PensionPolicies.EmployeePensionOnly(), Store);
        PersonRecord[] members = [new() { Id = 7, HouseholdId = 1, Age = 65, Sex = Sex.Male }];
        var act = () => calculator.Calculate(Household, members, Date, Columns([20], [1], [0], [75]));
        act.Should().Throw<InvalidOperationException>().WithMessage("Person 7: 'pension.employee.retirement_age' is 75; expected 0 (the statutory age) or an age within the divisor table, 40–70.",
            "the divisor table is a parameter: checked once when the program is prepared");
        var fraction = () => calculator.Calculate(Household, members, Date, Columns([20], [1], [0], [60.5]));
        fraction.Should().Throw<PopulationValidationException>().WithMessage("*column 'pension.employee.retirement_age', person row 0 (id 7): 60.5 is invalid; expected a whole number in 0–120 years*");
    }

    [Fact]
    public void Dibao_counts_both_simulated_pensions_less_the_central_basic_pension()
    {
        // A couple: he draws the employee pension, she (never an employee) the resident pension.
        var calculator = new HouseholdCalculator(PensionPolicies.WithEmployeeAndResidentPensions(), Store);
        PersonRecord[] members = [new() { Id = 1, HouseholdId = 1, Age = 70, Sex = Sex.Male }, new() { Id = 2, HouseholdId = 1, Age = 68, Sex = Sex.Female }];
        var columns = Columns([15, 0], [0, 0], [0, 0], [0, 0]);
        columns[ResidentPensionNames.Columns.TierAnnual] = [0, 0];
        columns[ResidentPensionNames.Columns.ContributionYears] = [15, 15];
        columns[ResidentPensionNames.Columns.AccountBalance] = [0, 0];
        columns[ResidentPensionNames.Columns.DibaoRecipient] = [0, 0];
        columns[ResidentPensionNames.Columns.Destitute] = [0, 0];
        var result = calculator.Calculate(Household, members, Date, columns);

        double employee = result.PersonValue(EmployeePensionProgram.Benefit.Name, 0);
        employee.Should().BeApproximately(8_000 * 1.0 / 2 * 15 * 0.01, 1e-9);
        result.PersonValue(ResidentPensionProgram.Benefit.Name, 0).Should().Be(0, "an employee pensioner is outside the resident scheme (国发〔2014〕8号 art. 3), whatever his resident columns say");
        result.PersonValue(EmployeePensionProgram.Benefit.Name, 1).Should().Be(0);
        double resident = result.PersonValue(ResidentPensionProgram.Benefit.Name, 1);
        resident.Should().BeGreaterThan(0);
        var standard = Store.Resolve(DibaoProgram.StandardUrban, Date, RegionCodes.Hangzhou).PerYear();
        // The central basic pension (the national minimum, 103 a month in 2023) is not counted (民发〔2021〕57号, 2021-2025);
        // the employee pension and the rest of the resident pension (Zhejiang's basic pension 190 is above it) are.
        resident.Should().BeGreaterThan(103);
        double expected = Math.Max(0, (2 * standard) - (12 * (employee + resident - 103))) / 12;
        result.HouseholdValue(DibaoProgram.Benefit.Name).Should().BeApproximately(expected, 1e-6);
        expected.Should().BeGreaterThan(0, "the test needs a household below the standard");
    }
}
