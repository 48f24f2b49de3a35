using System.Collections.Concurrent;
using System.Globalization;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Core;

/// <summary>
/// A weighted population in columnar form: one array per attribute, households and persons, with each household's
/// members stored contiguously. Immutable once built (see <see cref="SocialSecurity.Modeling.Populations.PopulationBuilder"/>), validated, and compact:
/// each column stored in 1 to 8 bytes per value; <see cref="ResidentBytes"/> gives a population's size, and
/// docs/populations.md#resident-size the figure per person and per household for the built-in schema.
/// </summary>
/// <remarks>
/// Household <c>h</c>'s members are persons <c>MemberStart[h]</c> to <c>MemberStart[h + 1] − 1</c>. The unit of
/// analysis for distributional results is the person, weighted by the household weight. Income columns are annual
/// yuan; column names say so.
/// </remarks>
public sealed class Population
{
    private readonly Array?[] _columns; // null only for columns derived on first read: the person's household index, a hukou region not given
    private readonly Dictionary<string, double[]> _personExtras;
    private RegionId[]? _regionsPresent;
    private readonly Dictionary<string, double[]> _householdExtras;
    private readonly Dictionary<string, ColumnDefinition> _extraDefinitions;
    private readonly ConcurrentDictionary<ColumnDefinition, bool> _checkedAgainst = new(ReferenceEqualityComparer.Instance);

    /// <param name="regions">The region catalogue the region handles refer to.</param>
    /// <param name="columns">One array per built-in column, indexed by <see cref="ColumnDefinition.BuiltInIndex"/> (the order of <see cref="PopulationSchema.BuiltIns"/>), of the column's storage type; a <see langword="null"/> entry becomes the shared array of zeros of its type and length (<see cref="ZeroColumns"/>), never written, which rules may skip.</param>
    /// <param name="memberStart">Index of each household's first member, one longer than the number of households.</param>
    /// <param name="personExtras">The extra person columns by name.</param>
    /// <param name="householdExtras">The extra household columns by name.</param>
    /// <param name="extraDefinitions">The extra columns' definitions by name.</param>
    /// <param name="derived">
    /// Whether <see langword="null"/> for the person's household index or the hukou region means "derive on first
    /// read" (each person's household from <paramref name="memberStart"/>; the hukou region as the household's region)
    /// rather than zeros: a build that did not need them stores nothing.
    /// </param>
    internal Population(
        RegionCatalog regions, Array?[] columns, int[] memberStart,
        Dictionary<string, double[]> personExtras, Dictionary<string, double[]> householdExtras, Dictionary<string, ColumnDefinition> extraDefinitions,
        bool derived = false)
    {
        var builtIns = PopulationSchema.BuiltIns;
        if (columns.Length != builtIns.Length)
        {
            throw new ArgumentException($"Expected {builtIns.Length} built-in columns, got {columns.Length}.", nameof(columns));
        }

        int households = memberStart.Length - 1;
        int persons = memberStart[^1];
        _columns = new Array[builtIns.Length];
        for (int i = 0; i < builtIns.Length; i++)
        {
            var definition = builtIns[i].Definition;
            int length = definition.Entity == Entity.Person ? persons : households;
            if (columns[i] is null && derived && (ReferenceEquals(definition, PopulationSchema.HukouRegion) || ReferenceEquals(definition, PopulationSchema.PersonHouseholdId)))
            {
                continue;
            }

            // An absent column is the shared zeros, as from the columnar builder: rules that know a column is all zeros skip reading it.
            var column = columns[i] ?? ZeroColumns.Get(definition.Storage, length);
            if (column.GetType().GetElementType() != PopulationSchema.ElementType(definition.Storage) || column.Length != length)
            {
                throw new ArgumentException($"Built-in column '{definition.Name}' must be {length} values of {definition.Storage}.", nameof(columns));
            }

            _columns[i] = column;
        }

        Regions = regions;
        MemberStartColumn = memberStart;
        _personExtras = personExtras;
        _householdExtras = householdExtras;
        _extraDefinitions = extraDefinitions;
    }

    /// <summary>The region catalogue the population's region handles refer to.</summary>
    public RegionCatalog Regions { get; }

