namespace SocialSecurity.Modeling.Core;

/// <summary>A person's sex.</summary>
public enum Sex : byte
{
    /// <summary>Female.</summary>
    Female = 0,

    /// <summary>Male.</summary>
    Male = 1,
}
