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

    /// <summary>Copies rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> − 1 of <paramref name="source"/> to row <paramref name="at"/> of this set, for the fields this set holds.</summary>
    public void CopyFrom(ColumnSet source, int start, int count, int at)
    {
        for (int f = 0; f < Fields.Length; f++)
        {
            if (Fields[f] is { } target)
            {
                Array.Copy(source.Fields[f]!, start, target, at, count);
            }
        }

        for (int i = 0; i < Extras.Length; i++)
        {
            Array.Copy(source.Extras[i], start, Extras[i], at, count);
        }
    }
}

/// <summary>
/// Rows gathered from blocks into whole columns for one population (a whole file or one chunk): appended a run of
/// rows at a time, into arrays allocated to the expected number of rows (grown to a new estimate, or by half, when
/// more come), then cut to
/// the exact number of rows (without a copy when the guess was exact, as it is for a Parquet file's row count) and
/// given to a <see cref="ColumnarPopulationBuilder"/>. Only the fields the file carries are gathered: a column the
/// file lacks is left to the builder, which shares one array of zeros.
/// </summary>
internal sealed class ColumnGather
{
    private readonly ColumnDefinition[] _definitions;
    private readonly bool[] _held;
    private readonly int _extras;
    private readonly Func<int>? _expected;
    private ColumnSet _set;

    /// <summary>Gathers the fields where <paramref name="held"/> is true, and <paramref name="extras"/> extra columns, expecting about <paramref name="expectedRows"/> rows.</summary>
    /// <param name="definitions">The fields' columns, in the mapping's order.</param>
    /// <param name="held">Which fields to gather.</param>
    /// <param name="extras">The number of extra columns.</param>
    /// <param name="expectedRows">The rows expected.</param>
    /// <param name="expected">Asked again for the rows expected when more rows come than expected (a file's estimate improves as it is read).</param>
    public ColumnGather(ColumnDefinition[] definitions, bool[] held, int extras, int expectedRows, Func<int>? expected = null)
    {
        (_definitions, _held, _extras, _expected) = (definitions, held, extras, expected);
        _set = ColumnSet.Allocate(definitions, held, extras, Math.Max(expectedRows, 16));
    }

    /// <summary>The rows gathered.</summary>
    public int Count { get; private set; }

    /// <summary>Appends rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> − 1 of a parsed block.</summary>
    public void Append(ColumnSet source, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        if (Count + count > _set.Capacity)
        {
            long grown = Math.Max(Count + count, _set.Capacity + (_set.Capacity / 2L));
            var larger = ColumnSet.Allocate(_definitions, _held, _extras, (int)Math.Min(Math.Max(grown, _expected?.Invoke() ?? 0), Array.MaxLength));
            larger.CopyFrom(_set, 0, Count, 0);
            _set = larger;
        }

        _set.CopyFrom(source, start, count, Count);
        Count += count;
    }

    /// <summary>The gathered columns cut to <see cref="Count"/> rows (the arrays themselves when they have exactly that many).</summary>
    public ColumnSet Complete()
    {
        if (_set.Capacity == Count)
        {
            return _set;
        }

        var exact = ColumnSet.Allocate(_definitions, _held, _extras, Count);
        exact.CopyFrom(_set, 0, Count, 0);
        _set = exact;
        return exact;
    }
}
