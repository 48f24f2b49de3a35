using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// The fast path for CSV files: the file is read as UTF-8 bytes in large blocks cut at line feeds, and each block is
/// split into fields and parsed where its cells are parsed (on the thread pool, a column at a time, see
/// <see cref="RecordStream"/>) straight from the bytes, with no decoding to characters and no string per cell. It
/// reads only lines it can read exactly as <see cref="CsvTableCursor"/> (the general path) reads them: lines ended by
/// LF with no quote, no carriage return and no NUL, where the general parser's records are the lines and its fields
/// the bytes between delimiters. A file whose header (or a line before it) has any of these, or that starts with a
/// UTF-16 or UTF-32 byte order mark, is read by the general path from the start; a later block that has one is read,
/// with the rest of the file, by a general cursor that reads the file from its start past the rows already given (so
/// that its parser is in the state it would have been in). The rows, values and errors are the general path's by
/// construction: a cell the byte parsers do not take exactly (anything not ASCII, a malformed number, an unknown code)
/// makes the block be read row by row from its cells as characters, decoded as the general path decodes the file,
/// which raises the general path's error; a record with the wrong number of fields is raised with the general path's
/// message, row and line.
/// </summary>
internal sealed class Utf8CsvTableCursor : TableCursor
{
    /// <summary>The longest line the fast path reads; a longer one is left, with the rest of the file, to the general path (which has its own limit).</summary>
    internal const int MaxLineBytes = 1 << 20;

    /// <summary>The largest block, in bytes (blank lines could otherwise make one grow without end): the general path reads on from there.</summary>
    private const int MaxBlockBytes = 1 << 28;

    /// <summary>The bytes read from the file at a time, at least.</summary>
    private const int ReadBytes = 1 << 16;

    /// <summary>
    /// The bytes of whole lines a block holds, at most (one line at least): 256 KB, so that a block's text and its
    /// field starts stay in a core's cache while the column-at-a-time parsers pass over it once per column (about 45
    /// passes for a person file). Blocks of the stream's rows (8,192) were 2–3 MB of text, read from memory on each pass.
    /// </summary>
    internal const int DefaultBlockBytes = 1 << 18;

    private readonly FileStream _stream;
    private readonly char _delimiter;
    private readonly List<string> _names;
    private readonly Dictionary<string, int> _index;

    /// <summary>Bytes read past the last whole line given to a block (the start of the next block).</summary>
    private byte[] _carry;
    private int _carryLength;

    /// <summary>The file offset of <see cref="_carry"/>'s first byte.</summary>
    private long _offset;

    /// <summary>The data rows given to blocks so far.</summary>
    private int _row;

    /// <summary>The line number of <see cref="_carry"/>'s first byte (from 1).</summary>
    private long _line;

    private readonly long _fileLength;
    private readonly int _blockBytes;
    private bool _endOfFile;
    private int _bytesPerRow;

    /// <summary>The general path reading the rest of the file, once a block needed it.</summary>
    private CsvTableCursor? _general;

    private Utf8CsvTableCursor(string path, char delimiter, int blockBytes, FileStream stream, List<string> names, Dictionary<string, int> index, byte[] carry, int carryLength, long offset, long line, bool endOfFile)
        : base(path)
    {
        (_stream, _delimiter, _blockBytes, _names, _index) = (stream, delimiter, Math.Max(1, blockBytes), names, index);
        (_carry, _carryLength, _offset, _line, _endOfFile) = (carry, carryLength, offset, line, endOfFile);
        _bytesPerRow = Math.Max(16, (int)Math.Min(4096, offset));
        _fileLength = stream.Length;
    }

