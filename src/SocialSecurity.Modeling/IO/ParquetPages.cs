using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Parquet.Meta;
using Parquet.Schema;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// A decoder of exactly the column chunks <see cref="PopulationParquet.Write"/> writes: flat required columns in
/// version-1 data pages, PLAIN-encoded, uncompressed or Snappy-compressed, of physical type INT64 (ids), DOUBLE
/// (amounts), INT32 holding one-byte codes and counts, or BYTE_ARRAY holding ASCII region codes. Fixed-width values
/// are decompressed straight into their slice of the population's arrays (PLAIN is their little-endian layout), so a
/// value is touched once; no per-page objects, streams or tasks. Anything else — another encoding, codec or page
/// kind, a checksum, a size that does not add up, a byte value above 255, a code not plain ASCII or not in the
/// catalogue, any damage — makes a read return <see langword="false"/>, and the caller reads that column through
/// Parquet.Net as before: this decoder never decides what a file means, it only takes the files whose meaning is
/// beyond doubt. One per file and thread (it owns its file handle and buffers).
/// </summary>
internal sealed class ParquetPages : IDisposable
{
    private readonly SafeFileHandle _file;
    private readonly long _length;
    private readonly FileMetaData _metadata;
    private byte[] _chunk = [];
    private byte[] _scratch = [];

    /// <summary>The data pages of the chunk last checked by <see cref="TryPages"/>: where each page's compressed body is in <see cref="_chunk"/>, its sizes and values.</summary>
    private readonly PageList _pages = new();

    public ParquetPages(string path, FileMetaData metadata)
    {
        _file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        _length = RandomAccess.GetLength(_file);
        _metadata = metadata;
    }

    public void Dispose() => _file.Dispose();

    /// <summary>Reads column <paramref name="field"/> of row group <paramref name="group"/> into <paramref name="into"/> (every row of the group): int64 ids.</summary>
    public bool TryRead(int group, DataField field, Span<long> into) => TryReadFixed(group, field, Parquet.Meta.Type.INT64, MemoryMarshal.AsBytes(into), sizeof(long));

    /// <summary>Reads column <paramref name="field"/> of row group <paramref name="group"/> into <paramref name="into"/>: doubles, every bit as written.</summary>
    public bool TryRead(int group, DataField field, Span<double> into) => TryReadFixed(group, field, Parquet.Meta.Type.DOUBLE, MemoryMarshal.AsBytes(into), sizeof(double));

    /// <summary>Reads column <paramref name="field"/> of row group <paramref name="group"/> into <paramref name="into"/>: int32 values that must each be 0–255 (false otherwise).</summary>
    public bool TryRead(int group, DataField field, Span<byte> into)
    {
        int count = into.Length;
        if (count > Array.MaxLength / sizeof(int) || !TryPages(group, field, Parquet.Meta.Type.INT32, count))
        {
            return false;
        }

        var values = MemoryMarshal.Cast<byte, int>(Scratch(count * sizeof(int)).AsSpan(0, count * sizeof(int)));
        if (!TryValues(MemoryMarshal.AsBytes(values), sizeof(int), count))
        {
            return false;
        }

        // One test for the whole column (no value above 255, none negative), then a narrowing copy.
        if (MemoryMarshal.Cast<int, uint>(values).IndexOfAnyExceptInRange(0u, 255u) >= 0)
        {
            return false;
        }

        for (int i = 0; i < count; i++)
        {
            into[i] = (byte)values[i];
        }

        return true;
    }

