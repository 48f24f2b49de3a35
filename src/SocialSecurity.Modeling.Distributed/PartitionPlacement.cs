using System.Globalization;
using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace SocialSecurity.Modeling.Distributed;

/// <summary>
/// Places partition grains round robin over the live silos: the partition with ordinal <c>k</c> of a run goes to
/// silo <c>(k + attempt) mod n</c> of the silos in address order, so partitions spread evenly from the first call
/// (load statistics are not yet known when a run starts), and a re-run moves to the next silo.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("SocialSecurity.Modeling.Distributed.PartitionSpreadPlacement")]
public sealed class PartitionSpreadPlacement : PlacementStrategy
{
    internal static readonly PartitionSpreadPlacement Instance = new();
}

/// <summary>Marks a grain class as placed by <see cref="PartitionSpreadPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PartitionSpreadPlacementAttribute : PlacementAttribute
{
    /// <summary>Creates the attribute.</summary>
    public PartitionSpreadPlacementAttribute()
        : base(PartitionSpreadPlacement.Instance)
    {
    }
}

/// <summary>The director of <see cref="PartitionSpreadPlacement"/>: reads the ordinal and attempt from the grain key (<c>run/ordinal/partition/attempt</c>).</summary>
internal sealed class PartitionSpreadPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).Order().ToArray();
        string key = target.GrainIdentity.Key.ToString();
        var parts = key.Split('/');
        int ordinal = parts.Length >= 4 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        int attempt = parts.Length >= 4 && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : 0;
        return Task.FromResult(silos[(int)(((long)ordinal + attempt) % silos.Length)]);
    }
}

/// <summary>Silo registration of partitioned runs.</summary>
public static class PartitionedRunSiloExtensions
{
    /// <summary>Registers what the partition grains need on a silo (their placement). Call it on every silo of the cluster.</summary>
    /// <param name="silo">The silo builder.</param>
    /// <returns>The same builder.</returns>
    public static ISiloBuilder AddPartitionedRuns(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.AddPlacementDirector<PartitionSpreadPlacement, PartitionSpreadPlacementDirector>();
    }
}
