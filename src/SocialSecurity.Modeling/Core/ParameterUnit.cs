namespace SocialSecurity.Modeling.Core;

/// <summary>The unit of a parameter's value. Money is always in yuan (CNY); its period is separate (<see cref="AmountPeriod"/>).</summary>
public enum ParameterUnit
{
    /// <summary>Yuan (CNY). The value's <see cref="AmountPeriod"/> says per month or per year.</summary>
    Yuan,

    /// <summary>Yuan per mu of grassland (per year).</summary>
    YuanPerMu,

    /// <summary>A fraction: 0.6 means 60%.</summary>
    Fraction,

    /// <summary>A ratio or multiplier, for example 1.5 times the dibao standard.</summary>
    Ratio,

    /// <summary>A count of people, tiers or items.</summary>
    Count,

    /// <summary>A number of years (ages, contribution years).</summary>
    Years,

    /// <summary>A number of months.</summary>
    Months,

    /// <summary>A yes/no switch: 1 means yes, 0 means no.</summary>
    Flag,
}
