using System.Globalization;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Simulation;

public class ReformComparisonFormattingTests
{
    [Theory]
    [InlineData(-0.001, 2, "0.00")]
    [InlineData(-0.004999, 2, "0.00")]
    [InlineData(-1e-17, 3, "0.000")]
    [InlineData(-0.005, 2, "-0.01")]
    [InlineData(0.005, 2, "0.01")]
    [InlineData(-12.345, 2, "-12.35")]
    public void A_change_that_rounds_to_zero_prints_without_a_sign(double value, int decimals, string expected)
    {
        // Unrounded, .NET prints -0.001 as "-0.00": the report would show a signed zero.
        ReformComparison.Shown(value, decimals).ToString("N" + decimals, CultureInfo.InvariantCulture).Should().Be(expected);
    }
}
