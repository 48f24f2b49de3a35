using System.Numerics;
using System.Runtime.InteropServices;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Populations;

/// <summary>
/// Builds a <see cref="Population"/> from whole columns the caller already holds (arrays read from Parquet, taken
/// from a data frame, or generated), one array per built-in column of <see cref="PopulationSchema"/>: no record per
/// person, and no copy of an array whose element type is the column's storage (<c>double[]</c> for amounts,
/// <c>byte[]</c> for ages, codes and counts, <c>long[]</c> for ids), which the population adopts as it is. Every
/// column given is validated once, in <see cref="Build"/>, with the same checks and the same problem lines as
/// <see cref="PopulationBuilder"/> (column, row in the order given, id, valid values).
/// </summary>
/// <remarks>
/// <para>
/// Households are rows of the household columns, persons rows of the person columns; a person's household is given
/// by id (<see cref="PopulationSchema.PersonHouseholdId"/>). When household ids increase, persons come grouped by
/// household in the same order and person ids increase (as in files written by the library), the persons are
/// already in member order: nothing is hashed, sorted or reordered, and person arrays are adopted too. Otherwise
/// persons are put in member order (each household's members together, in person-id order) and person columns are
/// copied in that order; the population is the same either way.
/// </para>
/// <para>
/// The required columns are those files must carry (<c>household_id</c>, <c>weight</c>, <c>region</c>, <c>area</c>,
/// <c>person_id</c>, the person's <c>household_id</c>, <c>age</c>, <c>sex</c>, <c>hukou</c>); an optional column not
/// given is all zeros (one never-written array per storage and length, shared by every population of the process,
/// so that building again allocates nothing for it), and a hukou region not given is the
/// household's region. The population never writes to an adopted array: do not change one after
/// <see cref="Build"/>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var population = new ColumnarPopulationBuilder()
///     .Set(PopulationSchema.HouseholdId, householdIds)          // long[]: adopted
///     .Set(PopulationSchema.Weight, weights)                   // double[]: adopted
///     .SetRegions(PopulationSchema.Region, regionHandles)      // RegionId[]
///     .Set(PopulationSchema.Area, areas)                       // byte[]: adopted
///     .Set(PopulationSchema.PersonId, personIds)
///     .Set(PopulationSchema.PersonHouseholdId, personHouseholdIds)
///     .Set(PopulationSchema.Age, ages)                         // byte[], or int[] (converted and checked)
///     .Set(PopulationSchema.Sex, sexes)
///     .Set(PopulationSchema.Hukou, hukou)
///     .Set(PopulationSchema.Wages, wages)
///     .Build();
/// </code>
/// </example>
public sealed class ColumnarPopulationBuilder
{
    private readonly RegionCatalog _regions;
    private readonly Array?[] _given = new Array?[PopulationSchema.BuiltIns.Length];
    private readonly ExtraColumns _extras = new();
    private bool _built;

    /// <summary>Starts a population with no columns.</summary>
    /// <param name="regions">The region catalogue for region codes and handles; <see cref="RegionCatalog.Default"/> when omitted.</param>
    public ColumnarPopulationBuilder(RegionCatalog? regions = null) => _regions = regions ?? RegionCatalog.Default;

    /// <summary>
    /// Gives a built-in column as doubles: adopted without copying for a column stored as doubles (amounts,
    /// quantities, the weight); converted, after the check, for one stored as bytes (counts, flags, codes).
    /// </summary>
    /// <param name="column">A built-in column of <see cref="PopulationSchema"/> (not an id or region column).</param>
    /// <param name="values">One value per household or per person, in the order of the entity's id column.</param>
    /// <exception cref="ArgumentException">The column is not built in, was already given, or is an id or region column.</exception>
    public ColumnarPopulationBuilder Set(ColumnDefinition column, double[] values) => Give(column, values, ids: false);

