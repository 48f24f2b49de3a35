namespace SocialSecurity.Modeling.Regions;

/// <summary>The administrative level of a <see cref="Region"/>, from the nation down to the county.</summary>
public enum RegionLevel
{
    /// <summary>The whole country; the root of every hierarchy.</summary>
    Nation = 0,

    /// <summary>A province, autonomous region or municipality (省级).</summary>
    Province = 1,

    /// <summary>A prefecture-level city, prefecture or league (地级).</summary>
    Prefecture = 2,

    /// <summary>A county, county-level city or district (县级).</summary>
    County = 3,
}
