namespace SocialSecurity.Modeling.Simulation;

/// <summary>How a population run is partitioned. Results do not depend on these settings: each block writes only its own rows, and every aggregate is an exact, order-independent sum (docs/indicators.md#exact-order-independent-sums).</summary>
public sealed record SimulationOptions
{
    /// <summary>The default options: all cores, blocks of 16,384 households.</summary>
    public static SimulationOptions Default { get; } = new();

    /// <summary>The most threads to use; −1 (the default) means all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Households per block (the unit of parallel work, progress and cancellation). Must be ≥ 1.</summary>
    public int BlockSize { get; init; } = 16_384;
}