    /// <summary>Gives a built-in column as bytes: adopted without copying for a column stored as bytes (ages, counts, flags, codes); converted for one stored as doubles.</summary>
    /// <param name="column">A built-in column of <see cref="PopulationSchema"/> (not an id or region column).</param>
    /// <param name="values">One value per household or per person, in the order of the entity's id column.</param>
    /// <exception cref="ArgumentException">The column is not built in, was already given, or is an id or region column.</exception>
    public ColumnarPopulationBuilder Set(ColumnDefinition column, byte[] values) => Give(column, values, ids: false);

    /// <summary>Gives a built-in column as 32-bit integers (as Parquet and data frames often hold ages, codes and ids): converted to the column's storage after the check.</summary>
    /// <param name="column">A built-in column of <see cref="PopulationSchema"/> (not a region column).</param>
    /// <param name="values">One value per household or per person, in the order of the entity's id column.</param>
    /// <exception cref="ArgumentException">The column is not built in, was already given, or is a region column.</exception>
    public ColumnarPopulationBuilder Set(ColumnDefinition column, int[] values) => Give(column, values, ids: true);

    /// <summary>
    /// Gives a built-in column as 64-bit integers: the household and person ids (adopted without copying) and each
    /// person's household id (turned into household indices); any other whole-number column is converted after the check.
    /// </summary>
    /// <param name="column">A built-in column of <see cref="PopulationSchema"/> (not a region column).</param>
    /// <param name="values">One value per household or per person; for <see cref="PopulationSchema.PersonHouseholdId"/>, the id of each person's household.</param>
    /// <exception cref="ArgumentException">The column is not built in, was already given, or is a region column.</exception>
    public ColumnarPopulationBuilder Set(ColumnDefinition column, long[] values) => Give(column, values, ids: true);

    /// <summary>
    /// Gives a region column (<see cref="PopulationSchema.Region"/> or <see cref="PopulationSchema.HukouRegion"/>) as
    /// GB/T 2260 codes, looked up in the catalogue once per row (a run of the same string is looked up once). A
    /// <see langword="null"/> hukou region is the household's region; a <see langword="null"/> or unknown household
    /// region is a problem.
    /// </summary>
    /// <param name="column">A built-in region column.</param>
    /// <param name="codes">One code per row, in the order of the entity's id column.</param>
    /// <exception cref="ArgumentException">The column is not a built-in region column or was already given.</exception>
    public ColumnarPopulationBuilder SetRegions(ColumnDefinition column, string?[] codes) => GiveRegions(column, codes);

    /// <summary>Gives a region column as handles into the builder's catalogue (for example from <see cref="RegionCatalog.GetId"/>, looked up once per distinct code).</summary>
    /// <param name="column">A built-in region column.</param>
    /// <param name="regions">One handle per row, in the order of the entity's id column.</param>
    /// <exception cref="ArgumentException">The column is not a built-in region column or was already given.</exception>
    public ColumnarPopulationBuilder SetRegions(ColumnDefinition column, RegionId[] regions) => GiveRegions(column, regions);

    /// <summary>
    /// Gives a region column as raw handles into the builder's catalogue, where an optional region (the hukou region)
    /// may be <see cref="RegionBuffer{TRecord}.NotGiven"/>: the household's region (the file readers' form).
    /// </summary>
    internal ColumnarPopulationBuilder SetRegionHandles(ColumnDefinition column, ushort[] handles) => GiveRegions(column, handles);

    /// <summary>
    /// Adds a column that rules can read, declared by <paramref name="column"/> (as <see cref="PopulationBuilder.AddColumn"/>):
    /// one value per person or per household, in the order of the entity's id column. Adopted without copying when
    /// the persons are already in member order; checked against the definition by <see cref="Build"/>.
    /// </summary>
    /// <param name="column">The column's declaration.</param>
    /// <param name="values">The values.</param>
    /// <exception cref="ArgumentException">A column of that name was already added, the name is a built-in column's, or the definition is not stored as doubles.</exception>
    public ColumnarPopulationBuilder AddColumn(ColumnDefinition column, double[] values)
    {
        EnsureNotBuilt();
        _extras.Add(column, values, "give it with Set");
        return this;
    }

