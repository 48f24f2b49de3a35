namespace SocialSecurity.Modeling.Core;

/// <summary>
/// The period an amount refers to. Monthly and annual yuan are never mixed silently: a monthly value read as
/// annual is converted explicitly (× 12, docs/money.md), and a value without a period cannot be read as money.
/// </summary>
public enum AmountPeriod
{
    /// <summary>Not a flow: rates, ratios, counts, ages, flags and stocks such as asset values.</summary>
    None,

    /// <summary>Per month.</summary>
    Month,

    /// <summary>Per year.</summary>
    Year,
}
