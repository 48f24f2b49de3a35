using System.Text;
using Sylvan.Data.Csv;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// A CSV file with a header row read as a <see cref="TableCursor"/>; data rows count from 1, the header is row 0.
/// Parsing is Sylvan.Data.Csv's RFC 4180 reader: fields separated by one delimiter character, optionally quoted with
/// <c>"</c> (a doubled quote inside is a literal quote; quoted fields may span lines), records ended by LF, CRLF or CR,
/// a UTF-8 byte order mark skipped. Blank lines are skipped; no comment lines. Cells are read as spans of the
/// parser's buffer, so no string is made per cell unless a message or a recoding needs one, and one record at a time
/// is held (at most <see cref="MaxRecordChars"/> characters: an unclosed quote cannot make the reader buffer the file).
/// </summary>
internal sealed class CsvTableCursor : TableCursor
{
    /// <summary>The longest record accepted, in characters (quoted line breaks included).</summary>
    internal const int MaxRecordChars = 1 << 22;

    private readonly CsvDataReader _reader;
    private readonly char _delimiter;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private int _row;
    private long _line = 1;
    private long _recordLine;

    public CsvTableCursor(string path, char delimiter)
        : base(path)
    {
        _delimiter = delimiter;
        var options = new CsvDataReaderOptions
        {
            Delimiter = delimiter,
            HasHeaders = false, // the header is read as the first record, so blank lines before it and its line count are handled like any record's
            Comment = '\0', // no comment lines: a cell may start with '#'
            CsvStyle = CsvStyle.Standard,
            MaxBufferSize = MaxRecordChars,
        };
        var text = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        try
        {
            _reader = CsvDataReader.Create(text, options);
        }
        catch
        {
            text.Dispose();
            throw;
        }

        try
        {
            if (!NextRecord())
            {
                throw new DataFormatException(path, "row 0", "the file is empty; expected a header row");
            }

            for (int i = 0; i < _reader.RowFieldCount; i++)
            {
                var raw = _reader.GetFieldSpan(i);
                var name = raw.Trim().ToString();
                if (!_index.TryAdd(name, i))
                {
                    throw new DataFormatException(path, $"row 0, column '{raw}'", "the column name appears twice in the header");
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
        if (!NextRecord())
        {
            return false;
        }

        _row++;
        if (_reader.RowFieldCount != _names.Count)
        {
            throw new DataFormatException(File, $"row {_row} (line {_recordLine})", $"has {_reader.RowFieldCount} fields but the header has {_names.Count}");
        }

        return true;
    }

    public override void Dispose() => _reader.Dispose();

    /// <summary>Moves the parser to the next record that is not a blank line, keeping the line count; parser errors become <see cref="DataFormatException"/>s naming the file, the row and the line.</summary>
    private bool NextRecord()
    {
        while (true)
        {
            _recordLine = _line;
            try
            {
                if (!_reader.Read())
                {
                    return false;
                }
            }
            catch (CsvRecordTooLargeException e)
            {
                throw new DataFormatException(File, $"row {_row + 1} (line {_recordLine})", $"the record is longer than {MaxRecordChars:N0} characters (an unclosed quote?)", e);
            }
            catch (CsvFormatException e)
            {
                throw new DataFormatException(File, $"row {_row + 1} (line {_recordLine})", $"malformed CSV ({e.Message}); a quoted field must be closed and be followed by the delimiter '{_delimiter}' or the end of the line", e);
            }

            var raw = _reader.GetRawRecordSpan();
            _line += LineBreaks(raw);
            if (_reader.RowFieldCount != 1 || raw.TrimEnd("\r\n").Length != 0)
            {
                return true;
            }
        }
    }

    /// <summary>The line breaks in a record's text (LF, CRLF or a lone CR each count once), its own ending included.</summary>
    private static int LineBreaks(ReadOnlySpan<char> raw)
    {
        int breaks = raw.Count('\n');
        if (raw.Contains('\r'))
        {
            breaks += raw.Count('\r') - raw.Count("\r\n");
        }

        return breaks;
    }

    private sealed class Cell(CsvTableCursor cursor, string name, int index) : CellColumn(name, CellKind.Text, "text")
    {
        public override bool IsEmpty => cursor._reader.GetFieldSpan(index).IsWhiteSpace();

        public override string Text => new(Span);

        public override ReadOnlySpan<char> Span => cursor._reader.GetFieldSpan(index).Trim();
    }
}
