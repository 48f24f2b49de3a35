using System.Globalization;
using System.Numerics;
using CsCheck;
using SocialSecurity.Modeling.Metrics;

namespace SocialSecurity.Modeling.Tests.Metrics;

/// <summary>
/// <see cref="ExactSum"/> against an independent oracle: the exact sum as a rational (a BigInteger count of 2⁻¹⁰⁷⁴),
/// written out as its exact decimal expansion and rounded by the runtime's IEEE-correct decimal parser.
/// </summary>
public class ExactSumTests
{
    private static readonly BigInteger FivePow1074 = BigInteger.Pow(5, 1074);

    /// <summary>The correctly rounded sum of finite doubles, computed without the code under test.</summary>
    private static double Oracle(IEnumerable<double> values)
    {
        BigInteger total = BigInteger.Zero; // in units of 2^-1074
        foreach (double v in values)
        {
            long bits = BitConverter.DoubleToInt64Bits(v);
            int exponent = (int)((bits >> 52) & 0x7FF);
            long mantissa = bits & 0xF_FFFF_FFFF_FFFF;
            if (exponent != 0)
            {
                mantissa |= 1L << 52;
            }

            var term = new BigInteger(mantissa) << Math.Max(exponent - 1, 0);
            total += bits < 0 ? -term : term;
        }

        // N·2^-1074 = N·5^1074 / 10^1074: an exact decimal with 1074 places.
        var scaled = BigInteger.Abs(total) * FivePow1074;
        string digits = scaled.ToString(CultureInfo.InvariantCulture).PadLeft(1075, '0');
        string text = (total.Sign < 0 ? "-" : "") + digits[..^1074] + "." + digits[^1074..];
        double parsed = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return parsed == 0 ? 0.0 : parsed;
    }

    private static void ShouldBeBits(double actual, double expected) =>
        BitConverter.DoubleToInt64Bits(actual).Should().Be(BitConverter.DoubleToInt64Bits(expected),
            $"{actual.ToString("R", CultureInfo.InvariantCulture)} should be {expected.ToString("R", CultureInfo.InvariantCulture)}");

    /// <summary>Finite doubles of every magnitude, including subnormals, zeros of both signs and near-overflow values.</summary>
    private static readonly Gen<double> AnyFinite = Gen.OneOf(
        Gen.Double.Where(double.IsFinite),
        Gen.Long.Select(BitConverter.Int64BitsToDouble).Where(double.IsFinite),
        Gen.Double[-1e6, 1e6],
        Gen.Int[-3, 3].Select(k => k * double.Epsilon),
        Gen.Int[-3, 3].Select(k => k * 0.1),
        Gen.Const(-0.0));

    [Fact]
    public void The_sum_is_the_exact_sum_rounded_once_whatever_the_order_and_the_split()
    {
        Gen.Select(AnyFinite.Array[0, 60], Gen.Int, Gen.Int[1, 5]).Sample((values, seed, parts) =>
        {
            double expected = Oracle(values);
            ShouldBeBits(ExactSum.Sum(values), expected);

            // Shuffled and split between accumulators, then merged in a random order.
            var random = new Random(seed);
            var accumulators = Enumerable.Range(0, parts).Select(_ => new ExactSum()).ToArray();
            foreach (double v in values.OrderBy(_ => random.Next()))
            {
                accumulators[random.Next(parts)].Add(v);
            }

            var merged = new ExactSum();
            foreach (var a in accumulators.OrderBy(_ => random.Next()))
            {
                merged.Merge(a);
            }

            merged.Count.Should().Be(values.Length);
            ShouldBeBits(merged.Result(), expected);
        }, iter: 2_000);
    }

    [Fact]
    public void Products_are_rounded_each_and_summed_exactly()
    {
        Gen.Select(Gen.Double[0, 1_000].Array[1, 40], Gen.Double[-1e5, 1e5].Array[40]).Sample((w, x) =>
        {
            var products = w.Select((wi, i) => wi * x[i]).ToArray();
            ShouldBeBits(ExactSum.SumOfProducts(w, x.AsSpan(0, w.Length)), Oracle(products));
        }, iter: 500);
    }

