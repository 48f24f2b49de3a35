using System.Numerics;
using System.Runtime.InteropServices;

namespace SocialSecurity.Modeling.Internal;

/// <summary>Vectorised kernels over columns, for rules' hot loops. Every result is the same as the obvious scalar loop, bit for bit, whatever the hardware's vector width.</summary>
internal static class ColumnMath
{
    /// <summary><c>target[i] += source[i] × factor</c> for every i (one rounding per operation, as the scalar loop).</summary>
    public static void AddScaled(Span<double> target, ReadOnlySpan<double> source, double factor)
    {
        if (source.Length != target.Length)
        {
            throw new ArgumentException($"Column lengths differ: {source.Length} and {target.Length}.", nameof(source));
        }

        int i = 0;
        if (Vector.IsHardwareAccelerated && target.Length >= Vector<double>.Count)
        {
            var t = MemoryMarshal.Cast<double, Vector<double>>(target);
            var s = MemoryMarshal.Cast<double, Vector<double>>(source);
            var f = new Vector<double>(factor);
            for (int v = 0; v < t.Length; v++)
            {
                t[v] += s[v] * f;
            }

            i = t.Length * Vector<double>.Count;
        }

        for (; i < target.Length; i++)
        {
            target[i] += source[i] * factor;
        }
    }

    /// <summary>
    /// Sums a person column over each household of a block: <c>sums[h − firstHousehold] = Σ values[p]</c> over the
    /// members p of h, in member order. <paramref name="values"/> is indexed from the block's first member.
    /// </summary>
    public static void SumByHousehold(ReadOnlySpan<double> values, ReadOnlySpan<int> memberStart, int firstHousehold, int endHousehold, Span<double> sums)
    {
        int offset = memberStart[firstHousehold];
        for (int h = firstHousehold; h < endHousehold; h++)
        {
            double sum = 0;
            int end = memberStart[h + 1] - offset;
            for (int p = memberStart[h] - offset; p < end; p++)
            {
                sum += values[p];
            }

            sums[h - firstHousehold] = sum;
        }
    }
}
