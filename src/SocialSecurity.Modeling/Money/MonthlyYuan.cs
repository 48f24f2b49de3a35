namespace SocialSecurity.Modeling.Money;

/// <summary>
/// An amount of yuan per month. Converting to <see cref="AnnualYuan"/> is explicit (× 12, docs/money.md), so a
/// monthly amount cannot be added to an annual one by mistake.
/// </summary>
/// <param name="Value">Yuan per month, unrounded.</param>
public readonly record struct MonthlyYuan(double Value) : IComparable<MonthlyYuan>
{
    /// <summary>Zero yuan per month.</summary>
    public static MonthlyYuan Zero => default;

    /// <summary>The same flow per year: 12 × the monthly amount.</summary>
    public AnnualYuan ToAnnual() => new(Value * 12.0);

    /// <summary>The amount rounded half away from zero to 0.01 yuan, the only rounding docs/money.md allows (at outputs).</summary>
    public decimal Rounded() => Yuan.Round(Value);

    /// <summary>Sum of two monthly amounts.</summary>
    public static MonthlyYuan operator +(MonthlyYuan a, MonthlyYuan b) => new(a.Value + b.Value);

    /// <summary>Difference of two monthly amounts.</summary>
    public static MonthlyYuan operator -(MonthlyYuan a, MonthlyYuan b) => new(a.Value - b.Value);

    /// <summary>Scales a monthly amount.</summary>
    public static MonthlyYuan operator *(MonthlyYuan a, double factor) => new(a.Value * factor);

    /// <summary>Whether <paramref name="a"/> is less than <paramref name="b"/>.</summary>
    public static bool operator <(MonthlyYuan a, MonthlyYuan b) => a.Value < b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than <paramref name="b"/>.</summary>
    public static bool operator >(MonthlyYuan a, MonthlyYuan b) => a.Value > b.Value;

    /// <summary>Whether <paramref name="a"/> is at most <paramref name="b"/>.</summary>
    public static bool operator <=(MonthlyYuan a, MonthlyYuan b) => a.Value <= b.Value;

    /// <summary>Whether <paramref name="a"/> is at least <paramref name="b"/>.</summary>
    public static bool operator >=(MonthlyYuan a, MonthlyYuan b) => a.Value >= b.Value;

    /// <inheritdoc />
    public int CompareTo(MonthlyYuan other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => $"{Yuan.Round(Value):N2} yuan/month";
}
