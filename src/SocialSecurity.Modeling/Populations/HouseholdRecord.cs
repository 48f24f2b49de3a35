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

    /// <summary>Children in education (from age 3) qualifying for the children's-education income-tax deduction; each must be a member aged 3–5 or a student.</summary>
    public int ChildrenInEducation { get; init; }

    /// <summary>Children under 3 qualifying for the infant-care income-tax deduction; each must be a member aged 0–2.</summary>
    public int ChildrenUnder3 { get; init; }

    /// <summary>The housing cost for the income-tax deductions (first-home mortgage or rent).</summary>
    public HousingCost Housing { get; init; }

    /// <summary>The class of the city where the household lives (sets the rent deduction).</summary>
    public CityClass CityClass { get; init; }

    /// <summary>Members who died of a work injury this year (their survivors receive the death subsidy).</summary>
    public int WorkInjuryDeaths { get; init; }

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
        new IntegerField<HouseholdRecord>(PopulationSchema.NonEssentialVehicle, (in HouseholdRecord h) => h.HasNonEssentialVehicle ? 1 : 0, (ref HouseholdRecord h, long v) => h = h with { HasNonEssentialVehicle = v == 1 }),
        new IntegerField<HouseholdRecord>(PopulationSchema.ChildrenInEducation, (in HouseholdRecord h) => h.ChildrenInEducation, (ref HouseholdRecord h, long v) => h = h with { ChildrenInEducation = (int)v }),
        new IntegerField<HouseholdRecord>(PopulationSchema.ChildrenUnder3, (in HouseholdRecord h) => h.ChildrenUnder3, (ref HouseholdRecord h, long v) => h = h with { ChildrenUnder3 = (int)v }),
        new IntegerField<HouseholdRecord>(PopulationSchema.Housing, (in HouseholdRecord h) => (long)h.Housing, (ref HouseholdRecord h, long v) => h = h with { Housing = (HousingCost)v }),
        new IntegerField<HouseholdRecord>(PopulationSchema.City, (in HouseholdRecord h) => (long)h.CityClass, (ref HouseholdRecord h, long v) => h = h with { CityClass = (CityClass)v }),
        new IntegerField<HouseholdRecord>(PopulationSchema.WorkInjuryDeaths, (in HouseholdRecord h) => h.WorkInjuryDeaths, (ref HouseholdRecord h, long v) => h = h with { WorkInjuryDeaths = (int)v }));
}
