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
    public void AddHouseholdTerms_equals_one_pass_per_column_in_order()
    {
        // Up to five columns, each a household column or a person column, with its own factor.
        var column = Gen.Select(Gen.Bool, Gen.Double[-3, 3], Gen.Int);
        Gen.Select(Value.Array[1, 6].Array[1, 40], column.Array[0, 5], Value.Array[40]).Sample((households, columns, initial) =>
        {
            var start = new int[households.Length + 1];
            for (int h = 0; h < households.Length; h++)
            {
                start[h + 1] = start[h] + households[h].Length;
            }

            var terms = columns.Select(c =>
            {
                var random = new Random(c.Item3);
                var values = new double[c.Item1 ? households.Length : start[^1]];
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = random.Next(4) == 0 ? 0 : Math.Round((random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-3, 7)), random.Next(0, 4));
                }

                return new HouseholdTerm(values, c.Item2, c.Item1);
            }).ToArray();

            // Totals as the callers keep them: started at +0, so never −0.
            var target = initial.Take(households.Length).Select(v => 0.0 + v).ToArray();
            var expected = (double[])target.Clone();
            foreach (var term in terms)
            {
                for (int h = 0; h < households.Length; h++)
                {
                    expected[h] += term.Factor * (term.Household ? term.Values[h] : Oracle(term.Values[start[h]..start[h + 1]]));
                }
            }

            ColumnMath.AddHouseholdTerms(terms, start, target);
            target.Select(Bits).Should().Equal(expected.Select(Bits));
        }, iter: 5_000);
    }

    [Fact]
    public void AddHouseholdTermsInParallel_equals_the_single_threaded_totals_bit_for_bit()
    {
        // More households than one range holds, and a last range cut short, so that every range boundary is crossed.
        int households = (3 * ColumnMath.ParallelHouseholds) + 1_234;
        var random = new Random(13);
        var start = new int[households + 1];
        for (int h = 0; h < households; h++)
        {
            start[h + 1] = start[h] + 1 + random.Next(6);
        }

        double Draw() => random.Next(5) == 0 ? 0 : (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-3, 7));
        var terms = new[]
        {
            new HouseholdTerm([.. Enumerable.Range(0, start[^1]).Select(_ => Draw())], 1, Household: false),
            new HouseholdTerm([.. Enumerable.Range(0, households).Select(_ => Draw())], -1, Household: true),
            new HouseholdTerm([.. Enumerable.Range(0, start[^1]).Select(_ => Draw())], 12, Household: false),
        };
        var initial = Enumerable.Range(0, households).Select(_ => 0.0 + Draw()).ToArray();

        var expected = (double[])initial.Clone();
        ColumnMath.AddHouseholdTerms(terms, start, expected);
        var parallel = (double[])initial.Clone();
        ColumnMath.AddHouseholdTermsInParallel(terms, start, parallel);
        parallel.Select(Bits).Should().Equal(expected.Select(Bits));
        parallel.Should().NotEqual(initial, "the terms must have changed the totals");
    }

    [Fact]
    public void SumByHousehold_of_a_block_equals_each_households_sorted_sum()
    {
        Gen.Select(Value.Array[1, 6].Array[1, 40], Gen.Int[0, 39], Gen.Int[0, 40]).Sample((households, a, b) =>
        {
            var start = new int[households.Length + 1];
            for (int h = 0; h < households.Length; h++)
            {
                start[h + 1] = start[h] + households[h].Length;
            }

            int first = Math.Min(a, households.Length - 1);
            int end = Math.Clamp(b, first + 1, households.Length);
            var block = households[first..end].SelectMany(h => h).ToArray(); // indexed from the block's first member
            var sums = new double[end - first];
            ColumnMath.SumByHousehold(block, start, first, end, sums);
            sums.Select(v => Bits(0.0 + v)).Should().Equal(households[first..end].Select(h => Bits(Oracle(h))));
        }, iter: 5_000);
    }

    [Fact]
    public void AddHouseholdTerms_rejects_columns_that_do_not_fit_the_households()
    {
        var act = () => ColumnMath.AddHouseholdTerms([new HouseholdTerm(new double[3], 1, Household: false)], new[] { 0, 2, 4 }, new double[2]);
        act.Should().Throw<ArgumentException>().WithMessage("A person column of 3 values where 4 are needed*");
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
