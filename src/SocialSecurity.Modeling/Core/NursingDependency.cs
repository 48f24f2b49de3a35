namespace SocialSecurity.Modeling.Core;

/// <summary>The degree of dependence on nursing assessed after a work injury (生活自理障碍), which sets the nursing allowance.</summary>
public enum NursingDependency : byte
{
    /// <summary>No nursing dependence assessed.</summary>
    None = 0,

    /// <summary>Partly unable to look after oneself.</summary>
    Partial = 1,

    /// <summary>Mostly unable to look after oneself.</summary>
    Most = 2,

    /// <summary>Wholly unable to look after oneself.</summary>
    Full = 3,
}
