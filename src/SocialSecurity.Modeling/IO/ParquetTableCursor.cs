using System.Globalization;
using System.Runtime.ExceptionServices;
using Parquet;
using Parquet.Schema;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// A Parquet file read as a <see cref="TableCursor"/>, one row group in memory at a time and the next decoded ahead on
/// the thread pool (its errors raised only when the cursor reaches it). Only the columns asked for
/// are decoded. Rows are located as <c>row group g, row r (file row n)</c>, all counted from 0.
/// Supported column types: UTF-8 strings, integers of any width, booleans (as 0/1), float and double.
/// </summary>
internal sealed class ParquetTableCursor : TableCursor
{
    private readonly ParquetReader _reader;
    private readonly Dictionary<string, DataField> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<Cell> _bound = [];
    private int _group = -1;
    private int _groupRows;
    private long _groupStart;
    private int _row = -1;
    private Task<LoadedGroup>? _prefetch;
    private int _prefetchGroup = -1;

    /// <summary>The row group the cursor is in, held until it moves to the next (its blocks hold it too).</summary>
    private LoadedGroup? _current;

    /// <summary>Decoded arrays of row groups no longer read, to be filled again by the next groups (the cursor's own: nothing stays pooled after it).</summary>
    private readonly ArrayStore _store = new();

    public ParquetTableCursor(string path)
        : base(path)
    {
        try
        {
            _reader = ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
        }
        catch (Exception e) when (IsDecodingFailure(e) && e is not (FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException))
        {
            throw new DataFormatException(path, "header", $"not a readable Parquet file (not Parquet, truncated, or a damaged footer): {e.GetType().Name}: {e.Message}", e);
        }

        try
        {
            foreach (var field in _reader.Schema.GetDataFields())
            {
                _names.Add(field.Name);
                if (field.IsArray || field.Path.Length > 1)
                {
                    continue; // nested and repeated columns cannot hold population fields
                }

                _fields[field.Name] = field;
            }

            _ = _reader.CustomMetadata;
        }
        catch (Exception e) when (IsDecodingFailure(e))
        {
            _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new DataFormatException(path, "schema", $"the schema cannot be read (damaged footer): {e.GetType().Name}: {e.Message}", e);
        }
    }

    /// <summary>
    /// A failure of the Parquet library while decoding a damaged file (Thrift errors, bad lengths, null references
    /// from broken metadata, …): anything but our own errors, cancellation and running out of memory.
    /// </summary>
    internal static bool IsDecodingFailure(Exception e) => e is not (DataFormatException or OperationCanceledException or OutOfMemoryException);

    public override IReadOnlyList<string> ColumnNames => _names;

    public override string HeaderLocation => "schema";

    public override string? DeclaredColumnDefinitions
        => _reader.CustomMetadata.TryGetValue(PopulationParquet.ColumnDefinitionsKey, out var json) && json.Length > 0 ? json : null;

    public override IReadOnlyList<string> DeclaredExtraColumns
        => _reader.CustomMetadata.TryGetValue(PopulationParquet.ExtraColumnsKey, out var names) && names.Length > 0 ? names.Split(',') : [];

    public override string Location => $"row group {_group}, row {_row} (file row {_groupStart + _row})";

    /// <summary>The rows of the file, from its footer (a damaged footer gives the fewest rows, and the columns grow).</summary>
    public override int ExpectedRows => (int)Math.Clamp(_reader.Metadata?.NumRows ?? 0, 0, Array.MaxLength);

    /// <summary>The file's schema field named <paramref name="name"/>, or <see langword="null"/>.</summary>
    internal DataField? Field(string name) => _fields.TryGetValue(name, out var field) ? field : null;

    /// <summary>The file's reader, for a reader of whole row groups (<see cref="ParquetChunks"/>) to use before the cursor moves, or after it has finished with it.</summary>
    internal ParquetReader Reader => _reader;

    /// <summary>The current row group (from 0).</summary>
    public int RowGroup => _group;

