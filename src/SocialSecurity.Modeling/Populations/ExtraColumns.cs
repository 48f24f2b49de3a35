using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations;

/// <summary>
/// The extra (non-schema) columns a population builder holds before it builds: their declarations and values per
/// entity, with the one set of rules both builders apply when a column is added.
/// </summary>
internal sealed class ExtraColumns
{
    /// <summary>Person columns by name.</summary>
    public Dictionary<string, double[]> Person { get; } = new(StringComparer.Ordinal);

    /// <summary>Household columns by name.</summary>
    public Dictionary<string, double[]> Household { get; } = new(StringComparer.Ordinal);

    /// <summary>Every added column's declaration by name.</summary>
    public Dictionary<string, ColumnDefinition> Definitions { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds a column, refusing one not stored as doubles, a built-in column's name and a name already added.</summary>
    /// <param name="column">The declaration.</param>
    /// <param name="values">The values.</param>
    /// <param name="builtInHint">How a built-in column is given to this builder instead (ends the error message).</param>
    /// <exception cref="ArgumentException">The column cannot be added.</exception>
    public void Add(ColumnDefinition column, double[] values, string builtInHint)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(values);
        if (column.Storage != ColumnStorage.Double)
        {
            throw new ArgumentException($"Column '{column.Name}' is stored as {column.Storage}; extra columns are stored as doubles.", nameof(column));
        }

        if (PopulationSchema.Find(column.Name) is not null)
        {
            throw new ArgumentException($"'{column.Name}' is a built-in column; {builtInHint}.", nameof(column));
        }

        if (!Definitions.TryAdd(column.Name, column))
        {
            throw new ArgumentException($"A column named '{column.Name}' was already added.", nameof(column));
        }

        (column.Entity == Entity.Person ? Person : Household).Add(column.Name, values);
    }
}
