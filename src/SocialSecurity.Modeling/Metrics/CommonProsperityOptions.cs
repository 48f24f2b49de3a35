namespace SocialSecurity.Modeling.Metrics;

/// <summary>Configuration of <see cref="CommonProsperityIndex"/>; every default is documented and labelled illustrative [I] in docs/indicators.md#common-prosperity-index.</summary>
public sealed record CommonProsperityOptions
{
    /// <summary>Indicator weighting; entropy weights by default.</summary>
    public IndicatorWeighting Weighting { get; init; } = IndicatorWeighting.Entropy;

    /// <summary>Weights for <see cref="IndicatorWeighting.Fixed"/>, one per indicator (non-negative, positive sum).</summary>
    public IReadOnlyList<double>? FixedWeights { get; init; }

    /// <summary>How the overall index is formed; TOPSIS over all indicators by default.</summary>
    public CompositeMethod Composite { get; init; } = CompositeMethod.TopsisOverAllIndicators;

    /// <summary>Weight of the affluence sub-index for <see cref="CompositeMethod.WeightedSubIndices"/>; 0.5 by default.</summary>
    public double AffluenceShare { get; init; } = 0.5;
}
