namespace SocialSecurity.Modeling.Metrics;

/// <summary>How the overall common-prosperity index is formed from the indicators.</summary>
public enum CompositeMethod
{
    /// <summary>TOPSIS closeness over all indicators at once with their weights (the default).</summary>
    TopsisOverAllIndicators = 0,

    /// <summary>
    /// Weighted mean of the two sub-index closenesses:
    /// <c>s·Affluence + (1 − s)·Sharing</c> with s = <see cref="CommonProsperityOptions.AffluenceShare"/>.
    /// </summary>
    WeightedSubIndices = 1,
}
