using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.IO;

/// <summary>How a <see cref="RecordStream"/> cuts its file: rows per block, and blocks read and parsed ahead of the consumer (by default one per processor, plus one).</summary>
/// <param name="BlockRows">Rows per block (≥ 1).</param>
/// <param name="ReadAhead">Blocks in flight (≥ 1; 1 reads one block at a time).</param>
/// <param name="ColumnAtATime">Whether blocks are parsed a column at a time first (<see cref="PopulationRecordReader.TryReadBlock"/>); false parses every row on its own (tests: the results must be the same).</param>
/// <param name="Utf8Csv">Whether CSV files are read on the UTF-8 fast path where they allow (<see cref="Utf8CsvTableCursor"/>); false reads them on the general path only (tests: the results and errors must be the same).</param>
/// <param name="Utf8BlockBytes">The bytes of lines a block holds at most on the UTF-8 fast path (<see cref="Utf8CsvTableCursor.DefaultBlockBytes"/>; tests cut blocks at a few bytes: the results and errors must be the same).</param>
internal sealed record StreamSettings(int BlockRows, int ReadAhead, bool ColumnAtATime = true, bool Utf8Csv = true, int Utf8BlockBytes = Utf8CsvTableCursor.DefaultBlockBytes)
{
    /// <summary>Blocks of <paramref name="blockRows"/> rows, one per processor (at least two) plus one in flight.</summary>
    public StreamSettings(int blockRows)
        : this(blockRows, Math.Max(2, Environment.ProcessorCount) + 1)
    {
    }
}

/// <summary>
/// The rows of one population file, read in order by one consumer while the rows ahead are parsed in parallel: the
/// file is cut into blocks in order (<see cref="TableCursor.ReadBlock"/>: tokenising a CSV file, decoding a Parquet
/// row group), and each block's cells are parsed and checked into typed columns (<see cref="ColumnSet"/>) on the
/// thread pool, a few blocks ahead of the consumer. Whatever the threads do, the consumer sees the rows, and the
/// errors, exactly as a row-by-row read would show them: an error found in a block is kept with its row and the step
/// it was met at (moving to the row, the household id, the record, the extra columns) and raised only when the
/// consumer takes that step on that row, so the first error in file order wins, with the same message. Rows the
/// consumer takes (<see cref="Take"/>) go to a <see cref="ColumnGather"/> a run at a time, which copies them once when it
/// completes (the block's columns are kept until then).
/// </summary>
internal sealed class RecordStream : IDisposable
{
    /// <summary>The step of reading a row's household id (person files).</summary>
    public const int HouseholdIdStep = 1;

    /// <summary>The step of reading a row's fields.</summary>
    public const int RecordStep = 2;

    /// <summary>The step of reading a row's extra columns.</summary>
    public const int ExtrasStep = 3;

    private readonly TableCursor _cursor;
    private readonly PopulationRecordReader _plan;
    private readonly ColumnDefinition[] _definitions;
    private readonly int _householdIdIndex;
    private readonly bool _readHouseholdIds;
    private readonly int _blockRows;
    private readonly int _ahead;
    private readonly bool _columnAtATime;
    private readonly Queue<Task<Parsed?>> _pending = new();

    /// <summary>Column sets of blocks already read, to be filled again (the stream's own: nothing stays pooled after it).</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<ColumnSet> _free = [];
    private readonly bool[] _all;
    private Task<TableBlock?>? _lastRead;
    private bool _readEnded;
    private Parsed? _block;
    private int _row;
    private bool _ended;
    private ColumnGather? _runTarget;
    private Parsed? _runBlock;
    private int _runStart;
    private int _runCount;

