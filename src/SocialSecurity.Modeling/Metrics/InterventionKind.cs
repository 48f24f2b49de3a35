namespace SocialSecurity.Modeling.Metrics;

/// <summary>Whether a fiscal intervention adds to income (a benefit) or is taken from it (a tax or contribution).</summary>
public enum InterventionKind
{
    /// <summary>A transfer or subsidy, added to income; passed as a non-negative amount.</summary>
    Benefit = 0,

    /// <summary>A tax or contribution, subtracted from income; passed as a non-negative amount.</summary>
    Tax = 1,
}
