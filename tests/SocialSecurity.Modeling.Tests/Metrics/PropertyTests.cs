using SocialSecurity.Modeling.Metrics;

namespace SocialSecurity.Modeling.Tests.Metrics;

/// <summary>Invariance properties with seeded <see cref="Random"/> samples.</summary>
public class PropertyTests
{
    private static (double[] X, double[] W) Sample(Random rng, int n, bool ties, bool zeros = true)
    {
        var x = new double[n];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            double v = Math.Exp(rng.NextDouble() * 6.0);
            x[i] = ties ? 10.0 + (Math.Round(v / 10.0) * 10.0) : v;
            if (zeros && rng.NextDouble() < 0.05)
            {
                x[i] = 0.0;
            }

            w[i] = 0.5 + (rng.NextDouble() * 3.0);
        }

        return (x, w);
    }

    private static void Shuffle<T1, T2>(Random rng, T1[] a, T2[] b)
    {
        for (int i = a.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (a[i], a[j]) = (a[j], a[i]);
            (b[i], b[j]) = (b[j], b[i]);
        }
    }

    private static void Close(double actual, double expected, double rel = 1e-12) =>
        Math.Abs(actual - expected).Should().BeLessThanOrEqualTo(Math.Max(rel * Math.Abs(expected), 1e-14));

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 17)]
    [InlineData(3, 500)]
    [InlineData(4, 5000)]
    public void Gini_of_non_negative_incomes_lies_in_zero_one(int seed, int n)
    {
        var rng = new Random(seed);
        for (int rep = 0; rep < 20; rep++)
        {
            var (x, w) = Sample(rng, n, ties: rep % 2 == 0);
            if (x.All(v => v == 0.0))
            {
                continue;
            }

            double g = Inequality.Gini(x, w);
            g.Should().BeGreaterThanOrEqualTo(-1e-15).And.BeLessThan(1.0);
            Inequality.Gini(x).Should().BeGreaterThanOrEqualTo(-1e-15).And.BeLessThan(1.0);
        }
    }

    [Fact]
    public void Gini_of_equal_incomes_is_zero_and_of_one_earner_is_one_minus_its_weight_share()
    {
        Inequality.Gini([5, 5, 5, 5], [1, 2, 3, 4]).Should().BeApproximately(0.0, 1e-15);
        // One person holds everything: G = 1 − w_top/W (midpoint rule).
        Inequality.Gini([0, 0, 0, 10], []).Should().BeApproximately(0.75, 1e-15);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Indicators_are_invariant_to_scaling_incomes_and_weights(int seed)
    {
        var rng = new Random(seed);
        var (x, w) = Sample(rng, 300, ties: true, zeros: false);
        double a = 3.7, b = 0.013;
        var xs = x.Select(v => v * a).ToArray();
        var ws = w.Select(v => v * b).ToArray();

        Close(Inequality.Gini(xs, ws), Inequality.Gini(x, w));
        Close(Inequality.Theil(xs, ws), Inequality.Theil(x, w));
        Close(Inequality.MeanLogDeviation(xs, ws), Inequality.MeanLogDeviation(x, w));
        Close(Inequality.Atkinson(xs, ws, 1.5), Inequality.Atkinson(x, w, 1.5));
        Close(Inequality.QuintileShareRatio(xs, ws), Inequality.QuintileShareRatio(x, w));
        Close(Inequality.Palma(xs, ws), Inequality.Palma(x, w));
        Close(Poverty.AtRiskOfPovertyRate(xs, ws), Poverty.AtRiskOfPovertyRate(x, w));
        Close(Poverty.Fgt(xs, ws, 40 * a, 2), Poverty.Fgt(x, w, 40, 2));
        Close(Quantiles.WeightedMedian(xs, ws), a * Quantiles.WeightedMedian(x, w));
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Integer_weights_equal_the_expanded_sample(int seed)
    {
        var rng = new Random(seed);
        int n = 80;
        var x = Enumerable.Range(0, n).Select(_ => Math.Round(rng.NextDouble() * 50)).ToArray();
        var w = Enumerable.Range(0, n).Select(_ => (double)rng.Next(0, 5)).ToArray();
        w[0] = 3;
        var e = ReferenceData.Expand(x, w);

        Close(Inequality.Gini(x, w), Inequality.Gini(e));
        Close(Inequality.Gini(x, w), Inequality.Gini(e, []));
        Close(Quantiles.WeightedMedian(x, w, QuantileRule.Convey), Quantiles.WeightedMedian(e, QuantileRule.Convey));
        foreach (double p in new[] { 0.1, 0.25, 0.5, 0.9 })
        {
            Quantiles.WeightedQuantile(x, w, p).Should().Be(Quantiles.WeightedQuantile(e, p));
        }

        Close(Lorenz.Ordinate(x, w, 0.4), Lorenz.Ordinate(e, [], 0.4));
        Close(Poverty.Fgt(x, w, 20, 1), Poverty.Fgt(e, [], 20, 1));
        Close(Inequality.Theil(x, w, NonPositiveIncomePolicy.DropNonPositive), Inequality.Theil(e, [], NonPositiveIncomePolicy.DropNonPositive));
    }

    [Theory]
    [InlineData(31, 40)]
    [InlineData(32, 6000)]
    public void Row_order_does_not_matter(int seed, int n)
    {
        var rng = new Random(seed);
        var (x, w) = Sample(rng, n, ties: true);
        var pre = x.ToArray();
        var post = x.Select(v => v * 0.8 + 5 + rng.NextDouble()).ToArray();
        double g = Inequality.Gini(x, w), m = Quantiles.WeightedMedian(x, w), q = Inequality.QuintileShareRatio(x, w);
        var rs = Redistribution.Decompose(pre, post, w);
        double c = Redistribution.ConcentrationCoefficient(post, pre, w);

        var idx = Enumerable.Range(0, n).ToArray();
        var perm = Enumerable.Range(0, n).ToArray();
        Shuffle(rng, idx, perm);
        var x2 = idx.Select(i => x[i]).ToArray();
        var w2 = idx.Select(i => w[i]).ToArray();
        var pre2 = idx.Select(i => pre[i]).ToArray();
        var post2 = idx.Select(i => post[i]).ToArray();

        Close(Inequality.Gini(x2, w2), g);
        Quantiles.WeightedMedian(x2, w2).Should().Be(m);
        Close(Inequality.QuintileShareRatio(x2, w2), q);
        Close(Redistribution.ConcentrationCoefficient(post2, pre2, w2), c);
        var rs2 = Redistribution.Decompose(pre2, post2, w2);
        Close(rs2.Total, rs.Total);
        Close(rs2.Reranking, rs.Reranking, 1e-10);
    }

    [Fact]
    public void Zero_weight_rows_have_no_effect_except_on_laeken_extremes()
    {
        var rng = new Random(41);
        var (x, w) = Sample(rng, 200, ties: true);
        double[] x0 = [.. x, 1e6, -3];
        double[] w0 = [.. w, 0, 0];
        Inequality.Gini(x0, w0).Should().BeApproximately(Inequality.Gini(x, w), 1e-14);
        Inequality.Gini(x0, w0, GiniConvention.Convey).Should().BeApproximately(Inequality.Gini(x, w, GiniConvention.Convey), 1e-14);
        foreach (var rule in new[] { QuantileRule.Laeken, QuantileRule.Convey, QuantileRule.School })
        {
            Quantiles.WeightedMedian(x0, w0, rule).Should().Be(Quantiles.WeightedMedian(x, w, rule));
        }

        Quantiles.WeightedQuantile(x0, w0, 1.0).Should().Be(1e6, "laeken returns x_n even with weight 0");
        Quantiles.WeightedQuantile(x0, w0, 0.0).Should().Be(-3, "laeken returns x_1 even with weight 0");
        Lorenz.Ordinate(x0, w0, 0.3).Should().BeApproximately(Lorenz.Ordinate(x, w, 0.3), 1e-14);
    }

    [Fact]
    public void Gini_is_the_concentration_coefficient_of_a_variable_on_itself_and_does_not_depend_on_tie_order()
    {
        var rng = new Random(51);
        var (x, w) = Sample(rng, 1000, ties: true);
        Close(Redistribution.ConcentrationCoefficient(x, x, w), Inequality.Gini(x, w));
        Close(Inequality.Gini(x, w), NaiveGini(x, w));
    }

    [Fact]
    public void Reynolds_Smolensky_decomposition_of_a_three_person_example_computed_by_hand()
    {
        // pre = (10, 20, 60), post = (30, 25, 35), equal weights; G = Σ_i Σ_j |x_i − x_j| / (2 n² μ).
        // G(pre) = 200 / (2·9·30) = 10/27; G(post) = 40 / 540 = 2/27.
        // C(post | pre): post in pre order (30, 25, 35), midpoint ranks (i − ½)/3:
        //   2/(n² μ) Σ y_i (i − ½) − 1 = 2·(15 + 37.5 + 87.5)/270 − 1 = 1/27.
        // RS = 10/27 − 2/27 = 8/27; vertical equity = 10/27 − 1/27 = 9/27; reranking = 2/27 − 1/27 = 1/27.
        var d = Redistribution.Decompose([10, 20, 60], [30, 25, 35], []);
        d.Total.Should().BeApproximately(8.0 / 27, 1e-15);
        d.VerticalEquity.Should().BeApproximately(9.0 / 27, 1e-15);
        d.Reranking.Should().BeApproximately(1.0 / 27, 1e-15);
        Redistribution.ReynoldsSmolensky([10, 20, 60], [30, 25, 35], []).Should().BeApproximately(8.0 / 27, 1e-15);
    }

    [Fact]
    public void Reynolds_Smolensky_decomposition_with_weights_matches_the_hand_computed_expanded_sample()
    {
        // Weights (2, 1, 1) on pre = (10, 20, 60), post = (30, 25, 35) are the sample pre = (10, 10, 20, 60),
        // post = (30, 30, 25, 35). G(pre) = 320 / (2·16·25) = 0.4; G(post) = 60 / (2·16·30) = 0.0625;
        // C(post | pre) = (2/30)·¼·(30·⅛ + 30·⅜ + 25·⅝ + 35·⅞) − 1 = 61.25/60 − 1 = 1/48.
        var d = Redistribution.Decompose([10, 20, 60], [30, 25, 35], [2, 1, 1]);
        d.Total.Should().BeApproximately(0.4 - 0.0625, 1e-15);
        d.VerticalEquity.Should().BeApproximately(0.4 - (1.0 / 48), 1e-15);
        d.Reranking.Should().BeApproximately(0.0625 - (1.0 / 48), 1e-15);
    }

    [Fact]
    public void Marginal_contribution_parts_add_up()
    {
        var rng = new Random(71);
        var (y, w) = Sample(rng, 300, ties: false);
        var ben = y.Select(v => v < 30 ? 15 + rng.NextDouble() : 0.0).ToArray();
        var end = y.Select((v, i) => v + ben[i]).ToArray();
        var mc = FiscalIncidence.MarginalContributionToGini(y, end, ben, w, InterventionKind.Benefit);
        mc.Total.Should().BeApproximately(mc.VerticalEquity + mc.Reranking, 1e-14);
        mc.Total.Should().BeGreaterThan(0.0);
        FiscalIncidence.MarginalContributionTo(end, ben, w, InterventionKind.Benefit, (v, ww) => Inequality.Gini(v, ww))
            .Should().BeApproximately(mc.Total, 1e-15);
    }

    /// <summary>O(n²) definition: G = Σ_i Σ_j w_i w_j |x_i − x_j| / (2 W T).</summary>
    private static double NaiveGini(double[] x, double[] w)
    {
        double num = 0, W = w.Sum(), T = x.Select((v, i) => v * w[i]).Sum();
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = 0; j < x.Length; j++)
            {
                num += w[i] * w[j] * Math.Abs(x[i] - x[j]);
            }
        }

        return num / (2 * W * T);
    }
}
