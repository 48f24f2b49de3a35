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
    /// <c>target[i] = +0.0 + source[i] × factor</c> for every i: what <see cref="AddScaled"/> gives on a cleared target,
    /// bit for bit (a product of −0.0 becomes +0.0), in one write and without clearing first.
    /// </summary>
    public static void SetScaled(Span<double> target, ReadOnlySpan<double> source, double factor)
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
                t[v] = Vector<double>.Zero + (s[v] * f);
            }

            i = t.Length * Vector<double>.Count;
        }

        for (; i < target.Length; i++)
        {
            target[i] = 0.0 + (source[i] * factor);
        }
    }

    /// <summary>
    /// Sums a person column over each household of a block: <c>sums[h − firstHousehold] = Σ values[p]</c> over the
    /// members p of h, taken by <see cref="MemberSum"/> so that the order of the members does not matter.
    /// <paramref name="values"/> is indexed from the block's first member.
    /// </summary>
    public static void SumByHousehold(ReadOnlySpan<double> values, ReadOnlySpan<int> memberStart, int firstHousehold, int endHousehold, Span<double> sums)
    {
        int offset = memberStart[firstHousehold];
        for (int h = firstHousehold; h < endHousehold; h++)
        {
            int begin = memberStart[h] - offset;
            sums[h - firstHousehold] = MemberSum(values[begin..(memberStart[h + 1] - offset)]);
        }
    }

    /// <summary>
    /// The sum of a few values (a household's members) independent of their order: one or two values are added
    /// directly (addition is commutative), more are added in ascending order of value, and beyond 32 exactly. Equal
    /// doubles are interchangeable, so the result depends only on the multiset of values.
    /// </summary>
    public static double MemberSum(ReadOnlySpan<double> values)
    {
        switch (values.Length)
        {
            case 0:
                return 0;
            case 1:
                return values[0];
            case 2:
                return values[0] + values[1];
            case > 32:
                return ExactAccumulator.Sum(values);
        }

        Span<double> sorted = stackalloc double[values.Length];
        values.CopyTo(sorted);
        for (int i = 1; i < sorted.Length; i++)
        {
            double v = sorted[i];
            int j = i - 1;
            while (j >= 0 && sorted[j] > v)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }

            sorted[j + 1] = v;
        }

        double sum = 0;
        foreach (double v in sorted)
        {
            sum += v;
        }

        return sum;
    }
}
