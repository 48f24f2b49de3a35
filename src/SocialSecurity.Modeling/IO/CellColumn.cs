using System.Numerics;

namespace SocialSecurity.Modeling.IO;

/// <summary>The kind of values a column of a tabular file holds.</summary>
internal enum CellKind
{
    /// <summary>Text (CSV cells, Parquet byte arrays as UTF-8).</summary>
    Text,

    /// <summary>Whole numbers (Parquet integer and boolean columns).</summary>
    Integer,

    /// <summary>Floating-point numbers (Parquet float and double columns).</summary>
    Real,
}

/// <summary>
/// One column of a tabular file, read at the current row of its <see cref="TableCursor"/>. Text columns give the raw
/// text; typed columns give their value without passing through text, so doubles keep every bit.
/// </summary>
internal abstract class CellColumn
{
    protected CellColumn(string name, CellKind kind, string typeName)
    {
        Name = name;
        Kind = kind;
        TypeName = typeName;
    }

    /// <summary>The column's name in the file.</summary>
    public string Name { get; }

    /// <summary>The kind of values held.</summary>
    public CellKind Kind { get; }

    /// <summary>The file's own name for the column's type (for messages).</summary>
    public string TypeName { get; }

    /// <summary>Whether the current cell is empty (CSV) or null (Parquet).</summary>
    public abstract bool IsEmpty { get; }

    /// <summary>The current cell as trimmed text; numbers in invariant round-trip form.</summary>
    public abstract string Text { get; }

    /// <summary>The current cell as trimmed characters, without allocating where the format allows.</summary>
    public virtual ReadOnlySpan<char> Span => Text.AsSpan();

    /// <summary>The current cell of an <see cref="CellKind.Integer"/> column.</summary>
    public virtual long Integer => throw new InvalidOperationException($"Column '{Name}' is not an integer column.");

    /// <summary>The current cell of a <see cref="CellKind.Real"/> column.</summary>
    public virtual double Real => throw new InvalidOperationException($"Column '{Name}' is not a floating-point column.");

    /// <summary>The rows of the block this column reads (<see cref="TableBlock"/>), or −1 for a cursor's own column, which cannot be read a column at a time.</summary>
    protected virtual int BlockRows => -1;

    /// <summary>The trimmed text of row <paramref name="row"/> of the block (empty for an empty or null cell); text columns of blocks only.</summary>
    protected virtual ReadOnlySpan<char> BlockText(int row) => throw new NotSupportedException("Not a block column.");

    /// <summary>
    /// Reads every row of the block as numbers, each times <paramref name="scale"/> and in
    /// <paramref name="min"/>–<paramref name="max"/>, an empty cell 0 when <paramref name="emptyIsZero"/>: the values
    /// the row-by-row reader gives. False, with <paramref name="into"/> partly written, at the first cell that reader
    /// would reject or handle otherwise; the caller then reads the block row by row.
    /// </summary>
    public virtual bool TryReadNumbers(Span<double> into, double scale, double min, double max, bool emptyIsZero)
        => IsTextBlock(into.Length) && ReadNumbers<BlockTexts, char>(new BlockTexts(this), into, scale, min, max, emptyIsZero);

    /// <summary>Reads every row of the block as ids (whole numbers, none empty); false at the first cell that is not (see <see cref="TryReadNumbers"/>).</summary>
    public virtual bool TryReadIds(Span<long> into)
        => IsTextBlock(into.Length) && ReadIds<BlockTexts, char>(new BlockTexts(this), into);

    /// <summary>
    /// Reads every row of the block as a small whole number in <paramref name="min"/>–<paramref name="max"/> (a count
    /// or a code; codes also by name from <paramref name="names"/>), an empty cell <paramref name="empty"/> (−1: not
    /// allowed); false at the first cell the row-by-row reader would reject (see <see cref="TryReadNumbers"/>).
    /// </summary>
    public virtual bool TryReadSmall(Span<byte> into, int min, int max, Dictionary<string, byte>? names, int empty)
        => IsTextBlock(into.Length) && ReadSmall<BlockTexts, char>(new BlockTexts(this), into, min, max, names, empty);

    /// <summary>
    /// Reads every row of the block as a region code, turned into its catalogue handle; an empty cell is
    /// <paramref name="notGiven"/> (−1: not allowed); false at the first code not in the catalogue (see <see cref="TryReadNumbers"/>).
    /// </summary>
    public virtual bool TryReadRegions(Span<ushort> into, RegionCodeLookup lookup, int notGiven)
        => IsTextBlock(into.Length) && ReadRegions<BlockTexts, char>(new BlockTexts(this), into, lookup, notGiven);