    [Theory]
    [InlineData(new[] { 1e308, 1.0, -1e308 }, 1.0)]
    [InlineData(new[] { 1e308, 1e308, -1e308 }, 1e308)] // the running double sum overflows to infinity
    [InlineData(new[] { 1.0, 1e-300, -1.0 }, 1e-300)]
    [InlineData(new[] { 9007199254740992.0, 1.0 }, 9007199254740992.0)] // 2^53 + 1: a tie, to even
    [InlineData(new[] { 9007199254740992.0, 1.0, 1e-300 }, 9007199254740994.0)] // just above the tie: up
    [InlineData(new[] { 9007199254740994.0, 1.0 }, 9007199254740996.0)] // 2^53 + 3: a tie, to even (up)
    [InlineData(new[] { -9007199254740992.0, -1.0, -1e-300 }, -9007199254740994.0)]
    public void Catastrophic_cancellation_and_rounding_ties(double[] values, double expected)
    {
        ShouldBeBits(ExactSum.Sum(values), expected);
        ShouldBeBits(ExactSum.Sum(values.Reverse().ToArray()), expected);
    }

    [Fact]
    public void Ten_tenths_make_one_where_the_running_sum_does_not()
    {
        var tenths = Enumerable.Repeat(0.1, 10).ToArray();
        tenths.Aggregate(0.0, (a, b) => a + b).Should().NotBe(1.0, "the naive running sum drifts");

        // The exact sum of ten copies of the double nearest 0.1 is 1.000000000000000055511151231257827…: nearest double 1.
        ShouldBeBits(ExactSum.Sum(tenths), 1.0);
        ShouldBeBits(ExactSum.Sum(tenths), (double)(10 * (decimal)0.1));
    }

    [Fact]
    public void Subnormal_terms_and_results_are_exact()
    {
        ShouldBeBits(ExactSum.Sum([double.Epsilon, double.Epsilon, double.Epsilon]), 3 * double.Epsilon);
        ShouldBeBits(ExactSum.Sum([2.2250738585072014e-308, -double.Epsilon]), 2.2250738585072009e-308); // largest subnormal
        ShouldBeBits(ExactSum.Sum([1.0, double.Epsilon, -1.0]), double.Epsilon);
        var many = new ExactSum();
        for (int i = 0; i < 1 << 20; i++)
        {
            many.Add(double.Epsilon);
        }

        ShouldBeBits(many.Result(), (1 << 20) * double.Epsilon);
    }

    [Fact]
    public void A_finite_total_beyond_the_double_range_rounds_to_infinity_and_back_in_range_it_is_exact()
    {
        ShouldBeBits(ExactSum.Sum([double.MaxValue, double.MaxValue]), double.PositiveInfinity);
        ShouldBeBits(ExactSum.Sum([-double.MaxValue, -double.MaxValue]), double.NegativeInfinity);
        ShouldBeBits(ExactSum.Sum([double.MaxValue, double.MaxValue, -double.MaxValue]), double.MaxValue);
    }

    [Fact]
    public void Zero_totals_are_positive_zero()
    {
        ShouldBeBits(ExactSum.Sum([]), 0.0);
        ShouldBeBits(ExactSum.Sum([-0.0, -0.0]), 0.0);
        ShouldBeBits(ExactSum.Sum([5.5, -5.5]), 0.0);
    }

    [Fact]
    public void Infinities_and_NaN_propagate_as_documented()
    {
        ShouldBeBits(ExactSum.Sum([1.0, double.PositiveInfinity, -1e308]), double.PositiveInfinity);
        ShouldBeBits(ExactSum.Sum([double.NegativeInfinity, 1e308]), double.NegativeInfinity);
        double.IsNaN(ExactSum.Sum([double.PositiveInfinity, 3.0, double.NegativeInfinity])).Should().BeTrue();
        double.IsNaN(ExactSum.Sum([1.0, double.NaN])).Should().BeTrue();

        var withNaN = new ExactSum();
        withNaN.Add(double.NaN);
        var merged = new ExactSum();
        merged.Add(1.0);
        merged.Merge(withNaN);
        double.IsNaN(merged.Result()).Should().BeTrue("a NaN merged in propagates");
    }

    [Fact]
    public void Reset_empties_and_the_accumulator_can_be_reused_and_read_twice()
    {
        var sum = new ExactSum();
        sum.Add(1e300);
        sum.Add(-3.5);
        sum.Result().Should().Be(1e300);
        sum.Result().Should().Be(1e300);
        sum.Reset();
        sum.Count.Should().Be(0);
        sum.Add(0.25);
        sum.AddProduct(3.0, 0.5);
        ShouldBeBits(sum.Result(), 1.75);
        FluentActions.Invoking(() => sum.Merge(sum)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_weighted_sum_of_a_sample_is_exact()
    {
        double[] x = [1e16, 1.0, -1e16, 0.5];
        double[] w = [1.0, 3.0, 1.0, 2.0];
        var sum = WeightedSum.Of(x, w);
        sum.Total.Should().Be(4.0, "the running sum would lose the 3.0 against 1e16");
        sum.Weight.Should().Be(7.0);
    }
}
