using SocialSecurity.Modeling.Internal;
using System.Globalization;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Generalised entropy indices <c>GE(α) = Σ f_i[(x_i/μ)^α − 1]/(α(α−1))</c> with their limits
/// <c>GE(1) = Σ f_i (x_i/μ) ln(x_i/μ)</c> (Theil T) and <c>GE(0) = −Σ f_i ln(x_i/μ)</c> (mean log deviation),
/// and their decomposition by subgroups (docs/indicators.md#generalized-entropy).
/// </summary>
/// <remarks>
/// Weighted as <c>convey::svygei</c> and Stata <c>ineqdeco</c>; unweighted equal to <c>ineq::entropy</c>. GE(2) is
/// half the squared coefficient of variation with the population variance. Incomes x ≤ 0 with positive weight follow
/// <see cref="NonPositiveIncomePolicy"/> (rejected by default); zero weights have no effect.
/// </remarks>
public static class GeneralizedEntropy
{
    /// <summary>GE(α) of a weighted sample.</summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="alpha">The sensitivity parameter α (any finite value).</param>
    /// <param name="policy">Treatment of x ≤ 0; <see cref="NonPositiveIncomePolicy.Reject"/> by default.</param>
    /// <returns>GE(α) as a fraction.</returns>
    public static double Compute(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double alpha,
        NonPositiveIncomePolicy policy = NonPositiveIncomePolicy.Reject) =>
        Compute(values, weights, alpha, policy, out _);

    /// <summary>GE(α) of a weighted sample, reporting how many observations the policy dropped.</summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="alpha">The sensitivity parameter α.</param>
    /// <param name="policy">Treatment of x ≤ 0.</param>
    /// <param name="dropped">Number of positive-weight observations with x ≤ 0 that were dropped (0 unless
    /// <see cref="NonPositiveIncomePolicy.DropNonPositive"/>).</param>
    /// <returns>GE(α) as a fraction.</returns>
    public static double Compute(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double alpha,
        NonPositiveIncomePolicy policy, out int dropped)
    {
        Guard.Sample(values, weights);
        Guard.Finite(alpha, nameof(alpha));
        dropped = CheckIncomes(values, weights, policy, "GE", alpha);
        var sum = AccumulateGroup(values, weights, default, policy, 0);
        Guard.PositiveTotal(sum.Total, nameof(values));
        return FromSumsGroup(values, weights, default, policy, alpha, sum.Weight, sum.Total, 0);
    }

    /// <summary>
    /// Decomposes GE(α) into within- and between-group terms for the groups coded in <paramref name="groups"/>
    /// (for example 0 = rural, 1 = urban). Reproduces <c>convey::svygeidec</c> (whose between term is total − within)
    /// and <c>ineqdeco</c>'s <c>bygroup()</c>.
    /// </summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="groups">Group code of every observation.</param>
    /// <param name="alpha">The sensitivity parameter α.</param>
    /// <param name="policy">Treatment of x ≤ 0 (applied before grouping).</param>
    /// <returns>Total, within and between terms.</returns>
    public static GeDecomposition Decompose(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        ReadOnlySpan<int> groups, double alpha, NonPositiveIncomePolicy policy = NonPositiveIncomePolicy.Reject)
    {
        Guard.Sample(values, weights);
        Guard.Groups(groups, values.Length, nameof(groups));
        Guard.Finite(alpha, nameof(alpha));
        CheckIncomes(values, weights, policy, "GE", alpha);

        var total = AccumulateGroup(values, weights, default, policy, 0);
        Guard.PositiveTotal(total.Total, nameof(values));
        double overall = FromSumsGroup(values, weights, default, policy, alpha, total.Weight, total.Total, 0);
        double mu = total.Total / total.Weight;

        var codes = new SortedSet<int>();
        foreach (int g in groups)
        {
            codes.Add(g);
        }

        double within = 0.0, betweenSum = 0.0;
        foreach (int code in codes)
        {
            int c = code;
            var sums = AccumulateGroup(values, weights, groups, policy, c);
            if (!(sums.Weight > 0.0))
            {
                continue;
            }

            double ge = FromSumsGroup(values, weights, groups, policy, alpha, sums.Weight, sums.Total, c);
            double v = sums.Weight / total.Weight, s = sums.Total / total.Total;
            within += alpha switch
            {
                1.0 => s * ge,
                0.0 => v * ge,
                _ => Math.Pow(v, 1.0 - alpha) * Math.Pow(s, alpha) * ge,
            };
            double r = (sums.Total / sums.Weight) / mu;
            betweenSum += alpha switch
            {
                1.0 => v * r * Math.Log(r),
                0.0 => -v * Math.Log(r),
                _ => v * (Math.Pow(r, alpha) - 1.0),
            };
        }

        double between = alpha is 1.0 or 0.0 ? betweenSum : betweenSum / (alpha * (alpha - 1.0));
        return new GeDecomposition(overall, within, between);
    }

