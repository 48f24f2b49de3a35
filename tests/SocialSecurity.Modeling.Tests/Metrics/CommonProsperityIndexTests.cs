using SocialSecurity.Modeling.Metrics;

namespace SocialSecurity.Modeling.Tests.Metrics;

public class CommonProsperityIndexTests
{
    [Fact]
    public void Worked_example_22_TOPSIS_closeness()
    {
        // docs/worked-examples.md#example-22: weights (0.5, 0.5), x = (0.8, 0.6): D+ = √0.10, D− = √0.50, CPI = 0.690983.
        double cpi = CommonProsperityIndex.Closeness([0.8, 0.6], [0.5, 0.5]);
        cpi.Should().BeApproximately(Math.Sqrt(0.5) / (Math.Sqrt(0.1) + Math.Sqrt(0.5)), 1e-15);
        Math.Round(cpi, 6).Should().Be(0.690983);
    }

    private static readonly ProsperityIndicator[] Indicators =
    [
        new("disposable income per capita", ProsperityDimension.Affluence, IndicatorDirection.HigherIsBetter),
        new("consumption per capita", ProsperityDimension.Affluence, IndicatorDirection.HigherIsBetter),
        new("Gini", ProsperityDimension.Sharing, IndicatorDirection.LowerIsBetter),
        new("urban-rural income ratio", ProsperityDimension.Sharing, IndicatorDirection.LowerIsBetter),
        new("middle-income share", ProsperityDimension.Sharing, IndicatorDirection.HigherIsBetter),
    ];

    // Illustrative [I] inputs for the four provinces of the paper.
    private static readonly string[] Provinces = ["Zhejiang", "Jiangsu", "Inner Mongolia", "Xinjiang"];

    private static readonly double[,] Data =
    {
        { 60_302, 38_971, 0.36, 1.90, 0.52 },
        { 49_862, 32_848, 0.38, 2.11, 0.48 },
        { 35_921, 24_656, 0.40, 2.30, 0.40 },
        { 27_063, 19_087, 0.42, 2.36, 0.36 },
    };

    [Fact]
    public void Ranks_the_four_provinces_and_reports_sub_indices()
    {
        var r = CommonProsperityIndex.Compute(Provinces, Data, Indicators);
        r.Ranks.Should().Equal(1, 2, 3, 4);
        r.Index.Should().BeInDescendingOrder();
        r.Index.Should().OnlyContain(v => v >= 0 && v <= 1);
        r.Index[0].Should().Be(1.0, "the best region on every indicator coincides with the ideal point");
        r.Index[3].Should().Be(0.0);
        r.Weights.Sum().Should().BeApproximately(1.0, 1e-15);
        r.Affluence.Should().BeInDescendingOrder();
        r.Sharing.Should().BeInDescendingOrder();
        r.Normalized[0, 2].Should().Be(1.0, "lowest Gini is best");
    }

    [Fact]
    public void Entropy_weights_favour_the_more_dispersed_indicator_and_options_are_honoured()
    {
        var m = new double[,] { { 1.0, 1.0 }, { 0.0, 0.9 }, { 0.0, 0.8 } };
        var w = CommonProsperityIndex.EntropyWeights(m);
        w[0].Should().BeGreaterThan(w[1]);
        w.Sum().Should().BeApproximately(1, 1e-15);

        var equal = CommonProsperityIndex.Compute(Provinces, Data, Indicators, new CommonProsperityOptions { Weighting = IndicatorWeighting.Equal });
        equal.Weights.Should().OnlyContain(v => Math.Abs(v - 0.2) < 1e-15);
        var fixedW = CommonProsperityIndex.Compute(Provinces, Data, Indicators,
            new CommonProsperityOptions { Weighting = IndicatorWeighting.Fixed, FixedWeights = [2, 2, 1, 1, 0] });
        fixedW.Weights.Should().Equal(1.0 / 3, 1.0 / 3, 1.0 / 6, 1.0 / 6, 0);
        var sub = CommonProsperityIndex.Compute(Provinces, Data, Indicators,
            new CommonProsperityOptions { Composite = CompositeMethod.WeightedSubIndices, AffluenceShare = 0.3 });
        sub.Index[1].Should().BeApproximately((0.3 * sub.Affluence[1]) + (0.7 * sub.Sharing[1]), 1e-15);
    }

    [Fact]
    public void Invalid_matrices_are_rejected()
    {
        FluentActions.Invoking(() => CommonProsperityIndex.Compute(["a"], new double[,] { { double.NaN } },
            [Indicators[0]])).Should().Throw<ArgumentException>().WithMessage("*row 0, column 0*");
        FluentActions.Invoking(() => CommonProsperityIndex.Compute(["a", "b"], Data, Indicators)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => CommonProsperityIndex.Compute(Provinces, Data, Indicators[..2])).Should().Throw<ArgumentException>();
    }
}
