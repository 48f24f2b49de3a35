namespace SocialSecurity.Modeling.Core;

/// <summary>Assessed ability to look after oneself, as used by destitute-support care standards and long-term care.</summary>
public enum SelfCareAbility : byte
{
    /// <summary>Fully able to look after oneself.</summary>
    Able = 0,

    /// <summary>Partly unable (部分失能).</summary>
    PartlyUnable = 1,

    /// <summary>Fully unable (完全失能).</summary>
    FullyUnable = 2,
}
