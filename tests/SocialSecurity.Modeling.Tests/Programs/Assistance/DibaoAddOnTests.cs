using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Assistance;

public class DibaoAddOnTests
{
    private static readonly DateOnly Date = new(2023, 6, 30);

    private static PersonRecord[] Family(long household) =>
    [
        new PersonRecord { Id = (household * 10) + 1, HouseholdId = household, Age = 45, WagesAnnual = 18_000 },
        new PersonRecord { Id = (household * 10) + 2, HouseholdId = household, Age = 70 },
        new PersonRecord { Id = (household * 10) + 3, HouseholdId = household, Age = 12 },
        new PersonRecord { Id = (household * 10) + 4, HouseholdId = household, Age = 40, Disability = DisabilityGrade.Grade2 },
        new PersonRecord { Id = (household * 10) + 5, HouseholdId = household, Age = 30 },
    ];

    [Fact]
    public void The_supplement_pays_10_percent_of_S_per_elderly_minor_or_severely_disabled_member_once()
    {
        var result = HouseholdRuns.Run(Policy.Create(new DibaoProgram(), new DibaoSupplementProgram()), Date,
            [new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Hangzhou, HousingUnits = 1 }], Family(1));
        result.Values(DibaoSupplementProgram.CountedPersons.Name)[0].Should().Be(3);
        Yuan.Round(result.Values(DibaoSupplementProgram.Amount.Name)[0]).Should().Be(275.00m, "3 × 0.1 × 11,000/12");
    }

    [Fact]
    public void Serious_illness_counts_only_when_a_column_is_given_and_non_dibao_households_get_nothing()
    {
        var policy = Policy.Create(new DibaoProgram(), new DibaoSupplementProgram(DibaoProgram.Eligible.Name, "person.seriously_ill"));
        var persons = Family(1).Concat(Family(2).Select(p => p with { WagesAnnual = p.WagesAnnual * 10 })).ToArray();
        var result = HouseholdRuns.Run(policy, Date,
            [new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Hangzhou, HousingUnits = 1 }, new HouseholdRecord { Id = 2, RegionCode = RegionCodes.Hangzhou, HousingUnits = 1 }],
            persons, personColumns: new Dictionary<string, double[]> { ["person.seriously_ill"] = [0, 0, 0, 0, 1, 0, 0, 0, 0, 1] });
        result.Values(DibaoSupplementProgram.CountedPersons.Name)[0].Should().Be(4);
        result.Values(DibaoSupplementProgram.Amount.Name)[1].Should().Be(0, "household 2 earns 180,000 and is not dibao");
    }

    [Fact]
    public void The_one_time_subsidy_is_one_month_of_S_per_member_in_Zhejiang_in_2022_only()
    {
        var store = ParameterStore.Default;
        SimulationResult At(DateOnly date) => HouseholdRuns.Run(Policy.Create(new DibaoProgram(), new OneTimeLivingSubsidyProgram()), date,
            [new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Hangzhou, HousingUnits = 1 }], Family(1), store);
        Yuan.Round(At(new DateOnly(2022, 12, 15)).Values(OneTimeLivingSubsidyProgram.Amount.Name)[0]).Should().Be(4_583.33m, "5 × 11,000/12");
        At(Date).Values(OneTimeLivingSubsidyProgram.Amount.Name)[0].Should().Be(0, "the illustrative rule covers 2022, the year reported");
    }

    [Fact]
    public void Temporary_assistance_covers_non_hukou_residents_in_Xinjiang_but_not_by_default()
    {
        PersonRecord[] Members(long h, string elsewhere) =>
        [
            new PersonRecord { Id = (h * 10) + 1, HouseholdId = h, Age = 40 },
            new PersonRecord { Id = (h * 10) + 2, HouseholdId = h, Age = 38, HukouRegionCode = elsewhere },
        ];

        var result = HouseholdRuns.Run(Policy.Create(new TemporaryAssistanceProgram()), Date,
            [
                new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Kashgar, Area = AreaType.Rural },
                new HouseholdRecord { Id = 2, RegionCode = RegionCodes.Nanjing },
                new HouseholdRecord { Id = 3, RegionCode = RegionCodes.Nanjing },
                new HouseholdRecord { Id = 4, RegionCode = RegionCodes.Kashgar, Area = AreaType.Rural },
            ],
            [.. Members(1, RegionCodes.Hangzhou), .. Members(2, RegionCodes.Kashgar), .. Members(3, RegionCodes.Jiangsu), .. Members(4, RegionCodes.Xinjiang)],
            personColumns: new Dictionary<string, double[]> { [TemporaryAssistanceProgram.SuddenHardshipColumn] = [1, 0, 0, 1, 1, 0, 0, 0] });
        var amount = result.Values(TemporaryAssistanceProgram.Amount.Name);
        var uncovered = result.Values(TemporaryAssistanceProgram.UncoveredPersons.Name);
        amount[0].Should().BeApproximately(2 * 3 * 4_832.83 / 12.0, 1e-9, "Xinjiang covers the member with Hangzhou hukou (rural S 4,832.83 [D])");
        uncovered[0].Should().Be(0);
        amount[1].Should().BeApproximately(1 * 3 * 10_040.71 / 12.0, 1e-9, "Nanjing covers only the local member");
        uncovered[1].Should().Be(1);
        amount[2].Should().BeApproximately(2 * 3 * 10_040.71 / 12.0, 1e-9, "a Jiangsu province hukou counts as local in Nanjing");
        amount[3].Should().Be(0, "no member of household 4 is in sudden hardship");
    }
}