    /// <summary>Validates every column given and builds the population, with each household's members stored together in person-id order.</summary>
    /// <exception cref="PopulationValidationException">A required column is missing, a column has the wrong length, or a value, id or region is invalid; the message lists what, where and the expected range.</exception>
    public Population Build()
    {
        EnsureNotBuilt();
        var problems = new ProblemList();
        var builtIns = PopulationSchema.BuiltIns;
        foreach (var builtIn in builtIns)
        {
            if (builtIn.Required && _given[builtIn.Definition.BuiltInIndex] is null)
            {
                problems.Add($"column '{builtIn.Field}' ({builtIn.Definition.Name}) is required but was not given");
            }
        }

        problems.ThrowIfAny();
        long[] householdIds = Ids(PopulationSchema.HouseholdId);
        long[] personIds = Ids(PopulationSchema.PersonId);
        long[] personHouseholdIds = Ids(PopulationSchema.PersonHouseholdId);
        int households = householdIds.Length;
        int persons = personIds.Length;
        foreach (var builtIn in builtIns)
        {
            var given = _given[builtIn.Definition.BuiltInIndex];
            int rows = builtIn.Definition.Entity == Entity.Person ? persons : households;
            if (given is not null && given.Length != rows)
            {
                problems.Add(BuildChecks.Length(builtIn.Field, given.Length, rows, BuildChecks.EntityName(builtIn.Definition.Entity)));
            }
        }

        problems.ThrowIfAny();

        // Each column once, in schema order: checked, and converted where its type is not the storage.
        var stored = new Array?[builtIns.Length];
        foreach (var builtIn in builtIns)
        {
            var definition = builtIn.Definition;
            var given = _given[definition.BuiltInIndex];
            if (given is null || definition.Type == ColumnType.Identifier)
            {
                continue;
            }

            var ids = definition.Entity == Entity.Person ? personIds : householdIds;
            stored[definition.BuiltInIndex] = definition.Type == ColumnType.Region
                ? Regions(builtIn, given, ids, problems)
                : Values(builtIn, given, ids, problems);
        }

        foreach (var (name, values) in _extras.Person)
        {
            BuildChecks.Extra(_extras.Definitions[name], values, personIds, problems);
        }

        foreach (var (name, values) in _extras.Household)
        {
            BuildChecks.Extra(_extras.Definitions[name], values, householdIds, problems);
        }

        var layout = PopulationLayout.Arrange(householdIds, personIds, personHouseholdIds, problems);
        problems.ThrowIfAny();

        // Household columns as given; person columns in member order (adopted when the rows already are).
        var columns = new Array?[builtIns.Length];
        foreach (var builtIn in builtIns)
        {
            var definition = builtIn.Definition;
            int index = definition.BuiltInIndex;
            bool isPerson = definition.Entity == Entity.Person;
            columns[index] = ReferenceEquals(definition, PopulationSchema.HouseholdId) ? householdIds
                : ReferenceEquals(definition, PopulationSchema.PersonId) ? layout.InMemberOrder(personIds)
                : ReferenceEquals(definition, PopulationSchema.PersonHouseholdId) ? layout.PersonHouseholdIfComputed
                : ReferenceEquals(definition, PopulationSchema.HukouRegion) ? null
                : stored[index] is { } values ? (isPerson ? InMemberOrder(layout, values) : values)
                : ZeroColumns.Get(definition.Storage, isPerson ? persons : households);
        }

        var householdRegion = (ushort[])columns[PopulationSchema.Region.BuiltInIndex]!;
        var hukouGiven = (ushort[]?)stored[PopulationSchema.HukouRegion.BuiltInIndex];
        columns[PopulationSchema.HukouRegion.BuiltInIndex] = hukouGiven is null ? null : HukouRegions(hukouGiven, layout, householdRegion);
        columns[PopulationSchema.PersonHouseholdId.BuiltInIndex] = layout.PersonHouseholdIfComputed; // computed by now if the hukou regions needed it
        PopulationBuilder.CheckTotalWeight((double[])columns[PopulationSchema.Weight.BuiltInIndex]!);
        var population = new Population(
            _regions,
            columns,
            layout.MemberStart,
            _extras.Person.ToDictionary(kv => kv.Key, kv => layout.InMemberOrder(kv.Value), StringComparer.Ordinal),
            new Dictionary<string, double[]>(_extras.Household, StringComparer.Ordinal),
            new Dictionary<string, ColumnDefinition>(_extras.Definitions, StringComparer.Ordinal),
            derived: true);
        CrossColumnChecks.Run(population, layout.Order, problems.Add, column => _given[column.BuiltInIndex] is null);
        problems.ThrowIfAny();
        _built = true;
        return population;
    }

