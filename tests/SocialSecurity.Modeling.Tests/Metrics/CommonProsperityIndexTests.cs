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
        // By hand: column 1 has shares (1, 0, 0), entropy 0, divergence 1; column 2 has shares (1, 0.9, 0.8)/2.7,
        // entropy −Σ p ln p / ln 3 = 0.9962464, divergence d = 0.0037536; weights 1/(1+d) and d/(1+d).
        w[0].Should().BeApproximately(0.996260450, 1e-9);
        w[1].Should().BeApproximately(0.003739550, 1e-9);

        var equal = CommonProsperityIndex.Compute(Provinces, Data, Indicators, new CommonProsperityOptions { Weighting = IndicatorWeighting.Equal });
        equal.Weights.Should().OnlyContain(v => Math.Abs(v - 0.2) < 1e-15);
        var fixedW = CommonProsperityIndex.Compute(Provinces, Data, Indicators,
            new CommonProsperityOptions { Weighting = IndicatorWeighting.Fixed, FixedWeights = [2, 2, 1, 1, 0] });
        fixedW.Weights.Should().Equal(1.0 / 3, 1.0 / 3, 1.0 / 6, 1.0 / 6, 0);
    }

    [Fact]
    public void A_three_region_example_computed_by_hand()
    {
        // Two affluence indicators (higher is better) and one sharing indicator (lower is better), equal weights.
        //          A1   A2   S1         normalised (min-max, S1 reversed)
        //   a     100   50  0.30   ->   1    1    1
        //   b      60   30  0.40   ->   0.5  0    0.5
        //   c      20   40  0.50   ->   0    0.5  0
        ProsperityIndicator[] indicators =
        [
            new("A1", ProsperityDimension.Affluence, IndicatorDirection.HigherIsBetter),
            new("A2", ProsperityDimension.Affluence, IndicatorDirection.HigherIsBetter),
            new("S1", ProsperityDimension.Sharing, IndicatorDirection.LowerIsBetter),
        ];
        var data = new double[,] { { 100, 50, 0.30 }, { 60, 30, 0.40 }, { 20, 40, 0.50 } };
        var equal = new CommonProsperityOptions { Weighting = IndicatorWeighting.Equal };

        // TOPSIS over all indicators, b: D+ = √(⅓(0.25 + 1 + 0.25)) = √0.5, D− = √(⅓(0.25 + 0 + 0.25)) = √(1/6),
        // closeness = √(1/6) / (√0.5 + √(1/6)) = 1 / (√3 + 1) = 0.3660254.
        var topsis = CommonProsperityIndex.Compute(["a", "b", "c"], data, indicators, equal);
        topsis.Normalized[1, 2].Should().BeApproximately(0.5, 1e-15);
        topsis.Index[0].Should().Be(1.0);
        topsis.Index[1].Should().BeApproximately(0.3660254038, 1e-10);
        // c = (0, 0.5, 0): D+ = √(⅓(1 + 0.25 + 1)) = √0.75, D− = √(⅓·0.25) = √(1/12), closeness 1/(3 + 1) = 0.25.
        topsis.Index[2].Should().BeApproximately(0.25, 1e-15);
        topsis.Ranks.Should().Equal(1, 2, 3);

        // Sub-indices, b: affluence over (0.5, 0) with weights ½, ½: D+ = √0.625, D− = √0.125, closeness
        // 1/(√5 + 1) = 0.3090170; sharing over (0.5): 0.5. With a 30% affluence share: 0.3 × 0.3090170 + 0.7 × 0.5
        // = 0.4427051. c: affluence (0, 0.5) gives 0.3090170 again, sharing 0, index 0.0927051.
        var sub = CommonProsperityIndex.Compute(["a", "b", "c"], data, indicators,
            new CommonProsperityOptions { Weighting = IndicatorWeighting.Equal, Composite = CompositeMethod.WeightedSubIndices, AffluenceShare = 0.3 });
        sub.Affluence[1].Should().BeApproximately(0.3090169944, 1e-10);
        sub.Sharing[1].Should().BeApproximately(0.5, 1e-15);
        sub.Index.Should().Equal([1.0, 0.4427050983, 0.0927050983], (actual, expected) => Math.Abs(actual - expected) < 1e-10);
        sub.Ranks.Should().Equal(1, 2, 3);
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