    public override CellColumn? Column(string name)
    {
        if (!_fields.TryGetValue(name, out var field))
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        var kind = IsText(type) ? CellKind.Text
            : type == typeof(double) || type == typeof(float) ? CellKind.Real
            : type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(sbyte) || type == typeof(byte)
              || type == typeof(ushort) || type == typeof(uint) || type == typeof(bool) ? CellKind.Integer
            : throw new DataFormatException(File, $"schema, column '{name}'", $"has type {type.Name}, which no population field can hold; expected a string, an integer, a boolean, float or double");
        var cell = new Cell(this, field, kind, type);
        DropPrefetch(); // decoded without this column, and the reader is needed now
        _bound.Add(cell);
        if (_group >= 0)
        {
            using var group = OpenRowGroup(_group);
            cell.Install(cell.Load(group, _groupRows, _group));
        }

        return cell;
    }

    public override bool MoveNext()
    {
        while (_row + 1 >= _groupRows)
        {
            if (_group + 1 >= _reader.RowGroupCount)
            {
                return false;
            }

            _groupStart += _groupRows;
            _group++;
            var loaded = _prefetch is { } prefetch && _prefetchGroup == _group ? prefetch.GetAwaiter().GetResult() : LoadGroup(_group);
            _prefetch = null;
            loaded.OpenError?.Throw();
            _groupRows = loaded.Rows;
            _row = -1;
            loaded.LoadError?.Throw();
            for (int c = 0; c < _bound.Count; c++)
            {
                _bound[c].Install(loaded.Data[c]);
            }

            _current?.Drop();
            _current = loaded;

            // The next row group is decoded while this one is read: the reader is used by that task alone until then.
            if (_group + 1 < _reader.RowGroupCount)
            {
                int next = _group + 1;
                _prefetchGroup = next;
                _prefetch = Task.Run(() => LoadGroup(next));
            }
        }

        _row++;
        return true;
    }

    public override TableBlock? ReadBlock(int maxRows)
    {
        if (_row + 1 >= _groupRows)
        {
            try
            {
                if (!MoveNext())
                {
                    return null;
                }
            }
            catch (DataFormatException e)
            {
                return new Block(this, null, _group, _groupStart, 0, 0) { Failure = e };
            }

            _row--; // MoveNext went to the group's first row; the block starts there
        }

        int first = _row + 1;
        int count = Math.Min(maxRows, _groupRows - first);
        _row += count;
        return new Block(this, _current, _group, _groupStart, first, count);
    }

    /// <summary>
    /// Decodes row group <paramref name="index"/> for every bound column, without installing it; errors are kept in
    /// the result, to be raised where <see cref="MoveNext"/> would have met them (opening the group, then a column).
    /// </summary>
    private LoadedGroup LoadGroup(int index)
    {
        ParquetRowGroupReader group;
        try
        {
            group = OpenRowGroup(index);
        }
        catch (Exception e)
        {
            return new LoadedGroup(0, [], ExceptionDispatchInfo.Capture(e), null, null);
        }

        using (group)
        {
            int rows;
            try
            {
                rows = checked((int)group.RowCount);
            }
            catch (Exception e)
            {
                return new LoadedGroup(0, [], ExceptionDispatchInfo.Capture(e), null, null);
            }

            var data = new ColumnData[_bound.Count];
            try
            {
                for (int c = 0; c < data.Length; c++)
                {
                    data[c] = _bound[c].Load(group, rows, index, _store);
                }
            }
            catch (Exception e)
            {
                return new LoadedGroup(rows, data, null, ExceptionDispatchInfo.Capture(e), null);
            }

            return new LoadedGroup(rows, data, null, null, _store);
        }
    }

    /// <summary>Waits for the row group decoded ahead, if any, and forgets it (its errors too: nothing reached it).</summary>
    private void DropPrefetch()
    {
        if (_prefetch is { } prefetch)
        {
            _prefetch = null;
            prefetch.GetAwaiter().GetResult();
        }
    }

    private ParquetRowGroupReader OpenRowGroup(int index)
    {
        try
        {
            return _reader.OpenRowGroupReader(index);
        }
        catch (Exception e) when (IsDecodingFailure(e))
        {
            throw new DataFormatException(File, $"row group {index}", $"the row group cannot be read (damaged file): {e.GetType().Name}: {e.Message}", e);
        }
    }

    /// <summary>Parquet.Net reports UTF-8 string columns as <see cref="ReadOnlyMemory{T}"/> of char (or string); both are read as strings.</summary>
    private static bool IsText(Type type) => type == typeof(string) || type == typeof(ReadOnlyMemory<char>);