    private static Array InMemberOrder(PopulationLayout layout, Array values) => values switch
    {
        double[] d => layout.InMemberOrder(d),
        byte[] b => layout.InMemberOrder(b),
        ushort[] u => layout.InMemberOrder(u),
        _ => throw new InvalidOperationException($"No reordering for {values.GetType()}."),
    };

    /// <summary>Hukou regions given, in member order; a row not given is the household's region.</summary>
    private static ushort[] HukouRegions(ushort[] given, PopulationLayout layout, ushort[] householdRegion)
    {
        const ushort notGiven = RegionBuffer<PersonRecord>.NotGiven;
        var personHousehold = layout.PersonHousehold;
        var result = GC.AllocateUninitializedArray<ushort>(personHousehold.Length);
        var order = layout.Order;
        for (int i = 0; i < result.Length; i++)
        {
            ushort r = given[order is null ? i : order[i]];
            result[i] = r == notGiven ? householdRegion[personHousehold[i]] : r;
        }

        return result;
    }

    /// <summary>A value column, checked, in its storage type (the array given when it already is).</summary>
    private static Array Values(PopulationSchema.BuiltInColumn builtIn, Array given, long[] ids, ProblemList problems) => given switch
    {
        double[] d => Convert<double>(builtIn, d, ids, problems),
        byte[] b => Convert<byte>(builtIn, b, ids, problems),
        int[] i => Convert<int>(builtIn, i, ids, problems),
        long[] l => Convert<long>(builtIn, l, ids, problems),
        _ => throw new InvalidOperationException($"Unexpected array {given.GetType()}."),
    };

    private static Array Convert<T>(PopulationSchema.BuiltInColumn builtIn, T[] values, long[] ids, ProblemList problems)
        where T : unmanaged, INumber<T>
    {
        var definition = builtIn.Definition;
        BuildChecks.Values<T>(definition, builtIn.Field, values, ids, problems);
        switch (definition.Storage)
        {
            case ColumnStorage.Double when values is double[] doubles:
                return doubles;
            case ColumnStorage.Double:
                var asDoubles = GC.AllocateUninitializedArray<double>(values.Length);
                for (int i = 0; i < values.Length; i++)
                {
                    asDoubles[i] = double.CreateChecked(values[i]);
                }

                return asDoubles;
            case ColumnStorage.Byte when values is byte[] bytes:
                return bytes;
            case ColumnStorage.Byte:
                var asBytes = GC.AllocateUninitializedArray<byte>(values.Length);
                for (int i = 0; i < values.Length; i++)
                {
                    asBytes[i] = byte.CreateSaturating(values[i]);
                }

                return asBytes;
            default:
                throw new InvalidOperationException($"Column '{definition.Name}' is stored as {definition.Storage}.");
        }
    }

