using System.Globalization;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Populations;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// Turns the current row of a <see cref="TableCursor"/> into a <see cref="HouseholdRecord"/> or <see cref="PersonRecord"/>
/// through a <see cref="PopulationFileMapping"/> (column names, value recoding, scale factors, declared extra columns), the same
/// for CSV and Parquet. Every error names the file, the row and the column and says what was expected.
/// </summary>
internal sealed class PopulationRecordReader
{
    private static readonly string HouseholdIdField = PopulationSchema.FieldName(PopulationSchema.PersonHouseholdId);

    private readonly TableCursor _cursor;
    private readonly RegionCatalog _regions;
    private readonly string[] _required;
    private readonly Dictionary<string, (CellColumn? Column, FieldMapping Map)> _bindings = new(StringComparer.Ordinal);
    private readonly (ColumnDefinition Definition, CellColumn Column, FieldMapping Map)[] _extras;
    private readonly Dictionary<string, string> _regionCodes = new(StringComparer.Ordinal);

    /// <summary>The binding of each field of the record, in the record mapping's order (no lookup by name per cell).</summary>
    private Binding[] _plan = [];

    /// <summary>The binding of the person's household id (person files only).</summary>
    private Binding? _householdIdBinding;

    /// <summary>The index of the person's household id among the fields (person files), or −1.</summary>
    private int _householdIdIndex = -1;

    /// <summary>Region codes to handles, for the column-at-a-time path (made when first needed).</summary>
    private RegionCodeLookup? _regionLookup;

    private PopulationRecordReader(
        TableCursor cursor,
        RegionCatalog regions,
        IReadOnlyList<string> fields,
        string[] required,
        Func<string, FieldMapping> fieldMapping,
        IReadOnlyDictionary<string, FieldMapping> extras,
        Entity entity,
        PopulationFileMapping mapping)
    {
        _cursor = cursor;
        _regions = regions;
        _required = required;
        foreach (var field in fields)
        {
            var map = fieldMapping(field);
            var column = cursor.Column(map.Column);
            if (column is null && (Array.IndexOf(required, field) >= 0 || map.Column != field))
            {
                throw new DataFormatException(cursor.File, cursor.HeaderLocation, $"column '{map.Column}' for field '{field}' is missing from the {(cursor.HeaderLocation == "schema" ? "schema" : "header")}; columns found: {string.Join(", ", cursor.ColumnNames)}");
            }

            _bindings[field] = (column, map);
        }

        // Each extra column is declared by the mapping, else by the file itself (Parquet metadata), else by name only.
        var fileDeclared = cursor.DeclaredColumnDefinitions is { } json
            ? ColumnDefinitionJson.Read(json, entity, cursor.File, $"metadata '{PopulationParquet.ColumnDefinitionsKey}'")
            : [];
        ColumnDefinition Declared(string name)
            => mapping.Declared(name, entity) ?? (fileDeclared.TryGetValue(name, out var d) ? d : ColumnDefinition.Number(name, entity));

        var extraList = new List<(ColumnDefinition, CellColumn, FieldMapping)>();
        foreach (var (name, map) in extras)
        {
            var column = cursor.Column(map.Column)
                ?? throw new DataFormatException(cursor.File, cursor.HeaderLocation, $"column '{map.Column}' for extra column '{name}' is missing from the {(cursor.HeaderLocation == "schema" ? "schema" : "header")}");
            extraList.Add((Declared(name), column, map));
        }

        foreach (var declared in cursor.DeclaredExtraColumns)
        {
            if (!extras.ContainsKey(declared) && !extras.Values.Any(m => m.Column == declared) && cursor.Column(declared) is { } column)
            {
                extraList.Add((Declared(declared), column, new FieldMapping(declared)));
            }
        }

        _extras = [.. extraList];
        foreach (var (_, column, _) in _extras)
        {
            RequireNumeric(column, "an extra column");
        }

        RejectUnknownColumns(cursor, fields, fieldMapping, mapping);
    }

