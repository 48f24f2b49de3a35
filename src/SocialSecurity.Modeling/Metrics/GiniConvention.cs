namespace SocialSecurity.Modeling.Metrics;

/// <summary>Which weighted Gini formula to use (docs/indicators.md#gini).</summary>
public enum GiniConvention
{
    /// <summary>
    /// Midpoint-rank formula <c>G = 2·Σ w_i x_i (C_i − w_i/2)/(W·T) − 1</c>: laeken <c>gini</c> (as a fraction, not
    /// percent), Stata <c>ineqdeco</c>, CEQ <c>covconc</c> and DASP <c>igini</c>. Invariant to rescaling the weights;
    /// with integer weights it equals the Gini of the frequency-expanded sample; unweighted it equals
    /// <c>ineq::Gini(x)</c>. The default.
    /// </summary>
    Midpoint = 0,

    /// <summary>
    /// convey <c>svygini</c>: <c>Σ(2C_i − 1)·w_i x_i/(W·T) − 1</c> after dropping zero weights. Equals
    /// <see cref="Midpoint"/> for unit weights but depends on the scale of the weights; use it only to reproduce convey.
    /// </summary>
    Convey = 1,
}