    /// <summary>Validates incomes against the policy; returns the number of rows the policy drops.</summary>
    internal static int CheckIncomes(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, NonPositiveIncomePolicy policy,
        string indicator, double parameter)
    {
        int dropped = 0, kept = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double w = Guard.WeightAt(weights, i);
            if (w == 0.0)
            {
                continue;
            }

            double x = values[i];
            if (x > 0.0)
            {
                kept++;
                continue;
            }

            switch (policy)
            {
                case NonPositiveIncomePolicy.Reject:
                    throw new ArgumentException(
                        Guard.Element("Value", i, x, string.Format(CultureInfo.InvariantCulture,
                            "is not positive; {0}({1}) is undefined for incomes <= 0. Pass NonPositiveIncomePolicy.DropNonPositive to drop them (ineqdeco rule) or KeepZerosAsLimit to keep zeros (ineq rule)",
                            indicator, parameter)),
                        nameof(values));
                case NonPositiveIncomePolicy.DropNonPositive:
                    dropped++;
                    break;
                case NonPositiveIncomePolicy.KeepZerosAsLimit:
                    if (x < 0.0)
                    {
                        throw new ArgumentException(
                            Guard.Element("Value", i, x, "is negative; KeepZerosAsLimit keeps zeros only"), nameof(values));
                    }

                    kept++;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown policy.");
            }
        }

        if (kept == 0)
        {
            throw new ArgumentException("No observation with a positive income and a positive weight remains.", nameof(values));
        }

        return dropped;
    }

    internal static bool Included(double x, double w, NonPositiveIncomePolicy policy) =>
        w != 0.0 && (policy != NonPositiveIncomePolicy.DropNonPositive || x > 0.0);

    /// <summary>Exact Σw and Σw·x over the rows of group <paramref name="code"/> (all rows when <paramref name="groups"/> is empty); Σw·x² is not needed.</summary>
    private static WeightedSum AccumulateGroup(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        ReadOnlySpan<int> groups, NonPositiveIncomePolicy policy, int code)
    {
        var w = new ExactAccumulator();
        var t = new ExactAccumulator();
        long count = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double wi = Guard.WeightAt(weights, i);
            if ((groups.IsEmpty || groups[i] == code) && Included(values[i], wi, policy))
            {
                count++;
                w.Add(wi);
                t.Add(wi * values[i]);
            }
        }

        return new WeightedSum(count, w.Result(), t.Result(), double.NaN);
    }

    /// <summary>GE(α) of the rows of group <paramref name="code"/> (all rows when <paramref name="groups"/> is empty).</summary>
    private static double FromSumsGroup(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, ReadOnlySpan<int> groups,
        NonPositiveIncomePolicy policy, double alpha, double totalWeight, double total, int code)
    {
        double mu = total / totalWeight;
        var acc = new ExactAccumulator();
        for (int i = 0; i < values.Length; i++)
        {
            double w = Guard.WeightAt(weights, i);
            if ((groups.IsEmpty || groups[i] == code) && Included(values[i], w, policy))
            {
                acc.Add(w * Term(values[i] / mu, alpha));
            }
        }

        return Finish(acc.Result() / totalWeight, alpha);
    }

    /// <summary>The summand for a relative income r = x/μ (limits at r = 0 as in <see cref="NonPositiveIncomePolicy.KeepZerosAsLimit"/>).</summary>
    private static double Term(double r, double alpha)
    {
        if (alpha == 1.0)
        {
            return r == 0.0 ? 0.0 : r * Math.Log(r);
        }

        if (alpha == 0.0)
        {
            return -Math.Log(r);
        }

        return Math.Pow(r, alpha) - 1.0;
    }

    private static double Finish(double mean, double alpha) =>
        alpha is 1.0 or 0.0 ? mean : mean / (alpha * (alpha - 1.0));
}