    /// <summary>Streams the rows of <paramref name="cursor"/>, bound by <paramref name="plan"/>.</summary>
    /// <param name="cursor">The file, positioned before its first row; read only through this stream from now on.</param>
    /// <param name="plan">The reader built for the file (its columns checked); bound again to each block.</param>
    /// <param name="readHouseholdIds">Whether to read each row's household id on its own first (person files), so that it can be had before the record.</param>
    /// <param name="settings">Rows per block and blocks ahead.</param>
    public RecordStream(TableCursor cursor, PopulationRecordReader plan, bool readHouseholdIds, StreamSettings settings)
    {
        _cursor = cursor;
        _plan = plan;
        _definitions = plan.Definitions;
        _all = Array.ConvertAll(_definitions, _ => true);
        _householdIdIndex = plan.HouseholdIdIndex;
        _readHouseholdIds = readHouseholdIds;
        _blockRows = Math.Max(1, settings.BlockRows);
        _ahead = Math.Max(1, settings.ReadAhead);
        _columnAtATime = settings.ColumnAtATime;
    }

    /// <summary>The current row's location, as the file's cursor would give it.</summary>
    public string Location => Current.LocationOf(_row);

    /// <summary>Raises the current row's error if one was met at <paramref name="step"/> or before (<see cref="RecordStep"/>: the row's fields; <see cref="ExtrasStep"/>: its extra columns too).</summary>
    public void Check(int step) => Current.ThrowAt(_row, step);

    /// <summary>The current row's household id (person files); raises the row's error if that cell is invalid.</summary>
    public long HouseholdId()
    {
        var block = Current;
        block.ThrowAt(_row, HouseholdIdStep);
        return ((long[])block.Columns.Fields[_householdIdIndex]!)[_row];
    }

    /// <summary>The current row's id (the entity's own id, the first field); raises the row's error if a field is invalid.</summary>
    public long Id()
    {
        var block = Current;
        block.ThrowAt(_row, RecordStep);
        return ((long[])block.Columns.Fields[0]!)[_row];
    }

    /// <summary>Takes the current row (checked in full, extras included) into <paramref name="into"/>; consecutive rows are copied together.</summary>
    public void Take(ColumnGather into)
    {
        var block = Current;
        block.ThrowAt(_row, ExtrasStep);
        if (ReferenceEquals(_runTarget, into) && ReferenceEquals(_runBlock, block) && _runStart + _runCount == _row)
        {
            _runCount++;
            return;
        }

        Flush();
        (_runTarget, _runBlock, _runStart, _runCount) = (into, block, _row, 1);
    }

    /// <summary>Copies the rows taken and not yet copied to their gather.</summary>
    public void Flush()
    {
        if (_runCount > 0)
        {
            // The gather copies the rows when it completes: the block's set is kept from being filled again until then.
            _runBlock!.Retain();
            _runTarget!.Append(_runBlock.Columns, _runStart, _runCount, _runBlock.Drop);
        }

        (_runTarget, _runBlock, _runCount) = (null, null, 0);
    }

    /// <summary>An error at the current row in the column bound to <paramref name="field"/>.</summary>
    public DataFormatException Error(string field, string problem) => Current.Error(_row, field, problem);

    /// <summary>Moves to the next row; false at the end of the file. Raises an error met moving there (a malformed record, a damaged row group).</summary>
    public bool MoveNext()
    {
        if (_ended)
        {
            return false;
        }

        _row++;
        while (_block is null || _row >= _block.Count)
        {
            Flush();
            if (_block?.Block.Failure is { } failure)
            {
                _ended = true;
                _block.Release();
                _block = null;
                throw failure;
            }

            Schedule();
            var next = _pending.Dequeue().GetAwaiter().GetResult();
            if (next is null)
            {
                _ended = true;
                _block?.Release();
                _block = null;
                return false;
            }

            _block?.Release();
            _block = next;
            _row = 0;
        }

        return true;
    }

    /// <summary>Waits for the blocks still being read or parsed (they use the cursor and the thread pool), ignoring their errors: the cursor may then be disposed.</summary>
    public void Dispose()
    {
        (_runTarget, _runBlock, _runCount) = (null, null, 0);
        _block?.Release();
        _block = null;
        foreach (var task in _pending)
        {
            try
            {
                task.GetAwaiter().GetResult()?.Release();
            }
            catch (Exception)
            {
                // Not reached by the consumer: an error past the point where reading stopped is not reported.
            }
        }

        _pending.Clear();
        _ended = true;
    }

