using System.Runtime.CompilerServices;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Populations;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// Reads populations from a household file and a person file, CSV or Parquet, through one declarative
/// <see cref="PopulationFileMapping"/> (column names, value recoding, scale factors, extra columns): whole, or streamed
/// in chunks of households for files larger than memory. Every error is a <see cref="DataFormatException"/> that names
/// the file, the row (CSV: data rows from 1; Parquet: row group and row, from 0) and the column.
/// </summary>
/// <remarks>
/// <para><b>Chunked reading</b> (<see cref="ReadChunks"/>) holds one chunk in memory at a time. It requires the person
/// file to list each household's members together, with the households in the same order as in the household file
/// (for example both files sorted by household id, as <see cref="PopulationParquet.Write"/> and
/// <see cref="PopulationCsv.Write"/> write them). A person out of that order, or one whose household is missing
/// (an orphan), stops the enumeration with an error naming the person's row. Each chunk is validated in full before
/// it is yielded. A household file without households is an error, and so is a household id read twice, in the same
/// chunk or a later one (the ids seen are kept: about 28 bytes per household); person ids are checked within a chunk.</para>
/// <para>Because every household is simulated independently, results over the chunks add up to the results over the
/// whole file: sum weighted totals chunk by chunk (see docs/populations.md).</para>
/// </remarks>
public static class PopulationReader
{
    /// <summary>The format implied by a file's extension: <c>.parquet</c> (or <c>.pq</c>) is Parquet, anything else CSV.</summary>
    /// <param name="path">A file path.</param>
    public static PopulationFileFormat FormatOf(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path);
        return extension.Equals(".parquet", StringComparison.OrdinalIgnoreCase) || extension.Equals(".pq", StringComparison.OrdinalIgnoreCase)
            ? PopulationFileFormat.Parquet
            : PopulationFileFormat.Csv;
    }

    /// <summary>Reads a whole population. Nothing is returned unless every row of both files is valid.</summary>
    /// <param name="householdsPath">The household file.</param>
    /// <param name="personsPath">The person file (any order).</param>
    /// <param name="mapping">The column mapping; <see cref="PopulationFileMapping.Default"/> when <see langword="null"/>.</param>
    /// <param name="regions">The region catalogue; <see cref="RegionCatalog.Default"/> when <see langword="null"/>.</param>
    /// <param name="format">The format of both files; from the household file's extension when <see langword="null"/>.</param>
    /// <exception cref="DataFormatException">A column is missing or of the wrong type, a cell is malformed or out of range, or the files disagree.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist; the message names it.</exception>
    public static Population Read(string householdsPath, string personsPath, PopulationFileMapping? mapping = null, RegionCatalog? regions = null, PopulationFileFormat? format = null)
        => ReadWith(null, householdsPath, personsPath, mapping, regions, format);

    /// <summary><see cref="Read(string, string, PopulationFileMapping?, RegionCatalog?, PopulationFileFormat?)"/> with the rows per block and the blocks parsed ahead given (tests: the result must not depend on them).</summary>
    internal static Population ReadWith(StreamSettings? settings, string householdsPath, string personsPath, PopulationFileMapping? mapping = null, RegionCatalog? regions = null, PopulationFileFormat? format = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(householdsPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(personsPath);
        mapping ??= PopulationFileMapping.Default;
        regions ??= RegionCatalog.Default;
        var fileFormat = format ?? FormatOf(householdsPath);
        if (settings is null && fileFormat == PopulationFileFormat.Parquet && ReadParquetColumns(householdsPath, personsPath, mapping, regions) is { } direct)
        {
            return direct;
        }

        var builder = new ColumnarPopulationBuilder(regions);
        HouseholdIdSet householdIds;

        using (var cursor = Open(householdsPath, fileFormat, mapping, settings, streamed: true))
        {
            var reader = PopulationRecordReader.ForHouseholds(cursor, mapping, regions);
            var gather = new ColumnGather(reader.Definitions, reader.Present, reader.ExtraCount);
            using var rows = Households(cursor, reader, settings ?? new StreamSettings(WholeFileBlockRows));
            while (rows.MoveNext())
            {
                rows.Take(gather);
            }

            rows.Flush();
            var columns = gather.Complete();
            householdIds = new HouseholdIdSet((long[])columns.Fields[0]!);
            Give(builder, reader, columns);
        }

        using (var cursor = Open(personsPath, fileFormat, mapping, settings, streamed: true))
        {
            var reader = PopulationRecordReader.ForPersons(cursor, mapping, regions);
            var gather = new ColumnGather(reader.Definitions, reader.Present, reader.ExtraCount);
            using var rows = Persons(cursor, reader, settings ?? new StreamSettings(WholeFileBlockRows));
            while (rows.MoveNext())
            {
                long householdId = rows.HouseholdId();
                rows.Check(RecordStream.RecordStep);
                if (!householdIds.Contains(householdId))
                {
                    throw rows.Error("household_id", $"household {householdId} is not in {householdsPath} (orphan person)");
                }

                rows.Take(gather);
            }

            rows.Flush();
            Give(builder, reader, gather.Complete());
        }

        return Build(builder, $"{householdsPath} and {personsPath}", "cross-file checks (rows counted from 0 in file order)");
    }

    /// <summary>
    /// Reads two Parquet files whose columns have the population's types, each row group decoded straight into the
    /// final arrays (<see cref="ParquetColumns"/>); <see langword="null"/> when anything does not fit (a type, a null, a
    /// value out of range, an orphan person, a damaged page), and the general path then reads the files and reports the
    /// first error in file order. Errors of the schema and of the build are raised here as the general path raises them.
    /// </summary>
    private static Population? ReadParquetColumns(string householdsPath, string personsPath, PopulationFileMapping mapping, RegionCatalog regions)
    {
        var builder = new ColumnarPopulationBuilder(regions);
        HouseholdIdSet householdIds;
        using (var cursor = new ParquetTableCursor(householdsPath))
        {
            var reader = PopulationRecordReader.ForHouseholds(cursor, mapping, regions);
            if (ParquetColumns.TryRead(cursor, reader, regions) is not { } columns)
            {
                return null;
            }

            householdIds = new HouseholdIdSet((long[])columns.Fields[0]!);
            Give(builder, reader, columns);
        }

        using (var cursor = new ParquetTableCursor(personsPath))
        {
            var reader = PopulationRecordReader.ForPersons(cursor, mapping, regions);
            if (ParquetColumns.TryRead(cursor, reader, regions) is not { } columns)
            {
                return null;
            }

            foreach (long householdId in (long[])columns.Fields[reader.HouseholdIdIndex]!)
            {
                if (!householdIds.Contains(householdId))
                {
                    return null;
                }
            }

            Give(builder, reader, columns);
        }

        return Build(builder, $"{householdsPath} and {personsPath}", "cross-file checks (rows counted from 0 in file order)");
    }

    /// <summary>
    /// Streams a population in chunks of at most <paramref name="householdsPerChunk"/> households with their members,
    /// one validated <see cref="Population"/> per chunk, reading each file once from start to end. The person file must
    /// group members by household in the household file's order (see the remarks).
    /// </summary>
    /// <param name="householdsPath">The household file.</param>
    /// <param name="personsPath">The person file, grouped by household in household-file order.</param>
    /// <param name="householdsPerChunk">Households per chunk (≥ 1).</param>
    /// <param name="mapping">The column mapping; <see cref="PopulationFileMapping.Default"/> when <see langword="null"/>.</param>
    /// <param name="regions">The region catalogue; <see cref="RegionCatalog.Default"/> when <see langword="null"/>.</param>
    /// <param name="format">The format of both files; from the household file's extension when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Checked before each chunk.</param>
    /// <exception cref="DataFormatException">Raised during enumeration: a household file without households, a household id read twice, a bad cell, an orphan person, or persons out of household order.</exception>
    /// <exception cref="FileNotFoundException">Raised during enumeration: a file does not exist; the message names it.</exception>
    public static IEnumerable<Population> ReadChunks(
        string householdsPath,
        string personsPath,
        int householdsPerChunk,
        PopulationFileMapping? mapping = null,
        RegionCatalog? regions = null,
        PopulationFileFormat? format = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(householdsPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(personsPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(householdsPerChunk, 1);
        return Chunks(householdsPath, personsPath, householdsPerChunk, mapping ?? PopulationFileMapping.Default, regions ?? RegionCatalog.Default, format ?? FormatOf(householdsPath), null, cancellationToken);
    }

    /// <summary><see cref="ReadChunks(string, string, int, PopulationFileMapping?, RegionCatalog?, PopulationFileFormat?, CancellationToken)"/> with the rows per block and the blocks parsed ahead given (tests: the chunks must not depend on them).</summary>
    internal static IEnumerable<Population> ReadChunksWith(StreamSettings settings, string householdsPath, string personsPath, int householdsPerChunk, PopulationFileMapping? mapping = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(householdsPerChunk, 1);
        return Chunks(householdsPath, personsPath, householdsPerChunk, mapping ?? PopulationFileMapping.Default, RegionCatalog.Default, FormatOf(householdsPath), settings, CancellationToken.None);
    }

    /// <summary>The same as <see cref="ReadChunks"/>, as an asynchronous stream (each chunk is read on the thread pool).</summary>
    /// <param name="householdsPath">The household file.</param>
    /// <param name="personsPath">The person file, grouped by household in household-file order.</param>
    /// <param name="householdsPerChunk">Households per chunk (≥ 1).</param>
    /// <param name="mapping">The column mapping; <see cref="PopulationFileMapping.Default"/> when <see langword="null"/>.</param>
    /// <param name="regions">The region catalogue; <see cref="RegionCatalog.Default"/> when <see langword="null"/>.</param>
    /// <param name="format">The format of both files; from the household file's extension when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Checked before each chunk.</param>
    public static async IAsyncEnumerable<Population> ReadChunksAsync(
        string householdsPath,
        string personsPath,
        int householdsPerChunk,
        PopulationFileMapping? mapping = null,
        RegionCatalog? regions = null,
        PopulationFileFormat? format = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var chunks = ReadChunks(householdsPath, personsPath, householdsPerChunk, mapping, regions, format, cancellationToken).GetEnumerator();
        while (await Task.Run(chunks.MoveNext, cancellationToken).ConfigureAwait(false))
        {
            yield return chunks.Current;
        }
    }

    /// <summary>Opens a file; a CSV file read through blocks only (<paramref name="streamed"/>, unless its settings say otherwise) on the UTF-8 fast path where it allows (<see cref="Utf8CsvTableCursor"/>), else the general path.</summary>
    internal static TableCursor Open(string path, PopulationFileFormat format, PopulationFileMapping mapping, StreamSettings? settings = null, bool streamed = false) => format switch
    {
        PopulationFileFormat.Parquet => new ParquetTableCursor(path),
        PopulationFileFormat.Csv => streamed && (settings?.Utf8Csv ?? true)
            ? Utf8CsvTableCursor.Open(path, mapping.Delimiter, settings?.Utf8BlockBytes ?? Utf8CsvTableCursor.DefaultBlockBytes)
            : new CsvTableCursor(path, mapping.Delimiter),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Expected Csv or Parquet."),
    };

    private static IEnumerable<Population> Chunks(string householdsPath, string personsPath, int size, PopulationFileMapping mapping, RegionCatalog regions, PopulationFileFormat format, StreamSettings? settings, CancellationToken cancellationToken)
    {
        using var householdFile = Open(householdsPath, format, mapping, settings, streamed: true);
        using var personFile = Open(personsPath, format, mapping, settings, streamed: true);
        var householdReader = PopulationRecordReader.ForHouseholds(householdFile, mapping, regions);
        var personReader = PopulationRecordReader.ForPersons(personFile, mapping, regions);
        string files = $"{householdsPath} and {personsPath}";

        // Files written by the library are read a row group at a time into typed columns (ParquetChunks); at its first
        // doubt the general path below reads the files from the start, skipping the chunks already given, and raises
        // whatever error there is as ever.
        int skip = 0;
        if (settings is null && householdFile is ParquetTableCursor householdParquet && personFile is ParquetTableCursor personParquet
            && ParquetChunks.TryOpen(householdParquet, personParquet, householdReader, personReader, regions, size) is { } fast)
        {
            using (fast)
            {
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!fast.TryNext(out var householdColumns, out var personColumns, out var firstRow))
                    {
                        break;
                    }

                    if (householdColumns is null)
                    {
                        yield break;
                    }

                    var builder = new ColumnarPopulationBuilder(regions);
                    Give(builder, householdReader, householdColumns);
                    Give(builder, personReader, personColumns!);
                    yield return Build(builder, files, ChunkLocation(fast.Chunks - 1, firstRow));
                }

                skip = fast.Chunks;
            }
        }

        // Blocks of half a chunk's households (and as many person rows), a few parsed ahead: what is held beyond the
        // chunk (each block's text and its typed columns) stays of the chunk's order of size.
        settings ??= new StreamSettings(Math.Clamp(size / 2, MinBlockRows, WholeFileBlockRows));
        using var households = Households(householdFile, householdReader, settings);
        using var persons = Persons(personFile, personReader, settings);
        bool personPending = persons.MoveNext();
        int chunk = 0;

        // Every household id seen so far, with its position in the household file (0-based), so that an id repeated in
        // a later chunk is caught: about 28 bytes per household, far less than the chunk's own columns.
        var seen = new Dictionary<long, int>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var builder = new ColumnarPopulationBuilder(regions);
            var indexById = new Dictionary<long, int>();
            var chunkIds = new List<long>();
            var householdRows = new ColumnGather(householdReader.Definitions, householdReader.Present, householdReader.ExtraCount);
            var personRows = new ColumnGather(personReader.Definitions, personReader.Present, personReader.ExtraCount);
            string firstHousehold = string.Empty;
            while (indexById.Count < size && households.MoveNext())
            {
                if (indexById.Count == 0)
                {
                    firstHousehold = households.Location;
                }

                long householdId = households.Id();
                if (!seen.TryAdd(householdId, seen.Count))
                {
                    int first = seen[householdId];
                    throw households.Error(
                        "household_id",
                        $"household id {householdId} appears again in chunk {chunk} (household {seen.Count} of the file, counting from 0); it was first read as household {first} of the file, in chunk {first / size}{(first / size == chunk ? " (this chunk)" : string.Empty)}");
                }

                indexById.Add(householdId, indexById.Count);
                chunkIds.Add(householdId);
                households.Take(householdRows);
            }

            households.Flush();
            if (indexById.Count == 0)
            {
                if (chunk == 0)
                {
                    throw new DataFormatException(householdsPath, householdFile.HeaderLocation, "the file holds no households (only a header): there is nothing to read");
                }

                if (personPending)
                {
                    throw persons.Error("household_id", $"household {persons.HouseholdId()} is not in {householdsPath} after the last household read: an orphan person, or persons not grouped by household in the household file's order");
                }

                yield break;
            }

            int current = -1;
            while (personPending)
            {
                long householdId = persons.HouseholdId();
                if (indexById.TryGetValue(householdId, out int index))
                {
                    if (index < current)
                    {
                        throw persons.Error("household_id", $"household {householdId}'s members are not listed together: persons must be grouped by household in the household file's order");
                    }

                    current = index;
                    persons.Take(personRows);
                    personPending = persons.MoveNext();
                }
                else if (current < 0)
                {
                    throw persons.Error("household_id", $"household {householdId} is not among the households of chunk {chunk} (from {householdsPath} {firstHousehold}): an orphan person, or persons not grouped by household in the household file's order");
                }
                else if (current < indexById.Count - 1)
                {
                    // Not a member of this chunk, yet this chunk's last household has none: most likely an orphan
                    // (or a misplaced person), so name this person's row rather than the memberless household.
                    throw persons.Error(
                        "household_id",
                        $"household {householdId} is not among the households of chunk {chunk} (from {householdsPath} {firstHousehold}), whose household {chunkIds[^1]} has no members yet: an orphan person, persons not grouped by household in the household file's order, or a household without members");
                }
                else
                {
                    break; // the next chunk's first member
                }
            }

            persons.Flush();
            var householdColumns = householdRows.Complete();
            var personColumns = personRows.Complete();
            if (chunk >= skip)
            {
                Give(builder, householdReader, householdColumns);
                Give(builder, personReader, personColumns);
                yield return Build(builder, files, ChunkLocation(chunk, firstHousehold));
            }

            chunk++;
        }
    }

    /// <summary>Where a chunk's build errors are located: the chunk and its first household's row.</summary>
    private static string ChunkLocation(int chunk, string firstHousehold) => $"chunk {chunk} (households from {firstHousehold}; rows counted from 0 within the chunk)";

    /// <summary>Rows per block when a whole file is read (and the most when a file is read in chunks).</summary>
    private const int WholeFileBlockRows = 8192;

    /// <summary>The fewest rows per block when a file is read in chunks.</summary>
    private const int MinBlockRows = 256;

    private static RecordStream Households(TableCursor cursor, PopulationRecordReader reader, StreamSettings settings)
        => new(cursor, reader, readHouseholdIds: false, settings);

    private static RecordStream Persons(TableCursor cursor, PopulationRecordReader reader, StreamSettings settings)
        => new(cursor, reader, readHouseholdIds: true, settings);

    /// <summary>Gives the columns read to the builder, each as its type (ids, bytes, doubles, region handles), with the extra columns and their declarations; the builder checks the values against them.</summary>
    private static void Give(ColumnarPopulationBuilder builder, PopulationRecordReader reader, ColumnSet columns)
    {
        var definitions = reader.Definitions;
        for (int f = 0; f < definitions.Length; f++)
        {
            switch (columns.Fields[f])
            {
                case long[] ids:
                    builder.Set(definitions[f], ids);
                    break;
                case double[] numbers:
                    builder.Set(definitions[f], numbers);
                    break;
                case byte[] bytes:
                    builder.Set(definitions[f], bytes);
                    break;
                case ushort[] regions:
                    builder.SetRegionHandles(definitions[f], regions);
                    break;
            }
        }

        int i = 0;
        foreach (var column in reader.ExtraColumns)
        {
            builder.AddColumn(column, columns.Extras[i++]);
        }
    }

    private static Population Build(ColumnarPopulationBuilder builder, string files, string location)
    {
        try
        {
            return builder.Build();
        }
        catch (PopulationValidationException e)
        {
            throw new DataFormatException(files, location, e.Message, e);
        }
    }
}
