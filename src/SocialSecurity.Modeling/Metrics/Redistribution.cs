using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Redistribution indices of the fiscal-incidence literature (Lambert; CEQ), returned as fractions (docs/indicators.md).
/// </summary>
/// <remarks>
/// <para>All Ginis use the midpoint-rank formula (<see cref="GiniConvention.Midpoint"/>) and every index uses the same
/// weights. Concentration coefficients rank observations by the ranking variable with ties broken by the value
/// itself, ascending (CEQ <c>covconc</c>; DASP's file order is not reproduced).</para>
/// <para>Negative incomes are accepted (CEQ refuses them unless asked); a concentration coefficient lies in [−1, 1]
/// only when the variable is non-negative. The variable's weighted total must be non-zero.</para>
/// </remarks>
public static class Redistribution
{
    /// <summary>Unweighted concentration coefficient of <paramref name="values"/> ranked by <paramref name="ranking"/>.</summary>
    /// <param name="values">The variable v.</param>
    /// <param name="ranking">The ranking variable r.</param>
    /// <returns>The concentration coefficient.</returns>
    public static double ConcentrationCoefficient(ReadOnlySpan<double> values, ReadOnlySpan<double> ranking) =>
        ConcentrationCoefficient(values, ranking, default);

    /// <summary>Unweighted Reynolds–Smolensky index.</summary>
    /// <param name="preFiscal">Income before the intervention(s).</param>
    /// <param name="postFiscal">Income after the intervention(s).</param>
    /// <returns><c>G(pre) − G(post)</c>.</returns>
    public static double ReynoldsSmolensky(ReadOnlySpan<double> preFiscal, ReadOnlySpan<double> postFiscal) =>
        ReynoldsSmolensky(preFiscal, postFiscal, default);

    /// <summary>Unweighted Kakwani index.</summary>
    /// <param name="intervention">The tax or benefit amounts.</param>
    /// <param name="preFiscal">Pre-fiscal income (the ranking variable).</param>
    /// <param name="kind">Whether the intervention is a tax or a benefit.</param>
    /// <returns>The Kakwani index.</returns>
    public static double Kakwani(ReadOnlySpan<double> intervention, ReadOnlySpan<double> preFiscal, InterventionKind kind) =>
        Kakwani(intervention, preFiscal, default, kind);

    /// <summary>
    /// Concentration coefficient <c>C_{v|r} = 2·Σ w_i v_i (R_i − w_i/2)/(W·T_v) − 1</c>, where <c>R_i</c> is the
    /// cumulative weight with observations sorted by (r, v) ascending. Equals the Gini when r = v.
    /// </summary>
    /// <param name="values">The variable v (a tax, benefit or income).</param>
    /// <param name="ranking">The ranking variable r (usually pre-fiscal income).</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <returns>The concentration coefficient.</returns>
    public static double ConcentrationCoefficient(ReadOnlySpan<double> values, ReadOnlySpan<double> ranking,
        ReadOnlySpan<double> weights)
    {
        Guard.Sample(values, weights);
        Guard.Companion(ranking, values.Length, nameof(ranking), nameof(values));
        var (v, w) = RankOrder.ByRankingThenValue(values, ranking, weights);
        double c = 0.0, t = 0.0, s = 0.0;
        for (int i = 0; i < v.Length; i++)
        {
            double wi = w.Length == 0 ? 1.0 : w[i], wv = wi * v[i];
            c += wi;
            t += wv;
            s += wv * (c - (0.5 * wi));
        }

        if (t == 0.0)
        {
            throw new ArgumentException("The weighted total of the variable is zero; its concentration coefficient is undefined.",
                nameof(values));
        }

        return (2.0 * s / (c * t)) - 1.0;
    }

    /// <summary>Reynolds–Smolensky index <c>G(pre) − G(post)</c>.</summary>
    /// <param name="preFiscal">Income before the intervention(s).</param>
    /// <param name="postFiscal">Income after the intervention(s), same persons in the same order.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <returns>The redistributive effect (positive when inequality falls).</returns>
    public static double ReynoldsSmolensky(ReadOnlySpan<double> preFiscal, ReadOnlySpan<double> postFiscal,
        ReadOnlySpan<double> weights)
    {
        Guard.Sample(preFiscal, weights, nameof(preFiscal));
        Guard.Companion(postFiscal, preFiscal.Length, nameof(postFiscal), nameof(preFiscal));
        return Inequality.Gini(preFiscal, weights) - Inequality.Gini(postFiscal, weights);
    }

    /// <summary>Reynolds–Smolensky index with its vertical-equity and reranking components.</summary>
    /// <param name="preFiscal">Income before the intervention(s).</param>
    /// <param name="postFiscal">Income after the intervention(s).</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <returns>The decomposition.</returns>
    public static ReynoldsSmolenskyDecomposition Decompose(ReadOnlySpan<double> preFiscal, ReadOnlySpan<double> postFiscal,
        ReadOnlySpan<double> weights)
    {
        Guard.Sample(preFiscal, weights, nameof(preFiscal));
        Guard.Companion(postFiscal, preFiscal.Length, nameof(postFiscal), nameof(preFiscal));
        double gPre = Inequality.Gini(preFiscal, weights);
        double gPost = Inequality.Gini(postFiscal, weights);
        double cPost = ConcentrationCoefficient(postFiscal, preFiscal, weights);
        return new ReynoldsSmolenskyDecomposition(gPre - gPost, gPre - cPost, gPost - cPost, gPre, gPost, cPost);
    }

    /// <summary>
    /// Kakwani progressivity index of an intervention ranked by pre-fiscal income: for a tax
    /// <c>C(T|pre) − G(pre)</c>; for a benefit, with CEQ's sign, <c>G(pre) − C(B|pre)</c>. Progressive is positive
    /// in both cases.
    /// </summary>
    /// <param name="intervention">The tax or benefit amounts (non-negative amounts are the usual case).</param>
    /// <param name="preFiscal">Pre-fiscal income (the ranking variable).</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="kind">Whether the intervention is a tax or a benefit.</param>
    /// <returns>The Kakwani index.</returns>
    public static double Kakwani(ReadOnlySpan<double> intervention, ReadOnlySpan<double> preFiscal, ReadOnlySpan<double> weights,
        InterventionKind kind)
    {
        Guard.Sample(preFiscal, weights, nameof(preFiscal));
        Guard.Companion(intervention, preFiscal.Length, nameof(intervention), nameof(preFiscal));
        double g = Inequality.Gini(preFiscal, weights);
        double c = ConcentrationCoefficient(intervention, preFiscal, weights);
        return kind switch
        {
            InterventionKind.Tax => c - g,
            InterventionKind.Benefit => g - c,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown intervention kind."),
        };
    }
}
