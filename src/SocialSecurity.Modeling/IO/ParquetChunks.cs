using System.Collections.Concurrent;
using Parquet;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// The fast path of <see cref="PopulationReader.ReadChunks"/> for Parquet files written as
/// <see cref="PopulationParquet.Write"/> writes them (the population's column types, no nulls, nothing recoded or
/// scaled by the mapping, household ids strictly increasing and persons listed by household in that order): each row
/// group is decoded by Parquet.Net straight into typed arrays (the next one decoded ahead on the thread pool) and
/// checked a column at a time against the ranges the row-by-row reader applies; a chunk's households are then taken
/// as a run of rows, and its persons matched to them by merging the two sorted id columns (no hashing, no record per
/// row). At the first doubt (a row group that does not decode or holds a value out of range, an id not above the one
/// before, an orphan or misplaced person, an empty file) it stops and reports how many chunks it gave: the caller then
/// reads the files the general way from their start, skipping those chunks, so that every error is the one the
/// general path raises, at the same chunk, with the same file, row, column and message.
/// </summary>
internal sealed class ParquetChunks : IDisposable
{
    private readonly Groups _households;
    private readonly Groups _persons;
    private readonly PopulationRecordReader _householdReader;
    private readonly PopulationRecordReader _personReader;
    private readonly int _size;
    private readonly int _householdIdIndex;
    private long _lastId = long.MinValue;

    private ParquetChunks(Groups households, Groups persons, PopulationRecordReader householdReader, PopulationRecordReader personReader, int size)
    {
        (_households, _persons, _householdReader, _personReader, _size) = (households, persons, householdReader, personReader, size);
        _householdIdIndex = personReader.HouseholdIdIndex;
    }

    /// <summary>The chunks given so far.</summary>
    public int Chunks { get; private set; }

    /// <summary>
    /// A reader of <paramref name="householdFile"/> and <paramref name="personFile"/> in chunks of
    /// <paramref name="size"/> households, or <see langword="null"/> when a column does not have the population's type
    /// (the general path reads them then). The cursors are not moved: the general path can still read them from the
    /// start once this reader is disposed.
    /// </summary>
    public static ParquetChunks? TryOpen(ParquetTableCursor householdFile, ParquetTableCursor personFile, PopulationRecordReader householdReader, PopulationRecordReader personReader, RegionCatalog regions, int size)
    {
        if (householdReader.Definitions[0].Type != ColumnType.Identifier
            || personReader.HouseholdIdIndex < 0
            || !householdReader.Present[0]
            || !personReader.Present[personReader.HouseholdIdIndex]
            || ParquetColumns.Bind(householdFile, householdReader) is not { } households
            || ParquetColumns.Bind(personFile, personReader) is not { } persons)
        {
            return null;
        }

        return new ParquetChunks(
            new Groups(householdFile.Reader, new ParquetPages(householdFile.File, householdFile.Reader.Metadata!), households, householdReader, regions),
            new Groups(personFile.Reader, new ParquetPages(personFile.File, personFile.Reader.Metadata!), persons, personReader, regions),
            householdReader,
            personReader,
            size);
    }

    /// <summary>
    /// The next chunk's households and persons (in file order, as the general path gathers them), with the location of
    /// its first household; <see langword="true"/> with <see langword="null"/> columns at the end of the files, and
    /// <see langword="false"/> at a doubt (the general path must take over from chunk <see cref="Chunks"/>).
    /// </summary>
    public bool TryNext(out ColumnSet? households, out ColumnSet? persons, out string firstHousehold)
    {
        (households, persons, firstHousehold) = (null, null, string.Empty);
        var householdRows = new ColumnGather(_householdReader.Definitions, _householdReader.Present, _householdReader.ExtraCount);
        int taken = 0;
        while (taken < _size && _households.HasRow())
        {
            var group = _households.Current!;
            if (!group.Ok)
            {
                return false;
            }

            if (taken == 0)
            {
                firstHousehold = group.LocationOf(_households.Row);
            }

            int count = Math.Min(_size - taken, group.Rows - _households.Row);
            group.Append(householdRows, _households.Row, count);
            _households.Row += count;
            taken += count;
        }

        if (taken == 0)
        {
            // No households at all (an error), or persons left after the last one (an orphan): the general path says which.
            return Chunks > 0 && !_persons.HasRow();
        }

        var chunkHouseholds = householdRows.Complete();
        var ids = (long[])chunkHouseholds.Fields[0]!;
        foreach (long id in ids)
        {
            if (id <= _lastId)
            {
                return false; // not sorted: the general path checks repeats and orders members by hashing
            }

            _lastId = id;
        }

        var personRows = new ColumnGather(_personReader.Definitions, _personReader.Present, _personReader.ExtraCount);
        long last = ids[^1];
        int household = 0;
        int matched = -1;
        bool next = false;
        while (!next && _persons.HasRow())
        {
            var group = _persons.Current!;
            if (!group.Ok)
            {
                return false;
            }

            var householdIds = (long[])group.Columns.Fields[_householdIdIndex]!;
            int first = _persons.Row;
            int row = first;
            for (; row < group.Rows; row++)
            {
                long id = householdIds[row];
                if (id > last)
                {
                    next = true; // the next chunk's first member
                    break;
                }

                while (ids[household] < id)
                {
                    household++;
                }

                if (ids[household] != id)
                {
                    return false; // an orphan, or persons out of household order
                }

                matched = household;
            }

            group.Append(personRows, first, row - first);
            _persons.Row = row;
        }

        if (next && matched != ids.Length - 1)
        {
            return false; // the chunk's last household has no members, yet persons follow
        }

        households = chunkHouseholds;
        persons = personRows.Complete();
        Chunks++;
        return true;
    }

