using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Core;

/// <summary>
/// A weighted population in columnar form: one array per attribute, households and persons, with each household's
/// members stored contiguously. Immutable once built (see <see cref="SocialSecurity.Modeling.Populations.PopulationBuilder"/>), validated, and compact:
/// about 60 bytes per person plus about 35 per household for the full input schema.
/// </summary>
/// <remarks>
/// Household <c>h</c>'s members are persons <c>MemberStart[h]</c> to <c>MemberStart[h + 1] − 1</c>. The unit of
/// analysis for distributional results is the person, weighted by the household weight. Income columns are annual
/// yuan; column names say so.
/// </remarks>
public sealed class Population
{
    private readonly Dictionary<string, double[]> _personExtras;
    private RegionId[]? _regionsPresent;
    private readonly Dictionary<string, double[]> _householdExtras;

    internal Population(
        RegionCatalog regions,
        long[] householdIds, double[] weights, ushort[] householdRegion, byte[] area, double[] financialAssets, byte[] housingUnits, byte[] vehicle, int[] memberStart,
        long[] personIds, int[] personHousehold, byte[] age, byte[] sex, byte[] hukou, ushort[] hukouRegion, byte[] disability, byte[] selfCare, byte[] employment,
        double[] wages, double[] business, double[] property, double[] privateTransfers, double[] pensions,
        Dictionary<string, double[]> personExtras, Dictionary<string, double[]> householdExtras)
    {
        Regions = regions;
        HouseholdIdColumn = householdIds;
        WeightColumn = weights;
        HouseholdRegionColumn = householdRegion;
        AreaColumn = area;
        FinancialAssetsColumn = financialAssets;
        HousingUnitsColumn = housingUnits;
        VehicleColumn = vehicle;
        MemberStartColumn = memberStart;
        PersonIdColumn = personIds;
        PersonHouseholdColumn = personHousehold;
        AgeColumn = age;
        SexColumn = sex;
        HukouColumn = hukou;
        HukouRegionColumn = hukouRegion;
        DisabilityColumn = disability;
        SelfCareColumn = selfCare;
        EmploymentColumn = employment;
        WagesColumn = wages;
        BusinessColumn = business;
        PropertyColumn = property;
        PrivateTransfersColumn = privateTransfers;
        PensionColumn = pensions;
        _personExtras = personExtras;
        _householdExtras = householdExtras;
    }

    /// <summary>The region catalogue the population's region handles refer to.</summary>
    public RegionCatalog Regions { get; }

    /// <summary>The number of households.</summary>
    public int HouseholdCount => HouseholdIdColumn.Length;

    /// <summary>The number of persons.</summary>
    public int PersonCount => PersonIdColumn.Length;

    /// <summary>The weighted number of households (Σ household weights).</summary>
    public double WeightedHouseholds => Sum(WeightColumn);

