using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace ProjectionSample.Tests;

/// <summary>The projection sample: its no-reform scenario, and the direction of the 2024 reform's effect on the fund and on system dependency.</summary>
public class ReformStudyTests
{
    /// <summary>
    /// Statutory ages by hand from docs/rules/retirement_age.md: a man born January 1970 reaches 60 in January 2030,
    /// 60 months after the reform's start (January 2025), so his delay is ⌊60 ÷ 4⌋ + 1 = 16 months: 60 years 4 months
    /// (736 months); a woman of the 50 category born March 1980 reaches 50 in March 2030, 62 months after, delay
    /// ⌊62 ÷ 2⌋ + 1 = 32 months (632). Without the reform: 720 and 600 months, and the minimum contribution years of
    /// 2035 stay 15 instead of 18 (15 + half a year for each year from 2030 to 2035).
    /// </summary>
    [Fact]
    public void The_no_reform_scenario_keeps_the_original_statutory_ages_and_fifteen_minimum_years()
    {
        var builder = new PopulationBuilder();
        builder.AddHousehold(new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban });
        builder.AddPerson(new PersonRecord { Id = 1, HouseholdId = 1, Age = 55, Sex = Sex.Male, Hukou = HukouType.Urban });
        builder.AddPerson(new PersonRecord { Id = 2, HouseholdId = 1, Age = 45, Sex = Sex.Female, Hukou = HukouType.Urban });
        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthYear, [1970, 1980]);
        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthMonth, [1, 3]);
        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.FemaleCategory, [0, 50]);
        var population = builder.Build();
        var date = new DateOnly(2025, 7, 1); // the reform is in force from 2025-01-01
        var policy = Policy.Create(new RetirementAgeProgram());

        var reform = Microsimulation.Run(population, policy, ParameterStore.Default, date);
        var none = Microsimulation.Run(population, policy, ParameterStore.Default.WithReform(ReformStudy.NoReform), date);

        reform.Values(RetirementAgeProgram.StatutoryAgeMonths.Name).ToArray().Should().Equal(736, 632);
        none.Values(RetirementAgeProgram.StatutoryAgeMonths.Name).ToArray().Should().Equal(720, 600);
        var hangzhou = ParameterStore.Default.Regions.GetId(RegionCodes.Hangzhou);
        ParameterStore.Default.Resolve(EmployeePensionNames.Parameters.MinimumYears, new DateOnly(2035, 1, 1), hangzhou).Scalar().Should().Be(18);
        ParameterStore.Default.WithReform(ReformStudy.NoReform).Resolve(EmployeePensionNames.Parameters.MinimumYears, new DateOnly(2035, 1, 1), hangzhou).Scalar().Should().Be(15);
    }

    [Fact]
    public void The_reform_keeps_a_higher_fund_reserve_and_fewer_pensioners_per_contributor_than_no_reform()
    {
        var settings = new StudySettings(Persons: 6_000, Replicates: 2, StartYear: 2024, EndYear: 2045, Seed: 11);
        var study = ReformStudy.Run(ReformStudy.Regions[0], settings, ParameterStore.Default);

        // 2024 runs before the reform (in force 2025-01-01): both scenarios are the same year, draw for draw.
        study.Reform.Row(2024)[ProjectionIndicators.FundReserve].Should().Be(study.NoReform.Row(2024)[ProjectionIndicators.FundReserve]);
        study.Reform.Row(2024)[ProjectionIndicators.SystemDependency].Should().Be(study.NoReform.Row(2024)[ProjectionIndicators.SystemDependency]);

        // Demography is the same in both (the same seed, and retirement does not change deaths or births).
        study.Reform.Row(2045, 1)[ProjectionIndicators.Persons].Should().Be(study.NoReform.Row(2045, 1)[ProjectionIndicators.Persons]);

        for (int year = 2030; year <= 2045; year++)
        {
            for (int replicate = 0; replicate < settings.Replicates; replicate++)
            {
                var reform = study.Reform.Row(year, replicate);
                var none = study.NoReform.Row(year, replicate);
                reform[ProjectionIndicators.FundReserve].Should().BeGreaterThan(none[ProjectionIndicators.FundReserve], "later retirement means pensions start later ({0}, replicate {1})", year, replicate);
                reform[ProjectionIndicators.SystemDependency].Should().BeLessThan(none[ProjectionIndicators.SystemDependency], "later retirement means fewer pensioners per contributor ({0}, replicate {1})", year, replicate);
            }
        }

        // The gap grows: each year more cohorts retire later under the reform.
        double Gap(int year) => study.Reform.Summary(year, ProjectionIndicators.FundReserve).Mean - study.NoReform.Summary(year, ProjectionIndicators.FundReserve).Mean;
        Gap(2045).Should().BeGreaterThan(Gap(2035));
        study.ReformCohorts.Cohorts.Should().NotBeEmpty("new retirees with a final wage give replacement rates by birth cohort");
    }
}