    /// <summary>
    /// Reads a column of region codes as catalogue handles: each code (length-prefixed bytes) must be printable
    /// ASCII with no spaces and in the catalogue, looked up when it differs from the row before; false otherwise
    /// (the caller's own reading then decides, empty and padded codes included).
    /// </summary>
    public bool TryReadRegions(int group, DataField field, Span<ushort> into, RegionCodeLookup regions)
    {
        int count = into.Length;
        if (!TryPages(group, field, Parquet.Meta.Type.BYTE_ARRAY, count))
        {
            return false;
        }

        int size = _pages.Sum;
        var bytes = Scratch(size).AsSpan(0, size);
        if (!TryValues(bytes, 0, count))
        {
            return false;
        }

        var previous = ReadOnlySpan<byte>.Empty;
        ushort handle = 0;
        int at = 0;
        for (int i = 0; i < count; i++)
        {
            if (bytes.Length - at < sizeof(int))
            {
                return false;
            }

            int length = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
            at += sizeof(int);
            if (length <= 0 || length > bytes.Length - at)
            {
                return false;
            }

            var code = bytes.Slice(at, length);
            at += length;
            if (!code.SequenceEqual(previous))
            {
                if (code.IndexOfAnyExceptInRange((byte)'!', (byte)'~') >= 0 || !regions.TryGet(code, out handle))
                {
                    return false;
                }

                previous = code;
            }

            into[i] = handle;
        }

        return at == bytes.Length;
    }

    /// <summary>Reads a fixed-width column straight into <paramref name="into"/> (<paramref name="width"/> bytes a value).</summary>
    private bool TryReadFixed(int group, DataField field, Parquet.Meta.Type type, Span<byte> into, int width)
    {
        int count = into.Length / width;
        return TryPages(group, field, type, count) && TryValues(into, width, count);
    }

    /// <summary>
    /// Reads the column chunk's bytes and walks its page headers: true when it is nothing but version-1 data pages,
    /// PLAIN, uncompressed or Snappy, no checksum, whose values add up to <paramref name="count"/> and whose sizes fill
    /// the chunk exactly (the pages are then in <see cref="_pages"/>).
    /// </summary>
    private bool TryPages(int group, DataField field, Parquet.Meta.Type type, int count)
    {
        _pages.Clear();
        if (field.IsNullable || field.IsArray || field.Path.Length != 1 || group >= _metadata.RowGroups.Count
            || Chunk(_metadata.RowGroups[group], field.Name) is not { } chunk || chunk.MetaData is not { } meta
            || chunk.FilePath is not null || chunk.CryptoMetadata is not null || chunk.EncryptedColumnMetadata is not null
            || meta.Type != type || meta.NumValues != count || meta.DictionaryPageOffset is not null
            || meta.Codec is not (CompressionCodec.UNCOMPRESSED or CompressionCodec.SNAPPY)
            || meta.DataPageOffset < 0 || meta.TotalCompressedSize <= 0 || meta.TotalCompressedSize > Array.MaxLength
            || meta.DataPageOffset > _length - meta.TotalCompressedSize)
        {
            return false;
        }

        int size = (int)meta.TotalCompressedSize;
        if (_chunk.Length < size)
        {
            _chunk = GC.AllocateUninitializedArray<byte>(size);
        }

        var bytes = _chunk.AsSpan(0, size);
        for (int read = 0; read < size;)
        {
            int n = RandomAccess.Read(_file, bytes[read..], meta.DataPageOffset + read);
            if (n <= 0)
            {
                return false;
            }

            read += n;
        }

        bool compressed = meta.Codec == CompressionCodec.SNAPPY;
        int at = 0;
        long values = 0;
        while (at < size)
        {
            var header = new ThriftReader(bytes[at..]);
            if (!PageHeaderFields.TryRead(ref header, out var page) || page.CompressedSize > size - at - header.Position
                || (!compressed && page.CompressedSize != page.UncompressedSize))
            {
                return false;
            }

            at += header.Position;
            _pages.Add(new Page(at, page.CompressedSize, page.UncompressedSize, page.Values, compressed));
            at += page.CompressedSize;
            values += page.Values;
        }

        return values == count;
    }

    /// <summary>
    /// Decompresses the pages' bodies, in order, into <paramref name="into"/>, which they must fill exactly: each page
    /// <paramref name="width"/> bytes a value (0: any width, as for byte arrays).
    /// </summary>
    private bool TryValues(Span<byte> into, int width, int count)
    {
        int at = 0;
        foreach (var page in _pages.Items)
        {
            if (page.UncompressedSize > into.Length - at || (width > 0 && page.UncompressedSize != (long)page.Values * width))
            {
                return false;
            }

            var target = into.Slice(at, page.UncompressedSize);
            var body = _chunk.AsSpan(page.Offset, page.CompressedSize);
            if (!page.Compressed)
            {
                body.CopyTo(target);
            }
            else if (!TrySnappy(body, target))
            {
                return false;
            }

            at += page.UncompressedSize;
        }

        return at == into.Length && (width == 0 || at == (long)count * width);
    }

