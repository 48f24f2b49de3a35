using System.Globalization;
using CsCheck;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Formatting;

/// <summary>
/// The text of explanation steps (<see cref="StepText"/>): character for character what .NET's invariant-culture
/// formatting gives, for every format the rules use and values on both sides of its whole-number shortcut.
/// </summary>
public class StepTextTests
{
    private static readonly string?[] Formats =
        [null, "0", "0.#", "0.##", "0.###", "0.####", "0.0", "0.00", "0.000", "0.0000", "00", "N0", "N2", "F1", "E3", "#,##0.00", "P"];

    // Whole numbers of every size around the 10^15 limit and its negatives, halves, values a hair off whole,
    // −0, NaN, the infinities, and arbitrary doubles.
    private static readonly Gen<double> Values = Gen.OneOf(
        Gen.Long[-2_000_000_000_000_000, 2_000_000_000_000_000].Select(v => (double)v),
        Gen.Long[-100_000, 100_000].Select(v => (double)v),
        Gen.Int[0, 18].Select(Gen.Long[-9, 9], (e, m) => m * Math.Pow(10, e)),
        Gen.Long[-100_000, 100_000].Select(v => v + 0.5),
        Gen.Long[-100_000, 100_000].Select(v => Math.BitIncrement((double)v)),
        Gen.Long[-100_000, 100_000].Select(v => Math.BitDecrement((double)v)),
        Gen.Double[-1e6, 1e6],
        Gen.Double,
        Gen.Const(-0.0),
        Gen.Const(0.0),
        Gen.Const(1e15),
        Gen.Const(-1e15),
        Gen.Const(999_999_999_999_999.0),
        Gen.Const(double.NaN),
        Gen.Const(double.PositiveInfinity),
        Gen.Const(double.NegativeInfinity));

    [Fact]
    public void Every_value_in_every_format_reads_as_the_invariant_culture_writes_it()
    {
        Gen.Select(Values, Gen.Int[0, Formats.Length - 1]).Sample((value, f) =>
        {
            string? format = Formats[f];
            string expected = $"a {value.ToString(format, CultureInfo.InvariantCulture)} b";
            string actual = format switch
            {
                null => StepText.Create($"a {value} b"),
                "0" => StepText.Create($"a {value:0} b"),
                "0.#" => StepText.Create($"a {value:0.#} b"),
                "0.##" => StepText.Create($"a {value:0.##} b"),
                "0.###" => StepText.Create($"a {value:0.###} b"),
                "0.####" => StepText.Create($"a {value:0.####} b"),
                "0.0" => StepText.Create($"a {value:0.0} b"),
                "0.00" => StepText.Create($"a {value:0.00} b"),
                "0.000" => StepText.Create($"a {value:0.000} b"),
                "0.0000" => StepText.Create($"a {value:0.0000} b"),
                "00" => StepText.Create($"a {value:00} b"),
                "N0" => StepText.Create($"a {value:N0} b"),
                "N2" => StepText.Create($"a {value:N2} b"),
                "F1" => StepText.Create($"a {value:F1} b"),
                "E3" => StepText.Create($"a {value:E3} b"),
                "#,##0.00" => StepText.Create($"a {value:#,##0.00} b"),
                _ => StepText.Create($"a {value:P} b"),
            };
            actual.Should().Be(expected, "value {0:R} (bits {1:X16}), format {2}", value, BitConverter.DoubleToInt64Bits(value), format ?? "(none)");
        }, iter: 20_000);
    }

    [Fact]
    public void Whole_numbers_take_the_shortcut_and_the_rest_do_not_change_it()
    {
        // The shortcut's edges, written out: −0 keeps its sign, 10^15 is not printed in full, 0.5 is rounded by .NET.
        StepText.Create($"{-0.0:0.##}|{0.0:0.00}|{-5.0:0.00}|{123456.0:0.##}|{1e15:0.##}|{1e15}|{0.5:0}|{2.5:0}|{60000.0:0.####}").Should()
            .Be(string.Create(CultureInfo.InvariantCulture, $"{-0.0:0.##}|{0.0:0.00}|{-5.0:0.00}|{123456.0:0.##}|{1e15:0.##}|{1e15}|{0.5:0}|{2.5:0}|{60000.0:0.####}"));
        StepText.Create($"{-0.0:0.##}|{-5.0:0.00}|{60000.0:0.####}|{12:0.00}|{"x"}|{'y'}|{true}").Should().Be("-0|-5.00|60000|12.00|x|y|True");
    }
}
