using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations;

/// <summary>
/// Builds a <see cref="Population"/> from households and persons added in any order, then validates everything in
/// <see cref="Build"/>, once: every built-in value against its declaration in <see cref="PopulationSchema"/> (finite,
/// non-negative weights and amounts; ages in 0–120; listed codes; known region codes), every extra column against its
/// <see cref="ColumnDefinition"/>, unique ids, every person's household present, every household with at least one
/// member. Errors name the column, the row (in the order added), the id and the valid values. Nothing is built from
/// invalid input, and rules never re-check the values.
/// </summary>
/// <example>
/// <code>
/// var builder = new PopulationBuilder();
/// builder.AddHousehold(new HouseholdRecord { Id = 1, Weight = 250, RegionCode = RegionCodes.Hangzhou });
/// builder.AddPerson(new PersonRecord { Id = 1, HouseholdId = 1, Age = 45, WagesAnnual = 18_000 });
/// Population population = builder.Build();
/// </code>
/// </example>
public sealed class PopulationBuilder
{
    private readonly RegionCatalog _regions;
    private readonly FieldBuffer<HouseholdRecord>[] _householdColumns;
    private readonly FieldBuffer<PersonRecord>[] _personColumns;
    private readonly IntegerField<HouseholdRecord> _householdId = HouseholdRecord.Mapping.Id;
    private readonly IntegerField<PersonRecord> _personId = PersonRecord.Mapping.Id;
    private readonly ColumnBuffer<long> _householdIds;
    private readonly ColumnBuffer<long> _personIds;
    private readonly ColumnBuffer<long> _personHouseholdIds;
    private readonly ExtraColumns _extras = new();
    private readonly ProblemList _problems = new();
    private bool _built;