    /// <summary>Decompresses a Snappy block that must expand to exactly <paramref name="target"/>'s length.</summary>
    private static bool TrySnappy(ReadOnlySpan<byte> body, Span<byte> target)
    {
        try
        {
            return Snappier.Snappy.GetUncompressedLength(body) == target.Length
                && Snappier.Snappy.TryDecompress(body, target, out int written) && written == target.Length;
        }
        catch (Exception e) when (ParquetTableCursor.IsDecodingFailure(e))
        {
            return false; // a damaged block: Parquet.Net reads the column and reports it
        }
    }

    private byte[] Scratch(int size)
    {
        if (_scratch.Length < size)
        {
            _scratch = GC.AllocateUninitializedArray<byte>(size);
        }

        return _scratch;
    }

    /// <summary>The chunk of the flat column named <paramref name="name"/> (none when two share the name).</summary>
    private static ColumnChunk? Chunk(RowGroup group, string name)
    {
        ColumnChunk? found = null;
        foreach (var chunk in group.Columns)
        {
            if (chunk.MetaData?.PathInSchema is [var only] && only == name)
            {
                if (found is not null)
                {
                    return null;
                }

                found = chunk;
            }
        }

        return found;
    }

    /// <summary>One data page: where its body is in the chunk, its sizes, its values, whether Snappy-compressed.</summary>
    private readonly record struct Page(int Offset, int CompressedSize, int UncompressedSize, int Values, bool Compressed);

    /// <summary>The pages of a chunk, reused from chunk to chunk.</summary>
    private sealed class PageList
    {
        private readonly List<Page> _items = [];

        public List<Page> Items => _items;

        /// <summary>The pages' uncompressed sizes, added up.</summary>
        public int Sum { get; private set; }

        public void Clear()
        {
            _items.Clear();
            Sum = 0;
        }

        public void Add(Page page)
        {
            _items.Add(page);
            Sum = (int)Math.Min(Array.MaxLength, (long)Sum + page.UncompressedSize);
        }
    }
}

/// <summary>The fields of a Parquet page header (Thrift compact protocol) that <see cref="ParquetPages"/> accepts: a version-1 data page, PLAIN, no checksum.</summary>
internal readonly record struct PageHeaderFields(int CompressedSize, int UncompressedSize, int Values)
{
    /// <summary>Reads a page header; false unless it is a version-1 data page with PLAIN values, sane sizes and no checksum (unknown fields are skipped).</summary>
    public static bool TryRead(ref ThriftReader reader, out PageHeaderFields header)
    {
        header = default;
        int type = -1, compressed = -1, uncompressed = -1, values = -1, encoding = -1;
        bool dataPage = false;
        short id = 0;
        while (reader.TryField(ref id, out int fieldType))
        {
            switch (id, fieldType)
            {
                case (1, ThriftReader.I32):
                    type = reader.Int32();
                    break;
                case (2, ThriftReader.I32):
                    uncompressed = reader.Int32();
                    break;
                case (3, ThriftReader.I32):
                    compressed = reader.Int32();
                    break;
                case (4, _):
                    return false; // a checksum: left to Parquet.Net
                case (5, ThriftReader.Struct):
                    dataPage = TryDataPage(ref reader, out values, out encoding);
                    if (!dataPage)
                    {
                        return false;
                    }

                    break;
                case (6 or 7 or 8, _):
                    return false; // index, dictionary or version-2 data page
                default:
                    reader.Skip(fieldType);
                    break;
            }
        }

        if (!reader.Ok || !dataPage || type != 0 || encoding != 0 || compressed < 0 || uncompressed < 0 || values < 0)
        {
            return false;
        }

        header = new PageHeaderFields(compressed, uncompressed, values);
        return true;
    }

    /// <summary>A data page header: its values and their encoding (its level encodings and statistics are not needed: a required flat column has no levels).</summary>
    private static bool TryDataPage(ref ThriftReader reader, out int values, out int encoding)
    {
        values = encoding = -1;
        short id = 0;
        while (reader.TryField(ref id, out int fieldType))
        {
            switch (id, fieldType)
            {
                case (1, ThriftReader.I32):
                    values = reader.Int32();
                    break;
                case (2, ThriftReader.I32):
                    encoding = reader.Int32();
                    break;
                default:
                    reader.Skip(fieldType);
                    break;
            }
        }

        return reader.Ok;
    }
}

