using System.Buffers;
using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Inequality indices of a (weighted) income distribution, each returned as a fraction, never a percent
/// (docs/indicators.md).
/// </summary>
/// <remarks>
/// <para>Inputs: finite values; weights either empty (unweighted) or one finite, non-negative weight per value with a
/// positive total. Zero weights have no effect. Violations throw <see cref="ArgumentException"/> naming the argument
/// and the offending index and value.</para>
/// <para>Zero and negative incomes: the Gini, share ratios and Palma keep them (the Gini can then exceed 1; a
/// non-positive total is rejected). Theil, MLD and Atkinson follow <see cref="NonPositiveIncomePolicy"/>, which
/// rejects x ≤ 0 by default.</para>
/// </remarks>
public static class Inequality
{
    /// <summary>Unweighted Theil T (rejects x ≤ 0); see <see cref="Theil(ReadOnlySpan{double}, ReadOnlySpan{double}, NonPositiveIncomePolicy)"/>.</summary>
    /// <param name="values">Incomes (all positive).</param>
    /// <returns>Theil T.</returns>
    public static double Theil(ReadOnlySpan<double> values) => Theil(values, default);

    /// <summary>Unweighted mean log deviation (rejects x ≤ 0).</summary>
    /// <param name="values">Incomes (all positive).</param>
    /// <returns>The mean log deviation.</returns>
    public static double MeanLogDeviation(ReadOnlySpan<double> values) => MeanLogDeviation(values, default);

    /// <summary>Unweighted Atkinson index (rejects x ≤ 0).</summary>
    /// <param name="values">Incomes (all positive).</param>
    /// <param name="epsilon">Inequality aversion ε ≥ 0.</param>
    /// <returns>The Atkinson index.</returns>
    public static double Atkinson(ReadOnlySpan<double> values, double epsilon) => Atkinson(values, default, epsilon);

    /// <summary>Unweighted S80/S20 with laeken's quantile rule.</summary>
    /// <param name="values">Incomes.</param>
    /// <returns>S80/S20.</returns>
    public static double QuintileShareRatio(ReadOnlySpan<double> values) => QuintileShareRatio(values, default);

    /// <summary>Unweighted Palma ratio (fractional split).</summary>
    /// <param name="values">Incomes.</param>
    /// <returns>The Palma ratio.</returns>
    public static double Palma(ReadOnlySpan<double> values) => Palma(values, default);

    /// <summary>Unweighted Gini coefficient, <c>ineq::Gini(x)</c> (no small-sample correction).</summary>
    /// <param name="values">Incomes (zeros and negatives kept; their total must be positive).</param>
    /// <returns>The Gini coefficient.</returns>
    public static double Gini(ReadOnlySpan<double> values) => Gini(values, default, GiniConvention.Midpoint);

    /// <summary>
    /// Unweighted Gini coefficient, optionally with <c>ineq</c>'s small-sample correction n/(n−1)
    /// (<c>ineq::Gini(x, corr=TRUE)</c>). No weighted package applies the correction, so none is offered weighted.
    /// </summary>
    /// <param name="values">Incomes.</param>
    /// <param name="smallSampleCorrection">Multiply by n/(n−1) when true (requires n ≥ 2).</param>
    /// <returns>The Gini coefficient.</returns>
    public static double Gini(ReadOnlySpan<double> values, bool smallSampleCorrection)
    {
        double g = Gini(values, default, GiniConvention.Midpoint);
        if (!smallSampleCorrection)
        {
            return g;
        }

        if (values.Length < 2)
        {
            throw new ArgumentException("The n/(n-1) correction needs at least two observations.", nameof(values));
        }

        return g * values.Length / (values.Length - 1);
    }