    /// <summary>A region column as handles; unknown codes and handles are problems, an optional code not given is <see cref="RegionBuffer{TRecord}.NotGiven"/>.</summary>
    private ushort[] Regions(PopulationSchema.BuiltInColumn builtIn, Array given, long[] ids, ProblemList problems)
    {
        string entity = BuildChecks.EntityName(builtIn.Definition.Entity);
        var result = GC.AllocateUninitializedArray<ushort>(given.Length);
        if (given is RegionId[] handles)
        {
            var raw = MemoryMarshal.Cast<RegionId, ushort>(handles);
            raw.CopyTo(result);
            int count = _regions.Count;
            for (int i = raw.IndexOfAnyExceptInRange((ushort)0, (ushort)(count - 1)); i >= 0; i = Next(raw, i, count))
            {
                problems.Add($"column '{builtIn.Field}', {entity} row {i} (id {ids[i]}): region handle {raw[i]} is not in the region catalogue of {count} regions; expected a handle from the builder's catalogue");
            }

            return result;
        }

        if (given is ushort[] raw16)
        {
            // Handles from a file reader, checked there; an optional region not given stays NotGiven.
            int count = _regions.Count;
            ushort notGiven = builtIn.Required ? (ushort)0 : RegionBuffer<PersonRecord>.NotGiven;
            for (int i = 0; i < raw16.Length; i++)
            {
                if (raw16[i] >= count && raw16[i] != notGiven)
                {
                    problems.Add($"column '{builtIn.Field}', {entity} row {i} (id {ids[i]}): region handle {raw16[i]} is not in the region catalogue of {count} regions; expected a handle from the builder's catalogue");
                }
            }

            return raw16;
        }

        var codes = (string?[])given;
        string? lastCode = null;
        ushort last = 0;
        for (int i = 0; i < codes.Length; i++)
        {
            var code = codes[i];
            if (code is not null && ReferenceEquals(code, lastCode))
            {
                result[i] = last;
            }
            else if (code is null && !builtIn.Required)
            {
                result[i] = RegionBuffer<PersonRecord>.NotGiven;
            }
            else if (code is not null && _regions.TryGetId(code, out var region))
            {
                result[i] = last = region.Index;
                lastCode = code;
            }
            else
            {
                problems.Add(BuildChecks.UnknownRegion(builtIn.Field, entity, i, ids[i], code));
                result[i] = 0;
            }
        }

        return result;

        static int Next(ReadOnlySpan<ushort> raw, int i, int count)
        {
            int next = raw[(i + 1)..].IndexOfAnyExceptInRange((ushort)0, (ushort)(count - 1));
            return next < 0 ? -1 : i + 1 + next;
        }
    }

    private long[] Ids(ColumnDefinition column) => _given[column.BuiltInIndex] switch
    {
        long[] ids => ids,
        int[] ids => Array.ConvertAll(ids, i => (long)i),
        _ => throw new InvalidOperationException($"No ids for '{column.Name}'."),
    };

    private ColumnarPopulationBuilder Give(ColumnDefinition column, Array values, bool ids)
    {
        Check(column, values);
        if (column.Type == ColumnType.Region)
        {
            throw new ArgumentException($"'{column.Name}' is a region column; give it with SetRegions.", nameof(column));
        }

        if (column.Type == ColumnType.Identifier && !ids)
        {
            throw new ArgumentException($"'{column.Name}' is an id column; give it as long[] or int[].", nameof(column));
        }

        _given[column.BuiltInIndex] = values;
        return this;
    }

    private ColumnarPopulationBuilder GiveRegions(ColumnDefinition column, Array values)
    {
        Check(column, values);
        if (column.Type != ColumnType.Region)
        {
            throw new ArgumentException($"'{column.Name}' is not a region column; give it with Set.", nameof(column));
        }

        _given[column.BuiltInIndex] = values;
        return this;
    }

    private void Check(ColumnDefinition column, Array values)
    {
        EnsureNotBuilt();
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(values);
        if (column.BuiltInIndex < 0 || !ReferenceEquals(PopulationSchema.BuiltIns[column.BuiltInIndex].Definition, column))
        {
            throw new ArgumentException($"'{column.Name}' is not a built-in column of PopulationSchema; add it with AddColumn and its declaration.", nameof(column));
        }

        if (_given[column.BuiltInIndex] is not null)
        {
            throw new ArgumentException($"Column '{column.Name}' was already given.", nameof(column));
        }
    }

    private void EnsureNotBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("This builder has already built its population; start a new ColumnarPopulationBuilder.");
        }
    }
}