    public override void Dispose()
    {
        DropPrefetch();
        _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// A row group decoded for the bound columns (in binding order), or the error met opening it or decoding a column.
    /// Its holders (the cursor while it is in the group, and each block cut from it until the block is released) are
    /// counted: the last to let go gives the decoded arrays to <paramref name="Store"/>, for a later group to be decoded
    /// into. A holder that never lets go only keeps the arrays from being reused.
    /// </summary>
    private sealed record LoadedGroup(int Rows, ColumnData[] Data, ExceptionDispatchInfo? OpenError, ExceptionDispatchInfo? LoadError, ArrayStore? Store)
    {
        private int _holders = 1;

        /// <summary>A block cut from the group holds it until released.</summary>
        public void Retain() => Interlocked.Increment(ref _holders);

        /// <summary>A holder is done with the group; the last gives its arrays back.</summary>
        public void Drop()
        {
            if (Interlocked.Decrement(ref _holders) == 0 && Store is { } store)
            {
                foreach (var data in Data)
                {
                    data?.GiveBack(store);
                }
            }
        }
    }

    /// <summary>
    /// Arrays of decoded row groups that no block reads any more, by element type, taken again by later groups. They
    /// are held weakly: a full collection frees them, so the store never keeps memory a caller could need (what a
    /// streaming reader keeps reachable stays its chunk and the row groups in use), while between collections the
    /// next groups are decoded into them rather than into fresh large arrays (zeroed, page-faulted, and each one
    /// bringing the next full collection closer).
    /// </summary>
    private sealed class ArrayStore
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, System.Collections.Concurrent.ConcurrentBag<WeakReference<Array>>> _free = new();

        /// <summary>An array of at least <paramref name="rows"/> elements, reused when one is free (its old values are overwritten by the caller).</summary>
        public T[] Take<T>(int rows)
        {
            if (_free.TryGetValue(typeof(T), out var bag))
            {
                while (bag.TryTake(out var reference))
                {
                    if (reference.TryGetTarget(out var array) && array.Length >= rows)
                    {
                        return (T[])array;
                    }
                }
            }

            return GC.AllocateUninitializedArray<T>(rows);
        }

        /// <summary>Makes <paramref name="array"/> free to be taken again.</summary>
        public void Give(Array array)
        {
            if (array.Length > 0)
            {
                _free.GetOrAdd(array.GetType().GetElementType()!, _ => []).Add(new WeakReference<Array>(array));
            }
        }
    }

    /// <summary>
    /// One bound column's values for one row group, held compactly: integers and reals as one array, text as an index
    /// per row into the column's distinct values (codes repeat: about 4 bytes a row rather than a string each), nulls as
    /// one flag per row only for nullable columns. Never changed once loaded, so blocks read it on other threads.
    /// </summary>
    private sealed class ColumnData
    {
        public static readonly ColumnData Empty = new();

        public int[] TextIndex { get; set; } = [];

        public List<string> Distinct { get; init; } = [];

        public long[] Integers { get; set; } = [];

        /// <summary>The values of a byte column (codes, counts and flags as the library writes them), kept as one byte each rather than widened.</summary>
        public byte[]? Bytes { get; set; }

        public double[] Reals { get; set; } = [];

        public bool[]? Null { get; set; }

        /// <summary>Whether the integer, real, byte and text-index arrays came from the store (every value of the group's rows written).</summary>
        public bool Pooled { get; init; }

        /// <summary>Gives the pooled arrays back to <paramref name="store"/>.</summary>
        public void GiveBack(ArrayStore store)
        {
            if (!Pooled)
            {
                return;
            }

            store.Give(TextIndex);
            store.Give(Integers);
            store.Give(Reals);
            if (Bytes is { } bytes)
            {
                store.Give(bytes);
            }
        }
    }

    /// <summary>Reads one row of a <see cref="ColumnData"/>, as a <see cref="CellColumn"/>.</summary>
    private abstract class DataCell(string name, CellKind kind, string typeName) : CellColumn(name, kind, typeName)
    {
        protected abstract ColumnData Values { get; }

        protected abstract int Row { get; }

        private bool IsNull => Values.Null is { } nulls && nulls[Row];

        public override bool IsEmpty => IsNull || (Kind == CellKind.Text && Values.Distinct[Values.TextIndex[Row]].AsSpan().IsWhiteSpace());

        public override ReadOnlySpan<char> Span => Kind == CellKind.Text ? TextSpan : base.Span;

        private ReadOnlySpan<char> TextSpan => IsNull ? [] : Values.Distinct[Values.TextIndex[Row]].AsSpan().Trim();

