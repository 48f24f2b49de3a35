namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// How the log- and power-based indices (generalised entropy, Theil, MLD, Atkinson, Watts) treat incomes
/// x ≤ 0 carried by a positive weight (docs/indicators.md). Zero-weight rows are always ignored.
/// </summary>
public enum NonPositiveIncomePolicy
{
    /// <summary>
    /// Throw an <see cref="ArgumentException"/> naming the first offending index and value (convey's behaviour:
    /// <c>svygei</c>, <c>svyatk</c>, <c>svywatts</c> stop with an error). The default.
    /// </summary>
    Reject = 0,

    /// <summary>
    /// Drop every observation with x ≤ 0 and compute the index on the rest, mean included (Stata <c>ineqdeco</c>;
    /// for a sample whose only non-positive incomes are zeros this is also <c>ineq::Theil(x, 0)</c>). The number
    /// dropped is reported through the overloads with an <c>out int dropped</c> parameter.
    /// </summary>
    DropNonPositive = 1,

    /// <summary>
    /// Keep zero incomes in the mean and use each term's limit: <c>0·ln 0 = 0</c>, <c>0^α = 0</c> for α &gt; 0, and
    /// +∞ where the limit diverges (MLD, GE(α &lt; 0), Watts), so A(ε ≥ 1) = 1. This reproduces <c>ineq</c>
    /// (<c>entropy</c>, <c>Atkinson</c>, MLD and Watts return <c>Inf</c>). Negative incomes are still rejected.
    /// </summary>
    KeepZerosAsLimit = 2,
}
