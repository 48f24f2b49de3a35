namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Rule that turns a weighted empirical distribution into a quantile (docs/indicators.md#quantiles). Values are sorted
/// ascending; <c>C_k</c> is the cumulative weight in sorted order (sequential double additions) and <c>W</c> the
/// total weight.
/// </summary>
public enum QuantileRule
{
    /// <summary>
    /// laeken <c>weightedQuantile</c> (used by <c>weightedMedian</c>, <c>arpt</c>, <c>arpr</c>, <c>qsr</c>, <c>rmpg</c>;
    /// the Eurostat reference): <c>x_k</c> with <c>k = min{i : C_i/W &gt; p}</c>, so an exact hit returns the upper
    /// value (median of 1..10 is 6). <c>Q(0) = x_1</c> and <c>Q(1) = x_n</c> even when those rows have weight 0;
    /// otherwise zero-weight rows have no effect. The default.
    /// </summary>
    Laeken = 0,

    /// <summary>
    /// convey / survey (<c>computeQuantiles</c>, <c>svyquantile(qrule="math")</c>, DASP): drop zero weights, then
    /// <c>x_k</c> with <c>k = min{i : C_i/W ≥ p}</c> — the inverse CDF, R type 1 (median of 1..10 is 5).
    /// </summary>
    Convey = 1,

    /// <summary>
    /// "School" rule (<c>svyquantile(qrule="school")</c>, R type 2, Stata <c>summarize, detail</c>): as
    /// <see cref="Convey"/>, but <c>(x_k + x_{k+1})/2</c> when <c>C_k/W == p</c> exactly (median of 1..10 is 5.5).
    /// </summary>
    School = 2,

    /// <summary>
    /// R type 7 (<c>stats::quantile</c> default), unweighted only: <c>h = (n−1)p + 1</c>,
    /// <c>(1 − (h−⌊h⌋))·x_⌊h⌋ + (h−⌊h⌋)·x_⌊h⌋+1</c>. Passing weights throws.
    /// </summary>
    RType7 = 3,

    /// <summary>R type 1 (inverse of the empirical CDF), unweighted only; R's algorithm including its 4ε fuzz.</summary>
    RType1 = 4,

    /// <summary>R type 2 (inverse CDF, averaging at discontinuities), unweighted only.</summary>
    RType2 = 5,

    /// <summary>R type 3 (nearest even order statistic, SAS definition 2), unweighted only.</summary>
    RType3 = 6,

    /// <summary>R type 4 (linear interpolation of the empirical CDF, a = 0, b = 1), unweighted only.</summary>
    RType4 = 7,

    /// <summary>R type 5 (piecewise linear with knots at (k − 0.5)/n, a = b = 0.5), unweighted only.</summary>
    RType5 = 8,

    /// <summary>R type 6 (p_k = k/(n + 1), Minitab and SPSS, a = b = 0), unweighted only.</summary>
    RType6 = 9,

    /// <summary>R type 8 (approximately median-unbiased, a = b = 1/3), unweighted only.</summary>
    RType8 = 10,

    /// <summary>R type 9 (approximately unbiased for normal data, a = b = 3/8), unweighted only.</summary>
    RType9 = 11,
}
