using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Lorenz curves, concentration curves and quantile-group income shares (docs/indicators.md#lorenz-curves).
/// </summary>
/// <remarks>
/// Inputs are validated as everywhere in this namespace. Zero and negative incomes are kept (a negative income makes
/// the curve dip below zero); the weighted total must be positive. Zero-weight rows contribute nothing.
/// </remarks>
public static class Lorenz
{
    /// <summary>Empirical Lorenz curve, one point per observation (<c>ineq::Lc(x, n = w)</c>).</summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <returns>The curve's points, with (0, 0) first.</returns>
    public static LorenzCurve Curve(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        Guard.Sample(values, weights);
        using var sorted = SortedSample.Create(values, weights, dropZeroWeights: false);
        return Build(sorted.Values, sorted.Weights);
    }

    /// <summary>
    /// Concentration curve of <paramref name="values"/> with observations ranked by <paramref name="ranking"/>
    /// (ties in the ranking broken by the value, ascending: the CEQ rule).
    /// </summary>
    /// <param name="values">The variable cumulated (a tax, a benefit, post-fiscal income).</param>
    /// <param name="ranking">The ranking variable (usually pre-fiscal income).</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <returns>The curve's points, with (0, 0) first.</returns>
    public static LorenzCurve ConcentrationCurve(ReadOnlySpan<double> values, ReadOnlySpan<double> ranking,
        ReadOnlySpan<double> weights)
    {
        Guard.Sample(values, weights);
        Guard.Companion(ranking, values.Length, nameof(ranking), nameof(values));
        var (v, w) = RankOrder.ByRankingThenValue(values, ranking, weights);
        return Build(v, w);
    }

    /// <summary>
    /// Interpolated Lorenz ordinate at population share <paramref name="p"/>:
    /// <c>L(p) = Σ_k w_k x_k·clamp((pW − C_{k−1})/w_k, 0, 1)/T</c> (<c>convey::svylorenz</c>, default
    /// <c>empirical = FALSE</c>); the piecewise-linear curve through <see cref="Curve"/>'s points.
    /// </summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="p">Population share in [0, 1].</param>
    /// <returns>The income share of the poorest fraction p.</returns>
    public static double Ordinate(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double p) =>
        Ordinates(values, weights, [p])[0];

    /// <summary>Interpolated Lorenz ordinates at several population shares, from one sort.</summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="probabilities">Population shares, each in [0, 1].</param>
    /// <returns>One ordinate per share.</returns>
    public static double[] Ordinates(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, ReadOnlySpan<double> probabilities)
    {
        Guard.Sample(values, weights);
        for (int i = 0; i < probabilities.Length; i++)
        {
            Guard.Probability(probabilities[i], nameof(probabilities));
        }

        using var sorted = SortedSample.Create(values, weights, dropZeroWeights: true);
        var x = sorted.Values;
        var w = sorted.Weights;
        double total = 0.0, weight = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            double wi = w.IsEmpty ? 1.0 : w[i];
            weight += wi;
            total += wi * x[i];
        }

        Guard.PositiveTotal(total, nameof(values));
        var result = new double[probabilities.Length];
        for (int j = 0; j < probabilities.Length; j++)
        {
            if (probabilities[j] == 1.0)
            {
                result[j] = 1.0;
                continue;
            }

            double target = probabilities[j] * weight, before = 0.0, acc = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                double wi = w.IsEmpty ? 1.0 : w[i];
                double share = Math.Clamp((target - before) / wi, 0.0, 1.0);
                if (share <= 0.0)
                {
                    break;
                }

                acc += wi * x[i] * share;
                before += wi;
            }

            result[j] = acc / total;
        }

        return result;
    }

    /// <summary>
    /// Income shares of <paramref name="groups"/> equal-sized population groups (10 = deciles, 5 = quintiles) with a
    /// fractional split at the cut points: <c>L(k/g) − L((k−1)/g)</c>, so each group holds exactly 1/g of the weight.
    /// </summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="groups">Number of groups (≥ 1); 10 by default.</param>
    /// <returns>The income share of each group, poorest first; they sum to 1.</returns>
    public static double[] QuantileGroupShares(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, int groups = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        var p = new double[groups + 1];
        for (int k = 0; k <= groups; k++)
        {
            p[k] = (double)k / groups;
        }

        var l = Ordinates(values, weights, p);
        var shares = new double[groups];
        for (int k = 0; k < groups; k++)
        {
            shares[k] = l[k + 1] - l[k];
        }

        return shares;
    }

    private static LorenzCurve Build(ReadOnlySpan<double> x, ReadOnlySpan<double> w)
    {
        int n = x.Length;
        var p = new double[n + 1];
        var l = new double[n + 1];
        double c = 0.0, t = 0.0;
        for (int i = 0; i < n; i++)
        {
            double wi = w.IsEmpty ? 1.0 : w[i];
            c += wi;
            t += wi * x[i];
            p[i + 1] = c;
            l[i + 1] = t;
        }

        Guard.PositiveTotal(t, "values");
        for (int i = 1; i <= n; i++)
        {
            p[i] /= c;
            l[i] /= t;
        }

        return new LorenzCurve(p, l, t / c);
    }
}
