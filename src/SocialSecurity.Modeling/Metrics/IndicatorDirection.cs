namespace SocialSecurity.Modeling.Metrics;

/// <summary>Whether a higher raw value of an indicator means more common prosperity.</summary>
public enum IndicatorDirection
{
    /// <summary>Higher is better (a benefit criterion, e.g. disposable income per capita).</summary>
    HigherIsBetter = 0,

    /// <summary>Lower is better (a cost criterion, e.g. the Gini or the urban–rural ratio).</summary>
    LowerIsBetter = 1,
}
