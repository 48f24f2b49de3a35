using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Comparisons between population groups and the size of the middle (docs/indicators.md#shares-and-group-comparisons): ratio of group means
/// (urban/rural), and the middle-income share behind the "olive-shaped" distribution of the paper.
/// </summary>
/// <remarks>Inputs are validated as everywhere in this namespace; group codes are arbitrary integers (e.g. 0 = rural, 1 = urban).</remarks>
public static class GroupComparison
{
    /// <summary>Weighted mean <c>T_g/W_g</c> of every group present with positive weight (<c>survey::svyby(~x, ~g, svymean)</c>).</summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="groups">Group code of every observation.</param>
    /// <returns>Group code to weighted mean, ordered by code.</returns>
    public static SortedDictionary<int, double> GroupMeans(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        ReadOnlySpan<int> groups)
    {
        var sums = GroupSums(values, weights, groups);
        var means = new SortedDictionary<int, double>();
        foreach (var (g, s) in sums)
        {
            if (s.Weight > 0.0)
            {
                means[g] = s.Mean;
            }
        }

        return means;
    }

    /// <summary>Weighted sums per group, each summed exactly and rounded once (independent of the order of the rows).</summary>
    /// <param name="values">Incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="groups">Group code of every observation.</param>
    /// <returns>Group code to its <see cref="WeightedSum"/>.</returns>
    public static SortedDictionary<int, WeightedSum> GroupSums(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        ReadOnlySpan<int> groups)
    {
        Guard.Sample(values, weights);
        Guard.Groups(groups, values.Length, nameof(groups));
        var accumulators = new SortedDictionary<int, (long Count, ExactAccumulator W, ExactAccumulator T, ExactAccumulator T2)>();
        for (int i = 0; i < values.Length; i++)
        {
            if (!accumulators.TryGetValue(groups[i], out var a))
            {
                a = (0, new ExactAccumulator(), new ExactAccumulator(), new ExactAccumulator());
            }

            double x = values[i], w = Guard.WeightAt(weights, i);
            a.W.Add(w);
            a.T.Add(w * x);
            a.T2.Add(w * x * x);
            accumulators[groups[i]] = (a.Count + 1, a.W, a.T, a.T2);
        }

        var sums = new SortedDictionary<int, WeightedSum>();
        foreach (var (code, a) in accumulators)
        {
            sums[code] = new WeightedSum(a.Count, a.W.Result(), a.T.Result(), a.T2.Result());
        }

        return sums;
    }

    /// <summary>
    /// Ratio of two group means, e.g. the urban–rural income ratio <c>(T_U/W_U)/(T_R/W_R)</c>.
    /// </summary>
    /// <param name="values">Incomes (per-capita disposable income for the official ratio).</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="groups">Group code of every observation.</param>
    /// <param name="numeratorGroup">Code of the numerator group (e.g. urban).</param>
    /// <param name="denominatorGroup">Code of the denominator group (e.g. rural).</param>
    /// <returns>The ratio of means.</returns>
    public static double RatioOfMeans(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, ReadOnlySpan<int> groups,
        int numeratorGroup, int denominatorGroup)
    {
        var means = GroupMeans(values, weights, groups);
        if (!means.TryGetValue(numeratorGroup, out double num))
        {
            throw new ArgumentException($"Group {numeratorGroup} has no observation with positive weight.", nameof(numeratorGroup));
        }

        if (!means.TryGetValue(denominatorGroup, out double den) || den == 0.0)
        {
            throw new ArgumentException($"Group {denominatorGroup} has no observation with positive weight or a zero mean.",
                nameof(denominatorGroup));
        }

        return num / den;
    }

    /// <summary>
    /// Middle-income (population) share: the weighted share of persons with
    /// <c>lower·m ≤ x ≤ upper·m</c>, m the weighted median (OECD "Under Pressure" 2019 uses 75%–200%; both bounds are
    /// inclusive here, as in the reference vectors).
    /// </summary>
    /// <param name="values">Equivalised disposable incomes.</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="lowerFraction">Lower bound as a fraction of the median; 0.75 by default.</param>
    /// <param name="upperFraction">Upper bound as a fraction of the median; 2.0 by default.</param>
    /// <param name="rule">Median rule; laeken by default.</param>
    /// <returns>The population share of the middle group.</returns>
    public static double MiddleIncomeShare(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        double lowerFraction = 0.75, double upperFraction = 2.0, QuantileRule rule = QuantileRule.Laeken) =>
        Middle(values, weights, lowerFraction, upperFraction, rule).PopulationShare;

    /// <summary>Income share held by the middle group defined as in <see cref="MiddleIncomeShare"/>.</summary>
    /// <param name="values">Equivalised disposable incomes (positive total).</param>
    /// <param name="weights">Non-negative weights, or empty for an unweighted sample.</param>
    /// <param name="lowerFraction">Lower bound as a fraction of the median; 0.75 by default.</param>
    /// <param name="upperFraction">Upper bound as a fraction of the median; 2.0 by default.</param>
    /// <param name="rule">Median rule; laeken by default.</param>
    /// <returns>The middle group's share of total income.</returns>
    public static double MiddleIncomeIncomeShare(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        double lowerFraction = 0.75, double upperFraction = 2.0, QuantileRule rule = QuantileRule.Laeken) =>
        Middle(values, weights, lowerFraction, upperFraction, rule).IncomeShare;

    private static (double PopulationShare, double IncomeShare) Middle(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        double lowerFraction, double upperFraction, QuantileRule rule)
    {
        Guard.Sample(values, weights);
        if (!(lowerFraction >= 0.0) || !(upperFraction >= lowerFraction) || !double.IsFinite(upperFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(upperFraction), upperFraction,
                "The bounds must be finite with 0 <= lowerFraction <= upperFraction.");
        }

        double m = Quantiles.WeightedMedian(values, weights, rule);
        double lo = lowerFraction * m, hi = upperFraction * m;
        ExactAccumulator w = new(), wMid = new(), t = new(), tMid = new();
        for (int i = 0; i < values.Length; i++)
        {
            double wi = Guard.WeightAt(weights, i), x = values[i];
            w.Add(wi);
            t.Add(wi * x);
            if (x >= lo && x <= hi)
            {
                wMid.Add(wi);
                tMid.Add(wi * x);
            }
        }

        return (wMid.Result() / w.Result(), tMid.Result() / t.Result());
    }
}
