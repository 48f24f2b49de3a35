using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Programs.Assistance;

namespace SocialSecurity.Modeling.Tests.Programs.Insurance;

/// <summary>
/// Unemployment and work-injury programs beyond the household cases (docs/rules/unemployment.md,
/// docs/rules/work_injury.md, docs/rules/work_injury_death.md): explanations, fiscal flows, and invariants over a grid
/// of persons (benefits never negative, never falling with more contribution years, a longer spell or a higher wage,
/// never rising as the disability grade becomes milder).
/// </summary>
public class InsuranceProgramTests
{
    private static readonly DateOnly Date = new(2024, 6, 30);
    private const string Hangzhou = "330100";

    private static Policy All() => Policy.Create(new UnemploymentInsuranceProgram(), new WorkInjuryProgram(), new WorkInjuryDeathProgram());

    [Fact]
    public void Explanation_records_each_program_with_the_values_it_pays()
    {
        var calculator = new HouseholdCalculator(All(), ParameterStore.Default);
        var household = new HouseholdRecord { Id = 1, Weight = 1, RegionCode = Hangzhou, Area = AreaType.Urban, WorkInjuryDeaths = 1 };
        PersonRecord[] members =
        [
            new() { Id = 1, HouseholdId = 1, Age = 40, Contract = WorkContract.LabourContract, UnemploymentInsuranceYears = 7, UnemploymentMonths = 4 },
            new() { Id = 2, HouseholdId = 1, Age = 45, Contract = WorkContract.LabourContract, WorkInjuryGrade = 3, WorkInjuryAssessedThisYear = true, WorkInjuryWageMonthly = 7000, WorkInjuryNursing = NursingDependency.Most },
        ];

        var result = calculator.Calculate(household, members, Date);

        // Hand arithmetic: 4 × 0.9 × 2242.99 [D] = 8074.764; grade 3: 23 × 7000 = 161000, 12 × 0.8 × 7000 = 67200,
        // nursing 12 × 0.4 × 99720/12 = 39888 (Zhejiang 2024 average wage [U]); death 20 × 51821 = 1036420.
        result.PersonValue(UnemploymentInsuranceProgram.Benefit.Name, 0).Should().BeApproximately(4 * 0.9 * 2_242.99, 1e-6);
        result.PersonValue(WorkInjuryProgram.DisabilitySubsidy.Name, 1).Should().BeApproximately(161000, 1e-6);
        result.PersonValue(WorkInjuryProgram.AllowanceFund.Name, 1).Should().BeApproximately(67200, 1e-6);
        result.PersonValue(WorkInjuryProgram.Nursing.Name, 1).Should().BeApproximately(0.4 * 99_720, 1e-6);
        result.HouseholdValue(WorkInjuryDeathProgram.DeathSubsidy.Name).Should().Be(1036420);

        var steps = result.Explanation.Steps;
        steps.Should().Contain(s => s.Program == "unemployment" && s.Value.HasValue && Math.Abs(s.Value.Value - (4 * 0.9 * 2_242.99)) < 1e-6);
        steps.Should().Contain(s => s.Program == "work_injury" && s.Value == 161000 && s.Parameters.Any(p => p.Name == WorkInjuryProgram.SubsidyMonths));
        steps.Should().Contain(s => s.Program == "work_injury" && s.Value == 7000 && s.Parameters.Any(p => p.Name == "pension.employee.average_wage"));
        steps.Should().Contain(s => s.Program == "work_injury_death" && s.Value == 1036420 && s.Parameters.Any(p => p.Name == WorkInjuryDeathProgram.UrbanDisposableIncome));
        result.Explanation.ToText(ParameterStore.Default.Regions).Should().Contain("unemployment").And.Contain("work_injury_death");
    }

