using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Subsidies;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Tests.Programs.Assistance;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Subsidies;

public class ElderlyAndDisabilitySubsidyTests
{
    private static readonly DateOnly Date = new(2023, 6, 30);

    private static HouseholdRecord Poor(long id, string region = RegionCodes.Lishui) => new() { Id = id, RegionCode = region, HousingUnits = 1 };

    [Fact]
    public void The_80_plus_allowance_needs_age_80_and_a_resident_pension_and_is_30_in_Zhejiang_only()
    {
        var result = HouseholdRuns.Run(Policy.Create(new OldAgeAllowanceProgram()), Date,
            [Poor(1), Poor(2, RegionCodes.Nanjing)],
            [
                new PersonRecord { Id = 1, HouseholdId = 1, Age = 80 },
                new PersonRecord { Id = 2, HouseholdId = 1, Age = 79 },
                new PersonRecord { Id = 3, HouseholdId = 1, Age = 85 },
                new PersonRecord { Id = 4, HouseholdId = 2, Age = 85 },
            ],
            personColumns: new Dictionary<string, double[]> { [OldAgeAllowanceProgram.RecipientColumn] = [1, 1, 0, 1] });
        result.Values(OldAgeAllowanceProgram.Amount.Name).ToArray().Should().Equal(30, 0, 0, 0);
    }

    [Fact]
    public void The_elderly_care_service_subsidy_pays_200_to_impaired_60_plus_and_100_to_self_caring_80_plus_in_low_income_Zhejiang_households()
    {
        var result = HouseholdRuns.Run(Policy.Create(new DibaoProgram(), new DibaoMarginalProgram(), new ElderlyCareServiceSubsidyProgram()), Date,
            [Poor(1), Poor(2), Poor(3, RegionCodes.Nanjing)],
            [
                new PersonRecord { Id = 1, HouseholdId = 1, Age = 65, SelfCare = SelfCareAbility.PartlyUnable },
                new PersonRecord { Id = 2, HouseholdId = 1, Age = 82 },
                new PersonRecord { Id = 3, HouseholdId = 1, Age = 70 },
                new PersonRecord { Id = 4, HouseholdId = 1, Age = 85, HukouRegionCode = RegionCodes.Nanjing },
                new PersonRecord { Id = 5, HouseholdId = 2, Age = 82, WagesAnnual = 200_000 },
                new PersonRecord { Id = 6, HouseholdId = 3, Age = 82 },
            ]);
        result.Values(ElderlyCareServiceSubsidyProgram.Amount.Name).ToArray().Should().Equal(200, 100, 0, 0, 0, 0);
        result.Definition(ElderlyCareServiceSubsidyProgram.Amount.Name).Role.Should().Be(IncomeRole.InKindTransfer);
    }

    [Fact]
    public void The_disability_subsidies_follow_dibao_status_and_severity()
    {
        var result = HouseholdRuns.Run(Policy.Create(new DibaoProgram(), new DisabilityLivingSubsidyProgram(), new SevereDisabilityNursingSubsidyProgram()), Date,
            [Poor(1), Poor(2)],
            [
                new PersonRecord { Id = 1, HouseholdId = 1, Age = 40, Disability = DisabilityGrade.Grade1 },
                new PersonRecord { Id = 2, HouseholdId = 1, Age = 40, Disability = DisabilityGrade.Grade3 },
                new PersonRecord { Id = 3, HouseholdId = 2, Age = 40, Disability = DisabilityGrade.Grade2, WagesAnnual = 200_000 },
            ]);
        result.Values(DisabilityLivingSubsidyProgram.Amount.Name).ToArray().Should().Equal(275, 275, 0); // Zhejiang: 30% of 11,000 / 12 [D]
        result.Values(SevereDisabilityNursingSubsidyProgram.Amount.Name).ToArray().Should().Equal(100, 0, 100); // the nursing subsidy has no means test
    }

    [Fact]
    public void Work_for_relief_pays_days_times_the_daily_wage()
    {
        var result = HouseholdRuns.Run(Policy.Create(new WorkForReliefProgram()), Date, [Poor(1, RegionCodes.Ulanqab)],
            [new PersonRecord { Id = 1, HouseholdId = 1, Age = 40 }, new PersonRecord { Id = 2, HouseholdId = 1, Age = 38 }],
            personColumns: new Dictionary<string, double[]> { [WorkForReliefProgram.DaysColumn] = [40, 0] });
        result.Values(WorkForReliefProgram.Wages.Name).ToArray().Should().Equal(6_000, 0);
        result.AnnualTotal(WorkForReliefProgram.Wages.Name).Should().Be(6_000);
    }
}
