using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Populations;

/// <summary>
/// The builder's buffer for one built-in column: takes the value from each record added through the record's
/// mapping, checks it against the column's declaration (problems go to the builder), and stores it in the column's
/// storage type. One virtual call and one delegate call per column and record; no boxing.
/// </summary>
internal abstract class FieldBuffer<TRecord>
    where TRecord : struct
{
    protected FieldBuffer(RecordField<TRecord> field, string entity)
    {
        Field = field;
        Entity = entity;
    }

    /// <summary>The record field (and so the column) this buffer fills.</summary>
    public RecordField<TRecord> Field { get; }

    /// <summary>"household" or "person", for problem lines.</summary>
    protected string Entity { get; }

    /// <summary>The buffer for <paramref name="field"/>, by the kind of the field.</summary>
    public static FieldBuffer<TRecord> For(RecordField<TRecord> field, int capacity, RegionCatalog regions)
    {
        string entity = field.Column.Entity == Core.Entity.Person ? "person" : "household";
        return field switch
        {
            NumberField<TRecord> number => new NumberBuffer<TRecord>(number, entity, capacity),
            IntegerField<TRecord> { Column.Storage: ColumnStorage.Byte } small => new ByteBuffer<TRecord>(small, entity, capacity),
            IntegerField<TRecord> integer => new LongBuffer<TRecord>(integer, entity, capacity),
            RegionField<TRecord> region => new RegionBuffer<TRecord>(region, entity, capacity, regions),
            _ => throw new InvalidOperationException($"No buffer for the field of '{field.Column.Name}'."),
        };
    }

    /// <summary>Takes the column's value from <paramref name="record"/>, recording a problem if it is invalid (or leaving the check to <see cref="CheckAll"/>).</summary>
    public abstract void Add(in TRecord record, PopulationBuilder builder, int row, long id);

    /// <summary>Checks, once all rows are added, the values <see cref="Add"/> did not check.</summary>
    /// <param name="problems">Receives the problems.</param>
    /// <param name="ids">The entity's ids, in the order added.</param>
    public virtual void CheckAll(ProblemList problems, ReadOnlySpan<long> ids)
    {
    }

    /// <summary>The values in the order added, trimmed (household columns: no reordering).</summary>
    public abstract Array ToArray();

    /// <summary>The values in member order (person columns): the trimmed buffer when rows were added in member order, else a reordered copy.</summary>
    public abstract Array InMemberOrder(PopulationLayout layout);

    /// <summary>Records a problem when <paramref name="value"/> is not valid for the column; the line names the file field, the row, the id and the valid values.</summary>
    protected void Check(PopulationBuilder builder, double value, int row, long id)
    {
        if (!Field.Column.Accepts(value))
        {
            builder.Problem(ColumnChecks.Describe(Field.Column, Field.Field, Entity, row, id, value));
        }
    }
}

/// <summary>A column stored as doubles: values are stored as given and checked together, a vector at a time, by <see cref="CheckAll"/> (the columnar builder's check).</summary>
internal sealed class NumberBuffer<TRecord>(NumberField<TRecord> field, string entity, int capacity) : FieldBuffer<TRecord>(field, entity)
    where TRecord : struct
{
    private readonly NumberField<TRecord> _field = field;

    private readonly ColumnBuffer<double> _values = new(capacity);

    public override void Add(in TRecord record, PopulationBuilder builder, int row, long id) => _values.Add(_field.Get(in record));

    public override void CheckAll(ProblemList problems, ReadOnlySpan<long> ids) => BuildChecks.Values(Field.Column, Field.Field, _values.AsSpan(), ids, problems);

    public override Array ToArray() => _values.ToArray();

    public override Array InMemberOrder(PopulationLayout layout) => layout.InMemberOrder(_values.ToArray());
}

