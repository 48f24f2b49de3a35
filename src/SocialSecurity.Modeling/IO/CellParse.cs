using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// The parsing of one text cell, shared by the row-by-row reader (<see cref="PopulationRecordReader"/>) and the
/// column-at-a-time fast paths of the block columns (<see cref="CellColumn.TryReadNumbers"/> and the others), so that
/// both give the same value, to the bit, for every cell the fast path accepts.
/// </summary>
internal static class CellParse
{
    /// <summary>The powers of ten that are exact doubles (10^0 to 10^22).</summary>
    private static readonly double[] ExactPowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>The most significant digits the fast path reads: a mantissa below 10^15 is an exact double (below 2^53).</summary>
    private const int FastSignificantDigits = 15;

    /// <summary>The longest cell of UTF-8 bytes handed to the general parsers (as characters, on the stack); a longer one is not read by the byte path.</summary>
    internal const int MaxWidenedBytes = 128;

    /// <summary>
    /// A finite number in invariant form (<c>.</c> as the decimal separator), the same double as
    /// <see cref="double.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out double)"/> with
    /// <see cref="NumberStyles.Float"/> gives. Plain decimals (an optional sign, digits, an optional point and digits)
    /// of at most 15 significant digits with at most 22 decimals are converted without the general parser (see
    /// <see cref="TryFastDecimal"/>); anything else goes to it.
    /// </summary>
    public static bool TryNumber(ReadOnlySpan<char> span, out double value) => TryNumber<char>(span, out value);

    /// <summary>
    /// <see cref="TryNumber(ReadOnlySpan{char}, out double)"/> for cells of characters or of UTF-8 bytes: a byte cell
    /// is parsed as the characters it encodes when it is ASCII (at most 128 bytes); any other byte cell is false, and
    /// the caller then reads it as characters.
    /// </summary>
    public static bool TryNumber<T>(ReadOnlySpan<T> span, out double value)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (TryFastDecimal(span, out value))
        {
            return true;
        }

