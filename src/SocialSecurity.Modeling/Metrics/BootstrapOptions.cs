namespace SocialSecurity.Modeling.Metrics;

/// <summary>Configuration of <see cref="Bootstrap"/>.</summary>
public sealed record BootstrapOptions
{
    /// <summary>Number of replicates R; 200 by default (laeken uses 100).</summary>
    public int Replicates { get; init; } = 200;

    /// <summary>Seed of the library's seeded generator that draws the resamples; fixed so results are reproducible.</summary>
    public int Seed { get; init; } = 20_240_401;

    /// <summary>Confidence level of the interval, in (0, 1); 0.95 by default.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Kind of interval; percentile by default.</summary>
    public BootstrapInterval Interval { get; init; } = BootstrapInterval.Percentile;
}
