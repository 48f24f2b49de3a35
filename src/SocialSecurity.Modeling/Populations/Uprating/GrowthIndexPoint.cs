using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Uprating;

/// <summary>
/// One point of a growth index: from <paramref name="Date"/> on (until the next point) the source's level is
/// <paramref name="Level"/>. Only ratios of levels matter: the factor from date a to date b is level(b) / level(a).
/// </summary>
/// <param name="Date">The date the level takes effect.</param>
/// <param name="Level">The index level (finite, &gt; 0), for example 100 for the base year and 105.3 a year later.</param>
/// <param name="Provenance">Where the level comes from (docs/parameter-files.md#provenance-tags tags).</param>
/// <param name="Source">The publication or derivation.</param>
public sealed record GrowthIndexPoint(DateOnly Date, double Level, Provenance Provenance, string Source);
