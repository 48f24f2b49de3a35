namespace SocialSecurity.Modeling.Populations.Weighting;

/// <summary>Convergence settings for <see cref="WeightRaking.Rake"/>.</summary>
public sealed record RakingOptions
{
    /// <summary>The largest number of Newton iterations (1–1000). Default 100.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Convergence: every margin within this relative error, |achieved − target| / target (&gt; 0). Default 1e-9.</summary>
    public double Tolerance { get; init; } = 1e-9;
}
