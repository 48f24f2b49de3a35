using SocialSecurity.Modeling.Internal;
using System.Buffers;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Weighted quantiles and medians under the named conventions of <see cref="QuantileRule"/> (docs/indicators.md#quantiles).
/// </summary>
/// <remarks>
/// <para>Every method validates its input: the values must be finite and non-empty; weights, when given, must match
/// the values in length, be finite and non-negative, and have a positive total. An empty weight span means an
/// unweighted sample (every weight 1).</para>
/// <para>Cumulative weights are sequential double additions in stably sorted order, exactly as the reference packages
/// describe them. A single quantile of a large sample is found by weighted quickselect in expected O(n); when the
/// selection cannot prove that it agrees with the sequential rule (a cumulative weight within rounding distance of
/// p·W), the exact sort-based path is used, so the result never depends on the algorithm chosen.</para>
/// <para>R's <c>cumsum</c> and <c>sum</c> accumulate in extended precision where the platform offers it; this library
/// uses IEEE double additions as docs/indicators.md#quantiles prescribes. The two can differ only when a cumulative share lies within
/// a few units in the last place of p; with exactly representable weights (the reference vectors) they agree.</para>
/// </remarks>
public static class Quantiles
{
    /// <summary>Sample size from which a single quantile is found by selection rather than by sorting.</summary>
    internal const int SelectionThreshold = 4096;

    /// <summary>Weighted median: <see cref="WeightedQuantile(ReadOnlySpan{double}, ReadOnlySpan{double}, double, QuantileRule)"/> at p = 0.5.</summary>
    /// <param name="values">Values (finite).</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="rule">Quantile convention; <see cref="QuantileRule.Laeken"/> by default (the upper value at an exact hit).</param>
    /// <returns>The median.</returns>
    public static double WeightedMedian(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        QuantileRule rule = QuantileRule.Laeken) => WeightedQuantile(values, weights, 0.5, rule);

    /// <summary>Unweighted median under <paramref name="rule"/> (laeken's upper median by default).</summary>
    /// <param name="values">Values (finite).</param>
    /// <param name="rule">Quantile convention.</param>
    /// <returns>The median.</returns>
    public static double WeightedMedian(ReadOnlySpan<double> values, QuantileRule rule = QuantileRule.Laeken) =>
        WeightedQuantile(values, default, 0.5, rule);

    /// <summary>
    /// Weighted quantile at probability <paramref name="p"/> under <paramref name="rule"/>.
    /// </summary>
    /// <param name="values">Values (finite).</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="p">Probability in [0, 1].</param>
    /// <param name="rule">Quantile convention; <see cref="QuantileRule.Laeken"/> by default.</param>
    /// <returns>The quantile.</returns>
    /// <exception cref="ArgumentException">Invalid sample, or weights given with <see cref="QuantileRule.RType7"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> outside [0, 1], or an undefined rule.</exception>
    public static double WeightedQuantile(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double p,
        QuantileRule rule = QuantileRule.Laeken)
    {
        Guard.Sample(values, weights);
        Guard.Probability(p, nameof(p));
        CheckRule(rule, weights);
        if (values.Length >= SelectionThreshold && p > 0.0 && p < 1.0 && rule <= QuantileRule.School
            && WeightedSelection.TrySelect(values, weights, p, rule, out double selected))
        {
            return selected;
        }

        return SortedQuantile(values, weights, p, rule);
    }

    /// <summary>Unweighted quantile at probability <paramref name="p"/> under <paramref name="rule"/>.</summary>
    /// <param name="values">Values (finite).</param>
    /// <param name="p">Probability in [0, 1].</param>
    /// <param name="rule">Quantile convention; <see cref="QuantileRule.Laeken"/> by default.</param>
    /// <returns>The quantile.</returns>
    public static double WeightedQuantile(ReadOnlySpan<double> values, double p, QuantileRule rule = QuantileRule.Laeken) =>
        WeightedQuantile(values, default, p, rule);

    /// <summary>
    /// Several weighted quantiles from one sort (the sort-based path, identical to the single-quantile results).
    /// </summary>
    /// <param name="values">Values (finite).</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="probabilities">Probabilities, each in [0, 1].</param>
    /// <param name="rule">Quantile convention; <see cref="QuantileRule.Laeken"/> by default.</param>
    /// <returns>One quantile per probability, in the given order.</returns>
    public static double[] WeightedQuantiles(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        ReadOnlySpan<double> probabilities, QuantileRule rule = QuantileRule.Laeken)
    {
        Guard.Sample(values, weights);
        CheckRule(rule, weights);
        for (int i = 0; i < probabilities.Length; i++)
        {
            Guard.Probability(probabilities[i], nameof(probabilities));
        }

        using var sorted = SortedSample.Create(values, weights, dropZeroWeights: rule != QuantileRule.Laeken);
        var result = new double[probabilities.Length];
        var cumulative = ArrayPool<double>.Shared.Rent(sorted.Count);
        try
        {
            FillCumulative(sorted, cumulative);
            for (int i = 0; i < probabilities.Length; i++)
            {
                result[i] = OnSorted(sorted.Values, cumulative.AsSpan(0, sorted.Count), probabilities[i], rule);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(cumulative);
        }

        return result;
    }

    /// <summary>Exact sort-based path (also used internally by the indicators built on quantiles).</summary>
    internal static double SortedQuantile(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double p, QuantileRule rule)
    {
        using var sorted = SortedSample.Create(values, weights, dropZeroWeights: rule != QuantileRule.Laeken);
        return OnSorted(sorted, p, rule);
    }

    /// <summary>Quantile of an already sorted sample (zero weights dropped unless the rule is laeken).</summary>
    internal static double OnSorted(SortedSample sorted, double p, QuantileRule rule)
    {
        var cumulative = ArrayPool<double>.Shared.Rent(sorted.Count);
        try
        {
            FillCumulative(sorted, cumulative);
            return OnSorted(sorted.Values, cumulative.AsSpan(0, sorted.Count), p, rule);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(cumulative);
        }
    }

    /// <summary>Quantile of sorted values given their sequential cumulative weights.</summary>
    internal static double OnSorted(ReadOnlySpan<double> x, ReadOnlySpan<double> cumulative, double p, QuantileRule rule)
    {
        int n = x.Length;
        double total = cumulative[n - 1];
        switch (rule)
        {
            case QuantileRule.Laeken:
                {
                    if (p == 0.0)
                    {
                        return x[0];
                    }

                    if (p == 1.0)
                    {
                        return x[n - 1];
                    }

                    int k = FirstIndex(cumulative, total, p, strict: true);
                    return x[Math.Min(k, n - 1)];
                }

            case QuantileRule.Convey:
                {
                    int k = FirstIndex(cumulative, total, p, strict: false);
                    return x[Math.Min(k, n - 1)];
                }

            case QuantileRule.School:
                {
                    int k = Math.Min(FirstIndex(cumulative, total, p, strict: false), n - 1);
                    if (cumulative[k] / total == p && k + 1 < n)
                    {
                        return (x[k] + x[k + 1]) / 2.0;
                    }

                    return x[k];
                }

            case QuantileRule.RType7:
                {
                    double index = 1.0 + ((n - 1) * p);
                    int lo = (int)Math.Floor(index);
                    int hi = (int)Math.Ceiling(index);
                    double q = x[lo - 1];
                    double h = index - lo;
                    if (index > lo && x[hi - 1] != q)
                    {
                        q = ((1.0 - h) * q) + (h * x[hi - 1]);
                    }

                    return q;
                }

            case QuantileRule.RType1:
            case QuantileRule.RType2:
            case QuantileRule.RType3:
                return RDiscontinuous(x, p, rule);

            case QuantileRule.RType4:
                return RContinuous(x, p, 0.0, 1.0);
            case QuantileRule.RType5:
                return RContinuous(x, p, 0.5, 0.5);
            case QuantileRule.RType6:
                return RContinuous(x, p, 0.0, 0.0);
            case QuantileRule.RType8:
                return RContinuous(x, p, 1.0 / 3.0, 1.0 / 3.0);
            case QuantileRule.RType9:
                return RContinuous(x, p, 3.0 / 8.0, 3.0 / 8.0);

            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown quantile rule.");
        }
    }

    private const double RFuzz = 4.0 * 2.220446049250313e-16;

    /// <summary>R's types 1–3 (stats::quantile.default), with the same arithmetic and fuzz.</summary>
    private static double RDiscontinuous(ReadOnlySpan<double> x, double p, QuantileRule rule)
    {
        int n = x.Length;
        double nppm = rule == QuantileRule.RType3 ? (n * p) - 0.5 : n * p;
        double j = Math.Floor(nppm + RFuzz);
        double h = rule switch
        {
            QuantileRule.RType1 => nppm > j ? 1.0 : 0.0,
            QuantileRule.RType2 => ((nppm > j ? 1.0 : 0.0) + 1.0) / 2.0,
            _ => (nppm != j) || (((long)j % 2) == 1) ? 1.0 : 0.0,
        };
        return RPadded(x, (long)j, h);
    }

    /// <summary>R's types 4–9 except 7: <c>nppm = a + p(n + 1 − a − b)</c>, <c>j = ⌊nppm + fuzz⌋</c>, <c>h = nppm − j</c>.</summary>
    private static double RContinuous(ReadOnlySpan<double> x, double p, double a, double b)
    {
        int n = x.Length;
        double nppm = a + (p * (n + 1 - a - b));
        double j = Math.Floor(nppm + RFuzz);
        double h = nppm - j;
        if (Math.Abs(h) < RFuzz)
        {
            h = 0.0;
        }

        return RPadded(x, (long)j, h);
    }

    /// <summary>Evaluates R's padded lookup: x is extended as (x1, x1, x..., xn, xn) and indexed at j + 2 and j + 3 (1-based).</summary>
    private static double RPadded(ReadOnlySpan<double> x, long j, double h)
    {
        int n = x.Length;
        double lo = x[(int)Math.Clamp(j - 1, 0, n - 1)], hi = x[(int)Math.Clamp(j, 0, n - 1)]; // 1-based x_j, x_{j+1}, clamped like the padding
        if (h == 1.0)
        {
            return hi;
        }

        if (h > 0.0 && h < 1.0 && lo != hi)
        {
            return ((1.0 - h) * lo) + (h * hi);
        }

        return lo;
    }

    /// <summary>First index i with C_i/W &gt; p (strict) or ≥ p, by binary search over the non-decreasing ratios.</summary>
    private static int FirstIndex(ReadOnlySpan<double> cumulative, double total, double p, bool strict)
    {
        int lo = 0, hi = cumulative.Length; // answer in [lo, hi]
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            double r = cumulative[mid] / total;
            bool ok = strict ? r > p : r >= p;
            if (ok)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private static void FillCumulative(SortedSample sorted, double[] cumulative)
    {
        var w = sorted.Weights;
        double c = 0.0;
        if (w.IsEmpty)
        {
            for (int i = 0; i < sorted.Count; i++)
            {
                c += 1.0;
                cumulative[i] = c;
            }
        }
        else
        {
            for (int i = 0; i < sorted.Count; i++)
            {
                c += w[i];
                cumulative[i] = c;
            }
        }
    }

    private static void CheckRule(QuantileRule rule, ReadOnlySpan<double> weights)
    {
        if (rule is < QuantileRule.Laeken or > QuantileRule.RType9)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown quantile rule.");
        }

        if (rule >= QuantileRule.RType7 && !weights.IsEmpty)
        {
            throw new ArgumentException(
                $"R's quantile types ({rule}) are defined for unweighted samples only; pass an empty weight span.",
                nameof(weights));
        }
    }
}
