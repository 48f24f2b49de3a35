using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>
/// The share of a province's residents that the synthetic population places in one of its regions (usually a
/// prefecture-level city), with provenance. Shares of a province sum to 1; households of prefectures missing from the
/// region catalogue are placed at the province itself.
/// </summary>
/// <param name="RegionCode">The GB/T 2260 code of the place.</param>
/// <param name="Share">The fraction of the province's residents living there (0–1).</param>
/// <param name="Year">The year the share refers to.</param>
/// <param name="Provenance">The provenance tag.</param>
/// <param name="Source">The source or derivation.</param>
public sealed record PlaceShare(string RegionCode, double Share, int Year, Provenance Provenance, string Source);