    /// <summary>
    /// Opens a CSV file on the fast path when its header allows (a UTF-8 file, or one without byte order mark, whose
    /// header line has no quote and no lone carriage return, and a delimiter that is an ASCII character other than a
    /// quote or a line break); otherwise a <see cref="CsvTableCursor"/> reads it. A block holds whole lines of at most
    /// <paramref name="blockBytes"/> bytes (<see cref="DefaultBlockBytes"/>; one line at least), and at most the rows asked for.
    /// </summary>
    public static TableCursor Open(string path, char delimiter, int blockBytes = DefaultBlockBytes)
    {
        if (delimiter is >= (char)0x80 or '"' or '\r' or '\n')
        {
            return new CsvTableCursor(path, delimiter);
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        try
        {
            return (TableCursor?)TryHeader(path, delimiter, blockBytes, stream) ?? General(path, delimiter, stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static CsvTableCursor General(string path, char delimiter, FileStream stream)
    {
        stream.Dispose();
        return new CsvTableCursor(path, delimiter);
    }

    /// <summary>Reads the header line; <see langword="null"/> when the general path must read the file (see <see cref="Open"/>).</summary>
    private static Utf8CsvTableCursor? TryHeader(string path, char delimiter, int blockBytes, FileStream stream)
    {
        var buffer = new byte[ReadBytes];
        int length = stream.ReadAtLeast(buffer, 4, throwOnEndOfStream: false);
        bool endOfFile = length < 4;
        int start = 0;
        long line = 1;
        if (!SkipByteOrderMark(buffer.AsSpan(0, length), ref start))
        {
            return null;
        }

        while (true)
        {
            int newline = buffer.AsSpan(start, length - start).IndexOf((byte)'\n');
            if (newline < 0)
            {
                if (endOfFile)
                {
                    if (start == length)
                    {
                        return null; // no header: the general path says the file is empty
                    }

                    newline = length - start; // the header is the last line, without a line end
                }
                else
                {
                    if (length == buffer.Length)
                    {
                        if (buffer.Length >= MaxLineBytes)
                        {
                            return null;
                        }

                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    int read = stream.Read(buffer, length, buffer.Length - length);
                    endOfFile = read == 0;
                    length += read;
                    continue;
                }
            }

            var content = buffer.AsSpan(start, newline);
            if (!FastLines(content))
            {
                return null;
            }

            start += Math.Min(newline + 1, length - start);
            line++;
            if (content.IsEmpty)
            {
                continue; // a blank line before the header
            }

            var names = new List<string>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var header = Encoding.UTF8.GetString(content);
            foreach (var range in header.AsSpan().Split(delimiter))
            {
                CsvTableCursor.AddColumn(path, header.AsSpan()[range], names, index);
            }

            var carry = new byte[Math.Max(ReadBytes, length - start)];
            buffer.AsSpan(start, length - start).CopyTo(carry);
            return new Utf8CsvTableCursor(path, delimiter, blockBytes, stream, names, index, carry, length - start, start, line, endOfFile);
        }
    }

    /// <summary>Skips a UTF-8 byte order mark; false for a UTF-16 or UTF-32 one (the general path's reader decodes those).</summary>
    private static bool SkipByteOrderMark(ReadOnlySpan<byte> buffer, ref int start)
    {
        if (buffer is [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..] or [0x00, 0x00, 0xFE, 0xFF, ..])
        {
            return false;
        }

        if (buffer is [0xEF, 0xBB, 0xBF, ..])
        {
            start = 3;
        }

        return true;
    }

    /// <summary>The ASCII characters <see cref="char.IsWhiteSpace(char)"/> accepts: tab to carriage return, and space.</summary>
    internal static bool IsSpace(byte b) => b == ' ' || (uint)(b - '\t') <= '\r' - '\t';

    public override IReadOnlyList<string> ColumnNames => _names;

    public override string HeaderLocation => "row 0";

    /// <summary>An estimate from the bytes read so far (with 3% to spare), as <see cref="CsvTableCursor.ExpectedRows"/>.</summary>
    public override int ExpectedRows
    {
        get
        {
            if (_general is { } general)
            {
                return general.ExpectedRows;
            }

            long read = Volatile.Read(ref _offset), rows = Volatile.Read(ref _row);
            return rows < 64 || read <= 0 ? 1024 : (int)Math.Min(Array.MaxLength, (rows * (double)_fileLength / read * 1.03) + 1024);
        }
    }

    public override string Location => _general?.Location ?? $"row {_row}";

    /// <summary>The column as bound when a reader is built; its cells are read through blocks.</summary>
    public override CellColumn? Column(string name) => _index.ContainsKey(name) ? new HeaderColumn(name) : null;

    public override bool MoveNext() => throw new NotSupportedException("The fast CSV path is read a block at a time.");

    public override void Dispose()
    {
        _stream.Dispose();
        _general?.Dispose();
    }

    public override TableBlock? ReadBlock(int maxRows)
    {
        if (_general is { } general)
        {
            return general.ReadBlock(maxRows);
        }

        int estimate = (int)Math.Min(_blockBytes, (long)maxRows * _bytesPerRow);
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(estimate, _carryLength + ReadBytes));
        var starts = ArrayPool<int>.Shared.Rent(Math.Min(maxRows, 1 << 20) + 1);
        var ends = ArrayPool<int>.Shared.Rent(starts.Length);
        _carry.AsSpan(0, _carryLength).CopyTo(bytes);
        int length = _carryLength, at = 0, rows = 0, lines = 0;
        while (rows < maxRows && (rows == 0 || at < _blockBytes))
        {
            int newline = bytes.AsSpan(at, length - at).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                if (newline > 0)
                {
                    Add(ref starts, ref ends, rows++, at, at + newline);
                }

                at += newline + 1;
                lines++;
                continue;
            }

            if (_endOfFile)
            {
                if (at < length)
                {
                    // The last line, without a line end.
                    Add(ref starts, ref ends, rows++, at, length);
                    at = length;
                }

                break;
            }

            if (length - at >= MaxLineBytes || length >= MaxBlockBytes)
            {
                return Hand(bytes, starts, ends, maxRows);
            }

            if (length == bytes.Length)
            {
                if (rows > 0)
                {
                    break; // the block is full: the partial line is the next block's
                }

                var larger = ArrayPool<byte>.Shared.Rent(bytes.Length * 2);
                bytes.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(bytes);
                bytes = larger;
            }

            int read = _stream.Read(bytes, length, bytes.Length - length);
            _endOfFile = read == 0;
            length += read;
        }

        if (!FastLines(bytes.AsSpan(0, at)))
        {
            return Hand(bytes, starts, ends, maxRows);
        }

        // The partial line after the block is the next block's start.
        int rest = length - at;
        if (rest > _carry.Length)
        {
            _carry = new byte[rest];
        }

        bytes.AsSpan(at, rest).CopyTo(_carry);
        _carryLength = rest;
        var block = new Block(this, bytes, starts, ends, rows, _row + 1, _line);
        _row += rows;
        _line += lines;
        Volatile.Write(ref _offset, _offset + at);
        if (rows > 0)
        {
            _bytesPerRow = (at / rows) + (at / rows / 8) + 16; // the next block's buffer: this block's bytes per row, and an eighth to spare
            return block;
        }

        block.Release();
        return null;
    }

    /// <summary>
    /// Whether lines cut at line feeds are the general parser's records and fields the bytes between delimiters: no
    /// quote, no carriage return (the general parser takes its line ends from the file's first one, so a CRLF or CR
    /// file is read there, and a carriage return within an LF file is data), and no NUL (its "no comment" mark).
    /// </summary>
    private static bool FastLines(ReadOnlySpan<byte> bytes) => bytes.IndexOfAny((byte)'"', (byte)'\r', (byte)0) < 0;

    private static void Add(ref int[] starts, ref int[] ends, int row, int start, int end)
    {
        if (row + 1 >= starts.Length)
        {
            Grow(ref starts, row);
            Grow(ref ends, row);
        }

        starts[row] = start;
        ends[row] = end;
    }

    private static void Grow(ref int[] array, int used)
    {
        var larger = ArrayPool<int>.Shared.Rent(array.Length * 2);
        array.AsSpan(0, used).CopyTo(larger);
        ArrayPool<int>.Shared.Return(array);
        array = larger;
    }

    /// <summary>
    /// Hands the rest of the file to the general path: a general cursor reads the file from its start, as it would
    /// have, past the rows already given, and reads this block there (so its parser is in the state it would be in).
    /// </summary>
    private TableBlock? Hand(byte[] bytes, int[] starts, int[] ends, int maxRows)
    {
        ArrayPool<byte>.Shared.Return(bytes);
        ArrayPool<int>.Shared.Return(starts);
        ArrayPool<int>.Shared.Return(ends);
        _stream.Dispose();
        _general = new CsvTableCursor(File, _delimiter, skipRows: _row);
        return _general.ReadBlock(maxRows);
    }

    /// <summary>A column bound by name to the cursor (not to a row): readers are built on the cursor, then bound to each block.</summary>
    private sealed class HeaderColumn(string name) : CellColumn(name, CellKind.Text, "text")
    {
        public override bool IsEmpty => throw NotPositioned();

        public override string Text => throw NotPositioned();

        private static InvalidOperationException NotPositioned() => new("The fast CSV path is read a block at a time.");
    }

    /// <summary>
    /// Whole lines of the file as bytes (from the shared pool), with each row's start and end (line end excluded;
    /// blank lines are not rows). Split into fields when first read, on the thread that parses the block; a row
    /// with the wrong number of fields then ends the block with the general path's error for it. The cells are read
    /// as bytes by the column-at-a-time parsers, and as characters (decoded once, when first asked) by the row-by-row
    /// reader.
    /// </summary>
    private sealed class Block : TableBlock
    {
        private readonly Utf8CsvTableCursor _source;
        private readonly int _firstRow;
        private readonly long _firstLine;
        private readonly int _fields;
        private readonly object _gate = new();
        private byte[] _bytes;
        private int[] _starts;
        private int[] _ends;
        private int _count;

        /// <summary>For each row, the start of each field and, last, the row's end + 1 (so field f ends before start f + 1's delimiter).</summary>
        private int[]? _cells;

        /// <summary>The cells as characters, for the row-by-row reader: for each row and field, its start and length in <see cref="_chars"/>.</summary>
        private char[]? _chars;
        private int[]? _charCells;

        public Block(Utf8CsvTableCursor source, byte[] bytes, int[] starts, int[] ends, int count, int firstRow, long firstLine)
            : base(source)
        {
            (_source, _bytes, _starts, _ends, _count, _firstRow, _firstLine) = (source, bytes, starts, ends, count, firstRow, firstLine);
            _fields = source._names.Count;
        }

        public override int Count
        {
            get
            {
                Split();
                return _count;
            }
        }

        public override string Location => $"row {_firstRow + Position}";

        public override CellColumn? Column(string name) => _source._index.TryGetValue(name, out var i) ? new BlockCell(this, name, i) : null;

        public override void Release()
        {
            lock (_gate)
            {
                ArrayPool<byte>.Shared.Return(_bytes);
                ArrayPool<int>.Shared.Return(_starts);
                ArrayPool<int>.Shared.Return(_ends);
                if (_cells is not null)
                {
                    ArrayPool<int>.Shared.Return(_cells);
                }

                (_bytes, _starts, _ends, _cells, _chars, _charCells, _count) = ([], [], [], [], null, null, 0);
            }
        }

        /// <summary>Finds each row's fields (once); a row with more or fewer fields than the header ends the block there, with the general path's error.</summary>
        private void Split()
        {
            if (Volatile.Read(ref _cells) is not null)
            {
                return;
            }

            lock (_gate)
            {
                if (_cells is not null)
                {
                    return;
                }

                int stride = _fields + 1;
                var cells = ArrayPool<int>.Shared.Rent(Math.Max(1, _count * stride));
                byte delimiter = (byte)_source._delimiter;
                for (int r = 0; r < _count; r++)
                {
                    int start = _starts[r], end = _ends[r], cell = r * stride;
                    cells[cell] = start;
                    int delimiters = FieldStarts(_bytes.AsSpan(start, end - start), delimiter, cells.AsSpan(cell + 1, _fields), start);
                    if (delimiters != _fields - 1)
                    {
                        long line = _firstLine + _bytes.AsSpan(0, start).Count((byte)'\n');
                        Failure = CsvTableCursor.FieldCountError(File, _firstRow + r, line, delimiters + 1, _fields);
                        _count = r;
                        break;
                    }

                    cells[cell + _fields] = end + 1;
                }

                Volatile.Write(ref _cells, cells);
            }
        }

        /// <summary>
        /// Counts the delimiters of <paramref name="line"/> (which starts at <paramref name="offset"/> in the block),
        /// writing the start of the field after each into <paramref name="starts"/> while there is room: a vector of
        /// bytes compared at a time, each match taken from the mask.
        /// </summary>
        private static int FieldStarts(ReadOnlySpan<byte> line, byte delimiter, Span<int> starts, int offset)
        {
            int found = 0, at = 0;
            ref byte first = ref MemoryMarshal.GetReference(line);
            if (Vector256.IsHardwareAccelerated)
            {
                var delimiters = Vector256.Create(delimiter);
                for (; at + Vector256<byte>.Count <= line.Length; at += Vector256<byte>.Count)
                {
                    uint mask = Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)at), delimiters).ExtractMostSignificantBits();
                    for (; mask != 0; mask &= mask - 1)
                    {
                        if (found < starts.Length)
                        {
                            starts[found] = offset + at + BitOperations.TrailingZeroCount(mask) + 1;
                        }

                        found++;
                    }
                }
            }

            for (; at < line.Length; at++)
            {
                if (line[at] == delimiter)
                {
                    if (found < starts.Length)
                    {
                        starts[found] = offset + at + 1;
                    }

                    found++;
                }
            }

            return found;
        }

        /// <summary>The raw bytes of a cell (untrimmed).</summary>
        private ReadOnlySpan<byte> Bytes(int row, int field)
        {
            int cell = (row * (_fields + 1)) + field;
            return _bytes.AsSpan(_cells![cell], _cells[cell + 1] - _cells[cell] - 1);
        }

        /// <summary>The characters of a cell (untrimmed), decoded from UTF-8 as the general path's reader decodes the file.</summary>
        private ReadOnlySpan<char> Chars(int row, int field)
        {
            if (_charCells is null)
            {
                Decode();
            }

            int cell = 2 * ((row * _fields) + field);
            return _chars.AsSpan(_charCells![cell], _charCells[cell + 1]);
        }

        /// <summary>Decodes every cell once (the row-by-row reader is the slow path: an error, or a mapping that recodes values).</summary>
        private void Decode()
        {
            Split();
            var chars = new char[Encoding.UTF8.GetMaxCharCount(_count == 0 ? 0 : _ends[_count - 1])];
            var cells = new int[2 * _count * _fields];
            int at = 0;
            for (int r = 0; r < _count; r++)
            {
                for (int f = 0; f < _fields; f++)
                {
                    int written = Encoding.UTF8.GetChars(Bytes(r, f), chars.AsSpan(at));
                    cells[2 * ((r * _fields) + f)] = at;
                    cells[(2 * ((r * _fields) + f)) + 1] = written;
                    at += written;
                }
            }

            (_chars, _charCells) = (chars, cells);
        }

        /// <summary>A cell trimmed of white space (ASCII white space: other white space makes the byte parsers fail, and the characters are then read).</summary>
        private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> cell)
        {
            int start = 0, end = cell.Length;
            while (start < end && IsSpace(cell[start]))
            {
                start++;
            }

            while (end > start && IsSpace(cell[end - 1]))
            {
                end--;
            }

            return cell[start..end];
        }

