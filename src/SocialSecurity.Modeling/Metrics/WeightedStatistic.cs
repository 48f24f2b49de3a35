namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// An indicator of a weighted sample, such as <c>(v, w) =&gt; Inequality.Gini(v, w)</c>. An empty weight span means an
/// unweighted sample.
/// </summary>
/// <param name="values">The values.</param>
/// <param name="weights">The weights, or empty.</param>
/// <returns>The indicator's value.</returns>
public delegate double WeightedStatistic(ReadOnlySpan<double> values, ReadOnlySpan<double> weights);
