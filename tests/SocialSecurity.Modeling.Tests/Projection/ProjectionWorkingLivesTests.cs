using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Projection;

/// <summary>
/// Working lives, resident accounts and the fund's pooled and account parts (docs/projection.md#working-lives,
/// docs/projection.md#accounts, docs/projection.md#fund). The illustrative assumptions tested: rank persistence 0.9,
/// wage growth 4.8% in 2026, entry at 22 with rate 75%, 60% with a labour contract at 70% of the average wage, exit at 65.
/// </summary>
public class ProjectionWorkingLivesTests
{
    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Single-person households in Hangzhou, weight 1: (age, birth month, wages), ids from 1; born so that the age holds on 1 July 2025.</summary>
    private static Population People(IReadOnlyList<(int Age, int Month, double Wages)> people)
    {
        var builder = new PopulationBuilder();
        for (int i = 0; i < people.Count; i++)
        {
            builder.AddHousehold(new HouseholdRecord { Id = i + 1, Weight = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban });
            builder.AddPerson(new PersonRecord
            {
                Id = i + 1,
                HouseholdId = i + 1,
                Age = people[i].Age,
                Sex = i % 2 == 0 ? Sex.Female : Sex.Male,
                Hukou = HukouType.Urban,
                WagesAnnual = people[i].Wages,
                Employment = people[i].Wages > 0 ? EmploymentStatus.Employee : EmploymentStatus.Student,
            });
        }

        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthYear, [.. people.Select(p => (double)(2025 - p.Age - (p.Month > 7 ? 1 : 0)))]);
        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthMonth, [.. people.Select(p => (double)p.Month)]);
        return builder.Build();
    }

    private static Dictionary<int, SimulationResult> Run(Population population, int end = 2026)
    {
        var years = new Dictionary<int, SimulationResult>();
        Projector.Run(population, Policy.Create(new RetirementAgeProgram()), ParameterStore.Default,
            new ProjectionOptions { StartYear = 2025, EndYear = end, Mortality = false, Fertility = false, Households = false, OnYear = y => years[y.Year] = y.Result });
        return years;
    }

    private static (double Mean, double Deviation) Moments(double[] x)
    {
        double mean = x.Average();
        return (mean, Math.Sqrt(x.Select(v => (v - mean) * (v - mean)).Average()));
    }

    [Fact]
    public void Log_wages_keep_their_rank_with_persistence_0_9_their_dispersion_and_grow_with_the_average()
    {
        var random = new Random(5);
        var people = Enumerable.Range(0, 20_000).Select(_ => (30, 1, Math.Exp(Math.Log(80_000) + (0.6 * Normal(random))))).ToArray();
        var years = Run(People(people));
        var before = years[2025].Population.WagesAnnual.ToArray().Select(w => Math.Log(w)).ToArray();
        var after = years[2026].Population.WagesAnnual.ToArray().Select(w => Math.Log(w)).ToArray();
        years[2026].Population.PersonId.ToArray().Should().Equal(years[2025].Population.PersonId.ToArray());

        var (m0, s0) = Moments(before);
        var (m1, s1) = Moments(after);
        double correlation = before.Zip(after, (a, b) => (a - m0) * (b - m1)).Average() / (s0 * s1);
        correlation.Should().BeApproximately(0.9, 0.01, "rank persistence 0.9 (standard error about 0.0013 with 20,000 workers)");
        s1.Should().BeApproximately(s0, 0.02 * s0, "the dispersion stays the base one");
        (m1 - m0).Should().BeApproximately(Math.Log(1.048), 0.01, "log wages rise by the 4.8% wage growth of 2026 on average");
    }

    [Fact]
    public void Young_people_enter_work_at_22_and_workers_outside_the_employee_pension_leave_at_65()
    {
        var random = new Random(9);
        var workers = Enumerable.Range(0, 2000).Select(_ => (30, 1, Math.Exp(Math.Log(80_000) + (0.6 * Normal(random)))));
        var young = Enumerable.Range(0, 20_000).Select(_ => (21, 1, 0.0));
        var population = People([.. workers, .. young, (64, 1, 50_000.0)]);
        var years = Run(population);
        var next = years[2026].Population;
        var wages = next.WagesAnnual.ToArray();
        var contract = next.Contract.ToArray();
        var entrants = Enumerable.Range(2000, 20_000).Where(p => wages[p] > 0).ToArray();
        next.Age[2000].Should().Be(22);
        ((double)entrants.Length / 20_000).Should().BeApproximately(0.75, 0.015, "entry rate 75% (standard error 0.003)");
        ((double)entrants.Count(p => contract[p] == WorkContract.LabourContract) / entrants.Length).Should().BeApproximately(0.6, 0.02, "60% with a labour contract");
        var employment = next.Employment.ToArray();
        entrants.Should().OnlyContain(p => employment[p] == EmploymentStatus.Employee);

        double baseAverage = years[2025].Population.WagesAnnual.ToArray().Take(2000).Average();
        var sorted = entrants.Select(p => wages[p]).Order().ToArray();
        (sorted[sorted.Length / 2] / (baseAverage * 1.048)).Should().BeApproximately(0.7, 0.03, "the median entrant earns 70% of the average wage");

        wages[^1].Should().Be(0, "a worker outside the employee pension stops at 65");
        employment[^1].Should().Be(EmploymentStatus.Retired);
    }

    [Fact]
    public void Resident_accounts_follow_the_crediting_rule_and_a_pensioner_keeps_the_balance_at_the_pension_age()
    {
        var builder = new PopulationBuilder();
        builder.AddHousehold(new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Rural });
        builder.AddPerson(new PersonRecord { Id = 1, HouseholdId = 1, Age = 40, Sex = Sex.Female, Hukou = HukouType.Rural });
        builder.AddPerson(new PersonRecord { Id = 2, HouseholdId = 1, Age = 66, Sex = Sex.Male, Hukou = HukouType.Rural });
        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthYear, [1985, 1959]);
        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthMonth, [3, 3]);
        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.TierAnnual, [500, 0]);
        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.ContributionYears, [10, 15]);
        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.AccountBalance, [6000, 9000]);
        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.DibaoRecipient, [0, 0]);
        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.Destitute, [0, 0]);
        var years = new Dictionary<int, SimulationResult>();
        var result = Projector.Run(builder.Build(), PensionPolicies.ResidentPensionOnly(), ParameterStore.Default,
            new ProjectionOptions { StartYear = 2025, EndYear = 2027, Mortality = false, Fertility = false, OnYear = y => years[y.Year] = y.Result });

        for (int year = 2025; year < 2027; year++)
        {
            var y = years[year];
            double rate = result.Parameters.Resolve(ResidentPensionNames.Parameters.InterestRate, y.Date, RegionCodes.Hangzhou).Scalar();
            double credit = y.Values(ResidentPensionProgram.OwnContribution.Name)[0] + y.Values(ResidentPensionProgram.GovernmentPaidContribution.Name)[0]
                + y.Values(ResidentPensionProgram.Subsidy.Name)[0] + y.Values(ResidentPensionProgram.CollectiveSubsidy.Name)[0];
            credit.Should().BeGreaterThanOrEqualTo(500, "the tier of 500 yuan plus subsidies");
            double balance = y.Population.ExtraPersonColumn(ResidentPensionNames.Columns.AccountBalance)[0];
            years[year + 1].Population.ExtraPersonColumn(ResidentPensionNames.Columns.AccountBalance)[0].Should().BeApproximately((balance * (1 + rate)) + credit, 1e-9);
            years[year + 1].Population.ExtraPersonColumn(ResidentPensionNames.Columns.ContributionYears)[0].Should().Be(10 + (year - 2024));
            years[year].Values(ResidentPensionProgram.Benefit.Name)[1].Should().BeGreaterThan(0);
            years[year + 1].Population.ExtraPersonColumn(ResidentPensionNames.Columns.AccountBalance)[1].Should().Be(9000, "a pensioner's balance stays the balance at the pension age");
        }

        result.Row(2026)[ProjectionIndicators.ResidentAccountBalances].Should().Be(years[2026].Population.ExtraPersonColumn(ResidentPensionNames.Columns.AccountBalance).ToArray().Sum());
    }

    [Fact]
    public void The_fund_reports_its_pooled_part_and_the_individual_accounts_separately()
    {
        var years = new Dictionary<int, SimulationResult>();
        var result = Projector.Run(Programs.Pensions.SyntheticEmployeePopulation.Build(150, 21), PensionPolicies.EmployeePensionOnly(), ParameterStore.Default,
            new ProjectionOptions { StartYear = 2025, EndYear = 2027, OnYear = y => years[y.Year] = y.Result });
        foreach (var row in result.Rows)
        {
            var y = years[row.Year];
            var own = y.Values(SocialInsuranceContributionsProgram.EmployeePension.Name);
            var contract = y.Population.Contract;
            var weights = y.PersonWeights;
            double credits = 0;
            for (int p = 0; p < own.Length; p++)
            {
                credits += weights[p] * own[p] * (contract[p] == WorkContract.LabourContract ? 1 : 0.08 / 0.20);
            }

            row[ProjectionIndicators.FundAccountCredits].Should().BeApproximately(credits, 1e-6 * Math.Max(1, credits), "labour contracts credit all 8%, flexible workers 8 of their 20 points");
            (row[ProjectionIndicators.FundPooledRevenue] + row[ProjectionIndicators.FundAccountCredits]).Should().BeApproximately(row[ProjectionIndicators.FundRevenue], 1e-6 * row[ProjectionIndicators.FundRevenue]);
            (row[ProjectionIndicators.FundPooledExpenditure] + row[ProjectionIndicators.FundAccountExpenditure]).Should().BeApproximately(row[ProjectionIndicators.FundExpenditure], 1e-6 * row[ProjectionIndicators.FundExpenditure]);
            row[ProjectionIndicators.FundAccountExpenditure].Should().BeGreaterThan(0).And.BeLessThan(row[ProjectionIndicators.FundExpenditure]);
        }
    }
}
