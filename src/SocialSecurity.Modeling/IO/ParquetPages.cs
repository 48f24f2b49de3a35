using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Microsoft.Win32.SafeHandles;
using Parquet.Meta;
using Parquet.Schema;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// A decoder of exactly the column chunks <see cref="PopulationParquet.Write"/> writes: flat required columns in
/// version-1 data pages, PLAIN-encoded, uncompressed or Snappy-compressed, of physical type INT64 (ids), DOUBLE
/// (amounts), INT32 holding one-byte codes and counts, or BYTE_ARRAY holding ASCII region codes. A chunk is read with
/// one positioned read, and fixed-width values are decompressed into their slice of the population's arrays (PLAIN is
/// their little-endian layout, so the page's bytes are the values); no per-page objects, streams or tasks. Anything else — another encoding, codec or page
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

    /// <summary>
    /// <see cref="TryRead(int, DataField, Span{double})"/>, except that a chunk whose values are all +0.0 (every byte
    /// zero) is not written: <paramref name="zero"/> says so, and <paramref name="into"/> is left as it was (a column
    /// of such chunks need not be allocated or touched at all).
    /// </summary>
    public bool TryReadUnlessZero(int group, DataField field, Span<double> into, out bool zero)
    {
        zero = false;
        int size = into.Length * sizeof(double);
        if (into.Length > Array.MaxLength / sizeof(double) || !TryPages(group, field, Parquet.Meta.Type.DOUBLE, into.Length))
        {
            return false;
        }

        var bytes = Scratch(size).AsSpan(0, size);
        if (!TryValues(bytes, sizeof(double), into.Length))
        {
            return false;
        }

        zero = !bytes.ContainsAnyExcept((byte)0);
        if (!zero)
        {
            bytes.CopyTo(MemoryMarshal.AsBytes(into));
        }

        return true;
    }

    /// <summary>Reads column <paramref name="field"/> of row group <paramref name="group"/> into <paramref name="into"/>: int32 values that must each be 0–255 (false otherwise).</summary>
    public bool TryRead(int group, DataField field, Span<byte> into) => TryReadUnlessZero(group, field, into, false, out _);

    /// <summary>
    /// <see cref="TryRead(int, DataField, Span{byte})"/>; when <paramref name="skipZero"/>, a chunk whose values are
    /// all 0 is not written (<paramref name="zero"/> says so) and <paramref name="into"/> is left as it was.
    /// </summary>
    public bool TryReadUnlessZero(int group, DataField field, Span<byte> into, bool skipZero, out bool zero)
    {
        zero = false;
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

        zero = skipZero && !values.ContainsAnyExcept(0);
        if (!zero)
        {
            Narrow(MemoryMarshal.Cast<int, uint>(values), into);
        }

        return true;
    }

    /// <summary>Copies values known to be 0–255 into bytes, sixteen at a time where the processor has vectors.</summary>
    private static void Narrow(ReadOnlySpan<uint> values, Span<byte> into)
    {
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= values.Length - 16; i += 16)
            {
                var low = Vector128.Narrow(Vector128.Create(values.Slice(i, 4)), Vector128.Create(values.Slice(i + 4, 4)));
                var high = Vector128.Narrow(Vector128.Create(values.Slice(i + 8, 4)), Vector128.Create(values.Slice(i + 12, 4)));
                Vector128.Narrow(low, high).CopyTo(into.Slice(i, 16));
            }
        }

        for (; i < values.Length; i++)
        {
            into[i] = (byte)values[i];
        }
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

    /// <summary>
    /// Decompresses a Snappy block that must expand to exactly <paramref name="target"/>'s length, with Snappier (the
    /// decompressor Parquet.Net itself uses, so a block decodes to the same bytes on both paths; it was faster here
    /// than a decoder of our own writing straight into the target). A damaged block is false: Parquet.Net then reads
    /// the column and reports it.
    /// </summary>
    private static bool TrySnappy(ReadOnlySpan<byte> body, Span<byte> target)
    {
        try
        {
            return Snappier.Snappy.GetUncompressedLength(body) == target.Length
                && Snappier.Snappy.TryDecompress(body, target, out int written) && written == target.Length;
        }
        catch (Exception e) when (ParquetTableCursor.IsDecodingFailure(e))
        {
            return false;
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

/// <summary>
/// The fields of a Parquet page header (Thrift compact protocol) that <see cref="ParquetPages"/> accepts: a version-1
/// data page, PLAIN, no checksum. Only the header's exact shape is accepted — the page header's fields 1–3 and 5, the
/// data page header's fields 1–5, the statistics' fields 1–8, each at most once and of its declared type, the required
/// ones present — so that any header taken here is one Parquet.Net reads too (a damaged header, even one a lenient
/// Thrift reader would skip through, goes to Parquet.Net, which reports it).
/// </summary>
internal readonly record struct PageHeaderFields(int CompressedSize, int UncompressedSize, int Values)
{
    /// <summary>Reads a page header; false unless it is a version-1 data page with PLAIN values, sane sizes and no checksum, of exactly the expected shape.</summary>
    public static bool TryRead(ref ThriftReader reader, out PageHeaderFields header)
    {
        header = default;
        int type = -1, compressed = -1, uncompressed = -1, values = -1, encoding = -1;
        var fields = default(ThriftFields);
        while (reader.NextField(ref fields, out short id, out int fieldType))
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
                case (5, ThriftReader.Struct):
                    if (!TryDataPage(ref reader, out values, out encoding))
                    {
                        return false;
                    }

                    break;
                default:
                    return false; // a checksum, another kind of page, an unknown field or a field of another type
            }
        }

        if (!reader.Ok || fields.Seen != 0b101110 || type != 0 || encoding != 0 || compressed < 0 || uncompressed < 0 || values < 0)
        {
            return false;
        }

        header = new PageHeaderFields(compressed, uncompressed, values);
        return true;
    }

    /// <summary>A data page header: its values and their encoding; the level encodings (unused: a required flat column has no levels) and the statistics are checked for shape only.</summary>
    private static bool TryDataPage(ref ThriftReader reader, out int values, out int encoding)
    {
        values = encoding = -1;
        var fields = default(ThriftFields);
        while (reader.NextField(ref fields, out short id, out int fieldType))
        {
            switch (id, fieldType)
            {
                case (1, ThriftReader.I32):
                    values = reader.Int32();
                    break;
                case (2, ThriftReader.I32):
                    encoding = reader.Int32();
                    break;
                case (3 or 4, ThriftReader.I32):
                    reader.Int32();
                    break;
                case (5, ThriftReader.Struct):
                    if (!TryStatistics(ref reader))
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        return reader.Ok && (fields.Seen & 0b11110) == 0b11110;
    }

    /// <summary>Statistics: min and max as bytes, counts as i64, exactness flags as booleans (values not needed).</summary>
    private static bool TryStatistics(ref ThriftReader reader)
    {
        var fields = default(ThriftFields);
        while (reader.NextField(ref fields, out short id, out int fieldType))
        {
            switch (id, fieldType)
            {
                case (1 or 2 or 5 or 6, ThriftReader.Binary):
                    reader.SkipBinary();
                    break;
                case (3 or 4, ThriftReader.I64):
                    reader.Int64();
                    break;
                case (7 or 8, ThriftReader.True or ThriftReader.False):
                    break;
                default:
                    return false;
            }
        }

        return reader.Ok;
    }
}

/// <summary>
/// A reader of the Thrift compact protocol over a span, as much of it as page headers need: field headers, zigzag
/// varints and byte strings. It never throws: reading past the end, or a malformed value, clears <see cref="Ok"/>
/// and ends the struct.
/// </summary>
internal ref struct ThriftReader(ReadOnlySpan<byte> bytes)
{
    public const int True = 1;
    public const int False = 2;
    public const int I32 = 5;
    public const int I64 = 6;
    public const int Binary = 8;
    public const int Struct = 12;
    private readonly ReadOnlySpan<byte> _bytes = bytes;

    /// <summary>Bytes read so far.</summary>
    public int Position { get; private set; }

    /// <summary>False once anything was malformed or cut short.</summary>
    public bool Ok { get; private set; } = true;

    /// <summary>
    /// Moves to the next field of the current struct (false at its end, or on an error): its id and compact type. A
    /// field id outside 1–30 or seen before in the struct (<paramref name="fields"/>) is an error: headers are read
    /// only in their exact shape.
    /// </summary>
    public bool NextField(ref ThriftFields fields, out short id, out int type)
    {
        id = fields.Last;
        if (!TryField(ref id, out type))
        {
            return false;
        }

        if (id is < 1 or > 30 || (fields.Seen & (1 << id)) != 0)
        {
            Ok = false;
            return false;
        }

        fields = new ThriftFields(id, fields.Seen | (1 << id));
        return true;
    }

    /// <summary>Moves to the next field of the current struct (false at its end, or on an error).</summary>
    private bool TryField(ref short id, out int type)
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
        if (delta != 0)
        {
            id = (short)(id + delta);
        }
        else
        {
            long wide = ZigZag(Varint(5, 0x0F));
            if (wide is < short.MinValue or > short.MaxValue)
            {
                Ok = false;
            }

            id = (short)wide;
        }

        return Ok;
    }

    public int Int32() => (int)ZigZag(Varint(5, 0x0F));

    public long Int64() => ZigZag(Varint(10, 0x01));

    /// <summary>Skips a byte string (its length, then its bytes).</summary>
    public void SkipBinary()
    {
        ulong length = Varint(5, 0x0F);
        if (length > (ulong)(_bytes.Length - Position))
        {
            Ok = false;
            return;
        }

        Position += (int)length;
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

    /// <summary>
    /// A varint of at most <paramref name="bytes"/> bytes whose last byte holds no bits beyond the type's width
    /// (<paramref name="lastMax"/>): longer or overflowing encodings, which readers may take differently, are errors.
    /// </summary>
    private ulong Varint(int bytes, int lastMax)
    {
        ulong value = 0;
        for (int i = 0; i < bytes && Ok; i++)
        {
            int b = Byte();
            if (i == bytes - 1 && b > lastMax)
            {
                break;
            }

            value |= (ulong)(b & 0x7F) << (7 * i);
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

/// <summary>The fields of a struct read so far: the last id (ids may be given as deltas from it) and a bit per id seen.</summary>
internal readonly record struct ThriftFields(short Last, int Seen);
