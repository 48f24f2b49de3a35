using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Linearized (influence-function) standard errors as computed by convey 1.0.1 (Deville 1999, Osier 2009) for a
/// design with one stage, no strata and sampling with replacement (<c>svydesign(ids = ~1, weights = ~w)</c>):
/// <c>V = n/(n−1)·Σ(z_i − z̄)²</c> with <c>z_i = w_i·u_i</c> (docs/indicators.md#standard-errors). Zero-weight rows are dropped, as
/// convey does. Clustered or stratified designs are not covered; use <see cref="Bootstrap"/> with clusters instead.
/// </summary>
public static class LinearizedVariance
{
    private static readonly double InvSqrt2Pi = 1.0 / Math.Sqrt(2.0 * Math.PI);

    /// <summary>
    /// convey's Gini (<see cref="GiniConvention.Convey"/>, which depends on the weight scale) with the standard error
    /// of <c>convey::svygini</c>.
    /// </summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative sampling weights, or empty for unit weights.</param>
    /// <returns>The estimate and its standard error.</returns>
    public static LinearizedEstimate ConveyGini(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        Guard.Sample(values, weights);
        using var s = SortedSample.Create(values, weights, dropZeroWeights: true);
        var x = s.Values;
        int n = x.Length;
        double weightTotal = 0.0, y = 0.0, t1 = 0.0;
        for (int i = 0; i < n; i++)
        {
            double w = W(s, i);
            weightTotal += w;
            y += x[i] * w;
            t1 += weightTotal * x[i] * w;
        }

        Guard.PositiveTotal(y, nameof(values));
        double gini = (((2.0 * t1) - y) / (y * weightTotal)) - 1.0;

        // Influence function of (2·T1 − T2)/(T2·T3) − 1 with T1 = Σ r x w, T2 = Σ x w, T3 = Σ w.
        var z = new double[n];
        double r = 0.0, g = 0.0;
        for (int i = 0; i < n; i++)
        {
            double w = W(s, i);
            r += w;
            g += x[i] * w;
            double lin1 = y - g + (x[i] * w) + (r * x[i]);
            double u = (2.0 * lin1 / (y * weightTotal)) - (2.0 * t1 * x[i] / (y * y * weightTotal)) - (((2.0 * t1) - y) / (y * weightTotal * weightTotal));
            z[i] = u * w;
        }

        return new LinearizedEstimate(gini, Math.Sqrt(WithReplacementVariance(z)));
    }

    /// <summary>
    /// convey's at-risk-of-poverty rate (<c>svyarpr</c>: threshold <paramref name="fraction"/> × the
    /// <see cref="QuantileRule.Convey"/> quantile, poor if x ≤ threshold) with its standard error, which adds the
    /// threshold's influence through a Gaussian-kernel density with bandwidth <c>σ̂_w/(Σw)^0.2</c>.
    /// </summary>
    /// <param name="values">Equivalised incomes.</param>
    /// <param name="weights">Non-negative sampling weights, or empty for unit weights.</param>
    /// <param name="quantile">Quantile the threshold is based on; 0.5 (the median) by default.</param>
    /// <param name="fraction">Fraction of that quantile; 0.6 by default.</param>
    /// <returns>The rate (a fraction) and its standard error.</returns>
    public static LinearizedEstimate ConveyAtRiskOfPovertyRate(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        double quantile = 0.5, double fraction = 0.6)
    {
        Guard.Sample(values, weights);
        Guard.Probability(quantile, nameof(quantile));
        Guard.Positive(fraction, nameof(fraction));
        using var s = SortedSample.Create(values, weights, dropZeroWeights: true);
        var x = s.Values;
        int n = x.Length;
        double q = Quantiles.OnSorted(s, quantile, QuantileRule.Convey);
        double threshold = fraction * q;

        double weightTotal = 0.0, t = 0.0, t2 = 0.0, poor = 0.0;
        for (int i = 0; i < n; i++)
        {
            double w = W(s, i);
            weightTotal += w;
            t += w * x[i];
            t2 += w * x[i] * x[i];
            if (x[i] <= threshold)
            {
                poor += w;
            }
        }

        double rate = poor / weightTotal;
        double sd = Math.Sqrt((t2 - (t * t / weightTotal)) / weightTotal);
        double h = sd / Math.Exp(0.2 * Math.Log(weightTotal));
        double fq = Density(s, q, h, weightTotal), fz = Density(s, threshold, h, weightTotal);

        var z = new double[n];
        for (int i = 0; i < n; i++)
        {
            double w = W(s, i);
            double thresholdLin = fraction * (-1.0 / (weightTotal * fq)) * ((x[i] <= q ? 1.0 : 0.0) - quantile);
            double u = (((x[i] <= threshold ? 1.0 : 0.0) - rate) / weightTotal) + (fz * thresholdLin);
            z[i] = u * w;
        }

        return new LinearizedEstimate(rate, Math.Sqrt(WithReplacementVariance(z)));
    }

    /// <summary>With-replacement single-stage variance of a total: <c>n/(n−1)·Σ(z_i − z̄)²</c>.</summary>
    internal static double WithReplacementVariance(ReadOnlySpan<double> z)
    {
        int n = z.Length;
        if (n < 2)
        {
            return double.NaN;
        }

        double mean = 0.0;
        foreach (double v in z)
        {
            mean += v;
        }

        mean /= n;
        double ss = 0.0;
        foreach (double v in z)
        {
            ss += (v - mean) * (v - mean);
        }

        return n / (n - 1.0) * ss;
    }

    private static double Density(SortedSample s, double at, double h, double totalWeight)
    {
        var x = s.Values;
        double acc = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            double u = (at - x[i]) / h;
            acc += Math.Exp(-(u * u) / 2.0) * InvSqrt2Pi * W(s, i);
        }

        return acc / (totalWeight * h);
    }

    private static double W(SortedSample s, int i) => s.IsWeighted ? s.Weights[i] : 1.0;
}
