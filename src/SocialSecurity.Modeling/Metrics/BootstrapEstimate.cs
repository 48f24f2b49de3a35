namespace SocialSecurity.Modeling.Metrics;

/// <summary>A point estimate with its bootstrap standard error and confidence interval.</summary>
/// <param name="Estimate">The statistic on the full sample.</param>
/// <param name="StandardError">Standard deviation of the replicates (divisor R − 1, as laeken's <c>bootVar</c>).</param>
/// <param name="Lower">Lower confidence limit.</param>
/// <param name="Upper">Upper confidence limit.</param>
/// <param name="Replicates">Number of bootstrap replicates R.</param>
public readonly record struct BootstrapEstimate(double Estimate, double StandardError, double Lower, double Upper, int Replicates);
