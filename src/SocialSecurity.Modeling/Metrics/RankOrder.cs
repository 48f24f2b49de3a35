using System.Buffers;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>Orders observations by (ranking, value, weight) ascending with stable radix sorts (CEQ tie rule, then weight, so that the order never depends on the input order).</summary>
internal static class RankOrder
{
    /// <summary>Returns the values and weights (weights empty if unweighted) reordered by (ranking, value).</summary>
    internal static (double[] Values, double[] Weights) ByRankingThenValue(ReadOnlySpan<double> values, ReadOnlySpan<double> ranking,
        ReadOnlySpan<double> weights)
    {
        int n = values.Length;
        var keys = ArrayPool<ulong>.Shared.Rent(n);
        var keyScratch = ArrayPool<ulong>.Shared.Rent(n);
        var index = ArrayPool<int>.Shared.Rent(n);
        var indexScratch = ArrayPool<int>.Shared.Rent(n);
        try
        {
            // Least significant key first, then stable sorts on the more significant ones (LSD on the triple): the
            // weight breaks the remaining ties, so the order depends only on the (ranking, value, weight) triples.
            for (int i = 0; i < n; i++)
            {
                index[i] = i;
            }

            if (!weights.IsEmpty)
            {
                for (int i = 0; i < n; i++)
                {
                    keys[i] = RadixSort.ToKey(weights[i]);
                }

                RadixSort.Sort(keys, index, keyScratch, indexScratch, n);
            }

            for (int i = 0; i < n; i++)
            {
                keys[i] = RadixSort.ToKey(values[index[i]]);
            }

            RadixSort.Sort(keys, index, keyScratch, indexScratch, n);
            for (int i = 0; i < n; i++)
            {
                keys[i] = RadixSort.ToKey(ranking[index[i]]);
            }

            RadixSort.Sort(keys, index, keyScratch, indexScratch, n);
            var v = new double[n];
            var w = weights.IsEmpty ? [] : new double[n];
            for (int i = 0; i < n; i++)
            {
                v[i] = values[index[i]];
                if (!weights.IsEmpty)
                {
                    w[i] = weights[index[i]];
                }
            }

            return (v, w);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<ulong>.Shared.Return(keyScratch);
            ArrayPool<int>.Shared.Return(index);
            ArrayPool<int>.Shared.Return(indexScratch);
        }
    }
}