/// <summary>A count, flag or code stored as one byte: checked as it is added (a value outside 0–255 cannot be stored to be checked later), by a table of the 256 byte values the column accepts.</summary>
internal sealed class ByteBuffer<TRecord>(IntegerField<TRecord> field, string entity, int capacity) : FieldBuffer<TRecord>(field, entity)
    where TRecord : struct
{
    private readonly IntegerField<TRecord> _field = field;

    private readonly ColumnBuffer<byte> _values = new(capacity);

    private readonly bool[] _accepted = Accepted(field.Column);

    public override void Add(in TRecord record, PopulationBuilder builder, int row, long id)
    {
        long value = _field.Get(in record);
        if ((ulong)value > byte.MaxValue || !_accepted[value])
        {
            Check(builder, value, row, id);
        }

        _values.Add((byte)Math.Clamp(value, 0, 255));
    }

    private static bool[] Accepted(Core.ColumnDefinition column)
    {
        var accepted = new bool[byte.MaxValue + 1];
        for (int i = 0; i < accepted.Length; i++)
        {
            accepted[i] = column.Accepts(i);
        }

        return accepted;
    }

    public override Array ToArray() => _values.ToArray();

    public override Array InMemberOrder(PopulationLayout layout) => layout.InMemberOrder(_values.ToArray());
}

/// <summary>An id (stored as <see cref="long"/>), or the person's household id (held as ids here, turned into household indices by the builder).</summary>
internal sealed class LongBuffer<TRecord>(IntegerField<TRecord> field, string entity, int capacity) : FieldBuffer<TRecord>(field, entity)
    where TRecord : struct
{
    private readonly IntegerField<TRecord> _field = field;

    /// <summary>The values in the order added.</summary>
    public ColumnBuffer<long> Values { get; } = new(capacity);

    public override void Add(in TRecord record, PopulationBuilder builder, int row, long id) => Values.Add(_field.Get(in record));

    public override Array ToArray() => Values.ToArray();

    public override Array InMemberOrder(PopulationLayout layout) => layout.InMemberOrder(Values.ToArray());
}

/// <summary>
/// A region code, stored as a handle into the catalogue. A required region must be a known code; an optional one may
/// be absent (<see cref="NotGiven"/>), and the builder then takes the household's region.
/// </summary>
internal sealed class RegionBuffer<TRecord>(RegionField<TRecord> field, string entity, int capacity, RegionCatalog regions) : FieldBuffer<TRecord>(field, entity)
    where TRecord : struct
{
    private readonly RegionField<TRecord> _field = field;

    /// <summary>The handle of an optional region that was not given.</summary>
    public const ushort NotGiven = ushort.MaxValue;

    /// <summary>The handles in the order added (<see cref="NotGiven"/> where an optional code was absent).</summary>
    public ColumnBuffer<ushort> Values { get; } = new(capacity);

    public override void Add(in TRecord record, PopulationBuilder builder, int row, long id)
    {
        var code = _field.Get(in record);
        if (code is null && !Field.Required)
        {
            Values.Add(NotGiven);
            return;
        }

        if (code is null || !regions.TryGetId(code, out var region))
        {
            builder.Problem(BuildChecks.UnknownRegion(Field.Field, Entity, row, id, code));
            Values.Add(0);
            return;
        }

        Values.Add(region.Index);
    }

    public override Array ToArray() => Values.ToArray();

    public override Array InMemberOrder(PopulationLayout layout) => layout.InMemberOrder(Values.ToArray());

    /// <summary>Member order, with an absent optional region replaced by the region of the person's household.</summary>
    public ushort[] InMemberOrder(PopulationLayout layout, ushort[] householdRegion)
    {
        var order = layout.Order;
        var personHousehold = layout.PersonHousehold;
        var result = new ushort[personHousehold.Length];
        for (int i = 0; i < result.Length; i++)
        {
            ushort r = Values[order is null ? i : order[i]];
            result[i] = r == NotGiven ? householdRegion[personHousehold[i]] : r;
        }

        return result;
    }
}
