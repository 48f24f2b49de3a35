using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SocialSecurity.Modeling.Internal;

/// <summary>A column added to household totals by <see cref="ColumnMath.AddHouseholdTerms"/>: its values (one per household, or one per person), their factor, and which it is.</summary>
internal readonly record struct HouseholdTerm(double[] Values, double Factor, bool Household);

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
            sums[h - firstHousehold] = HouseholdSum(values, memberStart[h] - offset, memberStart[h + 1] - offset);
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
            case 3:
                return SortedSum3(values[0], values[1], values[2]);
            case 4:
                return SortedSum4(values[0], values[1], values[2], values[3]);
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

    /// <summary>
    /// For every household h, adds the terms in their order: <c>target[h] += factor × values[h]</c> for a household
    /// column, <c>target[h] += factor × MemberSum(members of h)</c> for a person column (the members of h are
    /// <c>memberStart[h]..memberStart[h + 1]</c>). The additions to each total are those of one pass per term, bit for
    /// bit, but each household's size is looked at once for all terms, and households of one to three members take
    /// inlined paths of <see cref="MemberSum"/>.
    /// </summary>
    /// <remarks>
    /// A household whose members are all zero adds ±0, which leaves a total that started at +0 as it is (such a total
    /// is never −0), so callers that skipped those households, or whole columns of zeros, get the same totals.
    /// </remarks>
    public static void AddHouseholdTerms(ReadOnlySpan<HouseholdTerm> terms, ReadOnlySpan<int> memberStart, Span<double> target)
    {
        CheckHouseholdTerms(terms, memberStart, target.Length);
        AddHouseholdTermsOf(terms, memberStart, target, 0, target.Length);
    }

    /// <summary>
    /// <see cref="AddHouseholdTerms(ReadOnlySpan{HouseholdTerm}, ReadOnlySpan{int}, Span{double})"/> on several threads:
    /// the households are cut into fixed ranges of <see cref="ParallelHouseholds"/>, and each household's total is added
    /// by one thread in the terms' order, so the totals are the same, bit for bit, whatever the threads.
    /// </summary>
    public static void AddHouseholdTermsInParallel(HouseholdTerm[] terms, int[] memberStart, double[] target)
    {
        CheckHouseholdTerms(terms, memberStart, target.Length);
        int ranges = (target.Length + ParallelHouseholds - 1) / ParallelHouseholds;
        if (ranges <= 1)
        {
            AddHouseholdTermsOf(terms, memberStart, target, 0, target.Length);
            return;
        }

        Parallel.For(0, ranges, range =>
        {
            int first = range * ParallelHouseholds;
            AddHouseholdTermsOf(terms, memberStart, target, first, Math.Min(target.Length, first + ParallelHouseholds));
        });
    }

    /// <summary>Households per range of <see cref="AddHouseholdTermsInParallel"/>.</summary>
    internal const int ParallelHouseholds = 32_768;

    private static void CheckHouseholdTerms(ReadOnlySpan<HouseholdTerm> terms, ReadOnlySpan<int> memberStart, int households)
    {
        if (memberStart.Length != households + 1)
        {
            throw new ArgumentException($"{households} households need {households + 1} member starts, not {memberStart.Length}.", nameof(memberStart));
        }

        foreach (var term in terms)
        {
            int needed = term.Household ? households : memberStart[^1];
            if (term.Values.Length < needed)
            {
                throw new ArgumentException($"A {(term.Household ? "household" : "person")} column of {term.Values.Length} values where {needed} are needed.", nameof(terms));
            }
        }
    }

    // The households first..last (last excluded) of AddHouseholdTerms, the arguments checked.
    private static void AddHouseholdTermsOf(ReadOnlySpan<HouseholdTerm> terms, ReadOnlySpan<int> memberStart, Span<double> target, int first, int last)
    {
        for (int h = first; h < last; h++)
        {
            int begin = memberStart[h];
            int end = memberStart[h + 1];
            double total = target[h];
            switch (end - begin)
            {
                case 1:
                    foreach (var term in terms)
                    {
                        total += term.Factor * term.Values[term.Household ? h : begin];
                    }

                    break;
                case 2:
                    foreach (var term in terms)
                    {
                        total += term.Factor * (term.Household ? term.Values[h] : term.Values[begin] + term.Values[begin + 1]);
                    }

                    break;
                default:
                    foreach (var term in terms)
                    {
                        total += term.Factor * (term.Household ? term.Values[h] : HouseholdSum(term.Values, begin, end));
                    }

                    break;
            }

            target[h] = total;
        }
    }

    // MemberSum(values[begin..end]) with the common sizes inlined into the callers' loops.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double HouseholdSum(ReadOnlySpan<double> values, int begin, int end) => (end - begin) switch
    {
        1 => values[begin],
        2 => values[begin] + values[begin + 1],
        3 => SortedSum3(values[begin], values[begin + 1], values[begin + 2]),
        _ => MemberSum(values[begin..end]),
    };

    // 0 + a + b + c (+ d) in ascending order, as MemberSum's sorted loop adds them; the sorting networks put the values
    // in the same ascending order as its insertion sort (only ±0, which compare equal, may trade places, and adding
    // either to a sum started at +0 gives the same bits).
    private static double SortedSum3(double a, double b, double c)
    {
        Order(ref a, ref b);
        Order(ref b, ref c);
        Order(ref a, ref b);
        return 0.0 + a + b + c;
    }

    private static double SortedSum4(double a, double b, double c, double d)
    {
        Order(ref a, ref b);
        Order(ref c, ref d);
        Order(ref a, ref c);
        Order(ref b, ref d);
        Order(ref b, ref c);
        return 0.0 + a + b + c + d;
    }

    private static void Order(ref double low, ref double high)
    {
        if (high < low)
        {
            (low, high) = (high, low);
        }
    }
}
