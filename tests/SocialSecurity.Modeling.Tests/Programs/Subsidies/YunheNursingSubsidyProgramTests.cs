using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Subsidies;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Tests.Programs.Assistance;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Subsidies;

public class YunheNursingSubsidyProgramTests
{
    private static readonly DateOnly Date = new(2023, 6, 30);

    private static readonly Policy Policy = Policy.Create(
        new DibaoProgram(), new DibaoMarginalProgram(), new DisabilityLivingSubsidyProgram(), new SevereDisabilityNursingSubsidyProgram(),
        new ElderlyCareServiceSubsidyProgram([DibaoProgram.Eligible.Name, DibaoMarginalProgram.Eligible.Name], ElderlyCareServiceSubsidyProgram.DementiaColumn),
        new YunheNursingSubsidyProgram(
            [DibaoProgram.Eligible.Name, DibaoMarginalProgram.Eligible.Name],
            [DisabilityLivingSubsidyProgram.Amount.Name, SevereDisabilityNursingSubsidyProgram.Amount.Name, ElderlyCareServiceSubsidyProgram.Amount.Name],
            ElderlyCareServiceSubsidyProgram.DementiaColumn,
            RegionCodes.Yunhe));

    private static double Subsidy(PersonRecord person, double householdIncome, double dementia = 0, string region = RegionCodes.Yunhe)
    {
        var result = HouseholdRuns.Run(Policy, Date,
            [new HouseholdRecord { Id = 1, RegionCode = region, HousingUnits = 1 }],
            [person with { Id = 1, HouseholdId = 1 }, new PersonRecord { Id = 2, HouseholdId = 1, Age = 40, WagesAnnual = householdIncome }],
            personColumns: new Dictionary<string, double[]> { [ElderlyCareServiceSubsidyProgram.DementiaColumn] = [dementia, 0] });
        return result.Values(YunheNursingSubsidyProgram.Amount.Name)[0];
    }

    // Per capita 15,000: dibao-marginal at m = 1.5 (< 16,500), not dibao, so the disability living subsidy (dibao only) is not paid.
    private const double MarginalIncome = 30_000;

    [Fact]
    public void All_four_conditions_met_pays_the_subsidy()
        => Subsidy(new PersonRecord { Age = 40, Disability = DisabilityGrade.Grade3 }, MarginalIncome).Should().Be(100);

    [Fact]
    public void Without_Yunhe_hukou_nothing_is_paid()
        => Subsidy(new PersonRecord { Age = 40, Disability = DisabilityGrade.Grade3, HukouRegionCode = RegionCodes.Lishui }, MarginalIncome).Should().Be(0);

    [Fact]
    public void A_Yunhe_hukou_living_elsewhere_is_paid_at_the_county_amount()
        => Subsidy(new PersonRecord { Age = 40, Disability = DisabilityGrade.Grade3, HukouRegionCode = RegionCodes.Yunhe }, MarginalIncome, region: RegionCodes.Hangzhou).Should().Be(100);

    [Fact]
    public void Outside_a_dibao_low_income_or_marginal_household_nothing_is_paid()
        => Subsidy(new PersonRecord { Age = 40, Disability = DisabilityGrade.Grade3 }, 200_000).Should().Be(0);

    [Fact]
    public void Without_disability_or_dementia_nothing_is_paid_and_dementia_alone_qualifies()
    {
        Subsidy(new PersonRecord { Age = 40 }, MarginalIncome).Should().Be(0);
        Subsidy(new PersonRecord { Age = 40 }, MarginalIncome, dementia: 1).Should().Be(100);
    }

    [Fact]
    public void Receiving_the_disability_living_subsidy_excludes()
        => Subsidy(new PersonRecord { Age = 40, Disability = DisabilityGrade.Grade3 }, 0).Should().Be(0, "a dibao household's disabled member gets the living subsidy");

    [Fact]
    public void Receiving_the_severe_disability_nursing_subsidy_excludes()
        => Subsidy(new PersonRecord { Age = 40, Disability = DisabilityGrade.Grade1 }, MarginalIncome).Should().Be(0);

    [Fact]
    public void Receiving_the_elderly_care_service_subsidy_excludes()
        => Subsidy(new PersonRecord { Age = 70 }, MarginalIncome, dementia: 1).Should().Be(0, "a 70-year-old with dementia in a marginal Zhejiang household gets the elderly-care service subsidy");
}
