using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Subsidies;

/// <summary>Hukou conditions shared by the subsidies: registration in the paying province or county.</summary>
internal static class HukouRules
{
    /// <summary>For each region present, its province (or the region itself at the nation level), indexed by region index.</summary>
    public static RegionId[] Provinces(ProgramSetup setup)
    {
        var provinces = new RegionId[setup.Regions.Count];
        foreach (var region in setup.RegionsPresent)
        {
            provinces[region.Index] = setup.Regions.Province(region) ?? region;
        }

        return provinces;
    }
}
