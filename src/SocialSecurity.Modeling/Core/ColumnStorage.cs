namespace SocialSecurity.Modeling.Core;

/// <summary>
/// How a population column is stored. Extra columns are <see cref="Double"/> (the engine's variables are doubles);
/// built-in attributes use the narrowest type that holds them (ages and codes one byte, region handles two).
/// </summary>
public enum ColumnStorage
{
    /// <summary>One <see cref="double"/> per row.</summary>
    Double,

    /// <summary>One <see cref="byte"/> per row (ages, flags, codes).</summary>
    Byte,

    /// <summary>One <see cref="ushort"/> per row (region handles).</summary>
    UInt16,

    /// <summary>One <see cref="int"/> per row (row indices).</summary>
    Int32,

    /// <summary>One <see cref="long"/> per row (ids).</summary>
    Int64,
}
