using System.Globalization;
using SocialSecurity.Modeling.IO;

namespace SocialSecurity.Modeling.Tests.PopulationData;

/// <summary>
/// The CSV readers' own number parsing (<c>CellParse</c>) against the general parser, <see cref="double.Parse(string, NumberStyles, IFormatProvider?)"/>,
/// as the oracle: every input the fast decimal path accepts must give the same double, to the bit, and every input
/// must be accepted or rejected as the general parser (finite values only) accepts or rejects it.
/// </summary>
public sealed class CellParseTests
{
    /// <summary>Edge inputs: rounding-sensitive decimals, the limits of the fast path (15 significant digits, 22 decimals), signs, zeros and forms only the general parser reads.</summary>
    public static TheoryData<string> EdgeInputs =>
    [
        "0", "-0", "+0", "0.0", "-0.0", "00012", "0.1", "0.2", "0.3", "2.675", "1.005", "0.1234567890123",
        "5.", ".5", "-.5", "+.25", "1.50", "100", "123456789012345", "999999999999999", "-999999999999999",
        "1234567890123456", "9007199254740993", "0.999999999999999", "0.9999999999999999", "12345.678901234",
        "1.0000000000000000000001", "0.0000000000000000000001", "0.00000000000000000000001", "0.000000000000000000000123",
        "000000000000000000000000001.5", "4.35", "17.17", "3.14159265358979", "8103.0839", "65535.99", "1e5", "1E-3",
        "-2.5e+10", "  7", "7  ", "1,5", "1 000", "", ".", "-", "+", "-.", "..1", "1.2.3", "0x10", "NaN", "Infinity",
        "-Infinity", "1e400", "١٢", "12a", "--1", "+-1",
    ];

    [Theory]
    [MemberData(nameof(EdgeInputs))]
    public void Edge_inputs_parse_as_the_general_parser_parses_them(string text) => AssertSameAsGeneralParser(text);

    [Fact]
    public void Random_plain_decimals_parse_to_the_same_bits_as_the_general_parser()
    {
        var random = new Random(20261201);
        int fast = 0;
        for (int i = 0; i < 200_000; i++)
        {
            var text = RandomDecimal(random);
            AssertSameAsGeneralParser(text);
            if (CellParse.TryFastDecimal(text, out _))
            {
                fast++;
            }
        }

        // Most generated inputs are within the fast path's limits: the comparison above exercised it.
        fast.Should().BeGreaterThan(100_000);
    }

    [Fact]
    public void Money_amounts_with_two_decimals_take_the_fast_path()
    {
        var random = new Random(7);
        for (int i = 0; i < 100_000; i++)
        {
            long cents = random.NextInt64(0, 10_000_000_000);
            var text = (cents / 100).ToString(CultureInfo.InvariantCulture) + "." + (cents % 100).ToString("D2", CultureInfo.InvariantCulture);
            CellParse.TryFastDecimal(text, out double value).Should().BeTrue(text);
            BitConverter.DoubleToInt64Bits(value).Should().Be(BitConverter.DoubleToInt64Bits(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)), text);
        }
    }

    [Theory]
    [InlineData("1e5")]
    [InlineData("1234567890123456")]
    [InlineData("0.00000000000000000000001")]
    [InlineData(" 1")]
    [InlineData("1,5")]
    [InlineData("")]
    [InlineData(".")]
    public void Inputs_beyond_the_fast_path_are_left_to_the_general_parser(string text)
        => CellParse.TryFastDecimal(text, out _).Should().BeFalse();

    [Fact]
    public void Whole_numbers_parse_as_the_general_parser_parses_them()
    {
        var random = new Random(11);
        string[] edges = ["0", "7", "-7", "+7", "007", "123456789", "1234567890", "2147483647", "2147483648", "-2147483648", "999999999999999999", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "", "1.0", "1e3", " 5", "5 ", "x"];
        var inputs = edges.Concat(Enumerable.Range(0, 50_000).Select(_ => random.NextInt64(-1_000_000_000_000, 1_000_000_000_000_000_000).ToString(CultureInfo.InvariantCulture)));
        foreach (var text in inputs)
        {
            bool longOk = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long expectedLong);
            CellParse.TryLong(text, out long actualLong).Should().Be(longOk, text);
            if (longOk)
            {
                actualLong.Should().Be(expectedLong, text);
            }

            bool intOk = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int expectedInt) && expectedInt is >= -5 and <= 1_000_000;
            CellParse.TryInt(text, -5, 1_000_000, out int actualInt).Should().Be(intOk, text);
            if (intOk)
            {
                actualInt.Should().Be(expectedInt, text);
            }
        }
    }

    private static void AssertSameAsGeneralParser(string text)
    {
        bool expectedOk = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double expected) && double.IsFinite(expected);
        CellParse.TryNumber(text, out double actual).Should().Be(expectedOk, $"'{text}'");
        if (expectedOk)
        {
            BitConverter.DoubleToInt64Bits(actual).Should().Be(BitConverter.DoubleToInt64Bits(expected), $"'{text}'");
        }

        if (CellParse.TryFastDecimal(text, out double fast))
        {
            expectedOk.Should().BeTrue($"'{text}' is read by the fast path");
            BitConverter.DoubleToInt64Bits(fast).Should().Be(BitConverter.DoubleToInt64Bits(expected), $"'{text}'");
        }
    }

    /// <summary>A sign (sometimes), 0–17 integer digits (leading zeros sometimes), and sometimes a point and 0–24 decimals, with at least one digit.</summary>
    private static string RandomDecimal(Random random)
    {
        var text = new System.Text.StringBuilder();
        int sign = random.Next(6);
        if (sign == 0)
        {
            text.Append('-');
        }
        else if (sign == 1)
        {
            text.Append('+');
        }

        int integerDigits = random.Next(8) == 0 ? random.Next(18) : random.Next(1, 9);
        int decimals = random.Next(3) == 0 ? -1 : (random.Next(6) == 0 ? random.Next(25) : random.Next(0, 8));
        if (integerDigits == 0 && decimals <= 0)
        {
            integerDigits = 1;
        }

        for (int d = 0; d < integerDigits; d++)
        {
            text.Append((char)('0' + (d == 0 && random.Next(5) != 0 ? random.Next(1, 10) : random.Next(10))));
        }

        if (decimals >= 0)
        {
            text.Append('.');
            for (int d = 0; d < decimals; d++)
            {
                text.Append((char)('0' + random.Next(10)));
            }
        }

        return text.ToString();
    }
}