    /// <summary>The number of households.</summary>
    public int HouseholdCount => HouseholdIdColumn.Length;

    /// <summary>The number of persons.</summary>
    public int PersonCount => MemberStartColumn[^1];

    /// <summary>The weighted number of households (Σ household weights).</summary>
    public double WeightedHouseholds => Sum(WeightColumn);

    /// <summary>The weighted number of persons (Σ household weight × household size).</summary>
    public double WeightedPersons
    {
        get
        {
            var total = new ExactAccumulator();
            for (int h = 0; h < HouseholdCount; h++)
            {
                total.Add(WeightColumn[h] * (MemberStartColumn[h + 1] - MemberStartColumn[h]));
            }

            return total.Result();
        }
    }

    /// <summary>Household ids.</summary>
    public ReadOnlySpan<long> HouseholdId => HouseholdIdColumn;

    /// <summary>Household weights (also each member's person weight).</summary>
    public ReadOnlySpan<double> Weight => WeightColumn;

    /// <summary>The region each household lives in, as handles into <see cref="Regions"/>.</summary>
    public ReadOnlySpan<RegionId> HouseholdRegion => System.Runtime.InteropServices.MemoryMarshal.Cast<ushort, RegionId>(HouseholdRegionColumn);

    /// <summary>Urban or rural area of residence, per household.</summary>
    public ReadOnlySpan<AreaType> Area => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, AreaType>(AreaColumn);

    /// <summary>Financial assets per household, yuan (a stock).</summary>
    public ReadOnlySpan<double> FinancialAssets => FinancialAssetsColumn;

    /// <summary>Homes owned per household.</summary>
    public ReadOnlySpan<byte> HousingUnits => HousingUnitsColumn;

    /// <summary>1 when the household owns a non-essential vehicle, else 0.</summary>
    public ReadOnlySpan<byte> NonEssentialVehicle => VehicleColumn;

    /// <summary>Index of each household's first member; one longer than the number of households (the last entry is <see cref="PersonCount"/>).</summary>
    public ReadOnlySpan<int> MemberStart => MemberStartColumn;

    /// <summary>Person ids.</summary>
    public ReadOnlySpan<long> PersonId => PersonIdColumn;

    /// <summary>The household index (not id) of each person.</summary>
    public ReadOnlySpan<int> PersonHousehold => PersonHouseholdColumn;

    /// <summary>Age in completed years.</summary>
    public ReadOnlySpan<byte> Age => AgeColumn;

    /// <summary>Sex.</summary>
    public ReadOnlySpan<Sex> Sex => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Sex>(SexColumn);

    /// <summary>Hukou type.</summary>
    public ReadOnlySpan<HukouType> Hukou => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, HukouType>(HukouColumn);

    /// <summary>Place of hukou registration, as handles into <see cref="Regions"/>.</summary>
    public ReadOnlySpan<RegionId> HukouRegion => System.Runtime.InteropServices.MemoryMarshal.Cast<ushort, RegionId>(HukouRegionColumn);

    /// <summary>Disability grade.</summary>
    public ReadOnlySpan<DisabilityGrade> Disability => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, DisabilityGrade>(DisabilityColumn);

    /// <summary>Self-care ability.</summary>
    public ReadOnlySpan<SelfCareAbility> SelfCare => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, SelfCareAbility>(SelfCareColumn);

    /// <summary>Main activity.</summary>
    public ReadOnlySpan<EmploymentStatus> Employment => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, EmploymentStatus>(EmploymentColumn);

    /// <summary>Wages, yuan per year.</summary>
    public ReadOnlySpan<double> WagesAnnual => WagesColumn;

    /// <summary>Net business income, yuan per year.</summary>
    public ReadOnlySpan<double> BusinessIncomeAnnual => BusinessColumn;

    /// <summary>Net property income, yuan per year.</summary>
    public ReadOnlySpan<double> PropertyIncomeAnnual => PropertyColumn;

    /// <summary>Private transfers received, yuan per year.</summary>
    public ReadOnlySpan<double> PrivateTransfersAnnual => PrivateTransfersColumn;

