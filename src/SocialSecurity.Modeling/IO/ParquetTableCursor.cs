using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// A Parquet file read as a <see cref="TableCursor"/>, one row group in memory at a time. Only the columns asked for
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
        _bound.Add(cell);
        if (_group >= 0)
        {
            using var group = OpenRowGroup(_group);
            cell.Load(group, _groupRows);
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
            using var group = OpenRowGroup(_group);
            _groupRows = checked((int)group.RowCount);
            _row = -1;
            foreach (var cell in _bound)
            {
                cell.Load(group, _groupRows);
            }
        }

        _row++;
        return true;
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

    public override void Dispose() => _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// One bound column's values for the current row group, held compactly: integers and reals as one array, text as
    /// an index per row into the column's distinct values (codes repeat: about 4 bytes a row rather than a string
    /// each), nulls as one flag per row only for nullable columns.
    /// </summary>
    private sealed class Cell(ParquetTableCursor cursor, DataField field, CellKind kind, Type type)
        : CellColumn(field.Name, kind, IsText(type) ? "string" : type.Name)
    {
        private int[] _textIndex = [];
        private readonly List<string> _distinct = [];
        private readonly Dictionary<string, int> _distinctIndex = new(StringComparer.Ordinal);
        private long[] _integers = [];
        private double[] _reals = [];
        private bool[]? _null;

        private bool IsNull => _null is not null && _null[cursor._row];

        public override bool IsEmpty => IsNull || (Kind == CellKind.Text && _distinct[_textIndex[cursor._row]].AsSpan().IsWhiteSpace());

        public override ReadOnlySpan<char> Span => Kind == CellKind.Text ? TextSpan : base.Span;

        private ReadOnlySpan<char> TextSpan => IsNull ? [] : _distinct[_textIndex[cursor._row]].AsSpan().Trim();

        public override string Text => Kind switch
        {
            CellKind.Text => new string(TextSpan),
            CellKind.Integer => IsNull ? string.Empty : _integers[cursor._row].ToString(CultureInfo.InvariantCulture),
            _ => IsNull ? string.Empty : _reals[cursor._row].ToString("R", CultureInfo.InvariantCulture),
        };

        public override long Integer => _integers[cursor._row];

        public override double Real => _reals[cursor._row];

        public void Load(ParquetRowGroupReader group, int rows)
        {
            _null = field.IsNullable ? new bool[rows] : null;
            _distinct.Clear();
            _distinctIndex.Clear();
            try
            {
                if (type == typeof(string))
                {
                    var text = new string?[rows];
                    group.ReadAsync(field, text.AsMemory()).AsTask().GetAwaiter().GetResult();
                    _textIndex = new int[rows];
                    for (int i = 0; i < rows; i++)
                    {
                        if (text[i] is null)
                        {
                            _null ??= new bool[rows];
                            _null[i] = true;
                        }

                        _textIndex[i] = Distinct((text[i] ?? string.Empty).AsSpan());
                    }
                }
                else if (IsText(type))
                {
                    var text = Read<ReadOnlyMemory<char>, ReadOnlyMemory<char>>(group, rows, v => v);
                    _textIndex = new int[rows];
                    for (int i = 0; i < rows; i++)
                    {
                        _textIndex[i] = Distinct(text[i].Span);
                    }
                }
                else if (type == typeof(double))
                {
                    _reals = Read<double>(group, rows, v => v);
                }
                else if (type == typeof(float))
                {
                    _reals = Read<float>(group, rows, v => v);
                }
                else if (type == typeof(long))
                {
                    _integers = Read<long>(group, rows, v => v);
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
                throw new DataFormatException(cursor.File, $"row group {cursor._group}, column '{Name}'", $"the column cannot be read (damaged data pages?): {e.GetType().Name}: {e.Message}", e);
            }
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

        private double[] Read<T>(ParquetRowGroupReader group, int rows, Func<T, double> convert)
            where T : struct => Read<T, double>(group, rows, convert);

        private long[] Read<T>(ParquetRowGroupReader group, int rows, Func<T, long> convert)
            where T : struct => Read<T, long>(group, rows, convert);
    }
}
