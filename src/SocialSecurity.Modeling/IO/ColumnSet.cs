using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Populations;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// The parsed values of a run of rows of one population file, one typed array per built-in field of the entity (in
/// the record mapping's order, as <see cref="PopulationRecordReader"/> binds them) and one per extra column: ids as
/// <see cref="long"/>, counts, flags and codes as <see cref="byte"/>, amounts as <see cref="double"/>, regions as
/// catalogue handles (<see cref="RegionBuffer{TRecord}.NotGiven"/> where an optional region is empty). These are the
/// column types of a <see cref="Population"/>, so the rows go to <see cref="ColumnarPopulationBuilder"/> without a
/// record per row. A block's set is reused for later blocks of the same stream; a gathered set is adopted by the population.
/// </summary>
internal sealed class ColumnSet
{
    private ColumnSet(Array?[] fields, double[][] extras, int capacity)
    {
        Fields = fields;
        Extras = extras;
        Capacity = capacity;
    }

    /// <summary>One array per field (mapping order); <see langword="null"/> for a field the set does not hold.</summary>
    public Array?[] Fields { get; }

    /// <summary>One array per extra column.</summary>
    public double[][] Extras { get; }

    /// <summary>The rows the arrays can hold.</summary>
    public int Capacity { get; }

    /// <summary>A set of arrays of exactly <paramref name="rows"/> rows, for the fields where <paramref name="held"/> is true.</summary>
    public static ColumnSet Allocate(ColumnDefinition[] definitions, bool[] held, int extras, int rows)
    {
        var fields = new Array?[definitions.Length];
        for (int f = 0; f < fields.Length; f++)
        {
            if (!held[f])
            {
                continue;
            }

            fields[f] = StorageOf(definitions[f]) switch
            {
                ColumnStorage.Double => GC.AllocateUninitializedArray<double>(rows),
                ColumnStorage.Byte => GC.AllocateUninitializedArray<byte>(rows),
                ColumnStorage.UInt16 => GC.AllocateUninitializedArray<ushort>(rows),
                _ => GC.AllocateUninitializedArray<long>(rows),
            };
        }

        var extraArrays = new double[extras][];
        for (int i = 0; i < extraArrays.Length; i++)
        {
            extraArrays[i] = GC.AllocateUninitializedArray<double>(rows);
        }

        return new ColumnSet(fields, extraArrays, rows);
    }

    /// <summary>How a field is held while reading: ids (and the person's household id) as <see cref="long"/>, everything else in its storage.</summary>
    public static ColumnStorage StorageOf(ColumnDefinition definition)
        => definition.Type == ColumnType.Identifier ? ColumnStorage.Int64 : definition.Storage;
}

/// <summary>
/// Rows gathered from blocks into whole columns for one population (a whole file or one chunk): appended a run of
/// rows at a time, each run only noted (the block's column set it lies in, its first row and its count) until
/// <see cref="Complete"/>, which allocates arrays of exactly the rows gathered and copies every run into them once,
/// the columns in parallel. A set appended from must not be filled again before then: the caller keeps it, and
/// <see cref="Complete"/> gives it back through the release given with it. Only the fields the file carries are
/// gathered: a column the file lacks is left to the builder, which shares one array of zeros.
/// </summary>
internal sealed class ColumnGather
{
    private readonly ColumnDefinition[] _definitions;
    private readonly bool[] _held;
    private readonly int _extras;
    private readonly List<(ColumnSet Source, int Start, int Count, Action<ColumnSet>? Release)> _runs = [];
    private ColumnSet? _complete;

    /// <summary>The fewest rows for which the columns are copied in parallel.</summary>
    private const int ParallelCopyRows = 1 << 14;

    /// <summary>Gathers the fields where <paramref name="held"/> is true, and <paramref name="extras"/> extra columns.</summary>
    /// <param name="definitions">The fields' columns, in the mapping's order.</param>
    /// <param name="held">Which fields to gather.</param>
    /// <param name="extras">The number of extra columns.</param>
    public ColumnGather(ColumnDefinition[] definitions, bool[] held, int extras)
        => (_definitions, _held, _extras) = (definitions, held, extras);

    /// <summary>The rows gathered.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Notes rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> − 1 of a parsed
    /// block's set, which stays unchanged until <see cref="Complete"/>; <paramref name="release"/> is then called once
    /// for this run (to give the set back when no gather needs it any more).
    /// </summary>
    public void Append(ColumnSet source, int start, int count, Action<ColumnSet>? release = null)
    {
        if (_complete is not null)
        {
            throw new InvalidOperationException("The gather is complete.");
        }

        if (count <= 0)
        {
            release?.Invoke(source);
            return;
        }

        _runs.Add((source, start, count, release));
        Count += count;
    }

    /// <summary>The gathered columns, in arrays of exactly <see cref="Count"/> rows, each row copied once; the runs' sets are released.</summary>
    public ColumnSet Complete()
    {
        if (_complete is not null)
        {
            return _complete;
        }

        var exact = ColumnSet.Allocate(_definitions, _held, _extras, Count);
        var runs = _runs.ToArray();
        int fields = exact.Fields.Length;
        var targets = new Array?[fields + _extras];
        var sources = new Func<ColumnSet, Array>[fields + _extras];
        for (int f = 0; f < fields; f++)
        {
            int field = f;
            targets[f] = exact.Fields[f];
            sources[f] = set => set.Fields[field]!;
        }

        for (int i = 0; i < _extras; i++)
        {
            int extra = i;
            targets[fields + i] = exact.Extras[i];
            sources[fields + i] = set => set.Extras[extra];
        }

        // One column per task: every column is written by one thread, from the same runs in the same order.
        Parallel.For(0, targets.Length, new ParallelOptions { MaxDegreeOfParallelism = Count < ParallelCopyRows ? 1 : -1 }, c =>
        {
            if (targets[c] is not { } target)
            {
                return;
            }

            int at = 0;
            foreach (var (source, start, count, _) in runs)
            {
                Array.Copy(sources[c](source), start, target, at, count);
                at += count;
            }
        });

        foreach (var run in runs)
        {
            run.Release?.Invoke(run.Source);
        }

        _runs.Clear();
        _complete = exact;
        return exact;
    }
}
