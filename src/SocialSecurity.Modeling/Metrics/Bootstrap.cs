using MathNet.Numerics.Distributions;
using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Naive (with-replacement) bootstrap of any weighted indicator, resampling observations or whole clusters
/// (primary sampling units) and keeping their original weights (laeken <c>bootVar(bootType = "naive")</c>; the
/// calibrated variant is not implemented). Deterministic: a fixed seed gives the same replicates on every run and
/// machine, and replicates are computed sequentially.
/// </summary>
public static class Bootstrap
{
    /// <summary>Bootstrap of the weighted Gini (midpoint rule).</summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="options">Replicates, seed, level and interval; defaults when null.</param>
    /// <returns>The estimate, its standard error and interval.</returns>
    public static BootstrapEstimate Gini(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, BootstrapOptions? options = null) =>
        Estimate(values, weights, static (v, w) => Inequality.Gini(v, w), options);

    /// <summary>Bootstrap of the weighted median (laeken rule).</summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="options">Replicates, seed, level and interval; defaults when null.</param>
    /// <returns>The estimate, its standard error and interval.</returns>
    public static BootstrapEstimate Median(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, BootstrapOptions? options = null) =>
        Estimate(values, weights, static (v, w) => Quantiles.WeightedMedian(v, w), options);

    /// <summary>Bootstrap of the at-risk-of-poverty rate (laeken conventions; the threshold is re-estimated in each replicate).</summary>
    /// <param name="values">Equivalised incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="options">Replicates, seed, level and interval; defaults when null.</param>
    /// <returns>The estimate, its standard error and interval.</returns>
    public static BootstrapEstimate AtRiskOfPovertyRate(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        BootstrapOptions? options = null) =>
        Estimate(values, weights, static (v, w) => Poverty.AtRiskOfPovertyRate(v, w), options);

    /// <summary>Bootstrap of the quintile share ratio S80/S20 (laeken rule).</summary>
    /// <param name="values">Equivalised incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="options">Replicates, seed, level and interval; defaults when null.</param>
    /// <returns>The estimate, its standard error and interval.</returns>
    public static BootstrapEstimate QuintileShareRatio(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        BootstrapOptions? options = null) =>
        Estimate(values, weights, static (v, w) => Inequality.QuintileShareRatio(v, w), options);

    /// <summary>Bootstrap standard error and confidence interval of <paramref name="statistic"/>, resampling observations.</summary>
    /// <param name="values">The values.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="statistic">The indicator, e.g. <c>(v, w) =&gt; Inequality.Gini(v, w)</c>.</param>
    /// <param name="options">Replicates, seed, level and interval; defaults when null.</param>
    /// <returns>The estimate, its standard error and interval.</returns>
    public static BootstrapEstimate Estimate(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, WeightedStatistic statistic,
        BootstrapOptions? options = null) => Estimate(values, weights, default, statistic, options);

    /// <summary>
    /// Bootstrap standard error and confidence interval of <paramref name="statistic"/>, resampling whole clusters
    /// (e.g. households or villages) with replacement.
    /// </summary>
    /// <param name="values">The values.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="clusters">Cluster code of every observation, or empty to resample observations.</param>
    /// <param name="statistic">The indicator.</param>
    /// <param name="options">Replicates, seed, level and interval; defaults when null.</param>
    /// <returns>The estimate, its standard error and interval.</returns>
    public static BootstrapEstimate Estimate(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, ReadOnlySpan<int> clusters,
        WeightedStatistic statistic, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        options ??= new BootstrapOptions();
        if (!(options.ConfidenceLevel > 0.0 && options.ConfidenceLevel < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ConfidenceLevel, "ConfidenceLevel must lie in (0, 1).");
        }

        double estimate = statistic(values, weights);
        var reps = Replicates(values, weights, clusters, statistic, options.Replicates, options.Seed);
        double mean = 0.0;
        foreach (double r in reps)
        {
            mean += r;
        }

        mean /= reps.Length;
        double ss = 0.0;
        foreach (double r in reps)
        {
            ss += (r - mean) * (r - mean);
        }

        double se = Math.Sqrt(ss / (reps.Length - 1));
        double alpha = 1.0 - options.ConfidenceLevel;
        double lower, upper;
        if (options.Interval == BootstrapInterval.Normal)
        {
            double z = Normal.InvCDF(0.0, 1.0, 1.0 - (alpha / 2.0));
            lower = estimate - (z * se);
            upper = estimate + (z * se);
        }
        else
        {
            lower = Quantiles.WeightedQuantile(reps, default, alpha / 2.0, QuantileRule.RType7);
            upper = Quantiles.WeightedQuantile(reps, default, 1.0 - (alpha / 2.0), QuantileRule.RType7);
        }

        return new BootstrapEstimate(estimate, se, lower, upper, reps.Length);
    }

    /// <summary>The bootstrap replicates of <paramref name="statistic"/> themselves.</summary>
    /// <param name="values">The values.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="clusters">Cluster code of every observation, or empty to resample observations.</param>
    /// <param name="statistic">The indicator.</param>
    /// <param name="replicates">Number of replicates (≥ 2).</param>
    /// <param name="seed">Seed of the random-number generator.</param>
    /// <returns>One value per replicate.</returns>
    public static double[] Replicates(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, ReadOnlySpan<int> clusters,
        WeightedStatistic statistic, int replicates, int seed)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 2);
        Guard.Sample(values, weights);
        int n = values.Length;
        bool byCluster = !clusters.IsEmpty;
        if (byCluster)
        {
            Guard.Groups(clusters, n, nameof(clusters));
        }

        // Rows of each cluster, clusters in order of first appearance.
        var members = new List<List<int>>();
        if (byCluster)
        {
            var index = new Dictionary<int, int>();
            for (int i = 0; i < n; i++)
            {
                if (!index.TryGetValue(clusters[i], out int c))
                {
                    c = members.Count;
                    index[clusters[i]] = c;
                    members.Add([]);
                }

                members[c].Add(i);
            }
        }

        // The project's own generator (xoshiro256**, SplitMix64-seeded): its sequence is fixed by this library, not by
        // the runtime's System.Random implementation.
        var random = new SeededGenerator(unchecked((ulong)seed));
        var result = new double[replicates];
        var xs = new List<double>(n);
        var ws = new List<double>(n);
        for (int r = 0; r < replicates; r++)
        {
            xs.Clear();
            ws.Clear();
            if (byCluster)
            {
                for (int k = 0; k < members.Count; k++)
                {
                    foreach (int i in members[random.NextInt(0, members.Count)])
                    {
                        xs.Add(values[i]);
                        ws.Add(Guard.WeightAt(weights, i));
                    }
                }
            }
            else
            {
                for (int k = 0; k < n; k++)
                {
                    int i = random.NextInt(0, n);
                    xs.Add(values[i]);
                    ws.Add(Guard.WeightAt(weights, i));
                }
            }

            result[r] = statistic(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(xs),
                weights.IsEmpty ? default : System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ws));
        }

        return result;
    }
}