    /// <summary>Pensions received as reported in the data, yuan per year.</summary>
    public ReadOnlySpan<double> PensionIncomeAnnual => PensionColumn;

    /// <summary>Children in education qualifying for the children's-education deduction (household).</summary>
    public ReadOnlySpan<byte> ChildrenInEducation => Column<byte>(PopulationSchema.ChildrenInEducation);

    /// <summary>Children under 3 qualifying for the infant-care deduction (household).</summary>
    public ReadOnlySpan<byte> ChildrenUnder3 => Column<byte>(PopulationSchema.ChildrenUnder3);

    /// <summary>Housing cost for the income-tax deductions (household).</summary>
    public ReadOnlySpan<HousingCost> Housing => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, HousingCost>(Column<byte>(PopulationSchema.Housing));

    /// <summary>City class for the rent deduction (household).</summary>
    public ReadOnlySpan<CityClass> CityClass => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, CityClass>(Column<byte>(PopulationSchema.City));

    /// <summary>Members who died of a work injury this year (household).</summary>
    public ReadOnlySpan<byte> WorkInjuryDeaths => Column<byte>(PopulationSchema.WorkInjuryDeaths);

    /// <summary>Labour remuneration, yuan per year.</summary>
    public ReadOnlySpan<double> LabourRemunerationAnnual => Column<double>(PopulationSchema.LabourRemuneration);

    /// <summary>Author's remuneration, yuan per year.</summary>
    public ReadOnlySpan<double> AuthorRemunerationAnnual => Column<double>(PopulationSchema.AuthorRemuneration);

    /// <summary>Royalties, yuan per year.</summary>
    public ReadOnlySpan<double> RoyaltiesAnnual => Column<double>(PopulationSchema.Royalties);

    /// <summary>Annual one-off bonus included in wages, yuan per year.</summary>
    public ReadOnlySpan<double> AnnualBonus => Column<double>(PopulationSchema.AnnualBonus);

    /// <summary>Work arrangement.</summary>
    public ReadOnlySpan<WorkContract> Contract => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, WorkContract>(Column<byte>(PopulationSchema.Contract));

    /// <summary>Industry risk class for work-injury insurance (1–8; 0 none).</summary>
    public ReadOnlySpan<byte> IndustryRiskClass => Column<byte>(PopulationSchema.IndustryRiskClass);

    /// <summary>Basic medical insurance scheme.</summary>
    public ReadOnlySpan<MedicalScheme> MedicalScheme => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, MedicalScheme>(Column<byte>(PopulationSchema.Medical));

    /// <summary>Living parents aged 60 or more.</summary>
    public ReadOnlySpan<byte> ParentsAged60Plus => Column<byte>(PopulationSchema.ParentsAged60Plus);

    /// <summary>Elderly-parent deduction claim.</summary>
    public ReadOnlySpan<ElderlyParentClaim> ElderlyParentClaim => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ElderlyParentClaim>(Column<byte>(PopulationSchema.ElderlyParents));

    /// <summary>Continuing education this year.</summary>
    public ReadOnlySpan<ContinuingEducation> ContinuingEducation => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ContinuingEducation>(Column<byte>(PopulationSchema.Education));

    /// <summary>Self-paid medical costs within the policy scope, yuan per year.</summary>
    public ReadOnlySpan<double> MedicalSelfPayAnnual => Column<double>(PopulationSchema.MedicalSelfPay);

    /// <summary>Years of unemployment-insurance contributions.</summary>
    public ReadOnlySpan<double> UnemploymentInsuranceYears => Column<double>(PopulationSchema.UnemploymentInsuranceYears);

    /// <summary>Months registered as unemployed after an involuntary job loss this year.</summary>
    public ReadOnlySpan<byte> UnemploymentMonths => Column<byte>(PopulationSchema.UnemploymentMonths);

    /// <summary>Work-injury disability grade (1–10; 0 none).</summary>
    public ReadOnlySpan<byte> WorkInjuryGrade => Column<byte>(PopulationSchema.WorkInjuryGrade);

    /// <summary>1 when the work-injury grade was assessed this year.</summary>
    public ReadOnlySpan<byte> WorkInjuryAssessedThisYear => Column<byte>(PopulationSchema.WorkInjuryNew);

