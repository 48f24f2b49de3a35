namespace SocialSecurity.Modeling.Populations.Weighting;

/// <summary>
/// The spread of calibrated weights over the households with a positive design weight: quantiles of the weight
/// ratio wₕ/dₕ (type 7, linear interpolation between order statistics, each household counted once), the
/// coefficient of variation of the weights, and Kish's effective sample size n_eff = (Σw)² / Σw² with its design
/// effect n / n_eff = 1 + CV² (Kish 1965, §11.7).
/// </summary>
/// <param name="Households">The number of households with a positive design weight.</param>
/// <param name="MinRatio">The smallest wₕ/dₕ.</param>
/// <param name="P05">The 5th percentile of wₕ/dₕ.</param>
/// <param name="P25">The first quartile of wₕ/dₕ.</param>
/// <param name="Median">The median of wₕ/dₕ.</param>
/// <param name="P75">The third quartile of wₕ/dₕ.</param>
/// <param name="P95">The 95th percentile of wₕ/dₕ.</param>
/// <param name="MaxRatio">The largest wₕ/dₕ.</param>
/// <param name="NegativeWeights">The number of negative calibrated weights (only linear calibration can give them).</param>
/// <param name="CoefficientOfVariation">The standard deviation of the weights (divisor n) over their mean.</param>
/// <param name="EffectiveSampleSize">Kish's n_eff = (Σw)² / Σw².</param>
public sealed record WeightSpread(
    int Households,
    double MinRatio,
    double P05,
    double P25,
    double Median,
    double P75,
    double P95,
    double MaxRatio,
    int NegativeWeights,
    double CoefficientOfVariation,
    double EffectiveSampleSize)
{
    /// <summary>Kish's design effect due to unequal weighting, n / n_eff = 1 + CV².</summary>
    public double DesignEffect => Households / EffectiveSampleSize;

    /// <summary>The spread of <paramref name="weights"/> relative to <paramref name="designWeights"/>.</summary>
    /// <param name="designWeights">The design weights dₕ, ≥ 0.</param>
    /// <param name="weights">The calibrated weights wₕ, one per household.</param>
    /// <returns>The spread.</returns>
    /// <exception cref="ArgumentException">The lengths differ, or no design weight is positive.</exception>
    public static WeightSpread Of(ReadOnlySpan<double> designWeights, ReadOnlySpan<double> weights)
    {
        if (designWeights.Length != weights.Length)
        {
            throw new ArgumentException($"There are {weights.Length} weights for {designWeights.Length} design weights.", nameof(weights));
        }

        var ratios = new List<double>(designWeights.Length);
        double sum = 0, sumSquares = 0;
        int negative = 0;
        for (int h = 0; h < designWeights.Length; h++)
        {
            if (designWeights[h] > 0)
            {
                double w = weights[h];
                ratios.Add(w / designWeights[h]);
                sum += w;
                sumSquares += w * w;
                negative += w < 0 ? 1 : 0;
            }
        }

        int n = ratios.Count;
        if (n == 0)
        {
            throw new ArgumentException("No household has a positive design weight.", nameof(designWeights));
        }

        ratios.Sort();
        double mean = sum / n;
        double variance = Math.Max(0, (sumSquares / n) - (mean * mean));
        return new WeightSpread(
            n,
            ratios[0],
            Quantile(ratios, 0.05),
            Quantile(ratios, 0.25),
            Quantile(ratios, 0.5),
            Quantile(ratios, 0.75),
            Quantile(ratios, 0.95),
            ratios[n - 1],
            negative,
            Math.Sqrt(variance) / mean,
            sum * sum / sumSquares);
    }

    /// <inheritdoc />
    public override string ToString()
        => $"w/d min {MinRatio:0.###}, p5 {P05:0.###}, p25 {P25:0.###}, median {Median:0.###}, p75 {P75:0.###}, p95 {P95:0.###}, max {MaxRatio:0.###}; CV {CoefficientOfVariation:0.###}; Kish n_eff {EffectiveSampleSize:0.#} of {Households} (deff {DesignEffect:0.###})"
           + (NegativeWeights > 0 ? $"; {NegativeWeights} NEGATIVE weight(s)" : string.Empty);

    private static double Quantile(List<double> sorted, double p)
    {
        double position = p * (sorted.Count - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