    /// <summary>
    /// Weighted Gini coefficient with the midpoint-rank formula <c>2·Σ w_i x_i (C_i − w_i/2)/(W·T) − 1</c>
    /// (laeken <c>gini</c>/100, DASP, CEQ, ineqdeco). Does not depend on the order of tied values or on the scale of
    /// the weights; integer weights give the Gini of the expanded sample.
    /// </summary>
    /// <param name="values">Incomes (zeros and negatives kept; their weighted total must be positive).</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <returns>The Gini coefficient.</returns>
    public static double Gini(ReadOnlySpan<double> values, ReadOnlySpan<double> weights) =>
        Gini(values, weights, GiniConvention.Midpoint);

    /// <summary>Weighted Gini coefficient under the chosen <see cref="GiniConvention"/>.</summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="convention">Formula: <see cref="GiniConvention.Midpoint"/> (default) or <see cref="GiniConvention.Convey"/>.</param>
    /// <returns>The Gini coefficient.</returns>
    public static double Gini(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, GiniConvention convention)
    {
        Guard.Sample(values, weights);
        if (convention is not (GiniConvention.Midpoint or GiniConvention.Convey))
        {
            throw new ArgumentOutOfRangeException(nameof(convention), convention, "Unknown Gini convention.");
        }

        using var sorted = SortedSample.Create(values, weights, dropZeroWeights: convention == GiniConvention.Convey);
        return OnSorted(sorted.Values, sorted.Weights, convention);
    }

    /// <summary>
    /// The weighted midpoint Gini of the persons' household per-capita values (household total ÷ size, each person
    /// weighted with the household's weight), computed from the households: bit for bit the same as
    /// <see cref="Gini(ReadOnlySpan{double}, ReadOnlySpan{double})"/> on the per-person columns, with a sort of the
    /// households instead of the persons. The persons of a household share one (value, weight) pair, so the
    /// households sorted by value and then weight, each repeated once per member, are the persons' sorted pairs
    /// (<see cref="SortedSample"/> orders ties by weight); the sequential pass then adds the same terms in the same order.
    /// </summary>
    /// <param name="totals">Each household's total income.</param>
    /// <param name="weights">Each household's weight (finite, non-negative).</param>
    /// <param name="memberStart">Household h's members are rows memberStart[h] to memberStart[h + 1] − 1.</param>
    internal static double GiniOfHouseholds(ReadOnlySpan<double> totals, ReadOnlySpan<double> weights, ReadOnlySpan<int> memberStart)
    {
        int households = totals.Length;
        ulong[] keys = ArrayPool<ulong>.Shared.Rent(households);
        ulong[] keyScratch = ArrayPool<ulong>.Shared.Rent(households);
        int[] rows = ArrayPool<int>.Shared.Rent(households);
        int[] rowScratch = ArrayPool<int>.Shared.Rent(households);
        double[] w = ArrayPool<double>.Shared.Rent(households);
        try
        {
            int m = 0;
            ulong min = ulong.MaxValue, max = 0;
            for (int h = 0; h < households; h++)
            {
                int size = memberStart[h + 1] - memberStart[h];
                if (size == 0)
                {
                    continue; // no person: not in the persons' sample
                }

                double x = totals[h] / size, wh = weights[h];
                if (!double.IsFinite(x))
                {
                    throw new ArgumentException(Guard.Element("Per-capita value of household", h, x, "is not a finite number"), nameof(totals));
                }

                if (!double.IsFinite(wh) || wh < 0.0)
                {
                    throw new ArgumentException(Guard.Element("Weight of household", h, wh, "is not a finite number >= 0"), nameof(weights));
                }

                ulong k = RadixSort.ToKey(x);
                keys[m] = k;
                rows[m++] = h;
                min = Math.Min(min, k);
                max = Math.Max(max, k);
            }

            if (m == 0)
            {
                throw new ArgumentException("There are no persons; the sample must not be empty.", nameof(memberStart));
            }

            RadixSort.Sort(keys, rows, keyScratch, rowScratch, m, range: (min, max));
            for (int i = 0; i < m; i++)
            {
                w[i] = weights[rows[i]];
            }

            for (int from = 0, i = 1; i <= m; i++)
            {
                if (i == m || keys[i] != keys[from])
                {
                    if (i - from > 1)
                    {
                        Array.Sort(w, rows, from, i - from);
                    }

                    from = i;
                }
            }

            double c = 0.0, t = 0.0, s = 0.0;
            for (int i = 0; i < m; i++)
            {
                double x = RadixSort.FromKey(keys[i]), wi = w[i], wx = wi * x;
                for (int j = memberStart[rows[i] + 1] - memberStart[rows[i]]; j > 0; j--)
                {
                    c += wi;
                    t += wx;
                    s += wx * (c - (0.5 * wi));
                }
            }

            if (!(c > 0.0) || !double.IsFinite(c))
            {
                throw new ArgumentException("The total weight is zero or not finite; at least one weight must be positive and the total finite.", nameof(weights));
            }

            Guard.PositiveTotal(t, "values");
            return (2.0 * s / (c * t)) - 1.0;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<ulong>.Shared.Return(keyScratch);
            ArrayPool<int>.Shared.Return(rows);
            ArrayPool<int>.Shared.Return(rowScratch);
            ArrayPool<double>.Shared.Return(w);
        }
    }