    /// <summary>Nursing dependence assessed with a work injury.</summary>
    public ReadOnlySpan<NursingDependency> WorkInjuryNursing => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, NursingDependency>(Column<byte>(PopulationSchema.WorkInjuryNursing));

    /// <summary>Own monthly wage before the work injury, yuan per month (0: wages ÷ 12).</summary>
    public ReadOnlySpan<double> WorkInjuryWageMonthly => Column<double>(PopulationSchema.WorkInjuryWage);

    /// <summary>The names of the extra person columns (added with <see cref="SocialSecurity.Modeling.Populations.PopulationBuilder.AddColumn(ColumnDefinition, double[])"/> or <see cref="WithColumn(ColumnDefinition, double[])"/>).</summary>
    public IReadOnlyCollection<string> ExtraPersonColumns => _personExtras.Keys;

    /// <summary>The names of the extra household columns.</summary>
    public IReadOnlyCollection<string> ExtraHouseholdColumns => _householdExtras.Keys;

    /// <summary>The definitions of the extra columns, persons then households, each in name order.</summary>
    public IReadOnlyList<ColumnDefinition> ExtraColumns
        => [.. _extraDefinitions.Values.OrderBy(d => d.Entity == Entity.Household).ThenBy(d => d.Name, StringComparer.Ordinal)];

    /// <summary>The population's schema: the built-in columns (<see cref="PopulationSchema.All"/>), then the extra columns.</summary>
    public IReadOnlyList<ColumnDefinition> Schema => [.. PopulationSchema.All, .. ExtraColumns];

    /// <summary>The definition of a built-in or extra column.</summary>
    /// <param name="name">The column's name.</param>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public ColumnDefinition Definition(string name)
        => TryGetDefinition(name, out var definition) ? definition : throw new KeyNotFoundException($"The population has no column '{name}'; its extra columns are: {string.Join(", ", _extraDefinitions.Keys.Order(StringComparer.Ordinal))}.");

    /// <summary>Looks up the definition of a built-in or extra column.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="definition">The definition, when found.</param>
    public bool TryGetDefinition(string name, out ColumnDefinition definition)
    {
        if (_extraDefinitions.TryGetValue(name, out definition!))
        {
            return true;
        }

        definition = PopulationSchema.Find(name)!;
        return definition is not null;
    }

    /// <summary>
    /// The values of a column stored as doubles (an extra column, or a built-in amount such as
    /// <see cref="PopulationSchema.Wages"/>), after checking that the population's declaration of the column meets
    /// <paramref name="column"/>. The check runs once per call, never per value: get the span once per block.
    /// </summary>
    /// <param name="column">The definition the caller expects.</param>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    /// <exception cref="ArgumentException">The population declares the column differently (another entity, type, unit, period or a wider range).</exception>
    public ReadOnlySpan<double> Values(ColumnDefinition column)
    {
        ArgumentNullException.ThrowIfNull(column);
        EnsureMeets(column, "the caller");
        return DoubleColumn(column.Name);
    }

    /// <summary>The regions where at least one household lives or one person is registered (hukou), in catalogue order; computed once.</summary>
    internal RegionId[] RegionsPresent => _regionsPresent ??= FindRegionsPresent();

    /// <summary>The number of members of household <paramref name="household"/> (an index, not an id).</summary>
    /// <param name="household">A household index.</param>
    public int HouseholdSize(int household) => MemberStartColumn[household + 1] - MemberStartColumn[household];

    /// <summary>
    /// A copy of this population with one more column (for example simulated medical bills or a chosen pension tier)
    /// that rules can read, declared by <paramref name="column"/> and validated against it here, once. The existing
    /// columns are shared, and <paramref name="values"/> is adopted as it is, not copied: do not change it afterwards.
    /// </summary>
    /// <param name="column">The column's declaration; its entity says whether it holds one value per person or per household.</param>
    /// <param name="values">One value per person (in this population's member-contiguous order: members of household h at <see cref="MemberStart"/>[h] …) or per household.</param>
    /// <exception cref="ArgumentException">The name is taken, the length differs from <see cref="PersonCount"/> or <see cref="HouseholdCount"/>, or a value is invalid for the definition (the message names the row, the id and the valid values).</exception>
    public Population WithColumn(ColumnDefinition column, double[] values)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(values);
        if (column.Storage != ColumnStorage.Double)
        {
            throw new ArgumentException($"Column '{column.Name}' is stored as {column.Storage}; extra columns are stored as doubles.", nameof(column));
        }

