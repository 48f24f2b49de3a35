using System.Text;
using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.IO;

/// <summary>A CSV file with a header row read as a <see cref="TableCursor"/>; data rows count from 1, the header is row 0.</summary>
internal sealed class CsvTableCursor : TableCursor
{
    private readonly CsvRecordReader _reader;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private IReadOnlyList<string> _cells = [];
    private int _row;

    public CsvTableCursor(string path, char delimiter)
        : base(path)
    {
        _reader = new CsvRecordReader(new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), delimiter, path);
        try
        {
            if (!_reader.Read(out var header))
            {
                throw new DataFormatException(path, "row 0", "the file is empty; expected a header row");
            }

            for (int i = 0; i < header.Count; i++)
            {
                var name = header[i].Trim();
                if (!_index.TryAdd(name, i))
                {
                    throw new DataFormatException(path, $"row 0, column '{header[i]}'", "the column name appears twice in the header");
                }

                _names.Add(name);
            }
        }
        catch
        {
            _reader.Dispose();
            throw;
        }
    }

    public override IReadOnlyList<string> ColumnNames => _names;

    public override string HeaderLocation => "row 0";

    public override string Location => $"row {_row}";

    public override CellColumn? Column(string name) => _index.TryGetValue(name, out var i) ? new Cell(this, name, i) : null;

    public override bool MoveNext()
    {
        if (!_reader.Read(out var cells))
        {
            return false;
        }

        _row++;
        if (cells.Count != _names.Count)
        {
            throw new DataFormatException(File, $"row {_row} (line {_reader.Line})", $"has {cells.Count} fields but the header has {_names.Count}");
        }

        _cells = cells;
        return true;
    }

    public override void Dispose() => _reader.Dispose();

    private sealed class Cell(CsvTableCursor cursor, string name, int index) : CellColumn(name, CellKind.Text, "text")
    {
        public override bool IsEmpty => string.IsNullOrWhiteSpace(cursor._cells[index]);

        public override string Text => cursor._cells[index].Trim();

        public override ReadOnlySpan<char> Span => cursor._cells[index].AsSpan().Trim();
    }
}
