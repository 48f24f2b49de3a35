namespace SocialSecurity.Modeling.Metrics;

/// <summary>How the common-prosperity index weights its indicators.</summary>
public enum IndicatorWeighting
{
    /// <summary>Entropy weights computed from the normalised matrix (the default; docs/indicators.md#common-prosperity-index).</summary>
    Entropy = 0,

    /// <summary>Equal weights.</summary>
    Equal = 1,

    /// <summary>Weights supplied in <see cref="CommonProsperityOptions.FixedWeights"/> (normalised to sum to 1).</summary>
    Fixed = 2,
}
