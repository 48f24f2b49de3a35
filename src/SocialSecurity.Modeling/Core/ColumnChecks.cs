using System.Globalization;
using System.Numerics;

namespace SocialSecurity.Modeling.Core;

/// <summary>Validation of column values against their <see cref="ColumnDefinition"/>: one tight loop per column, run when a population is built.</summary>
internal static class ColumnChecks
{
    /// <summary>The index of the first value at or after <paramref name="start"/> that <paramref name="column"/> does not accept, or −1.</summary>
    public static int FirstInvalid(ColumnDefinition column, ReadOnlySpan<double> values, int start)
    {
        double min = column.Minimum, max = column.Maximum;
        if (column.Codes.Count == 0)
        {
            // Amounts, quantities, numbers, counts: finite, in range (NaN fails both comparisons) and, for counts,
            // whole. A vector at a time (v − v is 0 only for finite v); the scalar loop finds the value within it.
            int i0 = start;
            if (Vector.IsHardwareAccelerated)
            {
                var low = new Vector<double>(min);
                var high = new Vector<double>(max);
                bool whole = column.IsWholeNumber;
                for (; i0 + Vector<double>.Count <= values.Length; i0 += Vector<double>.Count)
                {
                    var v = new Vector<double>(values[i0..]);
                    var ok = Vector.GreaterThanOrEqual(v, low) & Vector.LessThanOrEqual(v, high) & Vector.Equals(v - v, Vector<double>.Zero);
                    if (whole)
                    {
                        ok &= Vector.Equals(Vector.Floor(v), v);
                    }

                    if (!Vector.EqualsAll(ok, Vector<long>.AllBitsSet))
                    {
                        break;
                    }
                }
            }

            if (column.IsWholeNumber)
            {
                for (int i = i0; i < values.Length; i++)
                {
                    if (!column.Accepts(values[i]))
                    {
                        return i;
                    }
                }

                return -1;
            }

            for (int i = i0; i < values.Length; i++)
            {
                double v = values[i];
                if (!(v >= min && v <= max) || !double.IsFinite(v))
                {
                    return i;
                }
            }

            return -1;
        }

        for (int i = start; i < values.Length; i++)
        {
            if (!column.Accepts(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A problem line: "column 'name', person row 3 (id 17): 2 is invalid; expected a flag, 0 or 1".</summary>
    public static string Describe(ColumnDefinition column, string columnLabel, string entity, int row, long id, double value)
        => string.Create(CultureInfo.InvariantCulture, $"column '{columnLabel}', {entity} row {row} (id {id}): {value} is invalid; expected {column.Expected}");
}
