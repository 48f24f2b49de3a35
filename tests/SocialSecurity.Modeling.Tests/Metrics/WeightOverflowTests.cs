using SocialSecurity.Modeling.Metrics;

namespace SocialSecurity.Modeling.Tests.Metrics;

/// <summary>Weights that are each finite but whose total overflows a double are rejected, not turned into NaN results.</summary>
public class WeightOverflowTests
{
    private static readonly double[] X = [1, 2, 3, 4];

    [Theory]
    [MemberData(nameof(ValidationTests.Indicators), MemberType = typeof(ValidationTests))]
    public void A_total_weight_that_overflows_is_rejected_naming_the_weights(string name, Func<double[], double[], double> f)
    {
        // 1e308 + 1e308 = +∞ in double arithmetic; every weight alone is finite and non-negative.
        var act = () => f(X, [1e308, 1e308, 1, 1]);
        act.Should().Throw<ArgumentException>(name).WithMessage("*total weight*not finite*", name).Which.ParamName.Should().Be("weights");
    }

    [Fact]
    public void Large_but_finite_weights_are_still_accepted()
        // Equal weights: Gini of 1, 2, 3, 4 = Σ|xi − xj| / (2 n² μ) = 20 / (2 · 16 · 2.5) = 0.25, whatever the common weight.
        => Inequality.Gini(X, [1e100, 1e100, 1e100, 1e100]).Should().BeApproximately(0.25, 1e-12);
}
