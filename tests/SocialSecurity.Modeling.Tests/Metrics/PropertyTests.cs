using CsCheck;
using SocialSecurity.Modeling.Metrics;

namespace SocialSecurity.Modeling.Tests.Metrics;

/// <summary>
/// Invariance properties checked by CsCheck on generated samples: a failure shrinks to a small counterexample and
/// prints the seed that replays it. Worked examples computed by hand sit beside them.
/// </summary>
public class PropertyTests
{
    /// <summary>
    /// Samples of <paramref name="minN"/> to <paramref name="maxN"/> rows: incomes spread over e^0 … e^6, rounded to
    /// tens (many ties) in half of the samples, about 5% zeros unless <paramref name="zeros"/> is false; weights in
    /// [0.5, 3.5].
    /// </summary>
    private static Gen<(double[] X, double[] W)> Sample(int minN, int maxN, bool zeros = true) =>
        Gen.Select(Gen.Bool, Gen.Int[minN, maxN]).SelectMany((ties, n) =>
            Gen.Select(Gen.Double[0, 6].Array[n], Gen.Double[0, 1].Array[n], Gen.Double[0.5, 3.5].Array[n], (u, z, w) =>
            {
                var x = new double[n];
                for (int i = 0; i < n; i++)
                {
                    double v = Math.Exp(u[i]);
                    x[i] = zeros && z[i] < 0.05 ? 0.0 : ties ? 10.0 + (Math.Round(v / 10.0) * 10.0) : v;
                }

                return (x, w);
            }));

    private static void Close(double actual, double expected, double rel = 1e-12, double abs = 1e-14) =>
        Math.Abs(actual - expected).Should().BeLessThanOrEqualTo(Math.Max(rel * Math.Abs(expected), abs));

    [Fact]
    public void Gini_of_non_negative_incomes_lies_in_zero_one()
        => Sample(2, 2_000).Where(s => s.X.Any(v => v > 0)).Sample(s =>
        {
            Inequality.Gini(s.X, s.W).Should().BeGreaterThanOrEqualTo(-1e-15).And.BeLessThan(1.0);
            Inequality.Gini(s.X).Should().BeGreaterThanOrEqualTo(-1e-15).And.BeLessThan(1.0);
        }, iter: 200);

    [Fact]
    public void Gini_of_equal_incomes_is_zero_and_of_one_earner_is_one_minus_its_weight_share()
    {
        Inequality.Gini([5, 5, 5, 5], [1, 2, 3, 4]).Should().BeApproximately(0.0, 1e-15);
        // One person holds everything: G = 1 − w_top/W (midpoint rule).
        Inequality.Gini([0, 0, 0, 10], []).Should().BeApproximately(0.75, 1e-15);
    }

    [Fact]
    public void Smooth_indicators_are_invariant_to_scaling_incomes_and_weights_by_any_factor()
        => Gen.Select(Sample(2, 300, zeros: false), Gen.Double[1e-3, 1e3], Gen.Double[1e-3, 1e3]).Sample(t =>
        {
            var ((x, w), a, b) = t;
            var xs = x.Select(v => v * a).ToArray();
            var ws = w.Select(v => v * b).ToArray();
            Close(Inequality.Gini(xs, ws), Inequality.Gini(x, w), abs: 1e-12);
            Close(Inequality.Theil(xs, ws), Inequality.Theil(x, w), 1e-10, 1e-12);
            Close(Inequality.MeanLogDeviation(xs, ws), Inequality.MeanLogDeviation(x, w), 1e-10, 1e-12);
            Close(Inequality.Atkinson(xs, ws, 1.5), Inequality.Atkinson(x, w, 1.5), 1e-10, 1e-12);
        }, iter: 200);

