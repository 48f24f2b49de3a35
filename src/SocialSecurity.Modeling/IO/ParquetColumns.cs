using Parquet;
using Parquet.Schema;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// The fast path for Parquet files whose columns already have the population's types (as
/// <see cref="PopulationParquet.Write"/> writes them: int64 ids, double amounts, one-byte codes and counts, string
/// regions, no nulls) and that the mapping neither recodes nor scales: each row group is decoded by Parquet.Net
/// straight into its slice of the population's final arrays (row groups spread over the processors, each on a reader
/// of its own), regions turned into handles once per distinct code, and every column then checked a column at a time
/// against the ranges the row-by-row reader applies. Whenever anything does not fit (another type, a null, a value
/// out of range, a damaged page), the caller reads the file the general way, which reports the first error in file
/// order as ever: this path never reports an error of its own, so messages cannot differ.
/// </summary>
internal static class ParquetColumns
{
    /// <summary>Reads every row of <paramref name="cursor"/>'s file bound as <paramref name="reader"/> says, or returns <see langword="null"/> when the general path must.</summary>
    public static ColumnSet? TryRead(ParquetTableCursor cursor, PopulationRecordReader reader, RegionCatalog catalog)
    {
        if (Bind(cursor, reader) is not { } binding)
        {
            return null;
        }

        long rows = cursor.ExpectedRows;
        long[] groups;
        long total;
        try
        {
            groups = GroupStarts(cursor.File, out total);
        }
        catch (Exception e) when (ParquetTableCursor.IsDecodingFailure(e))
        {
            return null;
        }

        if (total != rows)
        {
            return null;
        }

        var columns = ColumnSet.Allocate(reader.Definitions, reader.Present, binding.Extras.Length, (int)rows);
        int workers = Math.Clamp(Environment.ProcessorCount, 1, Math.Max(1, groups.Length - 1));
        var zeros = new bool[groups.Length - 1][];
        bool failed = false;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            try
            {
                if (!Decode(cursor.File, worker, workers, groups, binding, columns, catalog, zeros))
                {
                    Volatile.Write(ref failed, true);
                }
            }
            catch (Exception e) when (ParquetTableCursor.IsDecodingFailure(e))
            {
                Volatile.Write(ref failed, true);
            }
        });

        if (failed)
        {
            return null;
        }

        CompleteZeroChunks(binding.Fields, columns, groups, zeros);
        return InRange(binding.Fields, columns, 0, (int)rows) ? columns : null;
    }

    /// <summary>
    /// Whether a field may be left unwritten where its chunks are all zeros: an optional count, code or amount whose
    /// range holds 0, which the builder, when not given the column, fills with its shared never-written zeros
    /// (<see cref="ColumnarPopulationBuilder"/>): the same values, without the column's memory.
    /// </summary>
    private static bool MaySkipZeros(FieldPlan field)
        => !field.Required && field.Definition.Type != ColumnType.Identifier && field.Minimum <= 0 && field.Maximum >= 0
            && field.Storage is ColumnStorage.Double or ColumnStorage.Byte;

    /// <summary>
    /// Completes the fields whose all-zero chunks were skipped (<paramref name="zeros"/>: per row group, per field): a
    /// field skipped in every row group is dropped (not given: the builder's shared zeros), any other has its skipped
    /// slices cleared.
    /// </summary>
    private static void CompleteZeroChunks(FieldPlan[] fields, ColumnSet columns, long[] groupStarts, bool[][] zeros)
    {
        for (int f = 0; f < fields.Length; f++)
        {
            int skipped = zeros.Count(group => group is not null && group[f]);
            if (skipped == 0 || columns.Fields[f] is not { } array)
            {
                continue;
            }

            if (skipped == zeros.Length)
            {
                columns.Fields[f] = null;
                continue;
            }

            for (int g = 0; g < zeros.Length; g++)
            {
                if (zeros[g][f])
                {
                    Array.Clear(array, (int)groupStarts[g], (int)(groupStarts[g + 1] - groupStarts[g]));
                }
            }
        }
    }

    /// <summary>
    /// The file's columns for each field and extra column of <paramref name="reader"/> when every one already has the
    /// population's type (not nullable, not recoded or scaled by the mapping), or <see langword="null"/> when the
    /// general path must read the file.
    /// </summary>
    public static ParquetBinding? Bind(ParquetTableCursor cursor, PopulationRecordReader reader)
    {
        var (fields, extras) = reader.Plan();
        var dataFields = new DataField?[fields.Length];
        for (int f = 0; f < fields.Length; f++)
        {
            var plan = fields[f];
            if (plan.Column is null)
            {
                continue;
            }

            if (plan.Mapped || cursor.Field(plan.Column) is not { IsNullable: false } field || !Fits(field.ClrType, plan.Storage))
            {
                return null;
            }

            dataFields[f] = field;
        }

        var extraFields = new DataField[extras.Length];
        for (int i = 0; i < extras.Length; i++)
        {
            if (extras[i].Scale != 1 || cursor.Field(extras[i].Column) is not { IsNullable: false } field || field.ClrType != typeof(double))
            {
                return null;
            }

            extraFields[i] = field;
        }

        return new ParquetBinding(fields, dataFields, extraFields);
    }

    /// <summary>Whether a column of Parquet type <paramref name="type"/> decodes straight into a field held as <paramref name="storage"/>.</summary>
    private static bool Fits(Type type, ColumnStorage storage) => storage switch
    {
        ColumnStorage.Double => type == typeof(double),
        ColumnStorage.Int64 => type == typeof(long),
        ColumnStorage.Byte => type == typeof(byte),
        ColumnStorage.UInt16 => type == typeof(string) || type == typeof(ReadOnlyMemory<char>),
        _ => false,
    };

    /// <summary>The first row of each row group, then the total.</summary>
    private static long[] GroupStarts(string path, out long total)
    {
        total = 0;
        var reader = ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
        try
        {
            var starts = new long[reader.RowGroupCount + 1];
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                starts[g] = total;
                total += reader.RowGroups[g].RowCount;
            }

            starts[^1] = total;
            return starts;
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Decodes row groups <paramref name="worker"/>, <paramref name="worker"/> + <paramref name="workers"/>, … into their slices; false when a region is not in the catalogue or missing where required.</summary>
    private static bool Decode(string path, int worker, int workers, long[] groupStarts, ParquetBinding binding, ColumnSet columns, RegionCatalog catalog, bool[][] zeros)
    {
        var reader = ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
        try
        {
            using var pages = new ParquetPages(path, reader.Metadata!);
            RegionCodeLookup? regions = null;
            for (int g = worker; g < groupStarts.Length - 1; g += workers)
            {
                int start = (int)groupStarts[g];
                zeros[g] = new bool[binding.Fields.Length];
                if (!DecodeGroup(reader, pages, g, start, (int)(groupStarts[g + 1] - start), binding, columns, catalog, ref regions, zeros[g]))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// Decodes row group <paramref name="g"/> of <paramref name="reader"/>, which must hold <paramref name="count"/>
    /// rows, into rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> − 1 of
    /// <paramref name="columns"/>; false when the group has another number of rows, or a region is not in the
    /// catalogue or missing where required (a damaged page throws). Values are not range-checked here: see
    /// <see cref="InRange"/>. Each column is decoded by <paramref name="pages"/> when it takes it (the chunks the
    /// library writes), else by Parquet.Net. With <paramref name="zeros"/>, a chunk of all zeros of a field that
    /// <see cref="MaySkipZeros"/> is not written, and flagged there instead.
    /// </summary>
    public static bool DecodeGroup(ParquetReader reader, ParquetPages pages, int g, int start, int count, ParquetBinding binding, ColumnSet columns, RegionCatalog catalog, ref RegionCodeLookup? regions, bool[]? zeros = null)
    {
        using var group = reader.OpenRowGroupReader(g);
        if (group.RowCount != count)
        {
            return false;
        }

        var (fields, dataFields, extraFields) = binding;

        // A chunk declaring another number of values than the group's rows is damaged: the general path reports it.
        if (dataFields.Any(f => f is not null && !ParquetValueCount.Matches(group, f, count)) || extraFields.Any(f => !ParquetValueCount.Matches(group, f, count)))
        {
            return false;
        }

        for (int f = 0; f < fields.Length; f++)
        {
            if (dataFields[f] is not { } field)
            {
                continue;
            }

            switch (columns.Fields[f])
            {
                case double[] numbers:
                    // One attempt by the page decoder (with or without the zero test), then Parquet.Net.
                    bool decoded = zeros is not null && MaySkipZeros(fields[f])
                        ? pages.TryReadUnlessZero(g, field, numbers.AsSpan(start, count), out zeros[f])
                        : pages.TryRead(g, field, numbers.AsSpan(start, count));
                    if (!decoded)
                    {
                        group.ReadAsync(field, numbers.AsMemory(start, count)).AsTask().GetAwaiter().GetResult();
                    }

                    break;
                case long[] ids:
                    if (!pages.TryRead(g, field, ids.AsSpan(start, count)))
                    {
                        group.ReadAsync(field, ids.AsMemory(start, count)).AsTask().GetAwaiter().GetResult();
                    }

                    break;
                case byte[] bytes:
                    if (!pages.TryReadUnlessZero(g, field, bytes.AsSpan(start, count), zeros is not null && MaySkipZeros(fields[f]), out bool zero))
                    {
                        group.ReadAsync(field, bytes.AsMemory(start, count)).AsTask().GetAwaiter().GetResult();
                    }
                    else if (zeros is not null)
                    {
                        zeros[f] = zero;
                    }

                    break;
                case ushort[] handles:
                    regions ??= new RegionCodeLookup(catalog);
                    if (!pages.TryReadRegions(g, field, handles.AsSpan(start, count), regions)
                        && !ReadRegions(group, field, handles.AsSpan(start, count), regions, fields[f].Required))
                    {
                        return false;
                    }

                    break;
            }
        }

        for (int i = 0; i < extraFields.Length; i++)
        {
            Read(pages, group, g, extraFields[i], columns.Extras[i].AsMemory(start, count));
        }

        return true;
    }

    /// <summary>A double column into <paramref name="into"/>: by <paramref name="pages"/> when it takes the chunk, else by Parquet.Net.</summary>
    private static void Read(ParquetPages pages, ParquetRowGroupReader group, int g, DataField field, Memory<double> into)
    {
        if (!pages.TryRead(g, field, into.Span))
        {
            group.ReadAsync(field, into).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>A string column of region codes as handles: the codes, trimmed, looked up when they change from the row before.</summary>
    private static bool ReadRegions(ParquetRowGroupReader group, DataField field, Span<ushort> into, RegionCodeLookup regions, bool required)
    {
        int count = into.Length;
        var texts = new ReadOnlyMemory<char>[count];
        if (field.ClrType == typeof(string))
        {
            var strings = new string?[count];
            group.ReadAsync(field, strings.AsMemory()).AsTask().GetAwaiter().GetResult();
            for (int i = 0; i < count; i++)
            {
                texts[i] = strings[i].AsMemory();
            }
        }
        else
        {
            group.ReadAsync(field, texts.AsMemory()).AsTask().GetAwaiter().GetResult();
        }

        var previous = ReadOnlySpan<char>.Empty;
        ushort handle = 0;
        for (int i = 0; i < count; i++)
        {
            var code = texts[i].Span.Trim();
            if (code.IsEmpty)
            {
                if (required)
                {
                    return false;
                }

                into[i] = RegionBuffer<PersonRecord>.NotGiven;
                continue;
            }

            if (previous.IsEmpty || !code.SequenceEqual(previous))
            {
                if (!regions.TryGet(code, out handle))
                {
                    return false;
                }

                previous = code;
            }

            into[i] = handle;
        }

        return true;
    }

    /// <summary>Whether every value of rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> − 1 is one the row-by-row reader accepts: amounts finite and in range, counts and codes in range, extra columns finite (ids and regions need no check here).</summary>
    public static bool InRange(FieldPlan[] fields, ColumnSet columns, int start, int count)
    {
        for (int f = 0; f < fields.Length; f++)
        {
            switch (columns.Fields[f])
            {
                case double[] numbers:
                    double min = fields[f].Minimum, max = fields[f].Maximum;
                    foreach (double value in numbers.AsSpan(start, count))
                    {
                        if (!(double.IsFinite(value) && value >= min && value <= max))
                        {
                            return false;
                        }
                    }

                    break;
                case byte[] bytes:
                    if (bytes.AsSpan(start, count).IndexOfAnyExceptInRange((byte)Math.Clamp(fields[f].Minimum, 0, 255), (byte)Math.Clamp(fields[f].Maximum, 0, 255)) >= 0)
                    {
                        return false;
                    }

                    break;
            }
        }

        foreach (var extra in columns.Extras)
        {
            foreach (double value in extra.AsSpan(start, count))
            {
                if (!double.IsFinite(value))
                {
                    return false;
                }
            }
        }

        return true;
    }
}

/// <summary>The file's columns bound to a reader's fields (<see langword="null"/> where the file has none) and extra columns, all of the population's types.</summary>
internal sealed record ParquetBinding(FieldPlan[] Fields, DataField?[] DataFields, DataField[] Extras);
