using System.Globalization;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// The parsing of one text cell, shared by the row-by-row reader (<see cref="PopulationRecordReader"/>) and the
/// column-at-a-time fast paths of the block columns (<see cref="CellColumn.TryReadNumbers"/> and the others), so that
/// both give the same value, to the bit, for every cell the fast path accepts.
/// </summary>
internal static class CellParse
{
    /// <summary>A finite number in invariant form (<c>.</c> as the decimal separator); the commonest cell, one digit, without the general parser (the same double).</summary>
    public static bool TryNumber(ReadOnlySpan<char> span, out double value)
    {
        if (span.Length == 1 && char.IsAsciiDigit(span[0]))
        {
            value = span[0] - '0';
            return true;
        }

        return double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>A whole number in invariant form.</summary>
    public static bool TryLong(ReadOnlySpan<char> span, out long value)
        => long.TryParse(span, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    /// <summary>A whole number in <paramref name="min"/>–<paramref name="max"/>.</summary>
    public static bool TryInt(ReadOnlySpan<char> span, int min, int max, out int value)
    {
        if (span.Length == 1 && char.IsAsciiDigit(span[0]))
        {
            value = span[0] - '0';
            return value >= min && value <= max;
        }

        return int.TryParse(span, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    /// <summary>A code, by name (case-insensitive) or number 0–<paramref name="maxCode"/>.</summary>
    public static bool TryCode(ReadOnlySpan<char> span, Dictionary<string, byte> names, int maxCode, out byte code)
    {
        if (PopulationCodes.TryGet(names, span, out code))
        {
            return true;
        }

        if (TryInt(span, 0, maxCode, out int number))
        {
            code = (byte)number;
            return true;
        }

        return false;
    }
}

/// <summary>
/// Region codes read as text, turned into catalogue handles with one string made per distinct code (codes repeat row
/// after row); a code not in the catalogue is not found. One per reader and thread.
/// </summary>
internal sealed class RegionCodeLookup(RegionCatalog regions)
{
    private readonly Dictionary<string, ushort> _known = new(StringComparer.Ordinal);

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