/// <summary>
/// A reader of the Thrift compact protocol over a span, for page headers: field headers, zigzag varints, and skipping
/// any value. It never throws: reading past the end, or a malformed value, clears <see cref="Ok"/> and ends the struct.
/// </summary>
internal ref struct ThriftReader(ReadOnlySpan<byte> bytes)
{
    public const int I32 = 5;
    public const int Struct = 12;
    private const int MaxDepth = 16;
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _depth;

    /// <summary>Bytes read so far.</summary>
    public int Position { get; private set; }

    /// <summary>False once anything was malformed or cut short.</summary>
    public bool Ok { get; private set; } = true;

    /// <summary>Moves to the next field of the current struct (false at its end, or on an error).</summary>
    public bool TryField(ref short id, out int type)
    {
        type = 0;
        if (!Ok)
        {
            return false;
        }

        int header = Byte();
        if (!Ok || header == 0)
        {
            return false;
        }

        type = header & 0x0F;
        int delta = header >> 4;
        id = delta != 0 ? (short)(id + delta) : (short)ZigZag(Varint());
        return Ok;
    }

    public int Int32()
    {
        long value = ZigZag(Varint());
        if (value is < int.MinValue or > int.MaxValue)
        {
            Ok = false;
        }

        return (int)value;
    }

    /// <summary>Skips a value of compact type <paramref name="type"/> (containers nested at most <see cref="MaxDepth"/> deep: a damaged header cannot recurse without bound).</summary>
    public void Skip(int type)
    {
        if (!Ok || ++_depth > MaxDepth)
        {
            Ok = false;
            return;
        }

        SkipValue(type);
        _depth--;
    }

    private void SkipValue(int type)
    {
        switch (type)
        {
            case 1 or 2: // booleans: the value is in the field header
                break;
            case 3: // byte
                Byte();
                break;
            case 4 or 5 or 6: // i16, i32, i64
                Varint();
                break;
            case 7: // double
                Advance(8);
                break;
            case 8: // binary
                Advance(Length());
                break;
            case 9 or 10: // list, set
                int header = Byte();
                int elementType = header & 0x0F;
                int size = header >> 4 == 15 ? Length() : header >> 4;
                SkipElements(elementType, size);
                break;
            case 11: // map
                int entries = Length();
                if (entries > 0)
                {
                    int kinds = Byte();
                    for (int i = 0; i < entries && Ok; i++)
                    {
                        SkipElement(kinds >> 4);
                        SkipElement(kinds & 0x0F);
                    }
                }

                break;
            case Struct:
                short id = 0;
                while (TryField(ref id, out int fieldType))
                {
                    Skip(fieldType);
                }

                break;
            default:
                Ok = false;
                break;
        }
    }

    private void SkipElements(int type, int count)
    {
        for (int i = 0; i < count && Ok; i++)
        {
            SkipElement(type);
        }
    }

    /// <summary>Skips a list, set or map element (booleans there take a byte each).</summary>
    private void SkipElement(int type)
    {
        if (type is 1 or 2)
        {
            Byte();
        }
        else
        {
            Skip(type);
        }
    }

    private int Length()
    {
        ulong value = Varint();
        if (value > int.MaxValue)
        {
            Ok = false;
            return 0;
        }

        return (int)value;
    }

    private void Advance(int count)
    {
        if (count < 0 || count > _bytes.Length - Position)
        {
            Ok = false;
            return;
        }

        Position += count;
    }

    private int Byte()
    {
        if (Position >= _bytes.Length)
        {
            Ok = false;
            return 0;
        }

        return _bytes[Position++];
    }

    private ulong Varint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64 && Ok; shift += 7)
        {
            int b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        Ok = false;
        return 0;
    }

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