    [Fact]
    public void Fiscal_flows_count_fund_benefits_as_spending_but_not_the_employer_allowance_or_the_medical_premium()
    {
        var households = new[] { new HouseholdRecord { Id = 1, Weight = 2, RegionCode = Hangzhou, Area = AreaType.Urban } };
        PersonRecord[] persons =
        [
            new() { Id = 1, HouseholdId = 1, Age = 40, Contract = WorkContract.LabourContract, UnemploymentInsuranceYears = 3, UnemploymentMonths = 12 },
            new() { Id = 2, HouseholdId = 1, Age = 45, Contract = WorkContract.LabourContract, WorkInjuryGrade = 5, WorkInjuryWageMonthly = 8000 },
        ];

        var result = HouseholdRuns.Run(All(), Date, households, persons);

        // Weight 2: spending = 2 × 12 × 0.9 × 2242.99 = 48448.584 (the unemployment benefit only); the employer's grade-5 allowance
        // 2 × 12 × 0.7 × 8000 = 134400 and the fund's medical premium 2 × 12 × 400 = 9600 are not public spending.
        result.AnnualTotal(WorkInjuryProgram.AllowanceEmployer.Name).Should().BeApproximately(134400, 1e-6);
        result.AnnualTotal(UnemploymentInsuranceProgram.MedicalPremiumPaid.Name).Should().BeApproximately(9600, 1e-6);
        result.PublicSpendingAnnual.Should().BeApproximately(2 * 12 * 0.9 * 2_242.99, 1e-6);
        result.PublicRevenueAnnual.Should().Be(0);
    }

    [Fact]
    public void Unemployment_benefit_never_negative_and_never_falls_with_more_years_or_a_longer_spell()
    {
        double[] years = [0, 0.5, 0.99, 1, 3, 4.99, 5, 7, 9.99, 10, 25];
        var (result, grid) = RunGrid(years.Length * 13, i => new PersonRecord { Age = 40, Contract = WorkContract.LabourContract, UnemploymentInsuranceYears = years[i / 13], UnemploymentMonths = i % 13 });
        var benefit = result.Values(UnemploymentInsuranceProgram.Benefit.Name);
        var months = result.Values(UnemploymentInsuranceProgram.MonthsPaid.Name);
        for (int i = 0; i < grid; i++)
        {
            benefit[i].Should().BeGreaterThanOrEqualTo(0);
            months[i].Should().BeLessThanOrEqualTo(i % 13);
            if (i % 13 > 0)
            {
                benefit[i].Should().BeGreaterThanOrEqualTo(benefit[i - 1], "a longer spell never pays less");
            }

            if (i >= 13)
            {
                benefit[i].Should().BeGreaterThanOrEqualTo(benefit[i - 13], "more contribution years never pay less");
            }
        }
    }

    [Fact]
    public void Work_injury_benefits_never_fall_with_a_higher_wage_or_a_more_severe_grade()
    {
        double[] wages = [1000, 4999, 5000, 8000, 24999, 25000, 40000];
        var (result, grid) = RunGrid(10 * wages.Length, i => new PersonRecord
        {
            Age = 40,
            Contract = WorkContract.LabourContract,
            WorkInjuryGrade = 1 + (i / wages.Length),
            WorkInjuryAssessedThisYear = true,
            WorkInjuryWageMonthly = wages[i % wages.Length],
        });
        var subsidy = result.Values(WorkInjuryProgram.DisabilitySubsidy.Name);
        var fund = result.Values(WorkInjuryProgram.AllowanceFund.Name);
        var employer = result.Values(WorkInjuryProgram.AllowanceEmployer.Name);
        for (int i = 0; i < grid; i++)
        {
            double total = subsidy[i] + fund[i] + employer[i];
            total.Should().BeGreaterThan(0, "every grade pays a one-time subsidy in the year of assessment");
            if (i % wages.Length > 0)
            {
                subsidy[i].Should().BeGreaterThanOrEqualTo(subsidy[i - 1], "a higher own wage never pays less");
                fund[i].Should().BeGreaterThanOrEqualTo(fund[i - 1]);
            }

            if (i >= wages.Length)
            {
                total.Should().BeLessThanOrEqualTo(subsidy[i - wages.Length] + fund[i - wages.Length] + employer[i - wages.Length], "a milder grade never pays more");
            }

            if (fund[i] > 0)
            {
                fund[i].Should().BeGreaterThanOrEqualTo(12 * 2280, "the fund makes the allowance up to the minimum wage (2280 [I])");
            }
        }
    }

    /// <summary>One Hangzhou household per person of the grid, so that every person is independent.</summary>
    private static (SimulationResult Result, int Count) RunGrid(int count, Func<int, PersonRecord> person)
    {
        var households = Enumerable.Range(0, count).Select(i => new HouseholdRecord { Id = i + 1, Weight = 1, RegionCode = Hangzhou, Area = AreaType.Urban }).ToArray();
        var persons = Enumerable.Range(0, count).Select(i => person(i) with { Id = i + 1, HouseholdId = i + 1 }).ToArray();
        return (HouseholdRuns.Run(Policy.Create(new UnemploymentInsuranceProgram(), new WorkInjuryProgram()), Date, households, persons), count);
    }
}