        public override string Text => Kind switch
        {
            CellKind.Text => new string(TextSpan),
            CellKind.Integer => IsNull ? string.Empty : Integer.ToString(CultureInfo.InvariantCulture),
            _ => IsNull ? string.Empty : Values.Reals[Row].ToString("R", CultureInfo.InvariantCulture),
        };

        public override long Integer => Values.Bytes is { } bytes ? bytes[Row] : Values.Integers[Row];

        public override double Real => Values.Reals[Row];
    }

    /// <summary>Rows <c>first</c> to <c>first + count - 1</c> of one row group, read as a cursor of their own.</summary>
    private sealed class Block : TableBlock
    {
        private readonly Dictionary<string, (ColumnData Data, CellKind Kind, string TypeName)> _columns = new(StringComparer.Ordinal);
        private readonly int _group;
        private readonly long _groupStart;
        private readonly int _first;
        private readonly int _count;
        private LoadedGroup? _holds;

        public Block(ParquetTableCursor source, LoadedGroup? holds, int group, long groupStart, int first, int count)
            : base(source)
        {
            holds?.Retain();
            _holds = holds;
            foreach (var cell in source._bound)
            {
                _columns[cell.Name] = (cell.Data, cell.Kind, cell.TypeName);
            }

            (_group, _groupStart, _first, _count) = (group, groupStart, first, count);
        }

        public override int Count => _count;

        public override string Location => $"row group {_group}, row {_first + Position} (file row {_groupStart + _first + Position})";

        /// <summary>The block's rows are parsed: the row group's arrays may be reused once no block or cursor holds them.</summary>
        public override void Release() => Interlocked.Exchange(ref _holds, null)?.Drop();

        public override CellColumn? Column(string name)
            => _columns.TryGetValue(name, out var c) ? new BlockCell(this, name, c.Data, c.Kind, c.TypeName) : null;

        private sealed class BlockCell(Block block, string name, ColumnData data, CellKind kind, string typeName) : DataCell(name, kind, typeName)
        {
            protected override ColumnData Values => data;

            protected override int Row => block._first + block.Position;

            protected override int BlockRows => block._count;

            private int First => block._first;

            protected override ReadOnlySpan<char> BlockText(int row)
                => data.Null is { } nulls && nulls[First + row] ? [] : data.Distinct[data.TextIndex[First + row]].AsSpan().Trim();

            private bool AnyNull(int count) => data.Null is { } nulls && nulls.AsSpan(First, count).Contains(true);