    /// <summary>The same reading plan bound to the columns of <paramref name="block"/> (a block of the same file's rows), for reading blocks on other threads.</summary>
    private PopulationRecordReader(PopulationRecordReader plan, TableCursor block)
    {
        _cursor = block;
        _regions = plan._regions;
        _required = plan._required;
        foreach (var (field, (column, map)) in plan._bindings)
        {
            _bindings[field] = (column is null ? null : block.Column(column.Name), map);
        }

        _extras = Array.ConvertAll(plan._extras, e => (e.Definition, block.Column(e.Column.Name)!, e.Map));
        _plan = Array.ConvertAll(plan._plan, b => Bind(b.Field, b.Definition));
        _householdIdBinding = plan._householdIdBinding is null ? null : Bind(HouseholdIdField, PopulationSchema.PersonHouseholdId);
        _householdIdIndex = plan._householdIdIndex;
    }

    /// <summary>This reader's plan bound to a block of rows of the same file (see <see cref="TableCursor.ReadBlock"/>).</summary>
    public PopulationRecordReader ForBlock(TableCursor block) => new(this, block);

    /// <summary>
    /// Every column of the file must be bound to a field, carried as an extra or listed as ignored: a misspelt optional
    /// header (say <c>wages_anual</c>) would otherwise leave its field at zero without a word.
    /// </summary>
    private void RejectUnknownColumns(TableCursor cursor, IReadOnlyList<string> fields, Func<string, FieldMapping> fieldMapping, PopulationFileMapping mapping)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, map) in _bindings.Values)
        {
            used.Add(map.Column);
        }

        foreach (var (_, column, _) in _extras)
        {
            used.Add(column.Name);
        }

        used.UnionWith(cursor.DeclaredExtraColumns);
        used.UnionWith(mapping.IgnoredColumns);
        foreach (var name in cursor.ColumnNames)
        {
            if (used.Contains(name))
            {
                continue;
            }

            // Suggest the column of a field the file lacks, when the unknown name is a near miss of it.
            var hint = NearMisses.Hint(name, fields.Where(f => _bindings[f].Column is null).Select(f => fieldMapping(f).Column), most: 1);
            throw new DataFormatException(
                cursor.File,
                $"{cursor.HeaderLocation}, column '{name}'",
                $"unknown column{hint}. Every column must be a field, an extra column declared in the mapping, or listed in the mapping's \"ignore\" list to be skipped");
        }
    }


    /// <summary>The declarations of the extra columns, in the order <see cref="ReadExtras"/> fills them.</summary>
    public IEnumerable<ColumnDefinition> ExtraColumns => _extras.Select(e => e.Definition);

    /// <summary>The number of extra columns.</summary>
    public int ExtraCount => _extras.Length;

    public static PopulationRecordReader ForHouseholds(TableCursor cursor, PopulationFileMapping mapping, RegionCatalog regions)
    {
        var reader = new PopulationRecordReader(cursor, regions, PopulationFileMapping.HouseholdFields, PopulationCodes.RequiredHousehold, mapping.Household, mapping.HouseholdExtras, Entity.Household, mapping);
        reader.RequireColumnTypes(HouseholdRecord.Mapping);
        reader._plan = Array.ConvertAll(HouseholdRecord.Mapping.Fields, f => reader.Bind(f.Field, f.Column));
        return reader;
    }

    public static PopulationRecordReader ForPersons(TableCursor cursor, PopulationFileMapping mapping, RegionCatalog regions)
    {
        var reader = new PopulationRecordReader(cursor, regions, PopulationFileMapping.PersonFields, PopulationCodes.RequiredPerson, mapping.Person, mapping.PersonExtras, Entity.Person, mapping);
        reader.RequireColumnTypes(PersonRecord.Mapping);
        reader._plan = Array.ConvertAll(PersonRecord.Mapping.Fields, f => reader.Bind(f.Field, f.Column));
        reader._householdIdBinding = reader.Bind(HouseholdIdField, PopulationSchema.PersonHouseholdId);
        reader._householdIdIndex = reader.HouseholdIdIndex;
        return reader;
    }

    /// <summary>The built-in columns of the record's fields, in the mapping's order (the order of <see cref="ColumnSet.Fields"/>).</summary>
    public ColumnDefinition[] Definitions => Array.ConvertAll(_plan, b => b.Definition);

    /// <summary>For each field (mapping order), whether the file has a column for it: fields without one are left to the builder's defaults.</summary>
    public bool[] Present => Array.ConvertAll(_plan, b => b.Column is not null);

    /// <summary>The index among <see cref="Definitions"/> of the person's household id (person files), or −1.</summary>
    public int HouseholdIdIndex => Array.FindIndex(_plan, b => ReferenceEquals(b.Definition, PopulationSchema.PersonHouseholdId));

    /// <summary>
    /// What a reader of whole typed columns needs of each field (mapping order): its column in the file
    /// (<see langword="null"/> when absent), how it is parsed, its range, whether it is required and whether the
    /// mapping recodes or scales it; then the extra columns, by column name with their scale.
    /// </summary>
    public (FieldPlan[] Fields, (string Column, double Scale)[] Extras) Plan()
        => (Array.ConvertAll(_plan, b => new FieldPlan(
                b.Definition,
                b.Column?.Name,
                b.Kind switch { FieldKind.Number => ColumnStorage.Double, FieldKind.Identifier => ColumnStorage.Int64, FieldKind.Region => ColumnStorage.UInt16, _ => ColumnStorage.Byte },
                b.Kind == FieldKind.Code ? 0 : b.Definition.Minimum,
                b.Definition.Maximum,
                b.Required,
                b.Map.Values is not null || b.Map.Scale != 1)),
            Array.ConvertAll(_extras, e => (e.Column.Name, e.Map.Scale)));

    /// <summary>
    /// Parses the current row's household id (person files) into row <paramref name="row"/> of <paramref name="into"/>,
    /// checked as <see cref="HouseholdId"/> checks it.
    /// </summary>
    public void ReadHouseholdId(ColumnSet into, int row)
        => ((long[])into.Fields[_householdIdIndex]!)[row] = Long(_householdIdBinding!);

    /// <summary>
    /// Parses the current row's fields into row <paramref name="row"/> of <paramref name="into"/> (one array per field,
    /// mapping order), with the same checks, defaults and messages, in the same order, as <see cref="Household"/> and
    /// <see cref="Person"/>; the person's household id is skipped when <paramref name="householdIdRead"/> (already read
    /// by <see cref="ReadHouseholdId"/>, with the same result).
    /// </summary>
    public void ReadRow(ColumnSet into, int row, bool householdIdRead)
    {
        var fields = into.Fields;
        for (int f = 0; f < _plan.Length; f++)
        {
            var binding = _plan[f];
            var column = binding.Definition;
            switch (binding.Kind)
            {
                case FieldKind.Number:
                    ((double[])fields[f]!)[row] = Double(binding, column.Minimum, column.Maximum);
                    break;
                case FieldKind.Identifier:
                    if (!(householdIdRead && f == _householdIdIndex))
                    {
                        ((long[])fields[f]!)[row] = Long(binding);
                    }

                    break;
                case FieldKind.Code:
                    ((byte[])fields[f]!)[row] = Code(binding, binding.CodeNames!, (int)column.Maximum);
                    break;
                case FieldKind.Count:
                    ((byte[])fields[f]!)[row] = (byte)Int(binding, (int)column.Minimum, (int)column.Maximum);
                    break;
                default:
                    ((ushort[])fields[f]!)[row] = RegionHandle(binding);
                    break;
            }
        }
    }

    /// <summary>
    /// Parses the first <paramref name="count"/> rows of the block this reader is bound to (<see cref="ForBlock"/>) a
    /// column at a time into <paramref name="into"/>, for the fields the file has (the others are not gathered) and the
    /// extra columns: the values <see cref="ReadRow"/> and <see cref="ReadExtras"/> would give. False as soon as a
    /// cell needs more (a recoding through the mapping's "values", a type the fast paths do not read) or would be an
    /// error: the caller then reads the block row by row, which finds the first error in row order and reports it as
    /// ever.
    /// </summary>
    public bool TryReadBlock(ColumnSet into, int count)
    {
        var fields = into.Fields;
        for (int f = 0; f < _plan.Length; f++)
        {
            var binding = _plan[f];
            if (binding.Column is not { } column)
            {
                continue;
            }

            var definition = binding.Definition;
            bool read = binding.Kind switch
            {
                FieldKind.Number => column.TryReadNumbers(((double[])fields[f]!).AsSpan(0, count), binding.Map.Scale, definition.Minimum, definition.Maximum, emptyIsZero: !binding.Required),
                FieldKind.Identifier => column.TryReadIds(((long[])fields[f]!).AsSpan(0, count)),
                FieldKind.Code => binding.Map.Values is null
                    && column.TryReadSmall(((byte[])fields[f]!).AsSpan(0, count), 0, (int)definition.Maximum, binding.CodeNames, binding.Required ? -1 : 0),
                FieldKind.Count => binding.Map.Values is null
                    && column.TryReadSmall(((byte[])fields[f]!).AsSpan(0, count), (int)definition.Minimum, (int)definition.Maximum, null, binding.Required ? -1 : (int)definition.Minimum),
                _ => binding.Map.Values is null
                    && column.TryReadRegions(((ushort[])fields[f]!).AsSpan(0, count), _regionLookup ??= new RegionCodeLookup(_regions), binding.Required ? -1 : RegionBuffer<PersonRecord>.NotGiven),
            };
            if (!read)
            {
                return false;
            }
        }

        for (int i = 0; i < _extras.Length; i++)
        {
            var (_, column, map) = _extras[i];
            if (!column.TryReadNumbers(into.Extras[i].AsSpan(0, count), map.Scale, double.MinValue, double.MaxValue, emptyIsZero: true))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A region as a handle into the catalogue; <see cref="RegionBuffer{TRecord}.NotGiven"/> when an optional field is empty.</summary>
    private ushort RegionHandle(Binding binding)
    {
        var code = RegionCode(binding);
        if (code is null)
        {
            return RegionBuffer<PersonRecord>.NotGiven;
        }

        if (!ReferenceEquals(code, binding.LastHandleCode))
        {
            binding.LastHandle = _regions.GetId(code).Index;
            binding.LastHandleCode = code;
        }

        return binding.LastHandle;
    }

    /// <summary>The current row as a household.</summary>
    public HouseholdRecord Household() => Read(HouseholdRecord.Mapping);

    /// <summary>The current row's household id (for a person row).</summary>
    public long HouseholdId() => Long(_householdIdBinding ?? Bind(HouseholdIdField, PopulationSchema.PersonHouseholdId));

    /// <summary>The current row as a person.</summary>
    public PersonRecord Person() => Read(PersonRecord.Mapping);

    /// <summary>The current row as a record: each built-in field parsed as its declaration says (ids, amounts in their range, counts, codes by name or number, region codes) and set through the record's mapping.</summary>
    private TRecord Read<TRecord>(RecordMapping<TRecord> mapping)
        where TRecord : struct
    {
        var record = default(TRecord);
        var fields = mapping.Fields;
        for (int f = 0; f < fields.Length; f++)
        {
            var field = fields[f];
            var binding = _plan[f];
            var column = field.Column;
            switch (field)
            {
                case NumberField<TRecord> number:
                    number.Set(ref record, Double(binding, column.Minimum, column.Maximum));
                    break;
                case IntegerField<TRecord> integer:
                    integer.Set(ref record, column.Type switch
                    {
                        ColumnType.Identifier => Long(binding),
                        ColumnType.Code => Code(binding, binding.CodeNames!, (int)column.Maximum),
                        _ => Int(binding, (int)column.Minimum, (int)column.Maximum),
                    });
                    break;
                case RegionField<TRecord> region:
                    region.Set(ref record, RegionCode(binding));
                    break;
                default:
                    throw new InvalidOperationException($"No reader for the field of '{column.Name}'.");
            }
        }

        return record;
    }

    /// <summary>A region code; <see langword="null"/> when an optional field is empty.</summary>
    private string? RegionCode(Binding binding)
    {
        var region = Region(binding);
        if (region.Length == 0)
        {
            return !binding.Required ? null : throw Error(binding, "the cell is empty but the field is required");
        }

        return ReferenceEquals(region, binding.LastRegion) || _regions.TryGetId(region, out _)
            ? binding.LastRegion = region
            : throw Error(binding, $"unknown region code '{region}'; expected a GB/T 2260 code from the region catalogue");
    }

    /// <summary>Typed files must hold ids as whole numbers and amounts as numbers.</summary>
    private void RequireColumnTypes<TRecord>(RecordMapping<TRecord> mapping)
        where TRecord : struct
    {
        foreach (var field in mapping.Fields)
        {
            if (field.Column.Type == ColumnType.Identifier)
            {
                RequireInteger(field.Field);
            }
            else if (field.Column.Storage == ColumnStorage.Double)
            {
                RequireNumeric(field.Field);
            }
        }
    }

    /// <summary>Stores the current row's extra values at <paramref name="row"/> of <paramref name="into"/> (one array per extra column).</summary>
    public void ReadExtras(double[][] into, int row)
    {
        for (int i = 0; i < _extras.Length; i++)
        {
            var (_, column, map) = _extras[i];
            into[i][row] = column.IsEmpty ? 0 : Number(column, map, double.MinValue, double.MaxValue);
        }
    }

    /// <summary>An error at the current row in the column bound to <paramref name="field"/>.</summary>
    public DataFormatException Error(string field, string problem) => Error(_bindings[field].Map.Column, problem, null);

    private DataFormatException Error(Binding binding, string problem) => Error(binding.Map.Column, problem, null);

    private Binding Bind(string field, ColumnDefinition definition)
    {
        var (column, map) = _bindings[field];
        var kind = definition.Type switch
        {
            ColumnType.Identifier => FieldKind.Identifier,
            ColumnType.Code => FieldKind.Code,
            ColumnType.Region => FieldKind.Region,
            _ => definition.Storage == ColumnStorage.Double ? FieldKind.Number : FieldKind.Count,
        };
        return new Binding(field, definition, column, map, Array.IndexOf(_required, field) >= 0, definition.Type == ColumnType.Code ? PopulationCodes.Names(definition) : null, kind);
    }

    /// <summary>How a field is parsed and held.</summary>
    private enum FieldKind
    {
        Number,
        Identifier,
        Code,
        Count,
        Region,
    }

    private DataFormatException Error(string column, string problem, Exception? inner)
        => new(_cursor.File, $"{_cursor.Location}, column '{column}'", problem, inner);

    private string Region(Binding binding)
    {
        var (column, map) = (binding.Column, binding.Map);
        if (column is null || column.IsEmpty)
        {
            return string.Empty;
        }

        // Integer region columns (as surveys often store GB/T 2260 codes) keep their six digits: 0 is 000000.
        if (column.Kind == CellKind.Integer || map.Values is not null)
        {
            var raw = column.Kind == CellKind.Integer ? column.Integer.ToString("D6", CultureInfo.InvariantCulture) : column.Text;
            return map.Values is not null && map.Values.TryGetValue(raw, out var recoded) ? recoded : raw;
        }

        // Few distinct codes: keep one string per code rather than one per row.
        var span = column.Span;
        var lookup = _regionCodes.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(span, out var code))
        {
            code = new string(span);
            _regionCodes[code] = code;
        }

        return code;
    }

    private static string Text(Binding binding)
    {
        var (column, map) = (binding.Column, binding.Map);
        if (column is null)
        {
            return string.Empty;
        }

        var raw = column.Text;
        return map.Values is not null && map.Values.TryGetValue(raw, out var recoded) ? recoded : raw;
    }

    private long Long(Binding binding)
    {
        var column = binding.Column;
        if (column is null || column.IsEmpty)
        {
            throw Error(binding, "the cell is empty but the field is required");
        }

        if (column.Kind == CellKind.Integer)
        {
            return column.Integer;
        }

        return long.TryParse(column.Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(binding, $"'{column.Text}' is not a whole number");
    }

    private int Int(Binding binding, int min, int max)
    {
        var (column, map) = (binding.Column, binding.Map);
        if (column is null || column.IsEmpty)
        {
            return Missing(binding, min);
        }

        if (column.Kind == CellKind.Integer && map.Values is null)
        {
            long v = column.Integer;
            return v >= min && v <= max ? (int)v : throw Error(binding, $"{v} is not a whole number in {min}–{max}");
        }

        if (map.Values is null && int.TryParse(column.Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
        {
            return parsed; // no string made per cell
        }

        var text = Text(binding);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Error(binding, $"'{text}' is not a whole number in {min}–{max}");
    }

    private double Double(Binding binding, double min, double max)
    {
        var column = binding.Column;
        return column is null || column.IsEmpty ? Missing(binding, 0) : Number(column, binding.Map, min, max);
    }

    private double Number(CellColumn column, FieldMapping map, double min, double max)
    {
        double value;
        if (column.Kind == CellKind.Real)
        {
            value = column.Real;
            if (!double.IsFinite(value))
            {
                throw Error(column.Name, $"{value} is not a finite number", null);
            }
        }
        else if (column.Kind == CellKind.Integer)
        {
            value = column.Integer;
        }
        else
        {
            if (!CellParse.TryNumber(column.Span, out value))
            {
                throw Error(column.Name, $"'{column.Text}' is not a finite number (use '.' as the decimal separator)", null);
            }
        }

        value *= map.Scale;
        return value >= min && value <= max
            ? value
            : throw Error(column.Name, $"{value.ToString("R", CultureInfo.InvariantCulture)} is outside the expected range{(min == 0 ? " (≥ 0)" : string.Empty)}", null);
    }

    private byte Code(Binding binding, Dictionary<string, byte> names, int maxCode)
    {
        var (column, map) = (binding.Column, binding.Map);
        if (column is null || column.IsEmpty)
        {
            return (byte)Missing(binding, 0);
        }

        if (column.Kind == CellKind.Integer && map.Values is null)
        {
            long number = column.Integer;
            return number >= 0 && number <= maxCode
                ? (byte)number
                : throw Error(binding, $"{number} is not a code 0–{maxCode} (or one of {string.Join(", ", names.Keys)}); recode it with \"values\" in the mapping");
        }

        if (map.Values is null)
        {
            var span = column.Span;
            if (PopulationCodes.TryGet(names, span, out var named))
            {
                return named;
            }

            if (int.TryParse(span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0 && number <= maxCode)
            {
                return (byte)number;
            }
        }

        var text = Text(binding);
        if (names.TryGetValue(text, out var code))
        {
            return code;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0 && parsed <= maxCode
            ? (byte)parsed
            : throw Error(binding, $"'{text}' is not one of {string.Join(", ", names.Keys)} (or a code 0–{maxCode}); recode it with \"values\" in the mapping");
    }

    /// <summary>The default of an optional field whose cell is empty or whose column is absent; an error for a required field.</summary>
    private int Missing(Binding binding, int fallback)
        => !binding.Required ? fallback : throw Error(binding, "the cell is empty but the field is required");

    private void RequireInteger(params string[] fields)
    {
        foreach (var field in fields)
        {
            var column = _bindings[field].Column;
            if (column is not null && column.Kind == CellKind.Real)
            {
                throw new DataFormatException(_cursor.File, $"{_cursor.HeaderLocation}, column '{column.Name}'", $"has type {column.TypeName}; field '{field}' needs whole numbers (an integer or text column)");
            }
        }
    }

    private void RequireNumeric(params string[] fields)
    {
        foreach (var field in fields)
        {
            if (_bindings[field].Column is { } column)
            {
                RequireNumeric(column, $"field '{field}'");
            }
        }
    }

    /// <summary>Typed files must give numbers as numbers: a text column where a number is expected is a type error (CSV cells are all text and parsed).</summary>
    private void RequireNumeric(CellColumn column, string what)
    {
        if (column.Kind == CellKind.Text && column.TypeName != "text")
        {
            throw new DataFormatException(_cursor.File, $"{_cursor.HeaderLocation}, column '{column.Name}'", $"has type {column.TypeName}; {what} needs numbers (a double, float or integer column)");
        }
    }

    /// <summary>
    /// One field's column and mapping, resolved once per reader: what <see cref="Read{TRecord}"/> needs per cell
    /// without looking the field up by name (and the last region code read, as region codes repeat).
    /// </summary>
    private sealed class Binding(string field, ColumnDefinition definition, CellColumn? column, FieldMapping map, bool required, Dictionary<string, byte>? codeNames, FieldKind kind)
    {
        public FieldKind Kind { get; } = kind;

        public string? LastHandleCode { get; set; }

        public ushort LastHandle { get; set; }

        public string Field { get; } = field;

        public ColumnDefinition Definition { get; } = definition;

        public CellColumn? Column { get; } = column;

        public FieldMapping Map { get; } = map;

        public bool Required { get; } = required;

        public Dictionary<string, byte>? CodeNames { get; } = codeNames;

        public string? LastRegion { get; set; }
    }
}

/// <summary>One field of a <see cref="PopulationRecordReader.Plan"/>.</summary>
/// <param name="Definition">The built-in column.</param>
/// <param name="Column">The file's column bound to it, or <see langword="null"/>.</param>
/// <param name="Storage">How it is held while reading (<see cref="ColumnSet.StorageOf"/>; regions as handles).</param>
/// <param name="Minimum">The smallest value accepted (0 for codes).</param>
/// <param name="Maximum">The largest value accepted.</param>
/// <param name="Required">Whether an empty cell is an error.</param>
/// <param name="Mapped">Whether the mapping recodes (<c>values</c>) or scales the field.</param>
internal readonly record struct FieldPlan(ColumnDefinition Definition, string? Column, ColumnStorage Storage, double Minimum, double Maximum, bool Required, bool Mapped);
