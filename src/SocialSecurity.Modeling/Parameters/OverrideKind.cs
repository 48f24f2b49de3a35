namespace SocialSecurity.Modeling.Parameters;

/// <summary>How a <see cref="ParameterOverride"/> changes a parameter.</summary>
public enum OverrideKind
{
    /// <summary>Sets a new value for the region and date range; lower regions that set their own value keep it.</summary>
    Set,

    /// <summary>Multiplies the value in force in the region and every region below it.</summary>
    Scale,

    /// <summary>Adds an amount to the value in force in the region and every region below it.</summary>
    Add,
}