    /// <summary>Gini of sorted data (weights empty = unit weights); one sequential pass.</summary>
    internal static double OnSorted(ReadOnlySpan<double> x, ReadOnlySpan<double> w, GiniConvention convention = GiniConvention.Midpoint)
    {
        double c = 0.0, t = 0.0, s = 0.0;
        if (w.IsEmpty)
        {
            for (int i = 0; i < x.Length; i++)
            {
                c += 1.0;
                t += x[i];
                s += x[i] * (c - 0.5);
            }

            // Unit weights: both conventions coincide.
            Guard.PositiveTotal(t, "values");
            return (2.0 * s / (c * t)) - 1.0;
        }

        if (convention == GiniConvention.Convey)
        {
            for (int i = 0; i < x.Length; i++)
            {
                double wi = w[i], wx = wi * x[i];
                c += wi;
                t += wx;
                s += ((2.0 * c) - 1.0) * wx;
            }

            Guard.PositiveTotal(t, "values");
            return (s / (c * t)) - 1.0;
        }

        for (int i = 0; i < x.Length; i++)
        {
            double wi = w[i], wx = wi * x[i];
            c += wi;
            t += wx;
            s += wx * (c - (0.5 * wi));
        }

        Guard.PositiveTotal(t, "values");
        return (2.0 * s / (c * t)) - 1.0;
    }

    /// <summary>Theil T index, GE(1) (<c>convey::svygei(epsilon=1)</c>; <c>ineq::Theil(x, parameter=0)</c>).</summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="policy">Treatment of x ≤ 0; rejected by default. <see cref="NonPositiveIncomePolicy.DropNonPositive"/>
    /// reproduces <c>ineq::Theil</c>'s removal of zeros; <see cref="NonPositiveIncomePolicy.KeepZerosAsLimit"/> uses 0·ln 0 = 0.</param>
    /// <returns>Theil T.</returns>
    public static double Theil(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        NonPositiveIncomePolicy policy = NonPositiveIncomePolicy.Reject) =>
        GeneralizedEntropy.Compute(values, weights, 1.0, policy);

    /// <summary>
    /// Theil T decomposed by groups (e.g. 0 = rural, 1 = urban): within <c>Σ s_g T_g</c> and between
    /// <c>Σ s_g ln(μ_g/μ)</c>, with income shares s_g (<c>convey::svygeidec(epsilon=1)</c>).
    /// </summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="groups">Group code of every observation.</param>
    /// <param name="policy">Treatment of x ≤ 0; rejected by default.</param>
    /// <returns>Total, within and between terms.</returns>
    public static GeDecomposition TheilDecomposition(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        ReadOnlySpan<int> groups, NonPositiveIncomePolicy policy = NonPositiveIncomePolicy.Reject) =>
        GeneralizedEntropy.Decompose(values, weights, groups, 1.0, policy);

