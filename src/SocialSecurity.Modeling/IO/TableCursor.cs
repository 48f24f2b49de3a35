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

    /// <summary>The number of data rows expected (exact when the file says, as a Parquet footer does; a guess otherwise), for sizing the columns read.</summary>
    public virtual int ExpectedRows => 1024;

    /// <summary>The column named <paramref name="name"/>, or <see langword="null"/> when the file has none.</summary>
    public abstract CellColumn? Column(string name);

    /// <summary>Moves to the next data row; false at the end of the file.</summary>
    public abstract bool MoveNext();

    /// <summary>
    /// Moves over up to <paramref name="maxRows"/> rows and returns them as a block that can be read on another
    /// thread (its columns bound by name, as here), or <see langword="null"/> at the end of the file. An error moving
    /// to a row (a malformed record, a damaged row group) ends the block and is kept as its
    /// <see cref="TableBlock.Failure"/>, to be raised when the reader gets there. After a block, this cursor's own
    /// columns are not positioned: read through blocks or through <see cref="MoveNext"/>, not both.
    /// </summary>
    public abstract TableBlock? ReadBlock(int maxRows);

    /// <inheritdoc/>
    public abstract void Dispose();
}

/// <summary>
/// Rows of a <see cref="TableCursor"/> held in memory and read again as a cursor of their own, on any thread: the
/// same columns, the same locations in messages. <see cref="TableCursor.MoveNext"/> goes through the rows in order;
/// <see cref="Seek"/> goes back to one (to name it in an error).
/// </summary>
internal abstract class TableBlock : TableCursor
{
    private readonly TableCursor _source;

    protected TableBlock(TableCursor source)
        : base(source.File) => _source = source;

    /// <summary>The rows held.</summary>
    public abstract int Count { get; }

    /// <summary>The error met moving past the last row held, or <see langword="null"/>.</summary>
    public DataFormatException? Failure { get; set; }

    /// <summary>The current row within the block (from 0; -1 before the first).</summary>
    protected int Position { get; private set; } = -1;

    public override IReadOnlyList<string> ColumnNames => _source.ColumnNames;

    public override string HeaderLocation => _source.HeaderLocation;

    public override IReadOnlyList<string> DeclaredExtraColumns => _source.DeclaredExtraColumns;

    public override string? DeclaredColumnDefinitions => _source.DeclaredColumnDefinitions;

    public override bool MoveNext()
    {
        if (Position + 1 >= Count)
        {
            return false;
        }

        Position++;
        return true;
    }

    /// <summary>Gives back the memory the block holds (to a pool); the block is not read again.</summary>
    public virtual void Release()
    {
    }

    /// <summary>Goes to row <paramref name="row"/> of the block.</summary>
    public void Seek(int row) => Position = row;

    public override TableBlock? ReadBlock(int maxRows) => throw new NotSupportedException("A block is read row by row.");

    public override void Dispose()
    {
    }
}
