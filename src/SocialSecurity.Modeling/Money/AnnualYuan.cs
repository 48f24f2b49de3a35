namespace SocialSecurity.Modeling.Money;

/// <summary>
/// An amount of yuan per year. Converting to <see cref="MonthlyYuan"/> is explicit (÷ 12, docs/money.md).
/// </summary>
/// <param name="Value">Yuan per year, unrounded.</param>
public readonly record struct AnnualYuan(double Value) : IComparable<AnnualYuan>
{
    /// <summary>Zero yuan per year.</summary>
    public static AnnualYuan Zero => default;

    /// <summary>The same flow per month: the annual amount ÷ 12.</summary>
    public MonthlyYuan ToMonthly() => new(Value / 12.0);

    /// <summary>The amount rounded half away from zero to 0.01 yuan (for outputs only).</summary>
    public decimal Rounded() => Yuan.Round(Value);

    /// <summary>Sum of two annual amounts.</summary>
    public static AnnualYuan operator +(AnnualYuan a, AnnualYuan b) => new(a.Value + b.Value);

    /// <summary>Difference of two annual amounts.</summary>
    public static AnnualYuan operator -(AnnualYuan a, AnnualYuan b) => new(a.Value - b.Value);

    /// <summary>Scales an annual amount.</summary>
    public static AnnualYuan operator *(AnnualYuan a, double factor) => new(a.Value * factor);

    /// <summary>Whether <paramref name="a"/> is less than <paramref name="b"/>.</summary>
    public static bool operator <(AnnualYuan a, AnnualYuan b) => a.Value < b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than <paramref name="b"/>.</summary>
    public static bool operator >(AnnualYuan a, AnnualYuan b) => a.Value > b.Value;

    /// <summary>Whether <paramref name="a"/> is at most <paramref name="b"/>.</summary>
    public static bool operator <=(AnnualYuan a, AnnualYuan b) => a.Value <= b.Value;

    /// <summary>Whether <paramref name="a"/> is at least <paramref name="b"/>.</summary>
    public static bool operator >=(AnnualYuan a, AnnualYuan b) => a.Value >= b.Value;

    /// <inheritdoc />
    public int CompareTo(AnnualYuan other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => $"{Yuan.Round(Value):N2} yuan/year";
}