    /// <summary>Starts an empty population.</summary>
    /// <param name="regions">The region catalogue for region codes; <see cref="RegionCatalog.Default"/> when omitted.</param>
    /// <param name="expectedPersons">A capacity hint.</param>
    /// <param name="expectedHouseholds">A capacity hint.</param>
    public PopulationBuilder(RegionCatalog? regions = null, int expectedPersons = 0, int expectedHouseholds = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedPersons);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedHouseholds);
        _regions = regions ?? RegionCatalog.Default;
        int h = expectedHouseholds > 0 ? expectedHouseholds : Math.Max(16, expectedPersons / 3);
        int p = expectedPersons > 0 ? expectedPersons : h * 3;
        _householdColumns = Array.ConvertAll(HouseholdRecord.Mapping.Fields, f => FieldBuffer<HouseholdRecord>.For(f, h, _regions));
        _personColumns = Array.ConvertAll(PersonRecord.Mapping.Fields, f => FieldBuffer<PersonRecord>.For(f, p, _regions));
        _householdIds = Ids(_householdColumns, PopulationSchema.HouseholdId);
        _personIds = Ids(_personColumns, PopulationSchema.PersonId);
        _personHouseholdIds = Ids(_personColumns, PopulationSchema.PersonHouseholdId);
    }

    /// <summary>The number of households added so far.</summary>
    public int HouseholdCount => _householdIds.Count;

    /// <summary>The number of persons added so far.</summary>
    public int PersonCount => _personIds.Count;

    /// <summary>Adds a household. Invalid values are recorded and reported by <see cref="Build"/>.</summary>
    /// <param name="household">The household.</param>
    /// <returns>The household's row (in the order added).</returns>
    public int AddHousehold(in HouseholdRecord household)
    {
        EnsureNotBuilt();
        int row = _householdIds.Count;
        long id = _householdId.Get(in household);
        foreach (var column in _householdColumns)
        {
            column.Add(in household, this, row, id);
        }

        return row;
    }

    /// <summary>Adds a person. Invalid values are recorded and reported by <see cref="Build"/>.</summary>
    /// <param name="person">The person.</param>
    /// <returns>The person's row (in the order added).</returns>
    public int AddPerson(in PersonRecord person)
    {
        EnsureNotBuilt();
        int row = _personIds.Count;
        long id = _personId.Get(in person);
        foreach (var column in _personColumns)
        {
            column.Add(in person, this, row, id);
        }

        return row;
    }

    /// <summary>
    /// Adds a column that rules can read (for example a chosen pension tier or simulated medical bills), declared by
    /// <paramref name="column"/>: one value per person in the order persons were added, or one per household in the
    /// order households were added, as the definition's entity says. It must be complete when <see cref="Build"/>
    /// runs, which checks every value against the definition (range, finiteness, whole numbers, codes).
    /// </summary>
    /// <param name="column">The column's declaration (programs publish theirs, for example <c>EmployeePensionNames.ColumnDefinitions.ContributionYears</c>).</param>
    /// <param name="values">The values, in the order added. Person columns are reordered into member order by <see cref="Build"/>; household columns are adopted without copying.</param>
    /// <exception cref="ArgumentException">A column of that name was already added, the name is a built-in column's, or the definition is not stored as doubles.</exception>
    public PopulationBuilder AddColumn(ColumnDefinition column, double[] values)
    {
        EnsureNotBuilt();
        _extras.Add(column, values, "give it through the household or person records");
        return this;
    }

    /// <summary>
    /// Adds a person column declared by name only: <see cref="ColumnDefinition.Number"/> (any finite number, no unit,
    /// period, income role or range). Prefer <see cref="AddColumn"/> with the definition the reading program publishes,
    /// so that values are checked here rather than before each run.
    /// </summary>
    /// <param name="name">A lower-case dotted name, for example <c>pension.tier_choice</c>.</param>
    /// <param name="values">One finite value per person, in the order added.</param>
    public PopulationBuilder AddPersonColumn(string name, double[] values) => AddColumn(ColumnDefinition.Number(CheckName(name), Entity.Person), values);

    /// <summary>Adds a household column declared by name only (<see cref="ColumnDefinition.Number"/>); prefer <see cref="AddColumn"/>.</summary>
    /// <param name="name">A lower-case dotted name.</param>
    /// <param name="values">One finite value per household, in the order added.</param>
    public PopulationBuilder AddHouseholdColumn(string name, double[] values) => AddColumn(ColumnDefinition.Number(CheckName(name), Entity.Household), values);

    /// <summary>Validates everything and builds the population, with each household's members stored together in person-id order.</summary>
    /// <exception cref="PopulationValidationException">Something is invalid; the message lists what, where and the expected range.</exception>
    public Population Build()
    {
        EnsureNotBuilt();
        foreach (var column in _householdColumns)
        {
            column.CheckAll(_problems, _householdIds.AsSpan());
        }

        foreach (var column in _personColumns)
        {
            column.CheckAll(_problems, _personIds.AsSpan());
        }

        foreach (var (name, column) in _extras.Person)
        {
            BuildChecks.Extra(_extras.Definitions[name], column, _personIds.AsSpan(), _problems);
        }

        foreach (var (name, column) in _extras.Household)
        {
            BuildChecks.Extra(_extras.Definitions[name], column, _householdIds.AsSpan(), _problems);
        }

        var layout = PopulationLayout.Arrange(_householdIds.AsSpan(), _personIds.AsSpan(), _personHouseholdIds.AsSpan(), _problems);
        _problems.ThrowIfAny();

        // Household columns as added; person columns in member order (the buffers themselves when rows were added in
        // member order and exactly fill them). The person's household id becomes the household's index, and an
        // optional region not given becomes the household's region.
        var columns = new Array?[PopulationSchema.BuiltIns.Length];
        foreach (var column in _householdColumns)
        {
            columns[column.Field.Column.BuiltInIndex] = column.ToArray();
        }

        var householdRegion = (ushort[])columns[PopulationSchema.Region.BuiltInIndex]!;
        foreach (var column in _personColumns)
        {
            columns[column.Field.Column.BuiltInIndex] = ReferenceEquals(column.Field.Column, PopulationSchema.PersonHouseholdId) ? layout.PersonHousehold
                : column is RegionBuffer<PersonRecord> { Field.Required: false } region ? region.InMemberOrder(layout, householdRegion)
                : column.InMemberOrder(layout);
        }

        CheckTotalWeight((double[])columns[PopulationSchema.Weight.BuiltInIndex]!);
        var population = new Population(
            _regions,
            columns,
            layout.MemberStart,
            _extras.Person.ToDictionary(kv => kv.Key, kv => layout.InMemberOrder(kv.Value), StringComparer.Ordinal),
            new Dictionary<string, double[]>(_extras.Household, StringComparer.Ordinal),
            new Dictionary<string, ColumnDefinition>(_extras.Definitions, StringComparer.Ordinal));
        CrossColumnChecks.Run(population, layout.Order, Problem);
        _problems.ThrowIfAny();
        _built = true;
        return population;
    }

    /// <summary>
    /// Checks household weights given by another path than the records (a calibration result applied to a
    /// population): each must be finite and ≥ 0, and their total positive and finite.
    /// </summary>
    /// <exception cref="PopulationValidationException">A weight or the total is invalid; the message names the household row and id.</exception>
    internal static void CheckWeights(ReadOnlySpan<double> weights, ReadOnlySpan<long> ids)
    {
        var problems = new List<string>();
        int count = 0;
        for (int h = 0; h < weights.Length; h++)
        {
            if (!double.IsFinite(weights[h]) || weights[h] < 0)
            {
                if (++count <= 20)
                {
                    problems.Add($"column 'weight', household row {h} (id {ids[h]}): {weights[h].ToString(System.Globalization.CultureInfo.InvariantCulture)} is invalid; expected a finite number ≥ 0");
                }
            }
        }

        if (count > 0)
        {
            throw new PopulationValidationException(problems, count);
        }

        CheckTotalWeight(weights);
    }

    /// <summary>
    /// Each weight is already checked (finite, ≥ 0); the total must also be positive and finite, or every weighted
    /// result would be zero, infinite or NaN.
    /// </summary>
    internal static void CheckTotalWeight(ReadOnlySpan<double> weights)
    {
        double total = 0;
        foreach (var w in weights)
        {
            total += w;
        }

        string households = $"{weights.Length} household{(weights.Length == 1 ? string.Empty : "s")}";
        if (!(total > 0))
        {
            throw new PopulationValidationException([$"column 'weight': the total weight of the {households} is {total.ToString(System.Globalization.CultureInfo.InvariantCulture)}; expected a positive total (at least one household with a weight above 0)"], 1);
        }

        if (!double.IsFinite(total))
        {
            throw new PopulationValidationException([$"column 'weight': the total weight of the {households} overflows (is not a finite number); expected a finite total below {double.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)}"], 1);
        }
    }

    private static ColumnBuffer<long> Ids<TRecord>(FieldBuffer<TRecord>[] columns, ColumnDefinition column)
        where TRecord : struct
        => Array.Find(columns, c => ReferenceEquals(c.Field.Column, column)) is LongBuffer<TRecord> ids
            ? ids.Values
            : throw new InvalidOperationException($"The record mapping holds no id buffer for '{column.Name}'.");

    private static string CheckName(string name)
        => !string.IsNullOrWhiteSpace(name) && VariableNames.IsValid(name)
            ? name
            : throw new ArgumentException($"Column name '{name}' must be lower-case words joined by dots or underscores.", nameof(name));

    /// <summary>Records a problem; the first <see cref="ProblemList.MaxListed"/> are listed, the rest counted.</summary>
    /// <param name="text">The problem line.</param>
    internal void Problem(string text) => _problems.Add(text);

    private void EnsureNotBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("This builder has already built its population; start a new PopulationBuilder.");
        }
    }
}