    /// <summary>Whether this is a text column of a block of <paramref name="rows"/> rows.</summary>
    private bool IsTextBlock(int rows) => Kind == CellKind.Text && BlockRows == rows;

    /// <summary><see cref="TryReadNumbers"/> over the trimmed cells of a block, as characters or as UTF-8 bytes (<see cref="CellParse.TryNumber{T}"/>).</summary>
    protected static bool ReadNumbers<TCells, T>(TCells cells, Span<double> into, double scale, double min, double max, bool emptyIsZero)
        where TCells : struct, IBlockTexts<T>
        where T : unmanaged, IBinaryInteger<T>
    {
        for (int r = 0; r < into.Length; r++)
        {
            var span = cells.Cell(r);
            if (span.IsEmpty)
            {
                if (!emptyIsZero)
                {
                    return false;
                }

                into[r] = 0;
                continue;
            }

            if (!CellParse.TryNumber(span, out double value))
            {
                return false;
            }

            value *= scale;
            if (!(value >= min && value <= max))
            {
                return false;
            }

            into[r] = value;
        }

        return true;
    }

    /// <summary><see cref="TryReadIds"/> over the trimmed cells of a block.</summary>
    protected static bool ReadIds<TCells, T>(TCells cells, Span<long> into)
        where TCells : struct, IBlockTexts<T>
        where T : unmanaged, IBinaryInteger<T>
    {
        for (int r = 0; r < into.Length; r++)
        {
            if (!CellParse.TryLong(cells.Cell(r), out into[r]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><see cref="TryReadSmall"/> over the trimmed cells of a block.</summary>
    protected static bool ReadSmall<TCells, T>(TCells cells, Span<byte> into, int min, int max, Dictionary<string, byte>? names, int empty)
        where TCells : struct, IBlockTexts<T>
        where T : unmanaged, IBinaryInteger<T>
    {
        // Coded cells repeat row after row ("female", "urban", …): a cell equal to the one before has its code.
        var last = ReadOnlySpan<T>.Empty;
        byte lastCode = 0;
        for (int r = 0; r < into.Length; r++)
        {
            var span = cells.Cell(r);
            if (span.IsEmpty)
            {
                if (empty < 0)
                {
                    return false;
                }

                into[r] = (byte)empty;
            }
            else if (names is not null)
            {
                if (!last.IsEmpty && span.SequenceEqual(last))
                {
                    into[r] = lastCode;
                }
                else if (CellParse.TryCode(span, names, max, out lastCode))
                {
                    into[r] = lastCode;
                    last = span;
                }
                else
                {
                    return false;
                }
            }
            else if (CellParse.TryInt(span, min, max, out int value))
            {
                into[r] = (byte)value;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><see cref="TryReadRegions"/> over the trimmed cells of a block.</summary>
    protected static bool ReadRegions<TCells, T>(TCells cells, Span<ushort> into, RegionCodeLookup lookup, int notGiven)
        where TCells : struct, IBlockTexts<T>
        where T : unmanaged, IBinaryInteger<T>
    {
        var last = ReadOnlySpan<T>.Empty;
        ushort lastHandle = 0;
        for (int r = 0; r < into.Length; r++)
        {
            var span = cells.Cell(r);
            if (span.IsEmpty)
            {
                if (notGiven < 0)
                {
                    return false;
                }

                into[r] = (ushort)notGiven;
            }
            else if (!last.IsEmpty && span.SequenceEqual(last))
            {
                into[r] = lastHandle;
            }
            else if (lookup.TryGet(span, out lastHandle))
            {
                into[r] = lastHandle;
                last = span;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The cells of a text column of a block, through <see cref="BlockText"/>.</summary>
    private readonly struct BlockTexts(CellColumn column) : IBlockTexts<char>
    {
        public ReadOnlySpan<char> Cell(int row) => column.BlockText(row);
    }
}

/// <summary>The trimmed cells of a block's column, row by row: characters, or UTF-8 bytes (<see cref="Utf8CsvTableCursor"/>).</summary>
internal interface IBlockTexts<T>
    where T : unmanaged, IBinaryInteger<T>
{
    /// <summary>The trimmed cell of row <paramref name="row"/> (empty for an empty cell).</summary>
    ReadOnlySpan<T> Cell(int row);
}

