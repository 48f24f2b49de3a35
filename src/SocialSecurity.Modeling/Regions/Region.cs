namespace SocialSecurity.Modeling.Regions;

/// <summary>An administrative division: its GB/T 2260 code, names, level and parent.</summary>
/// <param name="Code">The six-digit GB/T 2260 code, for example <c>330000</c> for Zhejiang; <c>000000</c> is the nation.</param>
/// <param name="Name">The Chinese name, for example 浙江省.</param>
/// <param name="Pinyin">The romanised name, for example Zhejiang.</param>
/// <param name="Level">The administrative level.</param>
/// <param name="ParentCode">The code of the enclosing region, or <see langword="null"/> for the nation.</param>
public sealed record Region(string Code, string Name, string Pinyin, RegionLevel Level, string? ParentCode)
{
    /// <inheritdoc />
    public override string ToString() => $"{Pinyin} ({Code})";
}
