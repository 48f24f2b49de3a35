namespace SocialSecurity.Modeling.Core;

/// <summary>
/// Builds a new <see cref="Population"/> that shares every column of an existing one except those replaced
/// (weights after raking, incomes after uprating). Populations are immutable, so sharing arrays is safe.
/// </summary>
internal static class PopulationDerivation
{
    /// <summary>A population sharing <paramref name="source"/>'s columns, with the built-in double columns in <paramref name="replace"/> replaced (a null array keeps the source's) and <paramref name="addColumn"/> added.</summary>
    public static Population With(
        Population source,
        IReadOnlyList<(ColumnDefinition Column, double[]? Values)>? replace = null,
        (ColumnDefinition Definition, double[] Values)? addColumn = null)
    {
        // Columns are shared, not copied: a population never writes to its arrays.
        var columns = new Array?[source.BuiltInColumns.Count];
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = source.BuiltInColumns[i];
        }

        foreach (var (column, values) in replace ?? [])
        {
            if (column.BuiltInIndex < 0 || column.Storage != ColumnStorage.Double)
            {
                throw new ArgumentException($"'{column.Name}' is not a built-in column stored as doubles.", nameof(replace));
            }

            columns[column.BuiltInIndex] = values ?? columns[column.BuiltInIndex];
        }

        var personExtras = source.ExtraPersonColumns.ToDictionary(n => n, source.DoubleColumn, StringComparer.Ordinal);
        var householdExtras = source.ExtraHouseholdColumns.ToDictionary(n => n, source.DoubleColumn, StringComparer.Ordinal);
        var definitions = new Dictionary<string, ColumnDefinition>(source.ExtraDefinitions, StringComparer.Ordinal);
        if (addColumn is { } added)
        {
            (added.Definition.Entity == Entity.Person ? personExtras : householdExtras).Add(added.Definition.Name, added.Values);
            definitions.Add(added.Definition.Name, added.Definition);
        }

        return new Population(source.Regions, columns, source.MemberStartColumn, personExtras, householdExtras, definitions);
    }
}
