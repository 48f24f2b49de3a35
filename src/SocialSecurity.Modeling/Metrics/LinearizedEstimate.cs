namespace SocialSecurity.Modeling.Metrics;

/// <summary>A point estimate with its linearization (influence-function) standard error.</summary>
/// <param name="Estimate">The point estimate.</param>
/// <param name="StandardError">The linearized standard error.</param>
public readonly record struct LinearizedEstimate(double Estimate, double StandardError);