    private Parsed Current => _block is not null && _row < _block.Count && !_ended ? _block : throw new InvalidOperationException("No current row.");

    /// <summary>Keeps a few blocks read and being parsed ahead of the consumer; blocks are cut in file order, one after the other.</summary>
    private void Schedule()
    {
        while (_pending.Count < _ahead && !_readEnded)
        {
            var previous = _lastRead;
            var read = previous is null
                ? Task.Run(() => _cursor.ReadBlock(_blockRows))
                : previous.ContinueWith(
                    p => p.GetAwaiter().GetResult() is { Failure: null } ? _cursor.ReadBlock(_blockRows) : null,
                    CancellationToken.None,
                    TaskContinuationOptions.None,
                    TaskScheduler.Default);
            _lastRead = read;
            _pending.Enqueue(read.ContinueWith(r => r.GetAwaiter().GetResult() is { } block ? Parse(block) : null, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default));
            if (read.IsCompleted && (read.Status != TaskStatus.RanToCompletion || read.Result is null || read.Result.Failure is not null))
            {
                _readEnded = true;
            }
        }
    }

    /// <summary>Parses a block's rows into columns, stopping at the first invalid cell (kept with its row and step).</summary>
    private Parsed Parse(TableBlock block)
    {
        var reader = _plan.ForBlock(block);
        int count = block.Count;
        var set = _free.TryTake(out var free) && free.Capacity >= count ? free : ColumnSet.Allocate(_definitions, _all, reader.ExtraCount, count);
        var parsed = new Parsed(block, reader, set, _free);
        var columns = parsed.Columns;
        if (_columnAtATime && reader.TryReadBlock(columns, count))
        {
            return parsed;
        }

        block.Seek(-1);
        for (int row = 0; block.MoveNext(); row++)
        {
            int step = HouseholdIdStep;
            try
            {
                if (_readHouseholdIds)
                {
                    reader.ReadHouseholdId(columns, row);
                }

                step = RecordStep;
                reader.ReadRow(columns, row, _readHouseholdIds);
                step = ExtrasStep;
                reader.ReadExtras(columns.Extras, row);
            }
            catch (DataFormatException e)
            {
                parsed.Fail(row, step, e);
                break;
            }
        }

        return parsed;
    }

    /// <summary>A block's columns, and the first error met parsing it.</summary>
    private sealed class Parsed(TableBlock block, PopulationRecordReader reader, ColumnSet columns, System.Collections.Concurrent.ConcurrentBag<ColumnSet> free)
    {
        private int _errorRow = int.MaxValue;
        private int _errorStep;
        private DataFormatException? _error;

        public TableBlock Block { get; } = block;

        public int Count => Block.Count;

        public ColumnSet Columns { get; } = columns;

        public string LocationOf(int row)
        {
            Block.Seek(row);
            return Block.Location;
        }

        /// <summary>The holders of the block's columns: the stream while it reads the block, and each gather run not yet copied.</summary>
        private int _holders = 1;

        /// <summary>Gives the block's buffers back (its text to the shared pool, its columns to the stream once no gather needs them); the block is not read again.</summary>
        public void Release()
        {
            Block.Release();
            Drop(Columns);
        }

        /// <summary>A gather holds the block's columns until it completes.</summary>
        public void Retain() => Interlocked.Increment(ref _holders);

        /// <summary>A holder is done with the block's columns; the last gives them back to the stream to be filled again.</summary>
        public void Drop(ColumnSet columns)
        {
            if (Interlocked.Decrement(ref _holders) == 0)
            {
                free.Add(columns);
            }
        }

        public void Fail(int row, int step, DataFormatException error) => (_errorRow, _errorStep, _error) = (row, step, error);

        /// <summary>Raises the error kept for <paramref name="row"/>, if it was met at <paramref name="step"/> or before.</summary>
        public void ThrowAt(int row, int step)
        {
            if (row == _errorRow && _errorStep <= step)
            {
                throw _error!;
            }
        }

        public DataFormatException Error(int row, string field, string problem)
        {
            Block.Seek(row);
            return reader.Error(field, problem);
        }
    }
}