    [Fact]
    public void Every_indicator_is_invariant_to_scaling_incomes_and_weights_by_powers_of_two()
        // Powers of two scale without rounding, so even indicators with thresholds (quantile cut-offs, the poverty
        // line) must be unchanged: no comparison can flip.
        => Gen.Select(Sample(2, 300, zeros: false), Gen.Int[-20, 20], Gen.Int[-20, 20]).Sample(t =>
        {
            var ((x, w), ka, kb) = t;
            double a = Math.ScaleB(1.0, ka), b = Math.ScaleB(1.0, kb);
            var xs = x.Select(v => v * a).ToArray();
            var ws = w.Select(v => v * b).ToArray();
            Close(Inequality.Gini(xs, ws), Inequality.Gini(x, w));
            Close(Inequality.Theil(xs, ws), Inequality.Theil(x, w), 1e-10, 1e-12);
            Close(Inequality.QuintileShareRatio(xs, ws), Inequality.QuintileShareRatio(x, w));
            Close(Inequality.Palma(xs, ws), Inequality.Palma(x, w));
            Close(Poverty.AtRiskOfPovertyRate(xs, ws), Poverty.AtRiskOfPovertyRate(x, w));
            Close(Poverty.Fgt(xs, ws, 40 * a, 2), Poverty.Fgt(x, w, 40, 2));
            Close(Quantiles.WeightedMedian(xs, ws), a * Quantiles.WeightedMedian(x, w));
        }, iter: 200);

    [Fact]
    public void Integer_weights_equal_the_expanded_sample()
        => Gen.Int[1, 80].SelectMany(n => Gen.Select(Gen.Int[0, 50].Array[n], Gen.Int[0, 4].Array[n]))
            .Where(t => t.Item2.Any(v => v > 0))
            .Sample(t =>
            {
                var x = t.Item1.Select(v => (double)v).ToArray();
                var w = t.Item2.Select(v => (double)v).ToArray();
                var e = ReferenceData.Expand(x, w);
                if (e.All(v => v == 0))
                {
                    return;
                }

                Close(Inequality.Gini(x, w), Inequality.Gini(e));
                Close(Inequality.Gini(x, w), Inequality.Gini(e, []));
                Close(Quantiles.WeightedMedian(x, w, QuantileRule.Convey), Quantiles.WeightedMedian(e, QuantileRule.Convey));
                foreach (double p in new[] { 0.1, 0.25, 0.5, 0.9 })
                {
                    Quantiles.WeightedQuantile(x, w, p).Should().Be(Quantiles.WeightedQuantile(e, p), $"quantile {p}");
                }

                Close(Lorenz.Ordinate(x, w, 0.4), Lorenz.Ordinate(e, [], 0.4));
                Close(Poverty.Fgt(x, w, 20, 1), Poverty.Fgt(e, [], 20, 1));
                if (e.Any(v => v > 0))
                {
                    Close(Inequality.Theil(x, w, NonPositiveIncomePolicy.DropNonPositive), Inequality.Theil(e, [], NonPositiveIncomePolicy.DropNonPositive));
                }
            }, iter: 200);

    [Fact]
    public void Row_order_does_not_matter()
        // Without zeros: with many zeros the bottom quintile's income is 0 and the share ratio is undefined.
        => Sample(2, 3_000, zeros: false)
            .SelectMany(s => Gen.Select(Gen.Double[0, 1].Array[s.X.Length], Gen.Shuffle(Enumerable.Range(0, s.X.Length).ToArray()),
                (noise, order) => (s.X, s.W, Post: s.X.Select((v, i) => (v * 0.8) + 5 + noise[i]).ToArray(), Order: order)))
            .Where(t => t.X.Any(v => v > 0))
            .Sample(t =>
            {
                var (x, w, post, order) = t;
                var x2 = order.Select(i => x[i]).ToArray();
                var w2 = order.Select(i => w[i]).ToArray();
                var post2 = order.Select(i => post[i]).ToArray();

                Close(Inequality.Gini(x2, w2), Inequality.Gini(x, w));
                Quantiles.WeightedMedian(x2, w2).Should().Be(Quantiles.WeightedMedian(x, w));
                Close(Inequality.QuintileShareRatio(x2, w2), Inequality.QuintileShareRatio(x, w));
                Close(Redistribution.ConcentrationCoefficient(post2, x2, w2), Redistribution.ConcentrationCoefficient(post, x, w));
                var rs = Redistribution.Decompose(x, post, w);
                var rs2 = Redistribution.Decompose(x2, post2, w2);
                Close(rs2.Total, rs.Total);
                Close(rs2.Reranking, rs.Reranking, 1e-10);
            }, iter: 100);

