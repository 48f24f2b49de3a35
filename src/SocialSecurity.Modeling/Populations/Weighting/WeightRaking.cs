using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Weighting;

/// <summary>
/// Raking of household weights to known margins (totals): the raked weights are wₕ = dₕ·exp(xₕ·λ), the
/// raking-ratio (multiplicative) calibration of Deville &amp; Särndal (1992), so each weight changes as little as
/// possible in the raking distance while Σ wₕ·xₕ meets every margin exactly. It is solved by Newton's method on λ
/// rather than by cycling iterative proportional fitting, so margins may mix household and person counts (for
/// example the number of members aged 65+ per household) and converge in a few iterations.
/// </summary>
/// <example>
/// <code>
/// var margins = new[]
/// {
///     new RakingMargin("persons", sizes, 65_770_000),
///     new RakingMargin("persons_65_plus", aged65, 9_800_000),
/// };
/// RakingResult result = WeightRaking.Rake(population.Weight, margins);
/// Population reweighted = WeightRaking.Apply(population, result);
/// </code>
/// </example>
public static class WeightRaking
{
    /// <summary>Rakes design weights to the margins.</summary>
    /// <param name="designWeights">The starting weights, finite and ≥ 0, one per household.</param>
    /// <param name="margins">The margins; each needs one value per household and a positive target; at most 50.</param>
    /// <param name="options">Convergence settings; defaults when <see langword="null"/>.</param>
    /// <returns>The weights and a convergence report; check <see cref="RakingResult.Converged"/>.</returns>
    /// <exception cref="ArgumentException">A margin has the wrong length, a negative or non-finite value, a non-positive target, or is zero for every household; or the margins are linearly dependent.</exception>
    public static RakingResult Rake(ReadOnlySpan<double> designWeights, IReadOnlyList<RakingMargin> margins, RakingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(margins);
        options ??= new RakingOptions();
        if (options.MaxIterations is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxIterations, "MaxIterations must be between 1 and 1000.");
        }

        if (!(options.Tolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Tolerance, "Tolerance must be > 0.");
        }

        int n = designWeights.Length;
        int k = margins.Count;
        if (k is 0 or > 50)
        {
            throw new ArgumentException($"Expected between 1 and 50 margins, found {k}.", nameof(margins));
        }

        for (int h = 0; h < n; h++)
        {
            if (!double.IsFinite(designWeights[h]) || designWeights[h] < 0)
            {
                throw new ArgumentException($"Design weight of household {h} is {designWeights[h]}; expected a finite number ≥ 0.", nameof(designWeights));
            }
        }

        var x = new double[k][];
        var targets = new double[k];
        var before = new double[k];
        for (int j = 0; j < k; j++)
        {
            var margin = margins[j] ?? throw new ArgumentException($"Margin {j} is null.", nameof(margins));
            if (margin.Values is null || margin.Values.Length != n)
            {
                throw new ArgumentException($"Margin '{margin.Name}' has {margin.Values?.Length ?? 0} values; expected one per household ({n}).", nameof(margins));
            }

            if (!double.IsFinite(margin.Target) || margin.Target <= 0)
            {
                throw new ArgumentException($"Margin '{margin.Name}' has target {margin.Target}; expected a finite number > 0.", nameof(margins));
            }

            double total = 0;
            bool any = false;
            for (int h = 0; h < n; h++)
            {
                double v = margin.Values[h];
                if (!double.IsFinite(v) || v < 0)
                {
                    throw new ArgumentException($"Margin '{margin.Name}', household {h}: value {v}; expected a finite number ≥ 0.", nameof(margins));
                }

                any |= v > 0 && designWeights[h] > 0;
                total += designWeights[h] * v;
            }

            if (!any)
            {
                throw new ArgumentException($"Margin '{margin.Name}' is zero for every household with a positive weight, so its target {margin.Target} cannot be reached.", nameof(margins));
            }

            x[j] = margin.Values;
            targets[j] = margin.Target;
            before[j] = total;
        }

