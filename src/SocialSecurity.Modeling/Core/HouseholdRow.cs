using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Core;

/// <summary>Where a per-household rule is: the household's row, its members' rows and its region.</summary>
/// <param name="Index">The household's row in household columns.</param>
/// <param name="FirstMember">The first member's row in person columns.</param>
/// <param name="EndMember">One past the last member's row.</param>
/// <param name="Region">The region the household lives in.</param>
public readonly record struct HouseholdRow(int Index, int FirstMember, int EndMember, RegionId Region)
{
    /// <summary>The number of members, <i>n</i> (at least 1).</summary>
    public int Size => EndMember - FirstMember;
}
