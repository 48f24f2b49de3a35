using System.Buffers;
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
/// This is the general path: the population readers read a file on <see cref="Utf8CsvTableCursor"/> where its lines
/// allow, and come here for the rest.
/// </summary>
internal sealed class CsvTableCursor : TableCursor
{
    /// <summary>The longest record accepted, in characters (quoted line breaks included).</summary>
    internal const int MaxRecordChars = 1 << 22;

    private readonly CsvDataReader _reader;
    private readonly char _delimiter;
    private readonly Stream _stream;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private int _row;
    private long _line = 1;
    private long _recordLine;
    private int _charsPerRow = 16;

    public CsvTableCursor(string path, char delimiter)
        : this(path, delimiter, new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
    {
        try
        {
            if (!NextRecord())
            {
                throw new DataFormatException(path, "row 0", "the file is empty; expected a header row");
            }

            for (int i = 0; i < _reader.RowFieldCount; i++)
            {
                AddColumn(path, _reader.GetFieldSpan(i), _names, _index);
            }
        }
        catch
        {
            _reader.Dispose();
            throw;
        }
    }

    /// <summary>Reads <paramref name="path"/> past its first <paramref name="skipRows"/> data rows (rows given already by <see cref="Utf8CsvTableCursor"/>), which are parsed and checked as ever but not kept.</summary>
    internal CsvTableCursor(string path, char delimiter, int skipRows)
        : this(path, delimiter)
    {
        while (_row < skipRows && MoveNext())
        {
        }
    }

    private CsvTableCursor(string path, char delimiter, StreamReader text)
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
        _stream = text.BaseStream;
        try
        {
            _reader = CsvDataReader.Create(text, options);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>Adds a header cell's column (its text trimmed); a name read twice is an error naming it as written.</summary>
    internal static void AddColumn(string path, ReadOnlySpan<char> raw, List<string> names, Dictionary<string, int> index)
    {
        var name = raw.Trim().ToString();
        if (!index.TryAdd(name, names.Count))
        {
            throw new DataFormatException(path, $"row 0, column '{raw}'", "the column name appears twice in the header");
        }

        names.Add(name);
    }

    /// <summary>The error of a record whose number of fields is not the header's.</summary>
    internal static DataFormatException FieldCountError(string path, int row, long line, int fields, int headerFields)
        => new(path, $"row {row} (line {line})", $"has {fields} fields but the header has {headerFields}");

    public override IReadOnlyList<string> ColumnNames => _names;

    public override string HeaderLocation => "row 0";

    /// <summary>An estimate from the bytes read so far (with 3% to spare): rows read × file length ÷ bytes read; 1,024 before any row.</summary>
    public override int ExpectedRows
    {
        get
        {
            long read = _stream.Position, rows = Volatile.Read(ref _row);
            return rows < 64 || read <= 0 ? 1024 : (int)Math.Min(Array.MaxLength, (rows * (double)_stream.Length / read * 1.03) + 1024);
        }
    }

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
            throw FieldCountError(File, _row, _recordLine, _reader.RowFieldCount, _names.Count);
        }

        return true;
    }

    public override void Dispose() => _reader.Dispose();

    public override TableBlock? ReadBlock(int maxRows)
    {
        var block = new Block(this, _row + 1, _names.Count, maxRows);
        while (block.Count < maxRows)
        {
            try
            {
                if (!MoveNext())
                {
                    break;
                }
            }
            catch (DataFormatException e)
            {
                block.Failure = e;
                break;
            }

            block.Add(_reader, _delimiter);
        }

        block.Complete();
        return block.Count > 0 || block.Failure is not null ? block : null;
    }

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

    /// <summary>
    /// Records copied out of the parser: each field's characters (unquoted, untrimmed) in one buffer, with a start
    /// and length per cell. A record without quotes is copied whole and split at the delimiter; a quoted one field
    /// by field from the parser. The buffers are rented from the shared array pool and given back by
    /// <see cref="Release"/>, sized from the previous block's characters per row.
    /// </summary>
    private sealed class Block : TableBlock
    {
        private readonly CsvTableCursor _source;
        private readonly int _firstRow;
        private readonly int _fields;
        private char[] _chars;
        private int _length;
        private int[] _cells;
        private int _count;

        public Block(CsvTableCursor source, int firstRow, int fields, int capacity)
            : base(source)
        {
            (_source, _firstRow, _fields) = (source, firstRow, fields);
            _chars = ArrayPool<char>.Shared.Rent(Math.Max(256, capacity * source._charsPerRow));
            _cells = ArrayPool<int>.Shared.Rent(capacity * fields * 2);
        }

        public override int Count => _count;

        public override string Location => $"row {_firstRow + Position}";

        public override CellColumn? Column(string name) => _source._index.TryGetValue(name, out var i) ? new BlockCell(this, name, i) : null;

        public void Add(CsvDataReader reader, char delimiter)
        {
            int cell = _count * _fields * 2;
            var raw = reader.GetRawRecordSpan().TrimEnd("\r\n");
            if (!raw.Contains('"'))
            {
                Reserve(raw.Length);
                raw.CopyTo(_chars.AsSpan(_length));
                int at = 0;
                for (int f = 0; f < _fields; f++)
                {
                    int end = f == _fields - 1 ? raw.Length : at + raw[at..].IndexOf(delimiter);
                    _cells[cell + (2 * f)] = _length + at;
                    _cells[cell + (2 * f) + 1] = end - at;
                    at = end + 1;
                }

                _length += raw.Length;
            }
            else
            {
                for (int f = 0; f < _fields; f++)
                {
                    var span = reader.GetFieldSpan(f);
                    Reserve(span.Length);
                    span.CopyTo(_chars.AsSpan(_length));
                    _cells[cell + (2 * f)] = _length;
                    _cells[cell + (2 * f) + 1] = span.Length;
                    _length += span.Length;
                }
            }

            _count++;
        }

        /// <summary>Done adding: the next block's buffer is sized from this one's characters per row.</summary>
        public void Complete()
        {
            if (_count > 0)
            {
                _source._charsPerRow = Math.Max(_source._charsPerRow, (_length / _count) + 8);
            }
        }

        public override void Release()
        {
            ArrayPool<char>.Shared.Return(_chars);
            ArrayPool<int>.Shared.Return(_cells);
            (_chars, _cells, _count) = ([], [], 0);
        }

        private void Reserve(int chars)
        {
            if (_length + chars > _chars.Length)
            {
                var larger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + chars));
                _chars.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<char>.Shared.Return(_chars);
                _chars = larger;
            }
        }

        private ReadOnlySpan<char> Raw(int field) => RawAt(Position, field);

        private ReadOnlySpan<char> RawAt(int row, int field)
        {
            int cell = ((row * _fields) + field) * 2;
            return _chars.AsSpan(_cells[cell], _cells[cell + 1]);
        }

        private sealed class BlockCell(Block block, string name, int index) : CellColumn(name, CellKind.Text, "text")
        {
            protected override int BlockRows => block._count;

            protected override ReadOnlySpan<char> BlockText(int row) => block.RawAt(row, index).Trim();

            public override bool IsEmpty => block.Raw(index).IsWhiteSpace();

            public override string Text => new(Span);

            public override ReadOnlySpan<char> Span => block.Raw(index).Trim();
        }
    }
}
