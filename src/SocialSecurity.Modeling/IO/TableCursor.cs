namespace SocialSecurity.Modeling.IO;

/// <summary>
/// Forward-only reading of one tabular file (CSV or Parquet) row by row, with columns found by name and a
/// description of the current row's location for error messages.
/// </summary>
internal abstract class TableCursor : IDisposable
{
    protected TableCursor(string file) => File = file;

    /// <summary>The file being read.</summary>
    public string File { get; }

    /// <summary>The column names, in file order.</summary>
    public abstract IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Where the column names are given: <c>row 0</c> (CSV header) or <c>schema</c> (Parquet).</summary>
    public abstract string HeaderLocation { get; }

    /// <summary>The current row's location, for example <c>row 12</c> or <c>row group 1, row 3 (file row 1003)</c>.</summary>
    public abstract string Location { get; }

    /// <summary>Extra numeric columns that the file itself declares (Parquet files written by <see cref="PopulationParquet"/>); read without being listed in the mapping.</summary>
    public virtual IReadOnlyList<string> DeclaredExtraColumns => [];

    /// <summary>The definitions of extra columns that the file itself carries, as JSON (<see cref="ColumnDefinitionJson"/>), or <see langword="null"/>.</summary>
    public virtual string? DeclaredColumnDefinitions => null;

    /// <summary>The column named <paramref name="name"/>, or <see langword="null"/> when the file has none.</summary>
    public abstract CellColumn? Column(string name);

    /// <summary>Moves to the next data row; false at the end of the file.</summary>
    public abstract bool MoveNext();

    /// <inheritdoc/>
    public abstract void Dispose();
}
