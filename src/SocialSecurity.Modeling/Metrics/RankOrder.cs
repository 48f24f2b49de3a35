using System.Buffers;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>Orders observations by (ranking, value) ascending with stable radix sorts (CEQ tie rule).</summary>
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
            // Secondary key first, then a stable sort on the primary key (LSD on the pair).
            for (int i = 0; i < n; i++)
            {
                keys[i] = RadixSort.ToKey(values[i]);
                index[i] = i;
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
