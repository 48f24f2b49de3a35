using System.Runtime.InteropServices;
using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Poverty indicators for absolute and relative lines, returned as fractions, never percents (docs/indicators.md#poverty).
/// </summary>
/// <remarks>
/// <para>Inputs are validated as everywhere in this namespace; lines must be finite and positive. The poor are those
/// with x &lt; z unless <see cref="PovertyBoundary.AtOrBelow"/> is passed (convey's rule). Relative lines are computed
/// on the whole sample passed in; to measure a domain (region, urban/rural) against the national line, compute the
/// line on the full sample and call the absolute-line overloads on the domain.</para>
/// <para>Zero and negative incomes are kept in FGT (a zero income is poor with gap 1; a negative income has a gap
/// above 1). The Watts index follows <see cref="NonPositiveIncomePolicy"/> (rejected by default).</para>
/// </remarks>
public static class Poverty
{
    /// <summary>Unweighted FGT(α), poor if x &lt; z.</summary>
    /// <param name="values">Incomes.</param>
    /// <param name="line">Poverty line z &gt; 0.</param>
    /// <param name="alpha">Poverty aversion α ≥ 0.</param>
    /// <returns>FGT(α).</returns>
    public static double Fgt(ReadOnlySpan<double> values, double line, double alpha) => Fgt(values, default, line, alpha);

    /// <summary>Unweighted headcount ratio, poor if x &lt; z.</summary>
    /// <param name="values">Incomes.</param>
    /// <param name="line">Poverty line z &gt; 0.</param>
    /// <returns>The headcount ratio.</returns>
    public static double HeadcountRatio(ReadOnlySpan<double> values, double line) => HeadcountRatio(values, default, line);

    /// <summary>Unweighted at-risk-of-poverty threshold (60% of laeken's median).</summary>
    /// <param name="values">Equivalised incomes.</param>
    /// <returns>The threshold.</returns>
    public static double AtRiskOfPovertyThreshold(ReadOnlySpan<double> values) => AtRiskOfPovertyThreshold(values, default);

    /// <summary>Unweighted at-risk-of-poverty rate (laeken conventions).</summary>
    /// <param name="values">Equivalised incomes.</param>
    /// <returns>The rate as a fraction.</returns>
    public static double AtRiskOfPovertyRate(ReadOnlySpan<double> values) => AtRiskOfPovertyRate(values, default);

    /// <summary>Unweighted relative median poverty gap (laeken conventions).</summary>
    /// <param name="values">Equivalised incomes.</param>
    /// <returns>The gap as a fraction of the threshold.</returns>
    public static double RelativeMedianPovertyGap(ReadOnlySpan<double> values) => RelativeMedianPovertyGap(values, default);

    /// <summary>
    /// Foster–Greer–Thorbecke index <c>FGT(α) = Σ w_i (1 − x_i/z)^α·1[poor_i]/W</c>: α = 0 headcount ratio, 1 poverty-gap
    /// index, 2 severity (<c>convey::svyfgt(g=α)</c>; <c>ineq::pov(type="Foster", parameter=α+1)</c>; DASP <c>ifgt</c>).
    /// </summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="line">Poverty line z &gt; 0.</param>
    /// <param name="alpha">Poverty aversion α ≥ 0.</param>
    /// <param name="boundary">x &lt; z (default) or x ≤ z.</param>
    /// <returns>FGT(α).</returns>
    public static double Fgt(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double line, double alpha,
        PovertyBoundary boundary = PovertyBoundary.Below)
    {
        Guard.Sample(values, weights);
        Guard.Positive(line, nameof(line));
        if (!(alpha >= 0.0) || !double.IsFinite(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The poverty aversion must be finite and >= 0.");
        }

        CheckBoundary(boundary);
        var acc = new ExactAccumulator();
        var weight = new ExactAccumulator();
        for (int i = 0; i < values.Length; i++)
        {
            double w = Guard.WeightAt(weights, i), x = values[i];
            weight.Add(w);
            if (IsPoor(x, line, boundary))
            {
                acc.Add(alpha == 0.0 ? w : w * Math.Pow(1.0 - (x / line), alpha));
            }
        }

        return acc.Result() / weight.Result();
    }

    /// <summary>Headcount ratio H = FGT(0): the weighted share of the poor.</summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="line">Poverty line z &gt; 0.</param>
    /// <param name="boundary">x &lt; z (default) or x ≤ z.</param>
    /// <returns>The headcount ratio.</returns>
    public static double HeadcountRatio(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double line,
        PovertyBoundary boundary = PovertyBoundary.Below) => Fgt(values, weights, line, 0.0, boundary);

    /// <summary>Poverty-gap index PG = FGT(1). The average absolute gap per person is z·PG; the income-gap ratio is PG/H.</summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="line">Poverty line z &gt; 0.</param>
    /// <param name="boundary">x &lt; z (default) or x ≤ z.</param>
    /// <returns>The poverty-gap index.</returns>
    public static double PovertyGapIndex(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double line,
        PovertyBoundary boundary = PovertyBoundary.Below) => Fgt(values, weights, line, 1.0, boundary);

    /// <summary>
    /// A relative poverty line: <paramref name="fraction"/> × the weighted median (quantile rule
    /// <paramref name="rule"/>) or × the weighted mean.
    /// </summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="fraction">The fraction (0.6 for Eurostat, 0.5 for DASP's and the OECD's default).</param>
    /// <param name="basis">Median (default) or mean.</param>
    /// <param name="rule">Median rule; laeken by default.</param>
    /// <returns>The line.</returns>
    public static double RelativeLine(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double fraction,
        RelativeLineBasis basis = RelativeLineBasis.Median, QuantileRule rule = QuantileRule.Laeken)
    {
        Guard.Sample(values, weights);
        Guard.Positive(fraction, nameof(fraction));
        return basis switch
        {
            RelativeLineBasis.Median => fraction * Quantiles.WeightedMedian(values, weights, rule),
            RelativeLineBasis.Mean => fraction * WeightedSum.Of(values, weights).Mean,
            _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown basis."),
        };
    }

    /// <summary>
    /// At-risk-of-poverty threshold: <paramref name="fraction"/> (60% by default) of the weighted median
    /// (<c>laeken::arpt</c>; with <see cref="QuantileRule.Convey"/>, <c>convey::svyarpt</c>).
    /// </summary>
    /// <param name="values">Equivalised disposable incomes.</param>
    /// <param name="weights">Non-negative personal weights, or empty for an unweighted sample.</param>
    /// <param name="fraction">Fraction of the median; 0.6 by default.</param>
    /// <param name="rule">Median rule; laeken by default.</param>
    /// <returns>The threshold.</returns>
    public static double AtRiskOfPovertyThreshold(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        double fraction = 0.6, QuantileRule rule = QuantileRule.Laeken) =>
        RelativeLine(values, weights, fraction, RelativeLineBasis.Median, rule);

    /// <summary>
    /// At-risk-of-poverty rate: the weighted share below the threshold (<c>laeken::arpr</c>/100 with the defaults;
    /// <c>convey::svyarpr</c> with <see cref="QuantileRule.Convey"/> and <see cref="PovertyBoundary.AtOrBelow"/>).
    /// </summary>
    /// <param name="values">Equivalised disposable incomes.</param>
    /// <param name="weights">Non-negative personal weights, or empty for an unweighted sample.</param>
    /// <param name="fraction">Fraction of the median; 0.6 by default.</param>
    /// <param name="rule">Median rule; laeken by default.</param>
    /// <param name="boundary">x &lt; z (default) or x ≤ z.</param>
    /// <returns>The rate as a fraction.</returns>
    public static double AtRiskOfPovertyRate(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        double fraction = 0.6, QuantileRule rule = QuantileRule.Laeken, PovertyBoundary boundary = PovertyBoundary.Below)
    {
        double z = AtRiskOfPovertyThreshold(values, weights, fraction, rule);
        return Fgt(values, weights, z, 0.0, boundary);
    }

    /// <summary>
    /// Relative median at-risk-of-poverty gap <c>(z − m_p)/z</c>, where z is the at-risk-of-poverty threshold and
    /// <c>m_p</c> the weighted median of the poor (<c>laeken::rmpg</c>/100 with the defaults; <c>convey::svyrmpg</c>
    /// with <see cref="QuantileRule.Convey"/> and <see cref="PovertyBoundary.AtOrBelow"/>). Returns 0 when nobody is poor.
    /// </summary>
    /// <param name="values">Equivalised disposable incomes.</param>
    /// <param name="weights">Non-negative personal weights, or empty for an unweighted sample.</param>
    /// <param name="fraction">Fraction of the median; 0.6 by default.</param>
    /// <param name="rule">Rule for both medians; laeken by default.</param>
    /// <param name="boundary">x &lt; z (default) or x ≤ z.</param>
    /// <returns>The gap as a fraction of the threshold.</returns>
    public static double RelativeMedianPovertyGap(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        double fraction = 0.6, QuantileRule rule = QuantileRule.Laeken, PovertyBoundary boundary = PovertyBoundary.Below)
    {
        double z = AtRiskOfPovertyThreshold(values, weights, fraction, rule);
        CheckBoundary(boundary);
        var poorX = new List<double>();
        var poorW = new List<double>();
        for (int i = 0; i < values.Length; i++)
        {
            double w = Guard.WeightAt(weights, i);
            if (IsPoor(values[i], z, boundary) && (w > 0.0 || rule == QuantileRule.Laeken))
            {
                poorX.Add(values[i]);
                poorW.Add(w);
            }
        }

        double poorWeight = ExactAccumulator.Sum(CollectionsMarshal.AsSpan(poorW));

        if (!(poorWeight > 0.0))
        {
            return 0.0;
        }

        double median = Quantiles.WeightedMedian(poorX.ToArray(), weights.IsEmpty ? default : poorW.ToArray(), rule);
        return (z - median) / z;
    }

    /// <summary>
    /// Watts index <c>Σ w ln(z/x)·1[poor]/W</c> (<c>ineq::pov(type="Watts")</c>, <c>convey::svywatts</c>).
    /// </summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="line">Poverty line z &gt; 0.</param>
    /// <param name="boundary">x &lt; z (default) or x ≤ z.</param>
    /// <param name="policy">Treatment of x ≤ 0: rejected by default (convey); <see cref="NonPositiveIncomePolicy.KeepZerosAsLimit"/>
    /// gives +∞ for a zero income (ineq); <see cref="NonPositiveIncomePolicy.DropNonPositive"/> drops them from numerator and W.</param>
    /// <returns>The Watts index.</returns>
    public static double Watts(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double line,
        PovertyBoundary boundary = PovertyBoundary.Below, NonPositiveIncomePolicy policy = NonPositiveIncomePolicy.Reject)
    {
        Guard.Sample(values, weights);
        Guard.Positive(line, nameof(line));
        CheckBoundary(boundary);
        GeneralizedEntropy.CheckIncomes(values, weights, policy, "Watts", line);
        var acc = new ExactAccumulator();
        var weight = new ExactAccumulator();
        for (int i = 0; i < values.Length; i++)
        {
            double w = Guard.WeightAt(weights, i), x = values[i];
            if (!GeneralizedEntropy.Included(x, w, policy))
            {
                continue;
            }

            weight.Add(w);
            if (IsPoor(x, line, boundary))
            {
                acc.Add(w * Math.Log(line / x));
            }
        }

        return acc.Result() / weight.Result();
    }

    /// <summary>
    /// Sen index in its large-sample form <c>S = H·[I_p + (1 − I_p)·G_p]</c>, with <c>I_p</c> the (weighted) mean
    /// normalised gap of the poor and <c>G_p</c> the (weighted, uncorrected) Gini of the poor incomes. Unweighted it is
    /// <c>ineq::pov(type="Sen")</c>; Sen's q/(q+1) factor is not applied. Returns 0 when nobody is poor.
    /// </summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="line">Poverty line z &gt; 0.</param>
    /// <param name="boundary">x &lt; z (default) or x ≤ z.</param>
    /// <returns>The Sen index.</returns>
    public static double Sen(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double line,
        PovertyBoundary boundary = PovertyBoundary.Below)
    {
        double h = HeadcountRatio(values, weights, line, boundary);
        if (h == 0.0)
        {
            return 0.0;
        }

        var poorX = new List<double>();
        var poorW = new List<double>();
        var gap = new ExactAccumulator();
        var poorWeight = new ExactAccumulator();
        bool allZero = true;
        for (int i = 0; i < values.Length; i++)
        {
            double w = Guard.WeightAt(weights, i);
            if (w > 0.0 && IsPoor(values[i], line, boundary))
            {
                poorX.Add(values[i]);
                poorW.Add(w);
                poorWeight.Add(w);
                gap.Add(w * (line - values[i]) / line);
                allZero &= values[i] == 0.0;
            }
        }

        double ip = gap.Result() / poorWeight.Result();
        double gp = allZero
            ? 0.0
            : Inequality.Gini(poorX.ToArray(), weights.IsEmpty ? default : poorW.ToArray());
        return h * (ip + ((1.0 - ip) * gp));
    }

    /// <summary>
    /// Sen–Shorrocks–Thon index, unweighted as <c>ineq::pov(type="SST")</c>:
    /// <c>Σ_{i≤q} (2n − 2i + 1)(z − x_(i))/z / n²</c> over the q poor in ascending order.
    /// </summary>
    /// <param name="values">Incomes (unweighted sample).</param>
    /// <param name="line">Poverty line z &gt; 0.</param>
    /// <param name="boundary">x &lt; z (default) or x ≤ z.</param>
    /// <returns>The SST index.</returns>
    public static double SenShorrocksThon(ReadOnlySpan<double> values, double line, PovertyBoundary boundary = PovertyBoundary.Below)
    {
        Guard.Sample(values, default);
        Guard.Positive(line, nameof(line));
        CheckBoundary(boundary);
        using var sorted = SortedSample.Create(values, default, dropZeroWeights: false);
        var x = sorted.Values;
        double n = x.Length, acc = 0.0;
        for (int i = 0; i < x.Length && IsPoor(x[i], line, boundary); i++)
        {
            acc += ((2.0 * n) - (2.0 * (i + 1)) + 1.0) * (line - x[i]) / line;
        }

        return acc / (n * n);
    }

    internal static bool IsPoor(double x, double line, PovertyBoundary boundary) =>
        boundary == PovertyBoundary.Below ? x < line : x <= line;

    internal static void CheckBoundary(PovertyBoundary boundary)
    {
        if (boundary is not (PovertyBoundary.Below or PovertyBoundary.AtOrBelow))
        {
            throw new ArgumentOutOfRangeException(nameof(boundary), boundary, "Unknown poverty boundary.");
        }
    }
}
