using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>One page of a sorted weighted sample: values ascending by (value, weight), with their weights.</summary>
/// <param name="Values">The values.</param>
/// <param name="Weights">Their weights (same length).</param>
public readonly record struct SortedPage(ReadOnlyMemory<double> Values, ReadOnlyMemory<double> Weights);

/// <summary>
/// Distributional indicators of a sample that is already sorted ascending by (value, weight) and read in pages, pass
/// after pass, without holding it whole (for example the k-way merge of sorted partitions, docs/distributed.md). Each
/// gives the same bits as its in-memory counterpart on the same sample: the passes run the same sequential loops over
/// the same sorted order (<see cref="Inequality.Gini(ReadOnlySpan{double}, ReadOnlySpan{double})"/>,
/// <see cref="Quantiles.WeightedMedian(ReadOnlySpan{double}, ReadOnlySpan{double}, QuantileRule)"/> under the laeken
/// rule, <see cref="Poverty.HeadcountRatio(ReadOnlySpan{double}, ReadOnlySpan{double}, double, PovertyBoundary)"/> and
/// <see cref="Lorenz.QuantileGroupShares"/>).
/// </summary>
/// <remarks>
/// The <c>sample</c> of every method starts a new pass each time it is called; every pass must give the same
/// pages' contents in the same order. A sample that is not sorted by (value, weight) gives wrong results: the methods
/// check the order as they read and throw when it is broken.
/// </remarks>
public static class SortedStreams
{
    /// <summary>The weighted Gini coefficient (midpoint convention) in one pass.</summary>
    /// <param name="sample">Starts a pass over the sorted sample.</param>
    /// <returns>The Gini coefficient.</returns>
    /// <exception cref="ArgumentException">The sample is empty, unsorted, has a non-finite value or a negative or non-finite weight, or its weighted total is not positive.</exception>
    public static double Gini(Func<IEnumerable<SortedPage>> sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        double c = 0.0, t = 0.0, s = 0.0;
        foreach (var (x, w) in Read(sample))
        {
            double wx = w * x;
            c += w;
            t += wx;
            s += wx * (c - (0.5 * w));
        }

        Guard.PositiveTotal(t, nameof(sample));
        return (2.0 * s / (c * t)) - 1.0;
    }

    /// <summary>The weighted median under the laeken rule (the first value whose cumulative weight share exceeds one half), in two passes.</summary>
    /// <param name="sample">Starts a pass over the sorted sample.</param>
    /// <returns>The median.</returns>
    /// <exception cref="ArgumentException">As <see cref="Gini"/>, or the total weight is not positive.</exception>
    public static double WeightedMedian(Func<IEnumerable<SortedPage>> sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        double total = 0.0;
        foreach (var (_, w) in Read(sample))
        {
            total += w;
        }

        Guard.PositiveTotal(total, "weights");
        double c = 0.0, last = double.NaN;
        foreach (var (x, w) in Read(sample))
        {
            c += w;
            last = x;
            if (c / total > 0.5)
            {
                return x;
            }
        }

        return last;
    }

    /// <summary>The weighted share of values below <paramref name="line"/> (exact sums), in one pass.</summary>
    /// <param name="sample">Starts a pass over the sorted sample.</param>
    /// <param name="line">The poverty line, finite and positive.</param>
    /// <returns>The headcount ratio.</returns>
    public static double HeadcountRatio(Func<IEnumerable<SortedPage>> sample, double line)
    {
        ArgumentNullException.ThrowIfNull(sample);
        Guard.Positive(line, nameof(line));
        var poor = new ExactAccumulator();
        var weight = new ExactAccumulator();
        foreach (var (x, w) in Read(sample))
        {
            weight.Add(w);
            if (x < line)
            {
                poor.Add(w);
            }
        }

        return poor.Result() / weight.Result();
    }

    /// <summary>The income shares of <paramref name="groups"/> equal-weight groups, poorest first, in two passes.</summary>
    /// <param name="sample">Starts a pass over the sorted sample.</param>
    /// <param name="groups">Number of groups (≥ 1); 10 by default.</param>
    /// <returns>The share of each group.</returns>
    public static double[] QuantileGroupShares(Func<IEnumerable<SortedPage>> sample, int groups = 10)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        double total = 0.0, weight = 0.0;
        foreach (var (x, w) in Read(sample))
        {
            if (w != 0.0)
            {
                weight += w;
                total += w * x;
            }
        }

        Guard.PositiveTotal(total, nameof(sample));

        // The Lorenz ordinate at each k / groups, all in one pass: the prefix weight before a row is the same for all.
        var target = new double[groups + 1];
        var acc = new double[groups + 1];
        var open = new bool[groups + 1];
        for (int k = 0; k <= groups; k++)
        {
            double p = (double)k / groups;
            target[k] = p * weight;
            open[k] = p != 1.0;
        }

        double before = 0.0;
        int remaining = open.Count(o => o);
        foreach (var (x, w) in Read(sample))
        {
            if (remaining == 0)
            {
                break;
            }

            if (w == 0.0)
            {
                continue;
            }

            for (int k = 0; k <= groups; k++)
            {
                if (!open[k])
                {
                    continue;
                }

                double share = Math.Clamp((target[k] - before) / w, 0.0, 1.0);
                if (share <= 0.0)
                {
                    open[k] = false;
                    remaining--;
                    continue;
                }

                acc[k] += w * x * share;
            }

            before += w;
        }

        var l = new double[groups + 1];
        for (int k = 0; k <= groups; k++)
        {
            l[k] = (double)k / groups == 1.0 ? 1.0 : acc[k] / total;
        }

        var shares = new double[groups];
        for (int k = 0; k < groups; k++)
        {
            shares[k] = l[k + 1] - l[k];
        }

        return shares;
    }

    /// <summary>The sample's (value, weight) rows, checked: finite values, finite non-negative weights, ascending by (value, weight), not empty.</summary>
    private static IEnumerable<(double Value, double Weight)> Read(Func<IEnumerable<SortedPage>> sample)
    {
        bool any = false;
        double lastX = double.NegativeInfinity, lastW = double.NegativeInfinity;
        foreach (var page in sample())
        {
            if (page.Values.Length != page.Weights.Length)
            {
                throw new ArgumentException($"A page has {page.Values.Length} values and {page.Weights.Length} weights.", nameof(sample));
            }

            for (int i = 0; i < page.Values.Length; i++)
            {
                double x = page.Values.Span[i], w = page.Weights.Span[i];
                if (!double.IsFinite(x) || !double.IsFinite(w) || w < 0)
                {
                    throw new ArgumentException($"Row {i} of a page has value {x} and weight {w}: values must be finite and weights finite and non-negative.", nameof(sample));
                }

                if (x < lastX || (x == lastX && w < lastW))
                {
                    throw new ArgumentException($"The sample is not sorted by (value, weight): ({x}, {w}) follows ({lastX}, {lastW}).", nameof(sample));
                }

                lastX = x;
                lastW = w;
                any = true;
                yield return (x, w);
            }
        }

        if (!any)
        {
            throw new ArgumentException("The sample is empty.", nameof(sample));
        }
    }
}
