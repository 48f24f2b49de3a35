namespace SocialSecurity.Modeling.Simulation;

/// <summary>Settings of a <see cref="HealthShockSimulation"/> run.</summary>
public sealed record HealthShockOptions
{
    /// <summary>The seed: with the stream name and each person's id it fixes every draw.</summary>
    public ulong Seed { get; init; } = 20240101;

    /// <summary>The number of replicates, ≥ 2 (a confidence interval needs at least two).</summary>
    public int Replicates { get; init => field = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Replicates must be at least 2."); } = 50;

    /// <summary>The confidence level of the intervals, in (0, 1).</summary>
    public double ConfidenceLevel { get; init => field = value is > 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "ConfidenceLevel must lie strictly between 0 and 1."); } = 0.95;

    /// <summary>Households per block in each replicate's run (<see cref="SimulationOptions.BlockSize"/>). Results do not depend on it.</summary>
    public int BlockSize { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "BlockSize must be at least 1."); } = 4_096;

    /// <summary>The most threads to use; -1 for no limit. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init => field = value == -1 || value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDegreeOfParallelism must be -1 or at least 1."); } = -1;

    /// <summary>The name of the random stream, so that other Monte Carlo components draw independently.</summary>
    public string StreamName { get; init => field = !string.IsNullOrEmpty(value) ? value : throw new ArgumentException("StreamName must not be empty.", nameof(value)); } = "medical.spending";
}