        if (_extraDefinitions.ContainsKey(column.Name) || PopulationSchema.Find(column.Name) is not null)
        {
            throw new ArgumentException($"The population already has a column named '{column.Name}'.", nameof(column));
        }

        bool isPerson = column.Entity == Entity.Person;
        int expected = isPerson ? PersonCount : HouseholdCount;
        if (values.Length != expected)
        {
            throw new ArgumentException($"Column '{column.Name}' has {values.Length} values; the population has {expected} {(isPerson ? "persons" : "households")}.", nameof(values));
        }

        int invalid = ColumnChecks.FirstInvalid(column, values, 0);
        if (invalid >= 0)
        {
            long id = isPerson ? PersonIdColumn[invalid] : HouseholdIdColumn[invalid];
            throw new ArgumentException(ColumnChecks.Describe(column, column.Name, isPerson ? "person" : "household", invalid, id, values[invalid]), nameof(values));
        }

        return PopulationDerivation.With(this, addColumn: (column, values));
    }

    /// <summary>A copy of this population with one more person column declared by name only (<see cref="ColumnDefinition.Number"/>: any finite number, no unit, period, role or range).</summary>
    /// <param name="name">A lower-case dotted name not used yet, for example <c>medical.bill_within_policy_annual</c>.</param>
    /// <param name="values">One finite value per person, in this population's order.</param>
    /// <exception cref="ArgumentException">The name is invalid or taken, the length differs from <see cref="PersonCount"/>, or a value is not finite (the message names the row).</exception>
    public Population WithPersonColumn(string name, double[] values) => WithColumn(ColumnDefinition.Number(CheckName(name), Entity.Person), values);

    /// <summary>A copy of this population with one more household column declared by name only (<see cref="ColumnDefinition.Number"/>).</summary>
    /// <param name="name">A lower-case dotted name not used yet.</param>
    /// <param name="values">One finite value per household, in this population's order.</param>
    /// <exception cref="ArgumentException">The name is invalid or taken, the length differs from <see cref="HouseholdCount"/>, or a value is not finite.</exception>
    public Population WithHouseholdColumn(string name, double[] values) => WithColumn(ColumnDefinition.Number(CheckName(name), Entity.Household), values);

    /// <summary>An extra person column, in population (member-contiguous) order.</summary>
    /// <param name="name">The column's name.</param>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public ReadOnlySpan<double> ExtraPersonColumn(string name)
        => _personExtras.TryGetValue(name, out var column) ? column : throw new KeyNotFoundException($"The population has no extra person column '{name}'; it has: {string.Join(", ", _personExtras.Keys)}.");

    /// <summary>An extra household column.</summary>
    /// <param name="name">The column's name.</param>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public ReadOnlySpan<double> ExtraHouseholdColumn(string name)
        => _householdExtras.TryGetValue(name, out var column) ? column : throw new KeyNotFoundException($"The population has no extra household column '{name}'; it has: {string.Join(", ", _householdExtras.Keys)}.");

    /// <summary>The bytes held by the population's columns, for memory budgeting: each array counted once (optional columns a <see cref="SocialSecurity.Modeling.Populations.ColumnarPopulationBuilder"/> was not given share one array of zeros).</summary>
    public long ResidentBytes
    {
        get
        {
            long bytes = (HouseholdCount + 1L) * sizeof(int); // member starts
            var counted = new HashSet<Array>(ReferenceEqualityComparer.Instance);
            for (int i = 0; i < _columns.Length; i++)
            {
                var column = _columns[i];
                if (column is null)
                {
                    bytes += (long)PersonCount * (i == PopulationSchema.HukouRegion.BuiltInIndex ? sizeof(ushort) : sizeof(int)); // derived, held once read
                }
                else if (counted.Add(column))
                {
                    bytes += Buffer.ByteLength(column);
                }
            }

            bytes += _personExtras.Count * 8L * PersonCount + _householdExtras.Count * 8L * HouseholdCount;
            return bytes;
        }
    }

    internal long[] HouseholdIdColumn => Column<long>(PopulationSchema.HouseholdId);

    internal double[] WeightColumn => Column<double>(PopulationSchema.Weight);

    internal ushort[] HouseholdRegionColumn => Column<ushort>(PopulationSchema.Region);

    internal byte[] AreaColumn => Column<byte>(PopulationSchema.Area);

    internal double[] FinancialAssetsColumn => Column<double>(PopulationSchema.FinancialAssets);

    internal byte[] HousingUnitsColumn => Column<byte>(PopulationSchema.HousingUnits);

    internal byte[] VehicleColumn => Column<byte>(PopulationSchema.NonEssentialVehicle);

    internal int[] MemberStartColumn { get; }

    internal long[] PersonIdColumn => Column<long>(PopulationSchema.PersonId);

    internal int[] PersonHouseholdColumn => Column<int>(PopulationSchema.PersonHouseholdId);

    internal byte[] AgeColumn => Column<byte>(PopulationSchema.Age);

    internal byte[] SexColumn => Column<byte>(PopulationSchema.Sex);

    internal byte[] HukouColumn => Column<byte>(PopulationSchema.Hukou);

    internal ushort[] HukouRegionColumn => Column<ushort>(PopulationSchema.HukouRegion);

    internal byte[] DisabilityColumn => Column<byte>(PopulationSchema.Disability);

    internal byte[] SelfCareColumn => Column<byte>(PopulationSchema.SelfCare);

    internal byte[] EmploymentColumn => Column<byte>(PopulationSchema.Employment);

    internal double[] WagesColumn => Column<double>(PopulationSchema.Wages);

    internal double[] BusinessColumn => Column<double>(PopulationSchema.BusinessIncome);

    internal double[] PropertyColumn => Column<double>(PopulationSchema.PropertyIncome);

    internal double[] PrivateTransfersColumn => Column<double>(PopulationSchema.PrivateTransfers);

    internal double[] PensionColumn => Column<double>(PopulationSchema.ReportedPension);

    /// <summary>The built-in arrays, indexed by <see cref="ColumnDefinition.BuiltInIndex"/>; shared, never written.</summary>
    internal IReadOnlyList<Array> BuiltInColumns
    {
        get
        {
            _ = PersonHouseholdColumn;
            _ = HukouRegionColumn;
            return _columns!;
        }
    }

    /// <summary>The array of a built-in column, typed by its storage (<c>byte[]</c> for <see cref="ColumnStorage.Byte"/>, …).</summary>
    internal T[] Column<T>(ColumnDefinition builtIn) => (T[])Column(builtIn);

    /// <summary>The array of a built-in column, as stored.</summary>
    internal Array Column(ColumnDefinition builtIn) => _columns[builtIn.BuiltInIndex] ?? Derive(builtIn.BuiltInIndex);

    /// <summary>Whether a built-in column is known to be all zeros without reading it: an optional column the build was not given (<see cref="ZeroColumns"/>).</summary>
    internal bool IsAllZero(ColumnDefinition builtIn) => _columns[builtIn.BuiltInIndex] is { } column && ZeroColumns.Is(column);

    internal bool TryGetExtraPersonColumn(string name, out double[] column) => _personExtras.TryGetValue(name, out column!);

    internal bool TryGetExtraHouseholdColumn(string name, out double[] column) => _householdExtras.TryGetValue(name, out column!);

    internal Dictionary<string, ColumnDefinition> ExtraDefinitions => _extraDefinitions;

    /// <summary>
    /// Checks that the population's column meets what <paramref name="program"/> expects: by declaration, or, for a
    /// column added by name only (<see cref="ColumnDefinition.IsUndeclared"/>), by checking its values once (the result
    /// is remembered for this population and this expected definition).
    /// </summary>
    internal void EnsureMeets(ColumnDefinition expected, string program)
    {
        if (!TryGetDefinition(expected.Name, out var actual))
        {
            throw new KeyNotFoundException($"{Capitalised(program)} reads the {expected.Entity.ToString().ToLowerInvariant()} column '{expected.Name}' ({expected.Expected}), which the population does not carry.");
        }

        if (ReferenceEquals(actual, expected) || _checkedAgainst.ContainsKey(expected))
        {
            return;
        }

        if (actual.Satisfies(expected, out var reason))
        {
            _checkedAgainst.TryAdd(expected, true);
            return;
        }

        if (!actual.IsUndeclared || actual.Entity != expected.Entity || expected.Storage != ColumnStorage.Double)
        {
            throw new ArgumentException($"{Capitalised(program)} reads column '{expected.Name}' as {expected.Expected}, but the population declares it differently: {reason}.");
        }

        var values = DoubleColumn(expected.Name);
        int invalid = ColumnChecks.FirstInvalid(expected, values, 0);
        if (invalid >= 0)
        {
            bool isPerson = expected.Entity == Entity.Person;
            long id = isPerson ? PersonIdColumn[invalid] : HouseholdIdColumn[invalid];
            throw new ArgumentException($"{Capitalised(program)} reads column '{expected.Name}', added without a declaration; {ColumnChecks.Describe(expected, expected.Name, isPerson ? "person" : "household", invalid, id, values[invalid])}. Declare the column with a ColumnDefinition to have it checked when the population is built.");
        }

        _checkedAgainst.TryAdd(expected, true);
    }

    internal double[] DoubleColumn(string name)
    {
        if (_personExtras.TryGetValue(name, out var person))
        {
            return person;
        }

        if (_householdExtras.TryGetValue(name, out var household))
        {
            return household;
        }

        return PopulationSchema.Find(name) is { Storage: ColumnStorage.Double } builtIn ? Column<double>(builtIn)
            : throw new KeyNotFoundException($"The population has no column '{name}' stored as doubles.");
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    private static string CheckName(string name)
        => !string.IsNullOrWhiteSpace(name) && VariableNames.IsValid(name)
            ? name
            : throw new ArgumentException($"Column name '{name}' must be lower-case words joined by dots or underscores.", nameof(name));

    private RegionId[] FindRegionsPresent()
    {
        var seen = new bool[Regions.Count];
        foreach (var r in HouseholdRegionColumn)
        {
            seen[r] = true;
        }

        if (_columns[PopulationSchema.HukouRegion.BuiltInIndex] is { } hukou)
        {
            foreach (var r in (ushort[])hukou)
            {
                seen[r] = true;
            }
        }

        var present = new List<RegionId>();
        for (int i = 0; i < seen.Length; i++)
        {
            if (seen[i])
            {
                present.Add(new RegionId((ushort)i));
            }
        }

        return [.. present];
    }

    private static double Sum(double[] values) => ExactAccumulator.Sum(values);

    /// <summary>Each person's household index, from the member starts (one fill per household).</summary>
    internal static int[] HouseholdOfEachPerson(ReadOnlySpan<int> memberStart)
    {
        var result = GC.AllocateUninitializedArray<int>(memberStart[^1]);
        for (int h = 0; h + 1 < memberStart.Length; h++)
        {
            for (int p = memberStart[h]; p < memberStart[h + 1]; p++)
            {
                result[p] = h;
            }
        }

        return result;
    }

    /// <summary>
    /// A derived column on first read (any thread; one result kept): each person's household index from the member
    /// starts, or the hukou region not given, each person's household region.
    /// </summary>
    private Array Derive(int index)
    {
        Array result;
        if (index == PopulationSchema.PersonHouseholdId.BuiltInIndex)
        {
            result = HouseholdOfEachPerson(MemberStartColumn);
        }
        else
        {
            var region = HouseholdRegionColumn;
            var personHousehold = PersonHouseholdColumn;
            var hukou = GC.AllocateUninitializedArray<ushort>(personHousehold.Length);
            for (int p = 0; p < hukou.Length; p++)
            {
                hukou[p] = region[personHousehold[p]];
            }

            result = hukou;
        }

        return Interlocked.CompareExchange(ref _columns[index], result, null) ?? result;
    }
}
