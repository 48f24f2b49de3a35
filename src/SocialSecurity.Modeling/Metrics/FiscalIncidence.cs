using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Fiscal-incidence analyses (CEQ): marginal contributions of programs and fiscal impoverishment (docs/indicators.md#fiscal-incidence).
/// </summary>
/// <remarks>
/// Every span describes the same persons in the same order; interventions are passed as non-negative amounts with an
/// <see cref="InterventionKind"/>. "Y without I" is <c>Y − B</c> for a benefit and <c>Y + T</c> for a tax.
/// </remarks>
public static class FiscalIncidence
{
    /// <summary>
    /// Marginal contribution of an intervention to any indicator measured at end income Y:
    /// <c>M(Y without I) − M(Y)</c>. For an inequality or poverty index a positive value means the intervention lowers it.
    /// </summary>
    /// <param name="endIncome">End income Y (includes the intervention).</param>
    /// <param name="intervention">The intervention's amounts.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="kind">Benefit or tax.</param>
    /// <param name="indicator">The indicator M, for example <c>(v, w) =&gt; Poverty.Fgt(v, w, z, 1)</c>.</param>
    /// <returns>The marginal contribution.</returns>
    public static double MarginalContributionTo(ReadOnlySpan<double> endIncome, ReadOnlySpan<double> intervention,
        ReadOnlySpan<double> weights, InterventionKind kind, WeightedStatistic indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var without = Without(endIncome, intervention, weights, kind);
        return indicator(without, weights) - indicator(endIncome, weights);
    }

    /// <summary>
    /// Marginal contribution of an intervention to the Gini of end income, split into vertical equity and reranking
    /// relative to the starting income's ranking (CEQ <c>ceqmarg</c>).
    /// </summary>
    /// <param name="startIncome">Starting income y (the ranking variable, for example market income).</param>
    /// <param name="endIncome">End income Y.</param>
    /// <param name="intervention">The intervention's amounts.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="kind">Benefit or tax.</param>
    /// <returns>Total, vertical-equity and reranking parts.</returns>
    public static MarginalContribution MarginalContributionToGini(ReadOnlySpan<double> startIncome, ReadOnlySpan<double> endIncome,
        ReadOnlySpan<double> intervention, ReadOnlySpan<double> weights, InterventionKind kind)
    {
        Guard.Sample(startIncome, weights, nameof(startIncome));
        Guard.Companion(endIncome, startIncome.Length, nameof(endIncome), nameof(startIncome));
        var without = Without(endIncome, intervention, weights, kind);
        double gStart = Inequality.Gini(startIncome, weights);
        double gEnd = Inequality.Gini(endIncome, weights);
        double gWithout = Inequality.Gini(without, weights);
        double cEnd = Redistribution.ConcentrationCoefficient(endIncome, startIncome, weights);
        double cWithout = Redistribution.ConcentrationCoefficient(without, startIncome, weights);
        double ve = (gStart - cEnd) - (gStart - cWithout);
        double rr = (cEnd - gEnd) - (cWithout - gWithout);
        return new MarginalContribution(gWithout - gEnd, ve, rr);
    }

    /// <summary>
    /// Fiscal impoverishment and fiscal gains to the poor between pre-fiscal <paramref name="preFiscal"/> (y0) and
    /// post-fiscal <paramref name="postFiscal"/> (y1) income at line <paramref name="line"/> (strict inequalities, as CEQ).
    /// </summary>
    /// <param name="preFiscal">Pre-fiscal income y0.</param>
    /// <param name="postFiscal">Post-fiscal income y1.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="line">Poverty line z &gt; 0.</param>
    /// <returns>Headcounts and per-capita amounts.</returns>
    public static FiscalImpoverishment Impoverishment(ReadOnlySpan<double> preFiscal, ReadOnlySpan<double> postFiscal,
        ReadOnlySpan<double> weights, double line)
    {
        Guard.Sample(preFiscal, weights, nameof(preFiscal));
        Guard.Companion(postFiscal, preFiscal.Length, nameof(postFiscal), nameof(preFiscal));
        Guard.Positive(line, nameof(line));
        ExactAccumulator wSum = new(), fiCount = new(), fiAmount = new(), fgCount = new(), fgAmount = new();
        for (int i = 0; i < preFiscal.Length; i++)
        {
            double w = Guard.WeightAt(weights, i), y0 = preFiscal[i], y1 = postFiscal[i];
            double floor = Math.Min(Math.Min(y0, y1), line);
            wSum.Add(w);
            if (y1 < y0 && y1 < line)
            {
                fiCount.Add(w);
            }

            if (y0 < y1 && y0 < line)
            {
                fgCount.Add(w);
            }

            fiAmount.Add(w * (Math.Min(y0, line) - floor));
            fgAmount.Add(w * (Math.Min(y1, line) - floor));
        }

        double total = wSum.Result();
        return new FiscalImpoverishment(fiCount.Result() / total, fiAmount.Result() / total, fgCount.Result() / total, fgAmount.Result() / total, line);
    }

    private static double[] Without(ReadOnlySpan<double> endIncome, ReadOnlySpan<double> intervention, ReadOnlySpan<double> weights,
        InterventionKind kind)
    {
        Guard.Sample(endIncome, weights, nameof(endIncome));
        Guard.Companion(intervention, endIncome.Length, nameof(intervention), nameof(endIncome));
        double sign = kind switch
        {
            InterventionKind.Benefit => -1.0,
            InterventionKind.Tax => 1.0,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown intervention kind."),
        };
        var without = new double[endIncome.Length];
        for (int i = 0; i < without.Length; i++)
        {
            without[i] = endIncome[i] + (sign * intervention[i]);
        }

        return without;
    }
}
