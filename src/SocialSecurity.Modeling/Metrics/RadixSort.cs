using System.Runtime.CompilerServices;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Stable least-significant-digit radix sort of order-preserving 64-bit keys (11-bit digits, six passes,
/// passes skipped when every key shares the digit), carrying an optional payload. Large inputs are sorted
/// as two halves on two threads and merged stably, so the output never depends on the thread count.
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
    internal static void Sort<T>(ulong[] keys, T[] payload, ulong[] keyScratch, T[] payloadScratch, int n,
        bool allowParallel = true)
        where T : unmanaged
    {
        if (n >= ParallelThreshold && allowParallel && Environment.ProcessorCount > 1)
        {
            int mid = n / 2;
            Parallel.Invoke(
                () => SortSequential(keys.AsSpan(0, mid), payload.AsSpan(0, mid), keyScratch.AsSpan(0, mid),
                    payloadScratch.AsSpan(0, mid)),
                () => SortSequential(keys.AsSpan(mid, n - mid), payload.AsSpan(mid, n - mid),
                    keyScratch.AsSpan(mid, n - mid), payloadScratch.AsSpan(mid, n - mid)));
            Merge(keys.AsSpan(0, mid), payload.AsSpan(0, mid), keys.AsSpan(mid, n - mid), payload.AsSpan(mid, n - mid),
                keyScratch, payloadScratch);
            keyScratch.AsSpan(0, n).CopyTo(keys);
            payloadScratch.AsSpan(0, n).CopyTo(payload);
            return;
        }

        SortSequential(keys.AsSpan(0, n), payload.AsSpan(0, n), keyScratch, payloadScratch);
    }

    private static void Merge<T>(Span<ulong> ak, Span<T> ap, Span<ulong> bk, Span<T> bp, Span<ulong> outK, Span<T> outP)
        where T : unmanaged
    {
        int i = 0, j = 0, o = 0;
        while (i < ak.Length && j < bk.Length)
        {
            if (bk[j] < ak[i])
            {
                outK[o] = bk[j];
                outP[o++] = bp[j++];
            }
            else
            {
                outK[o] = ak[i];
                outP[o++] = ap[i++];
            }
        }

        ak[i..].CopyTo(outK[o..]);
        ap[i..].CopyTo(outP[o..]);
        o += ak.Length - i;
        bk[j..].CopyTo(outK[o..]);
        bp[j..].CopyTo(outP[o..]);
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