        Span<char> buffer = stackalloc char[MaxWidenedBytes];
        return TryChars(span, buffer, out var chars)
            && double.TryParse(chars, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>
    /// A plain decimal read exactly: the digits make a whole mantissa m below 10^15 (an exact double) and the k digits
    /// after the point (k ≤ 22) a power of ten 10^k (an exact double too), so m / 10^k is one correctly rounded
    /// division of two exact values: the double nearest the decimal, which is what the general parser returns (IEEE
    /// correct rounding). A minus sign negates, exactly (−0 for "-0", as the general parser gives). False, with no
    /// value, for anything else (an exponent, more digits, spaces, other characters): the caller then parses it the
    /// general way.
    /// </summary>
    public static bool TryFastDecimal(ReadOnlySpan<char> span, out double value) => TryFastDecimal<char>(span, out value);

    /// <summary><see cref="TryFastDecimal(ReadOnlySpan{char}, out double)"/> for characters or UTF-8 bytes (the same digits give the same double).</summary>
    public static bool TryFastDecimal<T>(ReadOnlySpan<T> span, out double value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        int i = 0;
        bool negative = false;
        if (span.Length > 0 && (Code(span[0]) == '-' || Code(span[0]) == '+'))
        {
            negative = Code(span[0]) == '-';
            i = 1;
        }

        ulong mantissa = 0;
        int significant = 0;
        int digits = 0;
        int decimals = -1;
        for (; i < span.Length; i++)
        {
            uint digit = Code(span[i]) - '0';
            if (digit <= 9)
            {
                digits++;
                if (mantissa != 0 || digit != 0)
                {
                    if (++significant > FastSignificantDigits)
                    {
                        return false;
                    }

                    mantissa = (mantissa * 10) + digit;
                }

                if (decimals >= 0)
                {
                    decimals++;
                }
            }
            else if (Code(span[i]) == '.' && decimals < 0)
            {
                decimals = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || decimals > 22)
        {
            return false;
        }

        double magnitude = decimals > 0 ? mantissa / ExactPowersOfTen[decimals] : mantissa;
        value = negative ? -magnitude : magnitude;
        return true;
    }

    /// <summary>A whole number in invariant form.</summary>
    public static bool TryLong(ReadOnlySpan<char> span, out long value) => TryLong<char>(span, out value);

    /// <summary><see cref="TryLong(ReadOnlySpan{char}, out long)"/> for characters or UTF-8 bytes (ASCII byte cells only, as <see cref="TryNumber{T}"/>).</summary>
    public static bool TryLong<T>(ReadOnlySpan<T> span, out long value)
        where T : unmanaged, IBinaryInteger<T>
    {
        // The common id: 1–18 digits, which cannot overflow.
        if (span.Length is > 0 and <= 18)
        {
            long number = 0;
            int i = 0;
            for (; i < span.Length; i++)
            {
                uint digit = Code(span[i]) - '0';
                if (digit > 9)
                {
                    break;
                }

                number = (number * 10) + digit;
            }

            if (i == span.Length)
            {
                value = number;
                return true;
            }
        }

        value = 0;
        Span<char> buffer = stackalloc char[MaxWidenedBytes];
        return TryChars(span, buffer, out var chars) && long.TryParse(chars, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A whole number in <paramref name="min"/>–<paramref name="max"/>.</summary>
    public static bool TryInt(ReadOnlySpan<char> span, int min, int max, out int value) => TryInt<char>(span, min, max, out value);

    /// <summary><see cref="TryInt(ReadOnlySpan{char}, int, int, out int)"/> for characters or UTF-8 bytes (ASCII byte cells only, as <see cref="TryNumber{T}"/>).</summary>
    public static bool TryInt<T>(ReadOnlySpan<T> span, int min, int max, out int value)
        where T : unmanaged, IBinaryInteger<T>
    {
        // The common cell: 1–9 digits, which cannot overflow.
        if (span.Length is > 0 and <= 9)
        {
            int number = 0;
            int i = 0;
            for (; i < span.Length; i++)
            {
                uint digit = Code(span[i]) - '0';
                if (digit > 9)
                {
                    break;
                }

                number = (number * 10) + (int)digit;
            }

            if (i == span.Length)
            {
                value = number;
                return value >= min && value <= max;
            }
        }

        value = 0;
        Span<char> buffer = stackalloc char[MaxWidenedBytes];
        return TryChars(span, buffer, out var chars)
            && int.TryParse(chars, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    /// <summary>A code, by name (case-insensitive) or number 0–<paramref name="maxCode"/>.</summary>
    public static bool TryCode(ReadOnlySpan<char> span, Dictionary<string, byte> names, int maxCode, out byte code) => TryCode<char>(span, names, maxCode, out code);

    /// <summary><see cref="TryCode(ReadOnlySpan{char}, Dictionary{string, byte}, int, out byte)"/> for characters or UTF-8 bytes (ASCII byte cells only, as <see cref="TryNumber{T}"/>).</summary>
    public static bool TryCode<T>(ReadOnlySpan<T> span, Dictionary<string, byte> names, int maxCode, out byte code)
        where T : unmanaged, IBinaryInteger<T>
    {
        code = 0;
        Span<char> buffer = stackalloc char[MaxWidenedBytes];
        if (!TryChars(span, buffer, out var chars))
        {
            return false;
        }

        if (PopulationCodes.TryGet(names, chars, out code))
        {
            return true;
        }

        if (TryInt(chars, 0, maxCode, out int number))
        {
            code = (byte)number;
            return true;
        }

        return false;
    }

    /// <summary>
    /// A cell as characters: a character cell as it is; an ASCII byte cell of at most <paramref name="buffer"/>'s
    /// length widened into it (ASCII is the same text in UTF-8 and UTF-16). False for any other byte cell.
    /// </summary>
    public static bool TryChars<T>(ReadOnlySpan<T> span, Span<char> buffer, out ReadOnlySpan<char> chars)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (typeof(T) == typeof(char))
        {
            chars = MemoryMarshal.Cast<T, char>(span);
            return true;
        }

        var bytes = MemoryMarshal.Cast<T, byte>(span);
        if (bytes.Length > buffer.Length || Ascii.ToUtf16(bytes, buffer, out int written) != OperationStatus.Done)
        {
            chars = default;
            return false;
        }

        chars = buffer[..written];
        return true;
    }

    /// <summary>A character's or a byte's code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Code<T>(T unit)
        where T : unmanaged, IBinaryInteger<T>
        => uint.CreateTruncating(unit);
}

/// <summary>
/// Region codes read as text, turned into catalogue handles with one string made per distinct code (codes repeat row
/// after row); a code not in the catalogue is not found. One per reader and thread.
/// </summary>
internal sealed class RegionCodeLookup(RegionCatalog regions)
{
    private readonly Dictionary<string, ushort> _known = new(StringComparer.Ordinal);

    /// <summary>The handle of <paramref name="code"/> given as UTF-8 bytes (ASCII only, as <see cref="CellParse.TryNumber{T}"/>; false for any other), if the catalogue has it.</summary>
    public bool TryGet<T>(ReadOnlySpan<T> code, out ushort handle)
        where T : unmanaged, IBinaryInteger<T>
    {
        handle = 0;
        Span<char> buffer = stackalloc char[CellParse.MaxWidenedBytes];
        return CellParse.TryChars(code, buffer, out var chars) && TryGet(chars, out handle);
    }

    /// <summary>The handle of <paramref name="code"/>, if the catalogue has it.</summary>
    public bool TryGet(ReadOnlySpan<char> code, out ushort handle)
    {
        var lookup = _known.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(code, out handle))
        {
            return true;
        }

        var text = new string(code);
        if (!regions.TryGetId(text, out var id))
        {
            return false;
        }

        _known[text] = handle = id.Index;
        return true;
    }
}
