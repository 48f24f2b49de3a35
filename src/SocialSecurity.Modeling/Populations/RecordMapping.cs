using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations;

/// <summary>Reads one value of a record (passed by reference, not copied).</summary>
internal delegate T RecordGetter<TRecord, out T>(in TRecord record);

/// <summary>Sets one value of a record (records are immutable: the setter replaces the record with a modified copy).</summary>
internal delegate void RecordSetter<TRecord, in T>(ref TRecord record, T value);

/// <summary>
/// How one built-in column of <see cref="PopulationSchema"/> is given in a record: a getter for the builder and a
/// setter for the file readers. The kind of value follows the column's storage: <see cref="NumberField{TRecord}"/>
/// for doubles, <see cref="IntegerField{TRecord}"/> for bytes, ids and the person's household id,
/// <see cref="RegionField{TRecord}"/> for region codes.
/// </summary>
internal abstract class RecordField<TRecord>
    where TRecord : struct
{
    protected RecordField(ColumnDefinition column)
    {
        Column = column;
        Field = PopulationSchema.FieldName(column);
        Required = column.BuiltInIndex >= 0 && PopulationSchema.BuiltIns[column.BuiltInIndex].Required;
    }

    /// <summary>The built-in column.</summary>
    public ColumnDefinition Column { get; }

    /// <summary>The column's canonical field name in files.</summary>
    public string Field { get; }

    /// <summary>Whether files must carry the field.</summary>
    public bool Required { get; }

    /// <summary>Whether this kind of field can hold a column of <paramref name="column"/>'s storage.</summary>
    internal abstract bool Fits(ColumnDefinition column);
}

/// <summary>A built-in column stored as doubles (amounts, quantities).</summary>
internal sealed class NumberField<TRecord>(ColumnDefinition column, RecordGetter<TRecord, double> get, RecordSetter<TRecord, double> set)
    : RecordField<TRecord>(column)
    where TRecord : struct
{
    public RecordGetter<TRecord, double> Get { get; } = get;

    public RecordSetter<TRecord, double> Set { get; } = set;

    internal override bool Fits(ColumnDefinition column) => column.Storage == ColumnStorage.Double;
}

/// <summary>A built-in column of whole numbers: a byte (count, flag, code), an id, or the person's household id (stored as the household's index).</summary>
internal sealed class IntegerField<TRecord>(ColumnDefinition column, RecordGetter<TRecord, long> get, RecordSetter<TRecord, long> set)
    : RecordField<TRecord>(column)
    where TRecord : struct
{
    public RecordGetter<TRecord, long> Get { get; } = get;

    public RecordSetter<TRecord, long> Set { get; } = set;

    internal override bool Fits(ColumnDefinition column) => column.Type != ColumnType.Region && column.Storage is ColumnStorage.Byte or ColumnStorage.Int32 or ColumnStorage.Int64;
}

/// <summary>A built-in region column: a GB/T 2260 code in the record (<see langword="null"/> when not given), a handle in the population.</summary>
internal sealed class RegionField<TRecord>(ColumnDefinition column, RecordGetter<TRecord, string?> get, RecordSetter<TRecord, string?> set)
    : RecordField<TRecord>(column)
    where TRecord : struct
{
    public RecordGetter<TRecord, string?> Get { get; } = get;

    public RecordSetter<TRecord, string?> Set { get; } = set;

    internal override bool Fits(ColumnDefinition column) => column.Type == ColumnType.Region && column.Storage == ColumnStorage.UInt16;
}

/// <summary>
/// The mapping between a record type and the built-in columns of one entity: exactly one field per column of
/// <see cref="PopulationSchema"/> of that entity, in schema order. Checked when it is created, so a built-in column
/// declared without its field in the record fails as soon as the record type is used.
/// </summary>
internal sealed class RecordMapping<TRecord>
    where TRecord : struct
{
    public RecordMapping(Entity entity, params RecordField<TRecord>[] fields)
    {
        Entity = entity;
        var byIndex = new RecordField<TRecord>?[PopulationSchema.BuiltIns.Length];
        foreach (var field in fields)
        {
            if (field.Column.BuiltInIndex < 0 || field.Column.Entity != entity)
            {
                throw new InvalidOperationException($"{typeof(TRecord).Name} maps '{field.Column.Name}', which is not a built-in {entity.ToString().ToLowerInvariant()} column.");
            }

            if (!field.Fits(field.Column))
            {
                throw new InvalidOperationException($"{typeof(TRecord).Name} maps '{field.Column.Name}' ({field.Column.Type}, stored as {field.Column.Storage}) with a field of the wrong kind.");
            }

            if (byIndex[field.Column.BuiltInIndex] is not null)
            {
                throw new InvalidOperationException($"{typeof(TRecord).Name} maps '{field.Column.Name}' twice.");
            }

            byIndex[field.Column.BuiltInIndex] = field;
        }

        var ordered = new List<RecordField<TRecord>>();
        foreach (var builtIn in PopulationSchema.BuiltIns)
        {
            if (builtIn.Definition.Entity != entity)
            {
                continue;
            }

            ordered.Add(byIndex[builtIn.Definition.BuiltInIndex]
                ?? throw new InvalidOperationException($"{typeof(TRecord).Name} does not map the built-in column '{builtIn.Definition.Name}': add its field to the record's mapping."));
        }

        Fields = [.. ordered];
        Id = Array.Find(Fields, f => f.Column.Type == ColumnType.Identifier && f.Column.Storage == ColumnStorage.Int64) as IntegerField<TRecord>
            ?? throw new InvalidOperationException($"{typeof(TRecord).Name} maps no identifier column.");
    }

    /// <summary>The entity the record describes.</summary>
    public Entity Entity { get; }

    /// <summary>One field per built-in column of the entity, in schema (file) order.</summary>
    public RecordField<TRecord>[] Fields { get; }

    /// <summary>The field of the entity's own id.</summary>
    public IntegerField<TRecord> Id { get; }
}
