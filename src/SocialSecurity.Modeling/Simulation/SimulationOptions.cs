namespace SocialSecurity.Modeling.Simulation;

/// <summary>How a population run is partitioned. Results do not depend on these settings: blocks are fixed by <see cref="BlockSize"/> and every sum is combined in block order.</summary>
public sealed record SimulationOptions
{
    /// <summary>The default options: all cores, blocks of 16,384 households.</summary>
    public static SimulationOptions Default { get; } = new();

    /// <summary>The most threads to use; −1 (the default) means all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Households per block (the unit of parallel work, progress and cancellation). Must be ≥ 1.</summary>
    public int BlockSize { get; init; } = 16_384;
}
