namespace SocialSecurity.Modeling.Core;

/// <summary>The type of a person's household registration (户口).</summary>
public enum HukouType : byte
{
    /// <summary>Urban (non-agricultural) registration.</summary>
    Urban = 0,

    /// <summary>Rural (agricultural) registration.</summary>
    Rural = 1,
}
