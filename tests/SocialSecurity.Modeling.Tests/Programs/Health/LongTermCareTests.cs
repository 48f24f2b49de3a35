using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Health;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Health;

public class LongTermCareTests
{
    [Fact]
    public void Benefit_is_the_grade_share_of_the_assessed_cost()
    {
        var terms = new LongTermCareTerms(0.6, 0.7, 90);

        terms.Benefit(SelfCareAbility.FullyUnable, 30_000).Should().BeApproximately(21_000, 1e-9);
        terms.Benefit(SelfCareAbility.PartlyUnable, 30_000).Should().BeApproximately(18_000, 1e-9);
        terms.Benefit(SelfCareAbility.Able, 30_000).Should().BeApproximately(0, 1e-9);
        var negative = () => terms.Benefit(SelfCareAbility.FullyUnable, -1);
        negative.Should().Throw<ArgumentOutOfRangeException>();
        var badShare = () => new LongTermCareTerms(1.2, 0.7, 90);
        badShare.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("partlyUnableShare");
    }

    [Theory]
    [InlineData(RegionCodes.Hangzhou, 16_800, 90)]
    [InlineData(RegionCodes.Ulanqab, 0, 0)]
    public void Zhejiang_covers_every_resident_and_other_provinces_default_to_no_scheme(string region, double benefit, double financing)
    {
        var calculator = new HouseholdCalculator(LongTermCareProgram.CreatePolicy(), ParameterStore.Default);
        var household = new HouseholdRecord { Id = 1, Weight = 1, RegionCode = region, Area = AreaType.Urban };
        PersonRecord[] members =
        [
            new() { Id = 1, HouseholdId = 1, Age = 82, SelfCare = SelfCareAbility.FullyUnable },
            new() { Id = 2, HouseholdId = 1, Age = 79 },
        ];
        var columns = new Dictionary<string, double[]> { [LongTermCareProgram.AssessedCareCostColumn] = [24_000, 0] };

        var result = calculator.Calculate(household, members, new DateOnly(2023, 6, 30), columns);

        result.PersonValue(LongTermCareProgram.Benefit.Name, 0).Should().BeApproximately(benefit, 1e-9);
        result.PersonValue(LongTermCareProgram.Benefit.Name, 1).Should().BeApproximately(0, 1e-9);
        result.PersonValue(LongTermCareProgram.Financing.Name, 1).Should().Be(financing);
    }
}