    /// <summary>
    /// Mean log deviation decomposed by groups: within <c>Σ v_g MLD_g</c> and between <c>Σ v_g ln(μ/μ_g)</c>, with
    /// population shares v_g (<c>convey::svygeidec(epsilon=0)</c>).
    /// </summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="groups">Group code of every observation.</param>
    /// <param name="policy">Treatment of x ≤ 0; rejected by default.</param>
    /// <returns>Total, within and between terms.</returns>
    public static GeDecomposition MeanLogDeviationDecomposition(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        ReadOnlySpan<int> groups, NonPositiveIncomePolicy policy = NonPositiveIncomePolicy.Reject) =>
        GeneralizedEntropy.Decompose(values, weights, groups, 0.0, policy);

    /// <summary>Mean log deviation (Theil L), GE(0) (<c>convey::svygei(epsilon=0)</c>; <c>ineq::Theil(x, parameter=1)</c>).</summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="policy">Treatment of x ≤ 0; rejected by default (with <see cref="NonPositiveIncomePolicy.KeepZerosAsLimit"/> a zero gives +∞ as in ineq).</param>
    /// <returns>The mean log deviation.</returns>
    public static double MeanLogDeviation(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        NonPositiveIncomePolicy policy = NonPositiveIncomePolicy.Reject) =>
        GeneralizedEntropy.Compute(values, weights, 0.0, policy);

    /// <summary>
    /// Atkinson index <c>A(ε) = 1 − [Σ f_i (x_i/μ)^{1−ε}]^{1/(1−ε)}</c>, and <c>A(1) = 1 − exp(Σ f_i ln x_i)/μ</c>
    /// (<c>convey::svyatk</c>, <c>ineq::Atkinson</c>).
    /// </summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="epsilon">Inequality aversion ε ≥ 0.</param>
    /// <param name="policy">Treatment of x ≤ 0; rejected by default (with <see cref="NonPositiveIncomePolicy.KeepZerosAsLimit"/> a zero gives A = 1 for ε ≥ 1, as ineq).</param>
    /// <returns>The Atkinson index.</returns>
    public static double Atkinson(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double epsilon,
        NonPositiveIncomePolicy policy = NonPositiveIncomePolicy.Reject) =>
        Atkinson(values, weights, epsilon, policy, out _);

    /// <summary>Atkinson index, reporting how many observations the policy dropped.</summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="epsilon">Inequality aversion ε ≥ 0.</param>
    /// <param name="policy">Treatment of x ≤ 0.</param>
    /// <param name="dropped">Number of positive-weight observations with x ≤ 0 dropped.</param>
    /// <returns>The Atkinson index.</returns>
    public static double Atkinson(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double epsilon,
        NonPositiveIncomePolicy policy, out int dropped)
    {
        Guard.Sample(values, weights);
        if (!(epsilon >= 0.0) || !double.IsFinite(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "The inequality aversion must be finite and >= 0.");
        }

        dropped = GeneralizedEntropy.CheckIncomes(values, weights, policy, "Atkinson", epsilon);
        var sum = WeightedSum.Of(values, weights, (_, x, w) => GeneralizedEntropy.Included(x, w, policy));
        Guard.PositiveTotal(sum.Total, nameof(values));
        double mu = sum.Mean;
        var acc = new ExactAccumulator();
        for (int i = 0; i < values.Length; i++)
        {
            double w = Guard.WeightAt(weights, i);
            if (!GeneralizedEntropy.Included(values[i], w, policy))
            {
                continue;
            }

            acc.Add(epsilon == 1.0 ? w * Math.Log(values[i]) : w * Math.Pow(values[i] / mu, 1.0 - epsilon));
        }

        double mean = acc.Result() / sum.Weight;
        return epsilon == 1.0 ? 1.0 - (Math.Exp(mean) / mu) : 1.0 - Math.Pow(mean, 1.0 / (1.0 - epsilon));
    }

