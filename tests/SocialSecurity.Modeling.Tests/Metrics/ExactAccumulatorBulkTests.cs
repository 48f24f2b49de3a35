using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Tests.Metrics;

/// <summary>
/// The bulk adders of <see cref="ExactAccumulator"/> (<c>AddAt</c>, <c>AddProductsAt</c>, used by the projection's
/// yearly sums) against the same terms added one by one with <c>Add</c>: the same exact state (limbs, count, flags).
/// </summary>
public class ExactAccumulatorBulkTests
{
    /// <summary>Doubles over the whole range: normal and subnormal, both signs, zeros of both signs.</summary>
    private static double[] Values(Random random, int count, bool specials)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = random.Next(12) switch
            {
                0 => 0.0,
                1 => -0.0,
                2 => BitConverter.Int64BitsToDouble(random.NextInt64(1, 1L << 52)) * (random.Next(2) == 0 ? 1 : -1), // subnormal
                3 => Math.ScaleB(random.NextDouble(), random.Next(-1074, 1023)) * (random.Next(2) == 0 ? 1 : -1),
                4 when specials => random.Next(3) switch { 0 => double.NaN, 1 => double.PositiveInfinity, _ => double.NegativeInfinity },
                _ => (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-3, 9)),
            };
        }

        return values;
    }

    private static int[] Rows(Random random, int length, int from, int to)
    {
        var rows = new int[length];
        for (int i = 0; i < length; i++)
        {
            rows[i] = random.Next(from, to);
        }

        return rows;
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void AddAtAddsTheListedValuesAsAddDoes(int seed, bool specials)
    {
        var random = new Random(seed);
        var values = Values(random, 5_000, specials);
        var rows = Rows(random, 20_000, 0, values.Length);
        var one = new ExactAccumulator();
        foreach (int row in rows)
        {
            one.Add(values[row]);
        }

        var bulk = new ExactAccumulator();
        bulk.AddAt(values, rows.AsSpan(0, 7_000));
        bulk.AddAt(values, rows.AsSpan(7_000));
        Assert.Equal(one.ToBytes(), bulk.ToBytes());
        Assert.Equal(one.Result(), bulk.Result());
        Assert.Equal(rows.Length, bulk.Count);
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void AddProductsAtAddsTheRoundedProductsAsAddDoes(int seed, bool specials)
    {
        var random = new Random(seed);
        const int Offset = 1_000;
        var values = Values(random, 5_000, specials);
        var factors = Values(random, values.Length - Offset, specials: false);
        var rows = Rows(random, 20_000, Offset, values.Length);
        var one = new ExactAccumulator();
        foreach (int row in rows)
        {
            one.Add(values[row] * factors[row - Offset]);
        }

        var bulk = new ExactAccumulator();
        bulk.AddProductsAt(values, factors, Offset, rows);
        Assert.Equal(one.ToBytes(), bulk.ToBytes());
        Assert.Equal(one.Result(), bulk.Result());
    }

    [Fact]
    public void AnEmptyListAddsNothing()
    {
        var sum = new ExactAccumulator();
        sum.Add(1.5);
        sum.AddAt([2.0], []);
        sum.AddProductsAt([2.0], [3.0], 0, []);
        Assert.Equal(1.5, sum.Result());
        Assert.Equal(1, sum.Count);
    }
}
