using System.Globalization;
using System.Runtime.CompilerServices;

namespace SocialSecurity.Modeling.Core;

/// <summary>
/// The text of an explanation step: <c>StepText.Create($"...")</c> gives exactly what
/// <c>string.Create(CultureInfo.InvariantCulture, $"...")</c> gives, character for character, and formats the whole
/// numbers that most steps print (0, counts, months, yuan amounts set in whole yuan) without the general
/// floating-point formatter.
/// </summary>
/// <remarks>
/// A household calculation with its explanation formats about a hundred and fifty numbers; .NET formats a double with a
/// custom format (<c>0.##</c>, <c>0.00</c>) by producing its digits with the general algorithm and then applying the
/// pattern, which cost about a quarter of the calculation. A double that is a whole number below 10^15 in magnitude
/// (other than −0, which .NET prints as <c>-0</c>) is printed by every format handled here as its integer digits,
/// followed, for a format with required decimals (<c>0.00</c>), by the point and that many zeros; every other value
/// and format goes to .NET's own formatter. A property test compares the two over random values and every format.
/// </remarks>
internal static class StepText
{
    /// <summary>The interpolated text, formatted with the invariant culture.</summary>
    /// <param name="handler">The interpolated string.</param>
    public static string Create(ref Handler handler) => handler.ToStringAndClear();

    /// <summary>Builds the text of <see cref="Create"/>: .NET's invariant-culture handler, with whole-number doubles formatted directly.</summary>
    [InterpolatedStringHandler]
    public ref struct Handler
    {
        // Below 10^15 a whole double has at most 15 digits, all of which .NET prints (it rounds to 15 significant digits).
        private const double WholeLimit = 1e15;
        private DefaultInterpolatedStringHandler _inner;

        /// <summary>Starts the text.</summary>
        /// <param name="literalLength">The length of the literal parts.</param>
        /// <param name="formattedCount">The number of holes.</param>
        public Handler(int literalLength, int formattedCount)
            => _inner = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);

        /// <summary>Appends a literal part.</summary>
        /// <param name="value">The literal.</param>
        public void AppendLiteral(string value) => _inner.AppendLiteral(value);

        /// <summary>Appends a double in its shortest round-trip form.</summary>
        /// <param name="value">The value.</param>
        public void AppendFormatted(double value) => AppendFormatted(value, null);

        /// <summary>Appends a double with a format.</summary>
        /// <param name="value">The value.</param>
        /// <param name="format">The format.</param>
        public void AppendFormatted(double value, string? format)
        {
            if (Math.Abs(value) < WholeLimit && value == Math.Floor(value) && (value != 0 || !double.IsNegative(value)))
            {
                int decimals = RequiredDecimals(format);
                if (decimals >= 0)
                {
                    _inner.AppendFormatted((long)value);
                    if (decimals > 0)
                    {
                        _inner.AppendLiteral(decimals switch { 1 => ".0", 2 => ".00", 3 => ".000", _ => ".0000" });
                    }

                    return;
                }
            }

            _inner.AppendFormatted(value, format);
        }

        /// <summary>Appends any other value.</summary>
        /// <typeparam name="T">The value's type.</typeparam>
        /// <param name="value">The value.</param>
        public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);

        /// <summary>Appends any other value with a format.</summary>
        /// <typeparam name="T">The value's type.</typeparam>
        /// <param name="value">The value.</param>
        /// <param name="format">The format.</param>
        public void AppendFormatted<T>(T value, string? format) => _inner.AppendFormatted(value, format);

        /// <summary>Appends a string.</summary>
        /// <param name="value">The string.</param>
        public void AppendFormatted(string? value) => _inner.AppendFormatted(value);

        /// <summary>Appends characters.</summary>
        /// <param name="value">The characters.</param>
        public void AppendFormatted(ReadOnlySpan<char> value) => _inner.AppendFormatted(value);

        /// <summary>The text; the handler is spent.</summary>
        public string ToStringAndClear() => _inner.ToStringAndClear();

        /// <summary>
        /// For the formats that print a whole number as its digits: how many zeros follow the point (0: no point);
        /// −1 for any other format.
        /// </summary>
        private static int RequiredDecimals(string? format) => format switch
        {
            null or "0" or "0.#" or "0.##" or "0.###" or "0.####" => 0,
            "0.0" => 1,
            "0.00" => 2,
            "0.000" => 3,
            "0.0000" => 4,
            _ => -1,
        };
    }
}
