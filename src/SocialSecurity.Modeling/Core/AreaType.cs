namespace SocialSecurity.Modeling.Core;

/// <summary>Whether a household lives in an urban or rural area (the household survey's split; it can differ from the members' hukou).</summary>
public enum AreaType : byte
{
    /// <summary>Urban area (城镇).</summary>
    Urban = 0,

    /// <summary>Rural area (农村).</summary>
    Rural = 1,
}