    [Fact]
    public void Zero_weight_rows_have_no_effect_except_on_laeken_extremes()
        => Sample(1, 300).Where(s => s.X.Any(v => v > 0)).Sample(s =>
        {
            var (x, w) = s;
            double[] x0 = [.. x, 1e6, -3];
            double[] w0 = [.. w, 0, 0];
            Inequality.Gini(x0, w0).Should().BeApproximately(Inequality.Gini(x, w), 1e-14);
            Inequality.Gini(x0, w0, GiniConvention.Convey).Should().BeApproximately(Inequality.Gini(x, w, GiniConvention.Convey), 1e-14);
            foreach (var rule in new[] { QuantileRule.Laeken, QuantileRule.Convey, QuantileRule.School })
            {
                Quantiles.WeightedMedian(x0, w0, rule).Should().Be(Quantiles.WeightedMedian(x, w, rule), rule.ToString());
            }

            Quantiles.WeightedQuantile(x0, w0, 1.0).Should().Be(1e6, "laeken returns x_n even with weight 0");
            Quantiles.WeightedQuantile(x0, w0, 0.0).Should().Be(-3, "laeken returns x_1 even with weight 0");
            Lorenz.Ordinate(x0, w0, 0.3).Should().BeApproximately(Lorenz.Ordinate(x, w, 0.3), 1e-14);
        }, iter: 200);

    [Fact]
    public void Gini_equals_the_pairwise_mean_difference_and_the_concentration_coefficient_of_a_variable_on_itself()
        => Sample(1, 200).Where(s => s.X.Any(v => v > 0)).Sample(s =>
        {
            var (x, w) = s;
            Close(Inequality.Gini(x, w), NaiveGini(x, w), 1e-11);
            Close(Redistribution.ConcentrationCoefficient(x, x, w), Inequality.Gini(x, w));
        }, iter: 200);

    [Fact]
    public void Reranking_is_never_negative_and_vanishes_when_post_fiscal_income_keeps_the_order()
        => Sample(2, 500).Where(s => s.X.Any(v => v > 0))
            .SelectMany(s => Gen.Double[0, 20].Array[s.X.Length].Select(noise => (s.X, s.W, Noise: noise)))
            .Sample(t =>
            {
                var (pre, w, noise) = t;
                var reranked = pre.Select((v, i) => (0.7 * v) + 10 + noise[i]).ToArray();
                Redistribution.Decompose(pre, reranked, w).Reranking.Should().BeGreaterThanOrEqualTo(-1e-15, "Atkinson–Plotnick: G(post) ≥ C(post | pre)");

                // An order-preserving transfer (a flat amount plus a share) cannot rerank.
                var ordered = pre.Select(v => (0.7 * v) + 10).ToArray();
                Redistribution.Decompose(pre, ordered, w).Reranking.Should().BeApproximately(0, 1e-14);
            }, iter: 200);

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
    public void Marginal_contribution_of_a_gap_filling_benefit_is_the_fall_in_the_pairwise_gini_and_positive()
        // The benefit pays a share θ of the gap to 30: end income y + θ(30 − y)⁺ rises less than in proportion to y,
        // so the Lorenz curve moves up (Jakobsson) and the Gini falls whenever incomes differ and someone is below 30.
        => Gen.Select(Sample(2, 200, zeros: false), Gen.Double[0.05, 1])
            .Where(t => t.Item1.X.Any(v => v < 30) && t.Item1.X.Distinct().Count() > 1)
            .Sample(t =>
            {
                var ((y, w), theta) = t;
                var ben = y.Select(v => v < 30 ? theta * (30 - v) : 0.0).ToArray();
                var end = y.Select((v, i) => v + ben[i]).ToArray();
                var mc = FiscalIncidence.MarginalContributionToGini(y, end, ben, w, InterventionKind.Benefit);
                // Oracle: the pairwise-difference Gini of end income without the benefit (= y) minus that of end income.
                Close(mc.Total, NaiveGini(y, w) - NaiveGini(end, w), 1e-9, 1e-12);
                mc.Total.Should().BeGreaterThan(0.0);
            }, iter: 200);

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
