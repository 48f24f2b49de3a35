using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Composite common-prosperity index by entropy-weight TOPSIS (docs/indicators.md#common-prosperity-index; the paper does not publish its method,
/// so this is the documented illustrative [I] algorithm), with affluence and sharing sub-indices.
/// </summary>
/// <remarks>
/// <para>Algorithm. (1) Min–max normalise each indicator across regions so that 1 is the best region and 0 the worst
/// (<c>(x − min)/(max − min)</c>, or <c>(max − x)/(max − min)</c> when lower is better; a constant column becomes 1
/// everywhere). (2) Weights: entropy weights <c>w_j = d_j/Σd</c> with <c>d_j = 1 − e_j</c>,
/// <c>e_j = −Σ_i p_ij ln p_ij / ln m</c>, <c>p_ij = r_ij/Σ_i r_ij</c> and <c>0·ln 0 = 0</c> (equal weights if every
/// <c>d_j</c> is 0); or equal or fixed weights. (3) For each region, weighted distances to the ideal point (all ones)
/// and the anti-ideal point (all zeros): <c>D⁺ = √Σ w_j (1 − r_j)²</c>, <c>D⁻ = √Σ w_j r_j²</c>; the closeness is
/// <c>D⁻/(D⁺ + D⁻)</c> ∈ [0, 1]. Sub-indices apply step (3) to each dimension's indicators with their weights
/// renormalised. Worked example 22: weights (0.5, 0.5) and r = (0.8, 0.6) give 0.690983.</para>
/// </remarks>
public static class CommonProsperityIndex
{
    /// <summary>TOPSIS closeness of one normalised row: <c>D⁻/(D⁺ + D⁻)</c> with weighted Euclidean distances to 1 and 0.</summary>
    /// <param name="normalized">Normalised indicator values in [0, 1], 1 = best.</param>
    /// <param name="weights">Non-negative weights, one per indicator (they are used as given).</param>
    /// <returns>The closeness.</returns>
    public static double Closeness(ReadOnlySpan<double> normalized, ReadOnlySpan<double> weights)
    {
        Guard.Sample(normalized, weights, nameof(normalized));
        double plus = 0.0, minus = 0.0;
        for (int j = 0; j < normalized.Length; j++)
        {
            double r = normalized[j], w = Guard.WeightAt(weights, j);
            plus += w * (1.0 - r) * (1.0 - r);
            minus += w * r * r;
        }

        double dPlus = Math.Sqrt(plus), dMinus = Math.Sqrt(minus);
        return dMinus / (dPlus + dMinus);
    }

    /// <summary>Min–max normalisation of a regions × indicators matrix (1 = best).</summary>
    /// <param name="data">Raw values, regions in rows and indicators in columns (finite).</param>
    /// <param name="indicators">Indicator descriptions, one per column.</param>
    /// <returns>The normalised matrix.</returns>
    public static double[,] Normalize(double[,] data, IReadOnlyList<ProsperityIndicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(indicators);
        int m = data.GetLength(0), k = data.GetLength(1);
        if (m < 1 || k < 1)
        {
            throw new ArgumentException("The matrix needs at least one region and one indicator.", nameof(data));
        }

        if (indicators.Count != k)
        {
            throw new ArgumentException($"{indicators.Count} indicators were described but the matrix has {k} columns.", nameof(indicators));
        }

        var r = new double[m, k];
        for (int j = 0; j < k; j++)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int i = 0; i < m; i++)
            {
                double x = data[i, j];
                if (!double.IsFinite(x))
                {
                    throw new ArgumentException($"Value at row {i}, column {j} ({x}) is not a finite number.", nameof(data));
                }

                min = Math.Min(min, x);
                max = Math.Max(max, x);
            }

            for (int i = 0; i < m; i++)
            {
                if (max == min)
                {
                    r[i, j] = 1.0;
                }
                else
                {
                    r[i, j] = indicators[j].Direction == IndicatorDirection.LowerIsBetter
                        ? (max - data[i, j]) / (max - min)
                        : (data[i, j] - min) / (max - min);
                }
            }
        }

        return r;
    }

    /// <summary>Entropy weights of a normalised matrix (see the class remarks).</summary>
    /// <param name="normalized">Normalised matrix, regions × indicators, values ≥ 0.</param>
    /// <returns>Weights summing to 1.</returns>
    public static double[] EntropyWeights(double[,] normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        int m = normalized.GetLength(0), k = normalized.GetLength(1);
        var d = new double[k];
        double dSum = 0.0;
        for (int j = 0; j < k; j++)
        {
            double colSum = 0.0;
            for (int i = 0; i < m; i++)
            {
                colSum += normalized[i, j];
            }

            double e = 1.0;
            if (colSum > 0.0 && m > 1)
            {
                double acc = 0.0;
                for (int i = 0; i < m; i++)
                {
                    double p = normalized[i, j] / colSum;
                    if (p > 0.0)
                    {
                        acc += p * Math.Log(p);
                    }
                }

                e = -acc / Math.Log(m);
            }

            d[j] = Math.Max(0.0, 1.0 - e);
            dSum += d[j];
        }

        var w = new double[k];
        for (int j = 0; j < k; j++)
        {
            w[j] = dSum > 0.0 ? d[j] / dSum : 1.0 / k;
        }

        return w;
    }

    /// <summary>Computes the index, its sub-indices and the ranking of the regions.</summary>
    /// <param name="regions">Region names, one per row.</param>
    /// <param name="data">Raw indicator values, regions × indicators.</param>
    /// <param name="indicators">Indicator descriptions, one per column.</param>
    /// <param name="options">Configuration; defaults when null.</param>
    /// <returns>The scores and ranks.</returns>
    public static CommonProsperityResult Compute(IReadOnlyList<string> regions, double[,] data,
        IReadOnlyList<ProsperityIndicator> indicators, CommonProsperityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        options ??= new CommonProsperityOptions();
        var r = Normalize(data, indicators);
        int m = r.GetLength(0), k = r.GetLength(1);
        if (regions.Count != m)
        {
            throw new ArgumentException($"{regions.Count} region names were given but the matrix has {m} rows.", nameof(regions));
        }

        double[] w = options.Weighting switch
        {
            IndicatorWeighting.Entropy => EntropyWeights(r),
            IndicatorWeighting.Equal => Enumerable.Repeat(1.0 / k, k).ToArray(),
            IndicatorWeighting.Fixed => FixedWeights(options.FixedWeights, k),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Weighting, "Unknown weighting."),
        };
        if (!(options.AffluenceShare >= 0.0 && options.AffluenceShare <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.AffluenceShare, "AffluenceShare must lie in [0, 1].");
        }

        var index = new double[m];
        var affluence = new double[m];
        var sharing = new double[m];
        var row = new double[k];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < k; j++)
            {
                row[j] = r[i, j];
            }

            affluence[i] = SubCloseness(row, w, indicators, ProsperityDimension.Affluence);
            sharing[i] = SubCloseness(row, w, indicators, ProsperityDimension.Sharing);
            index[i] = options.Composite switch
            {
                CompositeMethod.TopsisOverAllIndicators => Closeness(row, w),
                CompositeMethod.WeightedSubIndices => (options.AffluenceShare * affluence[i]) + ((1.0 - options.AffluenceShare) * sharing[i]),
                _ => throw new ArgumentOutOfRangeException(nameof(options), options.Composite, "Unknown composite method."),
            };
        }

        var ranks = new int[m];
        for (int i = 0; i < m; i++)
        {
            int rank = 1;
            for (int j = 0; j < m; j++)
            {
                if (index[j] > index[i])
                {
                    rank++;
                }
            }

            ranks[i] = rank;
        }

        return new CommonProsperityResult(regions.ToArray(), index, affluence, sharing, w, ranks, r);
    }

    private static double SubCloseness(double[] row, double[] w, IReadOnlyList<ProsperityIndicator> indicators, ProsperityDimension dimension)
    {
        var r = new List<double>();
        var ws = new List<double>();
        double sum = 0.0;
        for (int j = 0; j < row.Length; j++)
        {
            if (indicators[j].Dimension == dimension)
            {
                r.Add(row[j]);
                ws.Add(w[j]);
                sum += w[j];
            }
        }

        if (r.Count == 0)
        {
            return double.NaN;
        }

        for (int j = 0; j < ws.Count; j++)
        {
            ws[j] = sum > 0.0 ? ws[j] / sum : 1.0 / ws.Count;
        }

        return Closeness(r.ToArray(), ws.ToArray());
    }

    private static double[] FixedWeights(IReadOnlyList<double>? weights, int k)
    {
        if (weights is null || weights.Count != k)
        {
            throw new ArgumentException($"Fixed weighting needs exactly {k} weights in FixedWeights.", nameof(weights));
        }

        var w = weights.ToArray();
        double total = Guard.Sample(w, w, "weights", "weights");
        for (int j = 0; j < k; j++)
        {
            w[j] /= total;
        }

        return w;
    }
}
