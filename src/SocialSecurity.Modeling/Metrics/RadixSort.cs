using System.Runtime.CompilerServices;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Stable radix sort of order-preserving 64-bit keys carrying a payload: least-significant-digit passes of 11 bits
/// (skipped when every key shares the digit) for small inputs, and a most-significant-digit pass followed by
/// in-cache LSD passes per bucket, on two threads, for large ones. The output never depends on the thread count.
/// </summary>
internal static class RadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Passes = 6;
    private const int InsertionThreshold = 64;
    private const int ParallelThreshold = 1 << 17;
    private const ulong SignBit = 0x8000_0000_0000_0000UL;

    /// <summary>Maps a finite double to a key whose unsigned order is the numeric order (−0 and +0 map alike).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong ToKey(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x + 0.0);
        return bits < 0 ? ~(ulong)bits : (ulong)bits | SignBit;
    }

    /// <summary>Inverse of <see cref="ToKey"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double FromKey(ulong key) =>
        (key & SignBit) != 0
            ? BitConverter.Int64BitsToDouble((long)(key & ~SignBit))
            : BitConverter.Int64BitsToDouble((long)~key);

    /// <summary>
    /// Sorts the first <paramref name="n"/> keys ascending, stably, applying the same permutation to the payload.
    /// The scratch arrays must hold at least <paramref name="n"/> elements.
    /// </summary>
    /// <remarks>
    /// Large inputs use one most-significant-digit pass (12 bits just below the highest bit in which the smallest and
    /// largest keys differ) into scratch, then sort each bucket — small enough to stay in cache — by LSD passes of at most 11 bits
    /// on the remaining low bits. The buckets are split between two threads at a fixed boundary (the bucket holding
    /// the n/2-th key); a stable sort has a unique result, so the output never depends on the thread count.
    /// </remarks>
    /// <param name="keys">Keys to sort (first <paramref name="n"/> elements).</param>
    /// <param name="payload">Payload permuted with the keys.</param>
    /// <param name="keyScratch">Scratch for keys.</param>
    /// <param name="payloadScratch">Scratch for the payload.</param>
    /// <param name="n">Number of elements.</param>
    /// <param name="allowParallel">Whether two threads may be used.</param>
    /// <param name="range">The smallest and largest key when already known (saves a pass).</param>
    internal static void Sort<T>(ulong[] keys, T[] payload, ulong[] keyScratch, T[] payloadScratch, int n,
        bool allowParallel = true, (ulong Min, ulong Max)? range = null)
        where T : unmanaged
    {
        if (n < HybridThreshold)
        {
            SortSequential(keys.AsSpan(0, n), payload.AsSpan(0, n), keyScratch, payloadScratch);
            return;
        }

        bool parallel = allowParallel && n >= ParallelThreshold && Environment.ProcessorCount > 1;
        int parts = parallel ? 2 : 1;
        int chunk = (n + parts - 1) / parts;
        ulong min, max;
        if (range is { } known)
        {
            (min, max) = known;
        }
        else
        {
            var mins = new ulong[parts];
            var maxs = new ulong[parts];
            ForParts(parts, p =>
            {
                int lo = p * chunk, hi = Math.Min(n, lo + chunk);
                ulong mn = ulong.MaxValue, mx = 0;
                for (int i = lo; i < hi; i++)
                {
                    ulong k = keys[i];
                    mn = Math.Min(mn, k);
                    mx = Math.Max(mx, k);
                }

                mins[p] = mn;
                maxs[p] = mx;
            });
            min = mins[0];
            max = maxs[0];
            for (int p = 1; p < parts; p++)
            {
                min = Math.Min(min, mins[p]);
                max = Math.Max(max, maxs[p]);
            }
        }

        ulong diff = min ^ max;
        if (diff == 0)
        {
            return; // all keys equal: already sorted, and stability keeps the order
        }

        int topBit = 63 - System.Numerics.BitOperations.LeadingZeroCount(diff);
        int shift = Math.Max(0, topBit + 1 - MsdBits);

        // Per-part histograms; part p writes bucket b after every part q < p, which keeps the scatter stable.
        var counts = new int[parts * MsdBuckets];
        ForParts(parts, p =>
        {
            int lo = p * chunk, hi = Math.Min(n, lo + chunk);
            var c = counts.AsSpan(p * MsdBuckets, MsdBuckets);
            for (int i = lo; i < hi; i++)
            {
                c[(int)((keys[i] >> shift) & (MsdBuckets - 1))]++;
            }
        });
        var starts = new int[MsdBuckets + 1];
        var next = new int[parts * MsdBuckets];
        int running = 0;
        for (int bucket = 0; bucket < MsdBuckets; bucket++)
        {
            starts[bucket] = running;
            for (int p = 0; p < parts; p++)
            {
                next[(p * MsdBuckets) + bucket] = running;
                running += counts[(p * MsdBuckets) + bucket];
            }
        }

        starts[MsdBuckets] = running;
        ForParts(parts, p =>
        {
            int lo = p * chunk, hi = Math.Min(n, lo + chunk);
            var nx = next.AsSpan(p * MsdBuckets, MsdBuckets);
            for (int i = lo; i < hi; i++)
            {
                ulong k = keys[i];
                int pos = nx[(int)((k >> shift) & (MsdBuckets - 1))]++;
                keyScratch[pos] = k;
                payloadScratch[pos] = payload[i];
            }
        });

        // Buckets now live in scratch; each is sorted on its low bits and written back to keys/payload.
        int split = 0;
        while (split < MsdBuckets && starts[split + 1] < n / 2)
        {
            split++;
        }

        if (parallel)
        {
            Parallel.Invoke(
                () => SortBuckets(keys, payload, keyScratch, payloadScratch, starts, 0, split, shift),
                () => SortBuckets(keys, payload, keyScratch, payloadScratch, starts, split, MsdBuckets, shift));
        }
        else
        {
            SortBuckets(keys, payload, keyScratch, payloadScratch, starts, 0, MsdBuckets, shift);
        }
    }

    /// <summary>Runs <paramref name="body"/> for parts 0..parts−1, on the thread pool when there are several.</summary>
    internal static void ForParts(int parts, Action<int> body)
    {
        if (parts == 1)
        {
            body(0);
            return;
        }

        Parallel.For(0, parts, body);
    }

    private const int HybridThreshold = 1 << 14;
    private const int MsdBits = 12;
    private const int MsdBuckets = 1 << MsdBits;

    private static void SortBuckets<T>(ulong[] keys, T[] payload, ulong[] keyScratch, T[] payloadScratch, int[] starts,
        int fromBucket, int toBucket, int lowBits)
        where T : unmanaged
    {
        // Fewest passes of at most 11 bits that cover the low bits, with the digit width spread evenly.
        int passes = Math.Max(1, (lowBits + DigitBits - 1) / DigitBits);
        int digitBits = Math.Max(1, (lowBits + passes - 1) / passes);
        int buckets = 1 << digitBits;
        ulong digitMask = (ulong)buckets - 1;
        var counts = new int[passes * buckets];
        for (int b = fromBucket; b < toBucket; b++)
        {
            int start = starts[b], len = starts[b + 1] - start;
            if (len == 0)
            {
                continue;
            }

            // Source of this bucket: scratch; final destination: keys/payload.
            var sk = keyScratch.AsSpan(start, len);
            var sp = payloadScratch.AsSpan(start, len);
            var dk = keys.AsSpan(start, len);
            var dp = payload.AsSpan(start, len);
            if (len <= InsertionThreshold || lowBits == 0)
            {
                sk.CopyTo(dk);
                sp.CopyTo(dp);
                if (lowBits > 0)
                {
                    InsertionSort(dk, dp);
                }

                continue;
            }

            Array.Clear(counts);
            for (int i = 0; i < len; i++)
            {
                ulong k = sk[i];
                for (int pass = 0; pass < passes; pass++)
                {
                    counts[(pass * buckets) + (int)((k >> (pass * digitBits)) & digitMask)]++;
                }
            }

            bool inDestination = false; // false: current data in scratch
            ulong first = sk[0];
            for (int pass = 0; pass < passes; pass++)
            {
                int sh = pass * digitBits;
                var c = counts.AsSpan(pass * buckets, buckets);
                if (c[(int)((first >> sh) & digitMask)] == len)
                {
                    continue; // every key of the bucket shares this digit
                }

                int sum = 0;
                for (int d = 0; d < buckets; d++)
                {
                    int t = c[d];
                    c[d] = sum;
                    sum += t;
                }

                Span<ulong> fromK = inDestination ? dk : sk, toK = inDestination ? sk : dk;
                Span<T> fromP = inDestination ? dp : sp, toP = inDestination ? sp : dp;
                for (int i = 0; i < len; i++)
                {
                    ulong k = fromK[i];
                    int pos = c[(int)((k >> sh) & digitMask)]++; // bits above lowBits are constant within a bucket
                    toK[pos] = k;
                    toP[pos] = fromP[i];
                }

                inDestination = !inDestination;
            }

            if (!inDestination)
            {
                sk.CopyTo(dk);
                sp.CopyTo(dp);
            }
        }
    }

    private static void SortSequential<T>(Span<ulong> keys, Span<T> payload, Span<ulong> keyScratch, Span<T> payloadScratch)
        where T : unmanaged
    {
        int n = keys.Length;
        if (n <= InsertionThreshold)
        {
            InsertionSort(keys, payload);
            return;
        }

        int[] counts = new int[Passes * Buckets];
        for (int i = 0; i < n; i++)
        {
            ulong k = keys[i];
            counts[(int)(k & (Buckets - 1))]++;
            counts[Buckets + (int)((k >> 11) & (Buckets - 1))]++;
            counts[(2 * Buckets) + (int)((k >> 22) & (Buckets - 1))]++;
            counts[(3 * Buckets) + (int)((k >> 33) & (Buckets - 1))]++;
            counts[(4 * Buckets) + (int)((k >> 44) & (Buckets - 1))]++;
            counts[(5 * Buckets) + (int)(k >> 55)]++;
        }

        Span<ulong> srcK = keys, dstK = keyScratch[..n];
        Span<T> srcP = payload, dstP = payloadScratch[..n];
        bool inScratch = false;
        ulong first = keys[0];
        for (int pass = 0; pass < Passes; pass++)
        {
            int shift = pass * DigitBits;
            var c = counts.AsSpan(pass * Buckets, Buckets);
            if (c[(int)((first >> shift) & (Buckets - 1))] == n)
            {
                continue; // every key shares this digit
            }

            int sum = 0;
            for (int b = 0; b < Buckets; b++)
            {
                int t = c[b];
                c[b] = sum;
                sum += t;
            }

            for (int i = 0; i < n; i++)
            {
                ulong k = srcK[i];
                int pos = c[(int)((k >> shift) & (Buckets - 1))]++;
                dstK[pos] = k;
                dstP[pos] = srcP[i];
            }

            var tk = srcK;
            srcK = dstK;
            dstK = tk;
            var tp = srcP;
            srcP = dstP;
            dstP = tp;
            inScratch = !inScratch;
        }

        if (inScratch)
        {
            srcK.CopyTo(keys);
            srcP.CopyTo(payload);
        }
    }

    private static void InsertionSort<T>(Span<ulong> keys, Span<T> payload)
        where T : unmanaged
    {
        for (int i = 1; i < keys.Length; i++)
        {
            ulong k = keys[i];
            T p = payload[i];
            int j = i - 1;
            while (j >= 0 && keys[j] > k)
            {
                keys[j + 1] = keys[j];
                payload[j + 1] = payload[j];
                j--;
            }

            keys[j + 1] = k;
            payload[j + 1] = p;
        }
    }
}
