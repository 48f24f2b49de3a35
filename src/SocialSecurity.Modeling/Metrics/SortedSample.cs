using System.Buffers;
using System.Runtime.InteropServices;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// A sample sorted ascending by value, and by weight among equal values, weights carried along: the sorted pairs
/// depend only on the multiset of (value, weight) pairs, never on the input order.
/// Storage comes from <see cref="ArrayPool{T}"/> and is returned on <see cref="Dispose"/>. Inputs are assumed validated.
/// </summary>
internal sealed class SortedSample : IDisposable
{
    private ulong[]? _keys;
    private double[]? _weights;

    private SortedSample(ulong[] keys, double[]? weights, int count)
    {
        _keys = keys;
        _weights = weights;
        Count = count;
    }

    /// <summary>Number of rows kept.</summary>
    internal int Count { get; }

    /// <summary>True when the sample carries weights; otherwise every weight is 1.</summary>
    internal bool IsWeighted => _weights is not null;

    /// <summary>Sorted values.</summary>
    internal ReadOnlySpan<double> Values => MemoryMarshal.Cast<ulong, double>(_keys.AsSpan(0, Count));

    /// <summary>Weights in sorted order, or empty when unweighted.</summary>
    internal ReadOnlySpan<double> Weights => _weights is null ? default : _weights.AsSpan(0, Count);

    /// <summary>Sorts a validated sample. Zero-weight rows are dropped when <paramref name="dropZeroWeights"/> is set.</summary>
    internal static SortedSample Create(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, bool dropZeroWeights)
    {
        int n = values.Length;
        var pool = ArrayPool<ulong>.Shared;
        ulong[] keys = pool.Rent(n);
        ulong[] keyScratch = pool.Rent(n);
        try
        {
            ulong min = ulong.MaxValue, max = 0;
            if (weights.IsEmpty)
            {
                for (int i = 0; i < n; i++)
                {
                    ulong k = RadixSort.ToKey(values[i]);
                    keys[i] = k;
                    min = Math.Min(min, k);
                    max = Math.Max(max, k);
                }

                byte[] dummy = ArrayPool<byte>.Shared.Rent(n);
                byte[] dummyScratch = ArrayPool<byte>.Shared.Rent(n);
                RadixSort.Sort(keys, dummy, keyScratch, dummyScratch, n, range: (min, max));
                ArrayPool<byte>.Shared.Return(dummy);
                ArrayPool<byte>.Shared.Return(dummyScratch);
                ToValues(keys, n);
                return new SortedSample(keys, null, n);
            }

            double[] w = ArrayPool<double>.Shared.Rent(n);
            double[] wScratch = ArrayPool<double>.Shared.Rent(n);
            int m = 0;
            if (dropZeroWeights && weights.Contains(0.0))
            {
                for (int i = 0; i < n; i++)
                {
                    double wi = weights[i];
                    if (wi == 0.0)
                    {
                        continue;
                    }

                    ulong k = RadixSort.ToKey(values[i]);
                    keys[m] = k;
                    min = Math.Min(min, k);
                    max = Math.Max(max, k);
                    w[m++] = wi;
                }
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    ulong k = RadixSort.ToKey(values[i]);
                    keys[i] = k;
                    min = Math.Min(min, k);
                    max = Math.Max(max, k);
                }

                weights.CopyTo(w);
                m = n;
            }

            RadixSort.Sort(keys, w, keyScratch, wScratch, m, range: (min, max));
            ArrayPool<double>.Shared.Return(wScratch);
            OrderTiesByWeight(keys, w, m);
            ToValues(keys, m);
            return new SortedSample(keys, w, m);
        }
        finally
        {
            pool.Return(keyScratch);
        }
    }

    /// <summary>
    /// Sorts the weights within every run of equal values, so that the sorted (value, weight) pairs depend only on the
    /// multiset of pairs, not on the input order: every pass over the sorted sample is then order-independent.
    /// </summary>
    private static void OrderTiesByWeight(ulong[] keys, double[] weights, int n)
    {
        int start = 0;
        for (int i = 1; i <= n; i++)
        {
            if (i == n || keys[i] != keys[start])
            {
                int length = i - start;
                if (length > 16)
                {
                    Array.Sort(weights, start, length);
                }
                else if (length > 1)
                {
                    for (int a = start + 1; a < i; a++)
                    {
                        double v = weights[a];
                        int b = a - 1;
                        while (b >= start && weights[b] > v)
                        {
                            weights[b + 1] = weights[b];
                            b--;
                        }

                        weights[b + 1] = v;
                    }
                }

                start = i;
            }
        }
    }

    private static void ToValues(ulong[] keys, int n)
    {
        int parts = n >= (1 << 17) && Environment.ProcessorCount > 1 ? 2 : 1;
        int chunk = (n + parts - 1) / parts;
        RadixSort.ForParts(parts, p =>
        {
            int lo = p * chunk, hi = Math.Min(n, lo + chunk);
            var asDouble = MemoryMarshal.Cast<ulong, double>(keys.AsSpan(0, n));
            for (int i = lo; i < hi; i++)
            {
                asDouble[i] = RadixSort.FromKey(keys[i]);
            }
        });
    }

    /// <summary>Returns the storage to the pool.</summary>
    public void Dispose()
    {
        if (_keys is not null)
        {
            ArrayPool<ulong>.Shared.Return(_keys);
            _keys = null;
        }

        if (_weights is not null)
        {
            ArrayPool<double>.Shared.Return(_weights);
            _weights = null;
        }
    }
}
