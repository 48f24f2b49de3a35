using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations;

/// <summary>
/// One household as given to <see cref="PopulationBuilder.AddHousehold(in HouseholdRecord)"/> or to the household
/// calculator. Amounts are stocks in yuan (no period).
/// </summary>
public readonly record struct HouseholdRecord
{
    /// <summary>The household's identifier, unique in the population.</summary>
    public long Id { get; init; }

    /// <summary>The survey weight: how many households of the real population this one stands for (finite, ≥ 0). The person weight is the same for every member.</summary>
    public double Weight { get; init; }

    /// <summary>The GB/T 2260 code of the region the household lives in (the most specific known: county, city or province).</summary>
    public string RegionCode { get; init; }

    /// <summary>Urban or rural area of residence.</summary>
    public AreaType Area { get; init; }

    /// <summary>Financial assets (deposits, securities), in yuan (a stock).</summary>
    public double FinancialAssets { get; init; }

    /// <summary>The number of homes owned.</summary>
    public byte HousingUnits { get; init; }

    /// <summary>Whether the household owns a non-essential vehicle (one not used for work or by a disabled member).</summary>
    public bool HasNonEssentialVehicle { get; init; }

    /// <summary>
    /// The record's built-in columns (<see cref="PopulationSchema"/>, household entity): how the builder reads each one
    /// and how the file readers set it. A new built-in household column needs its property above and its line here.
    /// </summary>
    internal static RecordMapping<HouseholdRecord> Mapping { get; } = new(
        Entity.Household,
        new IntegerField<HouseholdRecord>(PopulationSchema.HouseholdId, (in HouseholdRecord h) => h.Id, (ref HouseholdRecord h, long v) => h = h with { Id = v }),
        new NumberField<HouseholdRecord>(PopulationSchema.Weight, (in HouseholdRecord h) => h.Weight, (ref HouseholdRecord h, double v) => h = h with { Weight = v }),
        new RegionField<HouseholdRecord>(PopulationSchema.Region, (in HouseholdRecord h) => h.RegionCode, (ref HouseholdRecord h, string? v) => h = h with { RegionCode = v! }),
        new IntegerField<HouseholdRecord>(PopulationSchema.Area, (in HouseholdRecord h) => (long)h.Area, (ref HouseholdRecord h, long v) => h = h with { Area = (AreaType)v }),
        new NumberField<HouseholdRecord>(PopulationSchema.FinancialAssets, (in HouseholdRecord h) => h.FinancialAssets, (ref HouseholdRecord h, double v) => h = h with { FinancialAssets = v }),
        new IntegerField<HouseholdRecord>(PopulationSchema.HousingUnits, (in HouseholdRecord h) => h.HousingUnits, (ref HouseholdRecord h, long v) => h = h with { HousingUnits = (byte)v }),
        new IntegerField<HouseholdRecord>(PopulationSchema.NonEssentialVehicle, (in HouseholdRecord h) => h.HasNonEssentialVehicle ? 1 : 0, (ref HouseholdRecord h, long v) => h = h with { HasNonEssentialVehicle = v == 1 }));
}
