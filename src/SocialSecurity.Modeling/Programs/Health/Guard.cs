namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>Argument checks shared by the medical terms (amounts are double yuan; NaN and infinities are rejected).</summary>
internal static class Guard
{
    public static double NonNegative(double value, string name)
        => double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} is an amount in yuan and must be finite and ≥ 0.");

    public static double Fraction(double value, string name)
        => value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} is a share and must lie in [0, 1].");
}
