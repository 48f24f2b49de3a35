namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Fiscal impoverishment and fiscal gains to the poor (Higgins and Lustig 2016; CEQ <c>ceqfi</c>), per person of the
/// weighted population, with pre-fiscal income y0, post-fiscal income y1 and line z.
/// </summary>
/// <param name="ImpoverishedShare">Share with <c>y1 &lt; y0</c> and <c>y1 &lt; z</c>.</param>
/// <param name="ImpoverishmentPerCapita">Mean of <c>min(y0, z) − min(y0, y1, z)</c> (divide by z for the normalised version).</param>
/// <param name="GainersShare">Share with <c>y0 &lt; y1</c> and <c>y0 &lt; z</c>.</param>
/// <param name="GainsPerCapita">Mean of <c>min(y1, z) − min(y0, y1, z)</c>.</param>
/// <param name="Line">The poverty line z used.</param>
public readonly record struct FiscalImpoverishment(
    double ImpoverishedShare, double ImpoverishmentPerCapita, double GainersShare, double GainsPerCapita, double Line)
{
    /// <summary>Impoverishment per capita divided by the line.</summary>
    public double NormalizedImpoverishment => ImpoverishmentPerCapita / Line;

    /// <summary>Gains to the poor per capita divided by the line.</summary>
    public double NormalizedGains => GainsPerCapita / Line;
}
