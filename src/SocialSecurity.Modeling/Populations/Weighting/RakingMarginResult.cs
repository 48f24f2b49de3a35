namespace SocialSecurity.Modeling.Populations.Weighting;

/// <summary>How one margin was met by raking.</summary>
/// <param name="Name">The margin's label.</param>
/// <param name="Target">The required total.</param>
/// <param name="Before">The total with the design weights.</param>
/// <param name="Achieved">The total with the raked weights.</param>
public sealed record RakingMarginResult(string Name, double Target, double Before, double Achieved)
{
    /// <summary>|achieved − target| / target.</summary>
    public double RelativeError => Math.Abs(Achieved - Target) / Target;
}