    /// <summary>Coefficient of variation with the population (divisor W) standard deviation (<c>ineq::var.coeff</c>).</summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <returns>σ/μ.</returns>
    public static double CoefficientOfVariation(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        Guard.Sample(values, weights);
        var sum = WeightedSum.Of(values, weights);
        Guard.PositiveTotal(sum.Total, nameof(values));
        double mu = sum.Mean;
        var acc = new ExactAccumulator();
        for (int i = 0; i < values.Length; i++)
        {
            double d = values[i] - mu;
            acc.Add(Guard.WeightAt(weights, i) * d * d);
        }

        return Math.Sqrt(acc.Result() / sum.Weight) / mu;
    }

    /// <summary>Ricci–Schutz (Pietra, Hoover) index <c>Σ f_i |x_i − μ|/(2μ)</c> (<c>ineq::RS</c>).</summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <returns>The Pietra index: the share of total income that would have to be moved to equalise incomes.</returns>
    public static double Pietra(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        Guard.Sample(values, weights);
        var sum = WeightedSum.Of(values, weights);
        Guard.PositiveTotal(sum.Total, nameof(values));
        double mu = sum.Mean;
        var acc = new ExactAccumulator();
        for (int i = 0; i < values.Length; i++)
        {
            acc.Add(Guard.WeightAt(weights, i) * Math.Abs(values[i] - mu));
        }

        return acc.Result() / sum.Weight / (2.0 * mu);
    }

    /// <summary>
    /// Income quintile share ratio S80/S20 as a ratio of totals (Eurostat; <c>laeken::qsr</c>/<c>convey::svyqsr</c>):
    /// <c>Σ_{x&gt;Q80} w x / Σ_{x≤Q20} w x</c>. Observations tied at a cut point belong to the bottom group and not to the top.
    /// </summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="rule">Rule for Q20 and Q80; laeken by default (convey's rule gives <c>svyqsr</c>).</param>
    /// <returns>S80/S20.</returns>
    /// <exception cref="ArgumentException">The bottom group's total income is not positive.</exception>
    public static double QuintileShareRatio(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        QuantileRule rule = QuantileRule.Laeken) => CutPointRatio(values, weights, 0.2, 0.8, rule);

    /// <summary>
    /// Palma ratio: income share of the top 10% over the income share of the bottom 40%.
    /// </summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="method">Group definition: fractional Lorenz split (default) or whole observations by cut points.</param>
    /// <param name="rule">Quantile rule for <see cref="PalmaMethod.CutPoint"/> (laeken by default); ignored otherwise.</param>
    /// <returns>The Palma ratio.</returns>
    public static double Palma(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        PalmaMethod method = PalmaMethod.Fractional, QuantileRule rule = QuantileRule.Laeken)
    {
        switch (method)
        {
            case PalmaMethod.CutPoint:
                return CutPointRatio(values, weights, 0.4, 0.9, rule);
            case PalmaMethod.Fractional:
                {
                    var l = Lorenz.Ordinates(values, weights, [0.4, 0.9]);
                    if (!(l[0] > 0.0))
                    {
                        throw new ArgumentException("The bottom 40% hold no positive income; the Palma ratio is undefined.", nameof(values));
                    }

                    return (1.0 - l[1]) / l[0];
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown Palma method.");
        }
    }

    private static double CutPointRatio(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double pLow, double pHigh,
        QuantileRule rule)
    {
        var q = Quantiles.WeightedQuantiles(values, weights, [pLow, pHigh], rule);
        var bottomSum = new ExactAccumulator();
        var topSum = new ExactAccumulator();
        for (int i = 0; i < values.Length; i++)
        {
            double x = values[i], w = Guard.WeightAt(weights, i);
            if (x <= q[0])
            {
                bottomSum.Add(w * x);
            }

            if (x > q[1])
            {
                topSum.Add(w * x);
            }
        }

        double bottom = bottomSum.Result(), top = topSum.Result();

        if (!(bottom > 0.0))
        {
            throw new ArgumentException("The bottom group's total income is not positive; the share ratio is undefined.", nameof(values));
        }

        return top / bottom;
    }
}
