using CsCheck;
using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Tests.Simulation;

/// <summary>
/// A household's member sum depends only on the multiset of its members' values, bit for bit, and the inlined paths
/// used for households of up to four members give the same bits as the general ascending-order sum
/// (docs/indicators.md#exact-order-independent-sums).
/// </summary>
public class MemberSumTests
{
    // Values whose sums round differently in different orders: magnitudes 1e-3 to 1e6 with random signs and fractions,
    // plus zeros of both signs and repeated values (the cases a sorting network could mishandle).
    private static readonly Gen<double> Value = Gen.OneOf(
        Gen.Double[-1e6, 1e6],
        Gen.Double[-1e-3, 1e-3],
        Gen.Const(0.0),
        Gen.Const(-0.0),
        Gen.Const(0.1),
        Gen.Const(1e16));

    [Fact]
    public void MemberSum_equals_the_ascending_sum_of_a_sorted_copy_in_every_permutation()
    {
        Gen.Select(Value.Array[1, 8], Gen.Int).Sample((values, seed) =>
        {
            double expected = Oracle(values);
            var shuffled = (double[])values.Clone();
            new Random(seed).Shuffle(shuffled);
            // One or two values are added without the leading +0 (−0 + −0 stays −0); as a household total starts at
            // +0, only +0 + sum matters.
            Bits(0.0 + ColumnMath.MemberSum(shuffled)).Should().Be(Bits(expected), $"the sum of [{string.Join(", ", shuffled.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}] must not depend on the order");
        }, iter: 20_000);
    }

    [Fact]
    public void AddMemberSums_equals_adding_each_households_sorted_sum()
    {
        Gen.Select(Value.Array[1, 6].Array[1, 40], Gen.Double[-3, 3], Value.Array[40]).Sample((households, factor, initial) =>
        {
            var values = households.SelectMany(h => h).ToArray();
            var start = new int[households.Length + 1];
            for (int h = 0; h < households.Length; h++)
            {
                start[h + 1] = start[h] + households[h].Length;
            }

            // Totals as the callers keep them: started at +0, so never −0.
            var target = initial.Take(households.Length).Select(v => 0.0 + v).ToArray();
            var expected = target.Select((t, h) => t + (factor * Oracle(households[h]))).ToArray();
            ColumnMath.AddMemberSums(values, start, factor, target);
            target.Select(Bits).Should().Equal(expected.Select(Bits));
        }, iter: 5_000);
    }

    [Fact]
    public void AddMemberSums_rejects_member_starts_that_do_not_fit_the_values()
    {
        var act = () => ColumnMath.AddMemberSums(new double[3], new[] { 0, 2, 4 }, 1, new double[2]);
        act.Should().Throw<ArgumentException>().WithMessage("*2 households need 3 member starts ending within the 3 values*");
    }

    // Independent of ColumnMath: sort (Array.Sort, a different algorithm) and add from +0 in ascending order.
    private static double Oracle(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        double sum = 0;
        foreach (double v in sorted)
        {
            sum += v;
        }

        return sum;
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