        var lambda = new double[k];
        var weights = new double[n];
        var achieved = new double[k];
        var jacobian = new double[k, k];
        var step = new double[k];
        var trial = new double[k];
        double error = Evaluate(designWeights, x, lambda, targets, weights, achieved);
        int iterations = 0;
        while (error > options.Tolerance && iterations < options.MaxIterations)
        {
            iterations++;
            Array.Clear(jacobian);
            for (int h = 0; h < n; h++)
            {
                double w = weights[h];
                if (w == 0)
                {
                    continue;
                }

                for (int a = 0; a < k; a++)
                {
                    double xa = x[a][h];
                    if (xa == 0)
                    {
                        continue;
                    }

                    double wa = w * xa;
                    for (int b = a; b < k; b++)
                    {
                        jacobian[a, b] += wa * x[b][h];
                    }
                }
            }

            for (int a = 0; a < k; a++)
            {
                for (int b = 0; b < a; b++)
                {
                    jacobian[a, b] = jacobian[b, a];
                }

                step[a] = targets[a] - achieved[a];
            }

            if (!Solve(jacobian, step))
            {
                throw new ArgumentException("The margins are linearly dependent (for example two margins that always add up to a third); drop the redundant one.", nameof(margins));
            }

            // Damped Newton: halve the step until the largest relative error falls.
            double scale = 1;
            double next;
            do
            {
                for (int a = 0; a < k; a++)
                {
                    trial[a] = lambda[a] + (scale * step[a]);
                }

                next = Evaluate(designWeights, x, trial, targets, weights, achieved);
                scale /= 2;
            }
            while (!(next < error) && scale > 1e-6);

            Array.Copy(trial, lambda, k);
            error = next;
        }

        double minFactor = double.PositiveInfinity, maxFactor = 0;
        for (int h = 0; h < n; h++)
        {
            if (designWeights[h] > 0)
            {
                double f = weights[h] / designWeights[h];
                minFactor = Math.Min(minFactor, f);
                maxFactor = Math.Max(maxFactor, f);
            }
        }

        var results = new RakingMarginResult[k];
        for (int j = 0; j < k; j++)
        {
            results[j] = new RakingMarginResult(margins[j].Name, targets[j], before[j], achieved[j]);
        }

        return new RakingResult(weights, error <= options.Tolerance, iterations, error, results, minFactor, maxFactor);
    }

    /// <summary>A population with the raked weights (every other column shared with <paramref name="population"/>).</summary>
    /// <param name="population">The population the weights were raked for.</param>
    /// <param name="result">The raking result.</param>
    /// <exception cref="ArgumentException">The result has a different number of households, or did not converge.</exception>
    public static Population Apply(Population population, RakingResult result)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Weights.Length != population.HouseholdCount)
        {
            throw new ArgumentException($"The raking result has {result.Weights.Length} weights but the population has {population.HouseholdCount} households.", nameof(result));
        }

        if (!result.Converged)
        {
            throw new ArgumentException($"The raking did not converge ({result.MaxRelativeError:E2} relative error after {result.Iterations} iterations); its weights are not applied.", nameof(result));
        }

        return PopulationDerivation.With(population, weights: (double[])result.Weights.Clone());
    }

    private static double Evaluate(ReadOnlySpan<double> design, double[][] x, double[] lambda, double[] targets, double[] weights, double[] achieved)
    {
        int k = lambda.Length;
        Array.Clear(achieved);
        for (int h = 0; h < design.Length; h++)
        {
            double exponent = 0;
            for (int a = 0; a < k; a++)
            {
                exponent += x[a][h] * lambda[a];
            }

            double w = design[h] * Math.Exp(Math.Min(exponent, 700));
            weights[h] = w;
            for (int a = 0; a < k; a++)
            {
                achieved[a] += w * x[a][h];
            }
        }

        double error = 0;
        for (int a = 0; a < k; a++)
        {
            error = Math.Max(error, Math.Abs(achieved[a] - targets[a]) / targets[a]);
        }

        return double.IsFinite(error) ? error : double.PositiveInfinity;
    }

    /// <summary>Solves A·x = b in place (b becomes x) by Gaussian elimination with partial pivoting; false when singular.</summary>
    private static bool Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        double scale = 0;
        for (int i = 0; i < n; i++)
        {
            scale = Math.Max(scale, Math.Abs(a[i, i]));
        }

        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(a[pivot, col]) <= scale * 1e-13)
            {
                return false;
            }

            if (pivot != col)
            {
                for (int c = 0; c < n; c++)
                {
                    (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
                }

                (b[col], b[pivot]) = (b[pivot], b[col]);
            }

            for (int r = col + 1; r < n; r++)
            {
                double f = a[r, col] / a[col, col];
                if (f == 0)
                {
                    continue;
                }

                for (int c = col; c < n; c++)
                {
                    a[r, c] -= f * a[col, c];
                }

                b[r] -= f * b[col];
            }
        }

        for (int r = n - 1; r >= 0; r--)
        {
            double s = b[r];
            for (int c = r + 1; c < n; c++)
            {
                s -= a[r, c] * b[c];
            }

            b[r] = s / a[r, r];
        }

        return true;
    }
}