            public override bool TryReadNumbers(Span<double> into, double scale, double min, double max, bool emptyIsZero)
            {
                if (Kind == CellKind.Text || into.Length != BlockRows)
                {
                    return base.TryReadNumbers(into, scale, min, max, emptyIsZero);
                }

                bool nulls = AnyNull(into.Length);
                if (nulls && !emptyIsZero)
                {
                    return false;
                }

                for (int r = 0; r < into.Length; r++)
                {
                    int i = First + r;
                    if (nulls && data.Null![i])
                    {
                        into[r] = 0;
                        continue;
                    }

                    double value;
                    if (Kind == CellKind.Real)
                    {
                        value = data.Reals[i];
                        if (!double.IsFinite(value))
                        {
                            return false;
                        }
                    }
                    else
                    {
                        value = data.Bytes is { } bytes ? bytes[i] : data.Integers[i];
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

            public override bool TryReadIds(Span<long> into)
            {
                if (Kind == CellKind.Text || into.Length != BlockRows)
                {
                    return base.TryReadIds(into);
                }

                if (Kind != CellKind.Integer || AnyNull(into.Length))
                {
                    return false;
                }

                if (data.Bytes is { } bytes)
                {
                    for (int r = 0; r < into.Length; r++)
                    {
                        into[r] = bytes[First + r];
                    }
                }
                else
                {
                    data.Integers.AsSpan(First, into.Length).CopyTo(into);
                }

                return true;
            }

            public override bool TryReadSmall(Span<byte> into, int min, int max, Dictionary<string, byte>? names, int empty)
            {
                if (Kind == CellKind.Text || into.Length != BlockRows)
                {
                    return base.TryReadSmall(into, min, max, names, empty);
                }

                bool nulls = AnyNull(into.Length);
                if (Kind != CellKind.Integer || (nulls && empty < 0))
                {
                    return false;
                }

                if (data.Bytes is { } bytes && !nulls)
                {
                    // Codes and counts as the library writes them: one range check a vector at a time, then a copy.
                    var slice = bytes.AsSpan(First, into.Length);
                    if (slice.IndexOfAnyExceptInRange((byte)Math.Clamp(min, 0, 255), (byte)Math.Clamp(max, 0, 255)) >= 0)
                    {
                        return false;
                    }

                    slice.CopyTo(into);
                    return true;
                }

                for (int r = 0; r < into.Length; r++)
                {
                    int i = First + r;
                    if (nulls && data.Null![i])
                    {
                        into[r] = (byte)empty;
                        continue;
                    }

                    long value = data.Bytes is { } b ? b[i] : data.Integers[i];
                    if (value < min || value > max)
                    {
                        return false;
                    }

                    into[r] = (byte)value;
                }

                return true;
            }

            public override bool TryReadRegions(Span<ushort> into, RegionCodeLookup lookup, int notGiven)
            {
                if (Kind != CellKind.Text || into.Length != BlockRows)
                {
                    return false;
                }

                // One lookup per distinct code of the row group, not per row.
                var handles = new int[data.Distinct.Count];
                handles.AsSpan().Fill(-1);
                for (int r = 0; r < into.Length; r++)
                {
                    int i = First + r;
                    int index = data.TextIndex[i];
                    if (data.Null is { } isNull && isNull[i])
                    {
                        if (notGiven < 0)
                        {
                            return false;
                        }

                        into[r] = (ushort)notGiven;
                        continue;
                    }

                    if (handles[index] < 0)
                    {
                        var code = data.Distinct[index].AsSpan().Trim();
                        if (code.IsEmpty)
                        {
                            if (notGiven < 0)
                            {
                                return false;
                            }

                            handles[index] = notGiven;
                        }
                        else if (lookup.TryGet(code, out ushort handle))
                        {
                            handles[index] = handle;
                        }
                        else
                        {
                            return false;
                        }
                    }

                    into[r] = (ushort)handles[index];
                }

                return true;
            }
        }
    }

    /// <summary>One bound column, read at the cursor's row of the row group loaded last.</summary>
    private sealed class Cell(ParquetTableCursor cursor, DataField field, CellKind kind, Type type)
        : DataCell(field.Name, kind, IsText(type) ? "string" : type.Name)
    {
        private readonly Dictionary<string, int> _distinctIndex = new(StringComparer.Ordinal);
        private ColumnData _data = ColumnData.Empty;
        private int[] _textIndex = [];
        private List<string> _distinct = [];
        private long[] _integers = [];
        private double[] _reals = [];
        private byte[]? _bytes;
        private bool[]? _null;

        /// <summary>The values of the row group loaded last.</summary>
        public ColumnData Data => _data;

        protected override ColumnData Values => _data;

        protected override int Row => cursor._row;

        /// <summary>Makes <paramref name="data"/> the column's values (the row group moved to).</summary>
        public void Install(ColumnData data) => _data = data;

        /// <summary>Decodes the column's values in row group <paramref name="index"/> (one load at a time per cursor: the scratch state is the cell's).</summary>
        public ColumnData Load(ParquetRowGroupReader group, int rows, int index, ArrayStore? store = null)
        {
            bool pooled = store is not null && !field.IsNullable;
            _null = field.IsNullable ? new bool[rows] : null;
            _distinct = [];
            _distinctIndex.Clear();
            _textIndex = [];
            _integers = [];
            _reals = [];
            _bytes = null;
            ParquetValueCount.Check(group, field, rows, cursor.File, index);
            try
            {
                if (type == typeof(string))
                {
                    var text = new string?[rows];
                    group.ReadAsync(field, text.AsMemory()).AsTask().GetAwaiter().GetResult();
                    _textIndex = pooled ? store!.Take<int>(rows) : new int[rows];
                    string? previous = null;
                    int previousIndex = -1;
                    for (int i = 0; i < rows; i++)
                    {
                        if (text[i] is null)
                        {
                            _null ??= new bool[rows];
                            _null[i] = true;
                        }

                        // Dictionary-encoded columns give the same string object for a repeated value: no lookup then.
                        _textIndex[i] = previousIndex >= 0 && ReferenceEquals(text[i], previous) ? previousIndex : Distinct((text[i] ?? string.Empty).AsSpan());
                        (previous, previousIndex) = (text[i], _textIndex[i]);
                    }
                }
                else if (IsText(type))
                {
                    var text = Read<ReadOnlyMemory<char>, ReadOnlyMemory<char>>(group, rows, v => v);
                    _textIndex = pooled ? store!.Take<int>(rows) : new int[rows];
                    for (int i = 0; i < rows; i++)
                    {
                        // Codes repeat row after row: compare with the row before before looking the value up.
                        _textIndex[i] = i > 0 && text[i].Span.SequenceEqual(text[i - 1].Span) ? _textIndex[i - 1] : Distinct(text[i].Span);
                    }
                }
                else if (type == typeof(double))
                {
                    _reals = field.IsNullable ? Read<double>(group, rows, v => v) : ReadAsIs<double>(group, rows, store);
                }
                else if (type == typeof(float))
                {
                    _reals = Read<float>(group, rows, v => v);
                }
                else if (type == typeof(long))
                {
                    _integers = field.IsNullable ? Read<long>(group, rows, v => v) : ReadAsIs<long>(group, rows, store);
                }
                else if (type == typeof(int))
                {
                    _integers = Read<int>(group, rows, v => v);
                }
                else if (type == typeof(short))
                {
                    _integers = Read<short>(group, rows, v => v);
                }
                else if (type == typeof(sbyte))
                {
                    _integers = Read<sbyte>(group, rows, v => v);
                }
                else if (type == typeof(byte) && !field.IsNullable)
                {
                    _bytes = ReadAsIs<byte>(group, rows, store);
                }
                else if (type == typeof(byte))
                {
                    _integers = Read<byte>(group, rows, v => v);
                }
                else if (type == typeof(ushort))
                {
                    _integers = Read<ushort>(group, rows, v => v);
                }
                else if (type == typeof(uint))
                {
                    _integers = Read<uint>(group, rows, v => v);
                }
                else
                {
                    _integers = Read<bool>(group, rows, v => v ? 1 : 0);
                }
            }
            catch (Exception e) when (IsDecodingFailure(e))
            {
                throw new DataFormatException(cursor.File, $"row group {index}, column '{Name}'", $"the column cannot be read (damaged data pages?): {e.GetType().Name}: {e.Message}", e);
            }

            return new ColumnData { TextIndex = _textIndex, Distinct = _distinct, Integers = _integers, Bytes = _bytes, Reals = _reals, Null = _null, Pooled = pooled };
        }

        /// <summary>The index of <paramref name="value"/> among the column's distinct values of this row group, added when new.</summary>
        private int Distinct(ReadOnlySpan<char> value)
        {
            var lookup = _distinctIndex.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(value, out int index))
            {
                index = _distinct.Count;
                var text = new string(value);
                _distinct.Add(text);
                _distinctIndex[text] = index;
            }

            return index;
        }

        private TOut[] Read<T, TOut>(ParquetRowGroupReader group, int rows, Func<T, TOut> convert)
            where T : struct
        {
            var result = new TOut[rows];
            if (field.IsNullable)
            {
                var values = new T?[rows];
                group.ReadAsync(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
                for (int i = 0; i < rows; i++)
                {
                    _null![i] = !values[i].HasValue;
                    result[i] = values[i].HasValue ? convert(values[i]!.Value) : default!;
                }
            }
            else
            {
                var values = new T[rows];
                group.ReadAsync(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
                for (int i = 0; i < rows; i++)
                {
                    result[i] = convert(values[i]);
                }
            }

            return result;
        }

        /// <summary>A non-nullable column whose values need no conversion, read straight into the array kept (one of <paramref name="store"/>'s when given: its first <paramref name="rows"/> values are written).</summary>
        private T[] ReadAsIs<T>(ParquetRowGroupReader group, int rows, ArrayStore? store)
            where T : struct
        {
            var values = store is not null ? store.Take<T>(rows) : new T[rows];
            group.ReadAsync(field, values.AsMemory(0, rows)).AsTask().GetAwaiter().GetResult();
            return values;
        }

        private double[] Read<T>(ParquetRowGroupReader group, int rows, Func<T, double> convert)
            where T : struct => Read<T, double>(group, rows, convert);

        private long[] Read<T>(ParquetRowGroupReader group, int rows, Func<T, long> convert)
            where T : struct => Read<T, long>(group, rows, convert);
    }
}
