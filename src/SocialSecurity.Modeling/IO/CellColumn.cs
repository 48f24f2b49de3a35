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
}