        /// <summary>One column's cells as bytes, the block's arrays held in the struct (so the column loop does not read them from the block at each cell).</summary>
        private readonly struct ByteCells(Block block, int field) : IBlockTexts<byte>
        {
            private readonly byte[] _bytes = block._bytes;
            private readonly int[] _cells = block._cells!;
            private readonly int _stride = block._fields + 1;

            public ReadOnlySpan<byte> Cell(int row)
            {
                int cell = (row * _stride) + field;
                int start = _cells[cell];
                return Trim(_bytes.AsSpan(start, _cells[cell + 1] - start - 1));
            }
        }

        private sealed class BlockCell(Block block, string name, int index) : CellColumn(name, CellKind.Text, "text")
        {
            protected override int BlockRows => block.Count;

            public override bool IsEmpty => block.Chars(block.Position, index).IsWhiteSpace();

            public override string Text => new(Span);

            public override ReadOnlySpan<char> Span => block.Chars(block.Position, index).Trim();

            protected override ReadOnlySpan<char> BlockText(int row) => block.Chars(row, index).Trim();

            public override bool TryReadNumbers(Span<double> into, double scale, double min, double max, bool emptyIsZero)
                => into.Length == BlockRows && ReadNumbers<ByteCells, byte>(new ByteCells(block, index), into, scale, min, max, emptyIsZero);

            public override bool TryReadIds(Span<long> into)
                => into.Length == BlockRows && ReadIds<ByteCells, byte>(new ByteCells(block, index), into);

            public override bool TryReadSmall(Span<byte> into, int min, int max, Dictionary<string, byte>? names, int empty)
                => into.Length == BlockRows && ReadSmall<ByteCells, byte>(new ByteCells(block, index), into, min, max, names, empty);

            public override bool TryReadRegions(Span<ushort> into, RegionCodeLookup lookup, int notGiven)
                => into.Length == BlockRows && ReadRegions<ByteCells, byte>(new ByteCells(block, index), into, lookup, notGiven);
        }
    }
}
