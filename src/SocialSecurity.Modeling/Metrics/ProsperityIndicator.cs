namespace SocialSecurity.Modeling.Metrics;

/// <summary>One column of the common-prosperity indicator matrix.</summary>
/// <param name="Name">Indicator name, for reports.</param>
/// <param name="Dimension">Sub-index the indicator belongs to.</param>
/// <param name="Direction">Whether higher raw values are better.</param>
public readonly record struct ProsperityIndicator(string Name, ProsperityDimension Dimension, IndicatorDirection Direction);
