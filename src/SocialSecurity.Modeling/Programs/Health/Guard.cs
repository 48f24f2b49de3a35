namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>Argument checks shared by the medical terms.</summary>
internal static class Guard
{
    public static decimal NonNegative(decimal value, string name)
        => value >= 0m ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} is an amount in yuan and must be ≥ 0.");

    public static decimal Fraction(decimal value, string name)
        => value is >= 0m and <= 1m ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} is a share and must lie in [0, 1].");
}
