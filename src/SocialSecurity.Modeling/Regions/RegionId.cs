namespace SocialSecurity.Modeling.Regions;

/// <summary>
/// A compact handle to a region of one <see cref="RegionCatalog"/>: the region's position in that catalogue.
/// Populations store it per household (two bytes) and rules index per-region parameter arrays with it.
/// </summary>
/// <param name="Index">The zero-based position of the region in its catalogue.</param>
public readonly record struct RegionId(ushort Index)
{
    /// <inheritdoc />
    public override string ToString() => $"RegionId({Index})";
}
