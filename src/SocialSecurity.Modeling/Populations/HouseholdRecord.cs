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
}
