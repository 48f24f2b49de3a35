using System.Numerics;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations;

/// <summary>
/// The column checks of a build, shared by <see cref="PopulationBuilder"/> and <see cref="ColumnarPopulationBuilder"/>
/// so that both report the same problem lines: values against their <see cref="ColumnDefinition"/> (one tight,
/// vectorised loop per column; a line from <see cref="ColumnChecks.Describe"/> only for invalid values), lengths,
/// and region codes.
/// </summary>
internal static class BuildChecks
{
    /// <summary>The problem line of a region code that is absent (where required) or not in the catalogue.</summary>
    public static string UnknownRegion(string field, string entity, int row, long id, string? code)
        => $"column '{field}', {entity} row {row} (id {id}): unknown region code '{code}'; expected a GB/T 2260 code from the region catalogue";

    /// <summary>The problem line of a column whose length is not the number of rows of its entity.</summary>
    public static string Length(string label, int length, int rows, string entity)
        => $"column '{label}': has {length} values but {rows} {entity}s were added";

    /// <summary>"person" or "household", for problem lines.</summary>
    public static string EntityName(Entity entity) => entity == Entity.Person ? "person" : "household";

    /// <summary>
    /// Reports every value of <paramref name="values"/> that <paramref name="column"/> does not accept (the first
    /// ones listed, the rest counted), naming the column by <paramref name="label"/>, the row and its id.
    /// </summary>
    public static void Values<T>(ColumnDefinition column, string label, ReadOnlySpan<T> values, ReadOnlySpan<long> ids, ProblemList problems)
        where T : unmanaged, INumber<T>
    {
        string entity = EntityName(column.Entity);
        for (int i = FirstInvalid(column, values, 0); i >= 0; i = FirstInvalid(column, values, i + 1))
        {
            if (problems.IsFull)
            {
                int more = 0;
                for (int j = i; j >= 0; j = FirstInvalid(column, values, j + 1))
                {
                    more++;
                }

                problems.AddUnlisted(more);
                return;
            }

            problems.Add(ColumnChecks.Describe(column, label, entity, i, ids[i], double.CreateChecked(values[i])));
        }
    }

    /// <summary>The first value at or after <paramref name="start"/> that <paramref name="column"/> does not accept, or −1: <see cref="ColumnDefinition.Accepts"/>, vectorised where it can be.</summary>
    public static int FirstInvalid<T>(ColumnDefinition column, ReadOnlySpan<T> values, int start)
        where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(double))
        {
            return ColumnChecks.FirstInvalid(column, System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(values), start);
        }

        // Whole numbers: finite, and whole; what remains is the range or the list of codes.
        double low = column.Minimum, high = column.Maximum;
        if (column.Codes.Count == 0 || IsContiguous(column.Codes))
        {
            if (column.Codes.Count > 0)
            {
                low = column.Codes.Min(c => c.Value);
                high = column.Codes.Max(c => c.Value);
            }

            low = Math.Ceiling(low);
            high = Math.Floor(high);
            if (low > high)
            {
                return start < values.Length ? start : -1;
            }

            int found = values[start..].IndexOfAnyExceptInRange(T.CreateSaturating(low), T.CreateSaturating(high));
            return found < 0 ? -1 : start + found;
        }

        for (int i = start; i < values.Length; i++)
        {
            if (!column.Accepts(double.CreateChecked(values[i])))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether the codes are every whole number from the smallest to the largest.</summary>
    private static bool IsContiguous(IReadOnlyList<ColumnCode> codes)
    {
        int min = codes.Min(c => c.Value), max = codes.Max(c => c.Value);
        return max - min + 1 == codes.Count;
    }

    /// <summary>Checks an extra column: its length, then every value against its definition.</summary>
    public static void Extra(ColumnDefinition definition, double[] values, ReadOnlySpan<long> ids, ProblemList problems)
    {
        if (values.Length != ids.Length)
        {
            problems.Add(Length(definition.Name, values.Length, ids.Length, EntityName(definition.Entity)));
            return;
        }

        Values<double>(definition, definition.Name, values, ids, problems);
    }
}
