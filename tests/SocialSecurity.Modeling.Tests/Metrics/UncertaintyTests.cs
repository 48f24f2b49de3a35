using SocialSecurity.Modeling.Metrics;

namespace SocialSecurity.Modeling.Tests.Metrics;

public class UncertaintyTests
{
    [Fact]
    public void Bootstrap_is_reproducible_with_a_fixed_seed_and_brackets_the_estimate()
    {
        var rng = new Random(5);
        var x = Enumerable.Range(0, 500).Select(_ => Math.Exp(rng.NextDouble() * 4)).ToArray();
        var w = Enumerable.Range(0, 500).Select(_ => 1 + rng.NextDouble()).ToArray();
        WeightedStatistic gini = (v, ww) => Inequality.Gini(v, ww);
        var a = Bootstrap.Estimate(x, w, gini);
        var b = Bootstrap.Estimate(x, w, gini);
        a.Should().Be(b);
        a.Replicates.Should().Be(200);
        a.Estimate.Should().Be(Inequality.Gini(x, w));
        a.StandardError.Should().BeInRange(0.002, 0.05);
        a.Lower.Should().BeLessThan(a.Estimate);
        a.Upper.Should().BeGreaterThan(a.Estimate);

        var c = Bootstrap.Estimate(x, w, gini, new BootstrapOptions { Seed = 99, Interval = BootstrapInterval.Normal, Replicates = 100 });
        c.StandardError.Should().NotBe(a.StandardError);
        c.Upper.Should().BeApproximately(c.Estimate + (1.959963984540054 * c.StandardError), 1e-12);
    }

    [Fact]
    public void Bootstrap_standard_error_of_a_mean_is_the_sample_standard_deviation_over_root_n()
    {
        // Oracle: resampling n values with replacement, the mean's variance is σ̂²/n with σ̂² the population-form
        // variance Σ(x − x̄)²/n. For x = 1 … 100: σ̂² = (100² − 1)/12 = 833.25, SE = √8.3325 = 2.8866.
        var x = Enumerable.Range(1, 100).Select(v => (double)v).ToArray();
        WeightedStatistic mean = (v, _) => v.ToArray().Average();
        var e = Bootstrap.Estimate(x, [], mean, new BootstrapOptions { Replicates = 2_000, Seed = 7 });
        e.StandardError.Should().BeApproximately(2.8866, 0.2, "2,000 replicates estimate an SE to about 1.6%");
        var reps = Bootstrap.Replicates(x, [], [], mean, 2_000, 7);
        reps.Average().Should().BeApproximately(50.5, 0.3, "resampling is unbiased for the mean");
        reps.Should().OnlyContain(m => m >= 1 && m <= 100);
        Bootstrap.Replicates(x, [], [], mean, 50, 7).Should().Equal(reps.Take(50), "a seed fixes the sequence of replicates");
        Bootstrap.Replicates(x, [], [], mean, 50, 8).Should().NotEqual(reps.Take(50));
    }

    [Fact]
    public void Cluster_bootstrap_resamples_whole_clusters()
    {
        double[] x = [1, 1, 5, 5, 9, 9];
        int[] cl = [0, 0, 1, 1, 2, 2];
        var reps = Bootstrap.Replicates(x, [], cl, (v, _) => v.Length, 50, 1);
        reps.Should().OnlyContain(n => n == 6);
        var means = Bootstrap.Replicates(x, [], cl, (v, _) => v[0] == v[1] ? 1 : 0, 50, 1);
        means.Should().OnlyContain(v => v == 1, "members of a cluster stay together");
    }

    [Fact]
    public void Linearized_SE_of_convey_Gini_and_ARPR_match_the_reference()
    {
        var g = LinearizedVariance.ConveyGini(ReferenceData.Wx, ReferenceData.Ww);
        g.Estimate.Should().BeApproximately(0.5615866735382622, 1e-15);
        var r = LinearizedVariance.ConveyAtRiskOfPovertyRate(ReferenceData.Wx, ReferenceData.Ww);
        r.Estimate.Should().BeApproximately(0.28846153846153844, 1e-15);
        r.StandardError.Should().BeApproximately(0.10267443535788649, 1e-14);
    }

    [Fact]
    public void Weighted_sum_accumulators_combine_deterministically()
    {
        var a = default(WeightedSum).Add(1, 2).Add(3, 1);
        var b = default(WeightedSum).Add(10, 0.5);
        var all = WeightedSum.Of([1, 3, 10], [2, 1, 0.5]);
        a.Combine(b).Should().Be(all);
        all.Mean.Should().BeApproximately((2 + 3 + 5) / 3.5, 1e-15);
        all.Count.Should().Be(3);
    }
}
