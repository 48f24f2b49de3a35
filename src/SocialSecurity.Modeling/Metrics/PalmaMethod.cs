namespace SocialSecurity.Modeling.Metrics;

/// <summary>How the Palma ratio (income share of the top 10% over that of the bottom 40%) forms its groups (docs/indicators.md#shares-and-group-comparisons).</summary>
public enum PalmaMethod
{
    /// <summary>
    /// Fractional split on the interpolated Lorenz curve, <c>(1 − L(0.9))/L(0.4)</c>: each group holds exactly its
    /// share of the weight (an observation straddling a cut point is split). The default.
    /// </summary>
    Fractional = 0,

    /// <summary>
    /// Whole observations by cut points, like laeken's <c>qsr</c>: bottom <c>x ≤ Q40</c>, top <c>x &gt; Q90</c>, with the
    /// quantiles from the chosen <see cref="QuantileRule"/>; a ratio of totals.
    /// </summary>
    CutPoint = 1,
}