    /// <summary>The weighted number of persons (Σ household weight × household size).</summary>
    public double WeightedPersons
    {
        get
        {
            double total = 0;
            for (int h = 0; h < HouseholdCount; h++)
            {
                total += WeightColumn[h] * (MemberStartColumn[h + 1] - MemberStartColumn[h]);
            }

            return total;
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

    /// <summary>The names of the extra person columns added with <see cref="SocialSecurity.Modeling.Populations.PopulationBuilder.AddPersonColumn"/>.</summary>
    public IReadOnlyCollection<string> ExtraPersonColumns => _personExtras.Keys;

    /// <summary>The names of the extra household columns added with <see cref="SocialSecurity.Modeling.Populations.PopulationBuilder.AddHouseholdColumn"/>.</summary>
    public IReadOnlyCollection<string> ExtraHouseholdColumns => _householdExtras.Keys;

    /// <summary>The regions where at least one household lives or one person is registered (hukou), in catalogue order; computed once.</summary>
    internal RegionId[] RegionsPresent => _regionsPresent ??= FindRegionsPresent();

    /// <summary>The number of members of household <paramref name="household"/> (an index, not an id).</summary>
    /// <param name="household">A household index.</param>
    public int HouseholdSize(int household) => MemberStartColumn[household + 1] - MemberStartColumn[household];

    /// <summary>
    /// A copy of this population with one more person column (for example simulated medical bills or a chosen pension
    /// tier) that rules can read. The existing columns are shared, not copied.
    /// </summary>
    /// <param name="name">A lower-case dotted name not used yet, for example <c>medical.bill_within_policy_annual</c>.</param>
    /// <param name="values">One finite value per person, in this population's order (members of household h at <see cref="MemberStart"/>[h] …).</param>
    /// <exception cref="ArgumentException">The name is invalid or taken, the length differs from <see cref="PersonCount"/>, or a value is not finite (the message names the row).</exception>
    public Population WithPersonColumn(string name, double[] values) => WithColumn(name, values, isPerson: true);

    /// <summary>A copy of this population with one more household column; the existing columns are shared.</summary>
    /// <param name="name">A lower-case dotted name not used yet.</param>
    /// <param name="values">One finite value per household, in this population's order.</param>
    /// <exception cref="ArgumentException">The name is invalid or taken, the length differs from <see cref="HouseholdCount"/>, or a value is not finite.</exception>
    public Population WithHouseholdColumn(string name, double[] values) => WithColumn(name, values, isPerson: false);

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

    /// <summary>The bytes held by the population's columns, for memory budgeting.</summary>
    public long ResidentBytes
    {
        get
        {
            long bytes = 0;
            bytes += HouseholdCount * (8L + 8 + 2 + 1 + 8 + 1 + 1) + (HouseholdCount + 1L) * 4;
            bytes += PersonCount * (8L + 4 + 1 + 1 + 1 + 2 + 1 + 1 + 1 + (5 * 8));
            bytes += _personExtras.Count * 8L * PersonCount + _householdExtras.Count * 8L * HouseholdCount;
            return bytes;
        }
    }

    internal long[] HouseholdIdColumn { get; }

    internal double[] WeightColumn { get; }

    internal ushort[] HouseholdRegionColumn { get; }

    internal byte[] AreaColumn { get; }

    internal double[] FinancialAssetsColumn { get; }

    internal byte[] HousingUnitsColumn { get; }

    internal byte[] VehicleColumn { get; }

    internal int[] MemberStartColumn { get; }

    internal long[] PersonIdColumn { get; }

    internal int[] PersonHouseholdColumn { get; }

    internal byte[] AgeColumn { get; }

    internal byte[] SexColumn { get; }

    internal byte[] HukouColumn { get; }

    internal ushort[] HukouRegionColumn { get; }

    internal byte[] DisabilityColumn { get; }

    internal byte[] SelfCareColumn { get; }

    internal byte[] EmploymentColumn { get; }

    internal double[] WagesColumn { get; }

    internal double[] BusinessColumn { get; }

    internal double[] PropertyColumn { get; }

    internal double[] PrivateTransfersColumn { get; }

    internal double[] PensionColumn { get; }

    internal bool TryGetExtraPersonColumn(string name, out double[] column) => _personExtras.TryGetValue(name, out column!);

    internal bool TryGetExtraHouseholdColumn(string name, out double[] column) => _householdExtras.TryGetValue(name, out column!);

    private Population WithColumn(string name, double[] values, bool isPerson)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (string.IsNullOrWhiteSpace(name) || !VariableNames.IsValid(name))
        {
            throw new ArgumentException($"Column name '{name}' must be lower-case words joined by dots or underscores.", nameof(name));
        }

        if (_personExtras.ContainsKey(name) || _householdExtras.ContainsKey(name) || InputVariables.All.Any(v => v.Name == name))
        {
            throw new ArgumentException($"The population already has a column named '{name}'.", nameof(name));
        }

        int expected = isPerson ? PersonCount : HouseholdCount;
        if (values.Length != expected)
        {
            throw new ArgumentException($"Column '{name}' has {values.Length} values; the population has {expected} {(isPerson ? "persons" : "households")}.", nameof(values));
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Column '{name}', {(isPerson ? "person" : "household")} row {i}: {values[i]} is not a finite number.", nameof(values));
            }
        }

        return PopulationDerivation.With(this, addColumn: (name, values, isPerson));
    }

    private RegionId[] FindRegionsPresent()
    {
        var seen = new bool[Regions.Count];
        foreach (var r in HouseholdRegionColumn)
        {
            seen[r] = true;
        }

        foreach (var r in HukouRegionColumn)
        {
            seen[r] = true;
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

    private static double Sum(double[] values)
    {
        double total = 0;
        foreach (var v in values)
        {
            total += v;
        }

        return total;
    }
}
