using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Core;

/// <summary>Where a per-person rule is: the person's row, their household's row and region, and their place in the household.</summary>
/// <param name="Index">The person's row in person columns.</param>
/// <param name="Household">The household's row in household columns.</param>
/// <param name="Member">The person's place in the household, from 1 (for explanations).</param>
/// <param name="Region">The region the household lives in.</param>
public readonly record struct PersonRow(int Index, int Household, int Member, RegionId Region);
