namespace SocialSecurity.Modeling.Metrics;

/// <summary>The sub-index of the common-prosperity index an indicator belongs to (docs/indicators.md#common-prosperity-index).</summary>
public enum ProsperityDimension
{
    /// <summary>Affluence (富裕度): level of income, consumption, public services.</summary>
    Affluence = 0,

    /// <summary>Sharing (共同度): equality between persons, regions, urban and rural areas.</summary>
    Sharing = 1,
}
