using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Simulation;

/// <summary>The upper bound on the Gini of any distribution meeting five group means (the Gini row of the validation table).</summary>
public class GiniBoundTests
{
    private static readonly double[] NbsMeans = [9_215, 20_442, 32_195, 50_220, 95_055];

    [Fact]
    public void Equal_groups_bound_is_at_least_the_between_group_gini_by_hand()
    {
        // Five equal groups with means 1..5: between-group Gini = Σᵢⱼ 0.04·|i − j| / (2·3) = 0.04·40/6 = 0.26667.
        double bound = BaselineValidation.GiniBound([1, 2, 3, 4, 5], [0.2, 0.2, 0.2, 0.2, 0.2]);
        bound.Should().BeGreaterThan(0.2667);
        bound.Should().BeLessThan(1);
    }

    [Theory]
    [InlineData(0.225, 0.208, 0.198, 0.190, 0.179)]
    [InlineData(0.2, 0.2, 0.2, 0.2, 0.2)]
    public void No_distribution_meeting_the_group_means_exceeds_the_bound_and_the_widest_ones_come_close(double s1, double s2, double s3, double s4, double s5)
    {
        double[] shares = [s1, s2, s3, s4, s5];
        double bound = BaselineValidation.GiniBound(NbsMeans, shares);
        var random = new Random(7);
        double widest = 0;
        for (int trial = 0; trial < 400; trial++)
        {
            // Boundaries between consecutive means; each group two-point on its bounds with the probability that gives
            // its mean exactly; the top group two-point on [b₄, 50·m₅].
            var b = new double[4];
            for (int i = 0; i < 4; i++)
            {
                b[i] = NbsMeans[i] + ((NbsMeans[i + 1] - NbsMeans[i]) * random.NextDouble());
            }

            var values = new List<double>();
            var weights = new List<double>();
            for (int i = 0; i < 5; i++)
            {
                double lower = i == 0 ? 0 : b[i - 1];
                double upper = i == 4 ? 50 * NbsMeans[4] : b[i];
                double p = (NbsMeans[i] - lower) / (upper - lower);
                values.Add(lower);
                weights.Add(shares[i] * (1 - p));
                values.Add(upper);
                weights.Add(shares[i] * p);
            }

            double gini = Inequality.Gini(values.ToArray(), weights.ToArray());
            gini.Should().BeLessThanOrEqualTo(bound + 0.002, $"trial {trial}");
            widest = Math.Max(widest, gini);
        }

        widest.Should().BeGreaterThan(bound - 0.03);
    }
}
