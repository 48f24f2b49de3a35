namespace SocialSecurity.Modeling.Core;

/// <summary>How a person claims the income-tax deduction for supporting elderly parents (赡养老人专项附加扣除).</summary>
public enum ElderlyParentClaim : byte
{
    /// <summary>No claim.</summary>
    None = 0,

    /// <summary>Claimed as an only child: the whole monthly amount.</summary>
    OnlyChild = 1,

    /// <summary>Claimed as one of several siblings, who share the monthly amount (each at most the per-sibling cap).</summary>
    Shared = 2,
}
