using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Projection;

/// <summary>
/// Retirement, pensions in payment and extrapolation in a projection (docs/projection.md#retirement,
/// docs/projection.md#extrapolation). Oracles are hand arithmetic: Zhejiang's benefit base 8,433 yuan a month from
/// 2025 [U], the illustrative wage growth of 4.8% (2026) and 4.6% (2027), the indexation of 60% of wage growth after
/// the published 2% of 2025, the statutory divisors 139 (60), 132 (61) and 152 (58), the 2024 reform's birth-month rule.
/// </summary>
public class ProjectionRetirementTests
{
    private const double BenefitBase2025 = 8433;

    /// <summary>One person per household in Hangzhou, weight 1: (id, sex, birth year, birth month, female category, years, index, balance, wages).</summary>
    private static Population People(int start, params (long Id, Sex Sex, int Year, int Month, double Category, double Years, double Index, double Balance, double Wages)[] people)
    {
        var builder = new PopulationBuilder();
        foreach (var p in people)
        {
            int age = ((12 * start) + 6 - ((12 * p.Year) + p.Month - 1)) / 12; // completed years on 1 July of the start year
            builder.AddHousehold(new HouseholdRecord { Id = p.Id, Weight = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban });
            builder.AddPerson(new PersonRecord { Id = p.Id, HouseholdId = p.Id, Age = age, Sex = p.Sex, Hukou = HukouType.Urban, WagesAnnual = p.Wages });
        }

        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthYear, [.. people.Select(p => (double)p.Year)]);
        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthMonth, [.. people.Select(p => (double)p.Month)]);
        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.FemaleCategory, [.. people.Select(p => p.Category)]);
        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.ContributionYears, [.. people.Select(p => p.Years)]);
        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.ContributionIndex, [.. people.Select(p => p.Index)]);
        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.AccountBalance, [.. people.Select(p => p.Balance)]);
        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.RetirementAge, new double[people.Length]);
        return builder.Build();
    }

    private static (ProjectionResult Result, Dictionary<int, SimulationResult> Years) Run(Population population, int start, int end, RetirementAssumptions? behaviour = null)
    {
        var years = new Dictionary<int, SimulationResult>();
        var options = new ProjectionOptions
        {
            StartYear = start,
            EndYear = end,
            Mortality = false,
            Fertility = false,
            Retirement = behaviour ?? RetirementAssumptions.Statutory,
            OnYear = y => years[y.Year] = y.Result,
        };
        return (Projector.Run(population, PensionPolicies.EmployeePensionOnly(), ParameterStore.Default, options), years);
    }

    [Fact]
    public void Recycling_the_yearly_output_arrays_with_retirement_changes_nothing()
    {
        // The statutory ages' run and the year's run both take recycled arrays without a per-year callback; with one,
        // new ones. Deaths shrink the population, so later years' arrays are longer than their rows.
        var random = new Random(7);
        var population = People(2025, [.. Enumerable.Range(1, 400).Select(i => (
            (long)i, random.Next(2) == 0 ? Sex.Female : Sex.Male, 1950 + random.Next(55), 1 + random.Next(12), 0.0,
            (double)random.Next(30), 1.0, 1_000.0 * random.Next(200), random.Next(3) == 0 ? 0.0 : 30_000 + random.Next(90_000)))]);
        ProjectionResult Run(Action<ProjectionYear>? onYear) => Projector.Run(population, PensionPolicies.EmployeePensionOnly(), ParameterStore.Default,
            new ProjectionOptions { StartYear = 2025, EndYear = 2033, Retirement = RetirementAssumptions.Statutory, OnYear = onYear });

        var recycled = Run(null);
        var fresh = Run(_ => { });
        recycled.Rows.Should().HaveCount(fresh.Rows.Count);
        for (int i = 0; i < fresh.Rows.Count; i++)
        {
            recycled.Rows[i].Values.Should().Equal(fresh.Rows[i].Values, "year {0}", fresh.Rows[i].Year);
        }

        fresh.Rows[^1][ProjectionIndicators.NewRetirees].Should().BeGreaterThan(0, "members retire in the years compared");
    }

    private static double Column(SimulationResult year, string column, long id)
    {
        var ids = year.Population.PersonId.ToArray();
        return year.Population.ExtraPersonColumn(column)[Array.IndexOf(ids, id)];
    }

    private static double Pension(SimulationResult year, long id) => Column(year, EmployeePensionProgram.Benefit.Name, id);

    [Fact]
    public void A_man_born_June_1965_retires_at_60_years_2_months_with_the_award_of_his_retirement_year_then_indexed()
    {
        // 1: born 1965-06, not contributing (no contract), 30 years, index 1.0, balance 100,000, wages 120,000.
        // 2: born 1960-03, retired in 2020 before the reform: 35 years, index 0.8, balance 80,000.
        var (result, years) = Run(People(2025, (1, Sex.Male, 1965, 6, 0, 30, 1.0, 100_000, 120_000), (2, Sex.Male, 1960, 3, 0, 35, 0.8, 80_000, 0)), 2025, 2027);

        Pension(years[2025], 1).Should().Be(0, "60 years 2 months is reached in August 2025, after the 1 July run date");
        // One year of interest at the 2025 crediting rate of 1.5%, no credit: 101,500 at retirement.
        double award = (BenefitBase2025 * 1.048 * (1 + 1.0) / 2 * 30 * 0.01) + (101_500 / 139.0);
        Pension(years[2026], 1).Should().BeApproximately(award, 1e-6);
        Column(years[2026], EmployeePensionNames.Columns.RetirementAge, 1).Should().Be(60);
        Pension(years[2027], 1).Should().BeApproximately(award * (1 + (0.6 * 0.046)), 1e-6, "indexed by 60% of the 4.6% wage growth of 2027");

        double pensioner = (BenefitBase2025 * (1 + 0.8) / 2 * 35 * 0.01) + (80_000 / 139.0);
        Pension(years[2025], 2).Should().BeApproximately(pensioner, 1e-6, "a pensioner in the base population is awarded on the first run date");
        Pension(years[2026], 2).Should().BeApproximately(pensioner * (1 + (0.6 * 0.048)), 1e-6);

        result.Row(2025)[ProjectionIndicators.NewRetirees].Should().Be(0);
        result.Row(2025)[ProjectionIndicators.ReplacementRate].Should().Be(double.NaN);
        result.Row(2026)[ProjectionIndicators.NewRetirees].Should().Be(1);
        result.Row(2026)[ProjectionIndicators.ReplacementRate].Should().BeApproximately(award * 12 / 120_000, 1e-9);
        result.Row(2027)[ProjectionIndicators.FundExpenditure].Should().BeApproximately(12 * ((award * 1.0276) + (pensioner * 1.0288 * 1.0276)), 1e-4);
        result.Row(2027)[ProjectionIndicators.FundAccountExpenditure].Should().BeApproximately(12 * ((101_500 / 139.0) + (80_000 / 139.0)), 1e-6, "the account part is not indexed");
        result.Row(2027)[ProjectionIndicators.FundPooledExpenditure].Should().BeApproximately(12 * ((award * 1.0276) + (pensioner * 1.0288 * 1.0276) - (181_500 / 139.0)), 1e-4);
        years[2026].Population.WagesAnnual[Array.IndexOf(years[2026].Population.PersonId.ToArray(), 1L)].Should().Be(0, "a retiree stops work");
    }

    [Fact]
    public void A_member_working_past_60_contributes_until_he_retires_at_his_statutory_age()
    {
        // Born June 1966: statutory age 60 years 5 months (1 month for January 1965 + 1 per 4 months of birth after it,
        // 17 months → 5), so he retires in November 2026; on 1 July 2026 he is 60 and still works under a labour contract.
        var builder = new PopulationBuilder();
        builder.AddHousehold(new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban });
        builder.AddPerson(new PersonRecord { Id = 1, HouseholdId = 1, Age = 59, Sex = Sex.Male, Hukou = HukouType.Urban, Employment = EmploymentStatus.Employee, Contract = WorkContract.LabourContract, WagesAnnual = 120_000 });
        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthYear, [1966]);
        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthMonth, [6]);
        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.FemaleCategory, [0]);
        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.ContributionYears, [30]);
        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.ContributionIndex, [1.0]);
        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.AccountBalance, [100_000]);
        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.RetirementAge, [0]);
        var years = new Dictionary<int, SimulationResult>();
        var options = new ProjectionOptions { StartYear = 2025, EndYear = 2027, Mortality = false, Fertility = false, WorkingLives = false, Households = false, OnYear = y => years[y.Year] = y.Result };
        Projector.Run(builder.Build(), PensionPolicies.EmployeePensionOnly(), ParameterStore.Default, options);

        string contribution = SocialSecurity.Modeling.Programs.Insurance.SocialInsuranceContributionsProgram.EmployeePension.Name;
        years[2026].Population.Age[0].Should().Be(60);
        years[2026].Values(contribution)[0].Should().BeApproximately(0.08 * 120_000, 1e-9, "not retired at 60 years 1 month: 8% of 12 × 10,000 (inside the band), where the fixed pension age 60 would stop it");
        Column(years[2026], ProjectionColumns.Retired.Name, 1).Should().Be(0);
        Column(years[2027], ProjectionColumns.Retired.Name, 1).Should().Be(1);
        years[2027].Values(contribution)[0].Should().Be(0, "retired in November 2026");
    }

    [Fact]
    public void A_woman_of_the_55_category_born_September_1981_retires_at_58()
    {
        var (_, years) = Run(People(2039, (1, Sex.Female, 1981, 9, 55, 25, 1.0, 50_000, 0)), 2039, 2040);
        Column(years[2039], ProjectionColumns.Retired.Name, 1).Should().Be(0, "58 is reached in September 2039");
        Column(years[2040], ProjectionColumns.Retired.Name, 1).Should().Be(1);
        Column(years[2040], EmployeePensionNames.Columns.RetirementAge, 1).Should().Be(58);
        double balance = 50_000 * 1.015; // the 2039 crediting rate is the 2025 one, held
        Pension(years[2040], 1).Should().BeApproximately((BenefitBase2025 * 1.048 * 1.046 * 1.044 * 1.042 * 1.04 * 1.038 * 1.036 * 1.034 * 1.032 * 1.03 * 1.03 * 1.03 * 1.03 * 1.03 * 1.03 * 25 * 0.01) + (balance / 152.0), 1e-6,
            "W_prev uprated with wages from 2026 to 2040 (4.8% falling by 0.2 points to 3% in 2035, held after)");
    }

    [Fact]
    public void The_minimum_contribution_years_of_the_retirement_year_decide_the_award()
    {
        // Men born January 1970 reach 61 years 4 months in May 2031, when 16 years are required.
        var (_, years) = Run(People(2030, (1, Sex.Male, 1970, 1, 0, 15.8, 1.0, 0, 0), (2, Sex.Male, 1970, 1, 0, 16.2, 1.0, 0, 0)), 2030, 2032);
        Column(years[2030], ProjectionColumns.Retired.Name, 1).Should().Be(0);
        Column(years[2031], ProjectionColumns.Retired.Name, 1).Should().Be(1);
        Pension(years[2031], 1).Should().Be(0, "15.8 years < 16");
        Pension(years[2032], 1).Should().Be(0, "a retiree without a pension stays without one");
        Pension(years[2031], 2).Should().BeApproximately(BenefitBase2025 * 1.048 * 1.046 * 1.044 * 1.042 * 1.04 * 1.038 * 16.2 * 0.01, 1e-6);
        Column(years[2031], EmployeePensionNames.Columns.RetirementAge, 2).Should().Be(61);
    }

    [Fact]
    public void Voluntary_early_retirement_stops_at_the_original_age_and_deferral_adds_its_months()
    {
        // Men born September 1976: statutory 63, in September 2039.
        var early = new RetirementAssumptions(1, 36, 0, 0, "I", "test: everyone retires 36 months early");
        var (_, e) = Run(People(2036, (1, Sex.Male, 1976, 9, 0, 30, 1.0, 0, 0)), 2036, 2037, early);
        Column(e[2036], ProjectionColumns.Retired.Name, 1).Should().Be(0, "60 is reached in September 2036");
        Column(e[2037], ProjectionColumns.Retired.Name, 1).Should().Be(1);
        Column(e[2037], EmployeePensionNames.Columns.RetirementAge, 1).Should().Be(60);

        var deferred = new RetirementAssumptions(0, 0, 1, 12, "I", "test: everyone defers 12 months");
        var (_, d) = Run(People(2040, (1, Sex.Male, 1976, 9, 0, 30, 1.0, 0, 0)), 2040, 2041, deferred);
        Column(d[2040], ProjectionColumns.Retired.Name, 1).Should().Be(0, "64 is reached in September 2040");
        Column(d[2041], EmployeePensionNames.Columns.RetirementAge, 1).Should().Be(64);
        Pension(d[2041], 1).Should().BeGreaterThan(0);

        var none = new RetirementAssumptions(1, 36, 0, 0, "I", "test");
        var (_, n) = Run(People(2025, (1, Sex.Male, 1965, 2, 0, 30, 1.0, 0, 0)), 2025, 2025, none);
        Column(n[2025], ProjectionColumns.Retired.Name, 1).Should().Be(1, "born February 1965: 60 years 1 month in March 2025; early retirement cannot go below 60, reached in February 2025");
    }

    [Fact]
    public void Ruled_parameters_past_their_last_dated_value_follow_wages_or_a_share_of_wage_growth_and_the_others_are_held_and_listed()
    {
        var (result, _) = Run(People(2025, (1, Sex.Male, 1980, 1, 0, 10, 1.0, 1000, 50_000)), 2025, 2027);
        var used = result.Extrapolations;
        var benefitBase = used.Single(e => e.Parameter == EmployeePensionNames.Parameters.BenefitBase && e.RegionCode == RegionCodes.Hangzhou && e.Year == 2027);
        benefitBase.Kind.Should().Be(ExtrapolationKind.Wages);
        benefitBase.LastDatedYear.Should().Be(2025);
        benefitBase.Value.Should().BeApproximately(BenefitBase2025 * 1.048 * 1.046, 1e-6);
        used.Single(e => e.Parameter == ProjectionParameters.IndexationRate && e.RegionCode == RegionCodes.Hangzhou && e.Year == 2026).Value.Should().BeApproximately(0.6 * 0.048, 1e-12);
        used.Should().NotContain(e => e.Parameter == EmployeePensionNames.Parameters.BenefitBase && e.Year == 2025, "2025 has a dated value");
        var held = used.Single(e => e.Parameter == EmployeePensionNames.Parameters.AccountInterestRate && e.RegionCode == RegionCodes.Hangzhou);
        (held.Kind, held.Year, held.LastDatedYear, held.Value).Should().Be((ExtrapolationKind.Held, 2026, 2025, 0.015));
        result.Parameters.Resolve(EmployeePensionNames.Parameters.BenefitBase, new DateOnly(2027, 7, 1), RegionCodes.Hangzhou).PerMonth().Should().BeApproximately(BenefitBase2025 * 1.048 * 1.046, 1e-6);

        var directory = Path.Combine(Path.GetTempPath(), "projection-extrapolation-" + Guid.NewGuid().ToString("N"));
        result.WriteCsv(directory);
        File.ReadAllLines(Path.Combine(directory, "projection_extrapolation.csv")).Should().Contain(l => l.StartsWith("pension.employee.benefit_base,330100,2027,2025,Wages,", StringComparison.Ordinal));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void Without_retirement_behaviour_the_employee_pension_stays_the_static_rule()
    {
        var population = People(2025, (1, Sex.Male, 1960, 3, 0, 35, 0.8, 80_000, 0));
        var years = new Dictionary<int, SimulationResult>();
        var options = new ProjectionOptions { StartYear = 2025, EndYear = 2026, Mortality = false, Fertility = false, Retirement = null, OnYear = y => years[y.Year] = y.Result };
        var result = Projector.Run(population, PensionPolicies.EmployeePensionOnly(), ParameterStore.Default, options);
        years[2026].Values(EmployeePensionProgram.Benefit.Name)[0].Should().BeApproximately((BenefitBase2025 * 1.048 * 1.8 / 2 * 35 * 0.01) + (80_000 / 139.0), 1e-6, "W_prev of the run date for every pensioner");
        result.Row(2026)[ProjectionIndicators.NewRetirees].Should().Be(double.NaN);
    }

    [Fact]
    public void Bad_rules_and_behaviour_are_rejected_naming_the_culprit()
    {
        var population = People(2025, (1, Sex.Male, 1980, 1, 0, 10, 1.0, 1000, 50_000));
        Action run(ProjectionOptions o) => () => Projector.Run(population, PensionPolicies.EmployeePensionOnly(), ParameterStore.Default, o);
        run(new ProjectionOptions { Extrapolation = [new("dibao.standard.urban", ExtrapolationKind.Wages, 1, "I", " ")] })
            .Should().Throw<ArgumentException>().WithMessage("*extrapolation rule of 'dibao.standard.urban' has no source*");
        run(new ProjectionOptions { Extrapolation = [new("no.such.parameter", ExtrapolationKind.Prices, 1, "I", "x")] })
            .Should().Throw<ArgumentException>().WithMessage("*'no.such.parameter', which is not a parameter*");
        run(new ProjectionOptions { Retirement = new RetirementAssumptions(0.7, 12, 0.5, 12, "I", "x") })
            .Should().Throw<ArgumentException>().WithMessage("*add up to at most 1*");
        run(new ProjectionOptions { Retirement = new RetirementAssumptions(0.1, 48, 0, 0, "I", "x") })
            .Should().Throw<ArgumentException>().WithMessage("*0–36*");
    }
}