    public void Dispose()
    {
        _households.Dispose();
        _persons.Dispose();
    }

    /// <summary>The row groups of one file, decoded in order into typed columns, the next one decoded ahead while the current one is read.</summary>
    private sealed class Groups(ParquetReader reader, ParquetPages pages, ParquetBinding binding, PopulationRecordReader plan, RegionCatalog catalog) : IDisposable
    {
        private readonly ConcurrentBag<ColumnSet> _free = [];
        private RegionCodeLookup? _regions;
        private int _next;
        private long _nextStart;
        private Task<Group?>? _ahead;

        /// <summary>The row group read, or <see langword="null"/> before the first and after the last.</summary>
        public Group? Current { get; private set; }

        /// <summary>The next row of <see cref="Current"/> to take.</summary>
        public int Row { get; set; }

        /// <summary>Whether a row is left to take, moving to the next row group when the current one is taken (false at the end of the file).</summary>
        public bool HasRow()
        {
            if (Current is { } current && Row < current.Rows)
            {
                return true;
            }

            Current?.Drop();
            Current = _ahead is { } ahead ? ahead.GetAwaiter().GetResult() : Load();
            _ahead = null;
            Row = 0;
            if (Current is not { Ok: true })
            {
                return Current is not null;
            }

            _ahead = Task.Run(Load);
            return true;
        }

        /// <summary>Decodes the next row group and checks its values; a damaged group, or one with no rows, is one not <see cref="Group.Ok"/>.</summary>
        private Group? Load()
        {
            if (_next >= reader.RowGroupCount)
            {
                return null;
            }

            int index = _next++;
            long start = _nextStart;
            int rows = 0;
            try
            {
                long count = reader.RowGroups[index].RowCount;
                if (count <= 0 || count > Array.MaxLength)
                {
                    return new Group(index, start, 0, null!, false, _free);
                }

                rows = (int)count;
                _nextStart += rows;
                var columns = _free.TryTake(out var free) && free.Capacity >= rows ? free : ColumnSet.Allocate(plan.Definitions, plan.Present, plan.ExtraCount, rows);
                bool ok = ParquetColumns.DecodeGroup(reader, pages, index, 0, rows, binding, columns, catalog, ref _regions)
                    && ParquetColumns.InRange(binding.Fields, columns, 0, rows);
                return new Group(index, start, rows, columns, ok, _free);
            }
            catch (Exception e) when (ParquetTableCursor.IsDecodingFailure(e))
            {
                return new Group(index, start, rows, null!, false, _free);
            }
        }

        /// <summary>Waits for the row group decoded ahead (the reader is then free for the general path).</summary>
        public void Dispose()
        {
            try
            {
                _ahead?.GetAwaiter().GetResult();
                _ahead = null;
            }
            finally
            {
                pages.Dispose();
            }
        }
    }

    /// <summary>
    /// One decoded row group: its columns, held by the file's reader while it is current and by each chunk's gather
    /// until the gather has copied its rows; the last holder gives the columns back to be decoded into again.
    /// </summary>
    private sealed class Group(int index, long start, int rows, ColumnSet columns, bool ok, ConcurrentBag<ColumnSet> free)
    {
        private int _holders = 1;

        public int Rows { get; } = rows;

        public ColumnSet Columns { get; } = columns;

        /// <summary>Whether every value decoded and is one the row-by-row reader accepts.</summary>
        public bool Ok { get; } = ok;

        /// <summary>Where row <paramref name="row"/> is, as the Parquet cursor names it.</summary>
        public string LocationOf(int row) => $"row group {index}, row {row} (file row {start + row})";

        /// <summary>Notes rows <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1 for <paramref name="gather"/>, which holds the group until it has copied them.</summary>
        public void Append(ColumnGather gather, int first, int count)
        {
            if (count <= 0)
            {
                return;
            }

            Interlocked.Increment(ref _holders);
            gather.Append(Columns, first, count, _ => Drop());
        }

        /// <summary>A holder is done with the columns; the last gives them back.</summary>
        public void Drop()
        {
            if (Interlocked.Decrement(ref _holders) == 0 && Columns is { } columns)
            {
                free.Add(columns);
            }
        }
    }
}
