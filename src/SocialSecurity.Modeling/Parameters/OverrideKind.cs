namespace SocialSecurity.Modeling.Parameters;

/// <summary>How a <see cref="ParameterOverride"/> changes a parameter.</summary>
public enum OverrideKind
{
    /// <summary>
    /// Sets a new value for the region and date range, in the region and every region below it, including regions
    /// that set their own value, unless <see cref="ParameterOverride.KeepLowerRegions"/> keeps those.
    /// </summary>
    Set,

    /// <summary>Multiplies the value in force in the region and every region below it.</summary>
    Scale,

    /// <summary>Adds an amount to the value in force in the region and every region below it.</summary>
    Add,
}
