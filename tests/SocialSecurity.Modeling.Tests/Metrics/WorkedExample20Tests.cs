using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Money;

namespace SocialSecurity.Modeling.Tests.Metrics;

/// <summary>
/// docs/worked-examples.md#example-20: the indicator arithmetic of the study, computed with the library's rounding
/// rule (half away from zero to 0.01, docs/money.md) and its group-mean ratio. Expected values are the hand results
/// printed in the worked example.
/// </summary>
public class WorkedExample20Tests
{
    [Fact]
    public void Base_before_growth_is_the_later_value_over_one_plus_the_growth_rate()
    {
        // Mountain-county low-income rural income 17,329 in 2022 after +15.8%: 17,329 / 1.158 = 14,964.594… → 14,964.59.
        Yuan.Round(17_329 / 1.158).Should().Be(14_964.59m);

        // Huiminbao: 32.71 million insured at 58.8% take-up: 32.71 / 0.588 = 55.629… → 55.63 (million).
        Yuan.Round(32.71 / 0.588).Should().Be(55.63m);
    }

    [Fact]
    public void Urban_rural_ratio_is_the_ratio_of_weighted_group_means()
    {
        // Urban persons 60,000 and 66,600 (mean 63,300), rural persons 30,000 twice (mean 30,000): 63,300 / 30,000 = 2.11.
        double[] incomes = [60_000, 66_600, 30_000, 30_000];
        double[] weights = [1, 1, 2, 3];
        int[] groups = [1, 1, 2, 2];
        var ratio = GroupComparison.RatioOfMeans(incomes, weights, groups, numeratorGroup: 1, denominatorGroup: 2);
        ratio.Should().BeApproximately(2.11, 1e-12);
        Yuan.Round(ratio).Should().Be(2.11m);
    }
}
