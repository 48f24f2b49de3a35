using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace SocialSecurity.Modeling.Populations.Weighting;

/// <summary>
/// The calibration equations Σ wₕxₕ = T of <see cref="WeightCalibration"/> as columns (numeric margins scaled to
/// order one, categorical margins as indicators stored by category code), the detection of redundant or
/// inconsistent equations, the reachability check for bounded methods and the damped Newton solver.
/// </summary>
internal sealed class CalibrationSystem
{
    private readonly List<string> labels = [];
    private readonly List<double> targets = [];   // unscaled
    private readonly List<double> scales = [];    // column = x / scale
    private readonly List<(int Column, double[] Values)> numeric = [];
    private readonly List<(int[] Codes, int FirstColumn)> categorical = [];
    private double[] before = [];
    private double[,] gram = new double[0, 0];    // Σ d x̃ x̃ᵀ over all columns, scaled
    private int[] position = [];                  // column → index in λ, or −1 when dropped as redundant
    private int[] rowStart = [];                  // household h's non-zero scaled values are entries rowStart[h]..rowStart[h + 1]
    private int[] entryColumn = [];               // in the order numeric margins, then categorical margins
    private double[] entryValue = [];             // the scaled value x̃
    private int[] entryPosition = [];             // the entry's index in λ (position[entryColumn[e]]), set once per solve
    private int unknowns;

    private int Columns => labels.Count;

    public static CalibrationSystem Build(ReadOnlySpan<double> design, IReadOnlyList<CalibrationMargin> margins, int maxEquations)
    {
        var system = new CalibrationSystem();
        int n = design.Length;
        if (margins.Count == 0)
        {
            throw new ArgumentException("Expected at least one margin.", nameof(margins));
        }

        for (int m = 0; m < margins.Count; m++)
        {
            var margin = margins[m] ?? throw new ArgumentException($"Margin {m} is null.", nameof(margins));
            if (margin.Length != n)
            {
                throw new ArgumentException($"Margin '{margin.Name}' has {margin.Length} values; expected one per household ({n}).", nameof(margins));
            }

            if (system.Columns + margin.Count > maxEquations)
            {
                throw new ArgumentException($"The margins give more than {maxEquations} calibration equations (at margin '{margin.Name}').", nameof(margins));
            }

            if (margin.CategoryCodes is { } codes)
            {
                system.categorical.Add((codes, system.Columns));
                for (int c = 0; c < margin.Count; c++)
                {
                    system.Add(margin.Label(c), margin.TotalsColumn[c], 1);
                }
            }
            else
            {
                double[] values = margin.NumericValues!;
                double absolute = 0, weight = 0;
                for (int h = 0; h < n; h++)
                {
                    absolute += design[h] * Math.Abs(values[h]);
                    weight += design[h];
                }

                system.numeric.Add((system.Columns, values));
                system.Add(margin.Name, margin.TotalsColumn[0], absolute > 0 ? absolute / weight : 1);
            }
        }

        system.Accumulate(design);
        return system;
    }

    /// <summary>
    /// Drops equations that are linear combinations of earlier ones over the households with a positive design weight
    /// when their totals agree, and fails naming the margins when they disagree (incremental Cholesky of the Gram matrix).
    /// </summary>
    public void DropRedundant(double tolerance)
    {
        int k = Columns;
        position = new int[k];
        var kept = new List<int>();
        var factor = new double[k, k];   // lower-triangular Cholesky factor over the kept columns
        var y = new double[k];
        for (int j = 0; j < k; j++)
        {
            int p = kept.Count;
            for (int i = 0; i < p; i++)
            {
                double s = gram[kept[i], j];
                for (int l = 0; l < i; l++)
                {
                    s -= factor[i, l] * y[l];
                }

                y[i] = s / factor[i, i];
            }

            double residual = gram[j, j];
            for (int i = 0; i < p; i++)
            {
                residual -= y[i] * y[i];
            }

            if (residual > 1e-10 * gram[j, j])
            {
                for (int i = 0; i < p; i++)
                {
                    factor[p, i] = y[i];
                }

                factor[p, p] = Math.Sqrt(residual);
                position[j] = p;
                kept.Add(j);
                continue;
            }

            // Dependent: x̃ⱼ = Σ cᵢ x̃_kept(i), with Lᵀc = y.
            var coefficients = new double[p];
            for (int i = p - 1; i >= 0; i--)
            {
                double s = y[i];
                for (int l = i + 1; l < p; l++)
                {
                    s -= factor[l, i] * coefficients[l];
                }

                coefficients[i] = s / factor[i, i];
            }

            double implied = 0, size = 0;
            var involved = new List<string>();
            for (int i = 0; i < p; i++)
            {
                double term = coefficients[i] * targets[kept[i]] / scales[kept[i]];
                implied += term;
                size += Math.Abs(term);
                if (Math.Abs(coefficients[i]) > 1e-9)
                {
                    involved.Add($"'{labels[kept[i]]}'");
                }
            }

            implied *= scales[j];
            size *= scales[j];
            double target = targets[j];
            if (Math.Abs(target - implied) > tolerance * Math.Max(Math.Max(Math.Abs(target), size), gram[j, j] == 0 ? 1 : 0))
            {
                throw new ArgumentException(gram[j, j] == 0
                    ? $"Margin '{labels[j]}' is zero for every household with a positive design weight, so its total {Format(target)} cannot be reached."
                    : $"The margins are inconsistent: margin '{labels[j]}' is determined by {string.Join(", ", involved)} over the sample, whose totals imply {Format(implied)}, but its total is {Format(target)}.");
            }

            position[j] = -1;
        }

        unknowns = kept.Count;
    }

    /// <summary>
    /// Fails naming the margin when one equation alone cannot be met with weight ratios within the method's bounds
    /// (for the raking ratio, positive weights): its total must lie within [Σ dₕ·min(Lxₕ, Uxₕ), Σ dₕ·max(Lxₕ, Uxₕ)].
    /// </summary>
    public void CheckReachable(ReadOnlySpan<double> design, CalibrationOptions options)
    {
        if (options.Method == CalibrationMethod.Linear)
        {
            return;
        }

        double lower = options.LowerBound, upper = options.UpperBound;
        bool strict = options.Method != CalibrationMethod.TruncatedLinear;
        int k = Columns;
        var low = new double[k];
        var high = new double[k];
        for (int h = 0; h < design.Length; h++)
        {
            double d = design[h];
            if (d == 0)
            {
                continue;
            }

            for (int e = rowStart[h]; e < rowStart[h + 1]; e++)
            {
                int j = entryColumn[e];
                double x = entryValue[e] * scales[j];
                low[j] += x > 0 ? d * lower * x : (double.IsPositiveInfinity(upper) ? double.NegativeInfinity : d * upper * x);
                high[j] += x > 0 ? (double.IsPositiveInfinity(upper) ? double.PositiveInfinity : d * upper * x) : d * lower * x;
            }
        }

        for (int j = 0; j < k; j++)
        {
            double target = targets[j];
            double slack = 1e-12 * Math.Max(Math.Abs(target), 1);
            bool reachable = strict && low[j] < high[j]
                ? target > low[j] && target < high[j]
                : target >= low[j] - slack && target <= high[j] + slack;
            if (!reachable)
            {
                string range = strict ? $"({Format(low[j])}, {Format(high[j])})" : $"[{Format(low[j])}, {Format(high[j])}]";
                string bounds = options.Method == CalibrationMethod.RakingRatio
                    ? "raking-ratio weights are positive"
                    : $"with w/d {(strict ? "strictly " : string.Empty)}within [{Format(lower)}, {Format(upper)}]";
                throw new ArgumentException($"Margin '{labels[j]}' cannot be met: {bounds}, its total can only be in {range}, not {Format(target)}. The bounds make the calibration infeasible; widen them or check the margin.");
            }
        }
    }

    public CalibrationResult Solve(ReadOnlySpan<double> design, CalibrationOptions options)
    {
        int n = design.Length, k = Columns, m = unknowns;
        var distance = new CalibrationDistance(options);
        var lambda = new double[m];
        var trial = new double[m];
        var step = new double[m];
        var weights = new double[n];
        var trialWeights = new double[n];
        var dots = new double[n];        // x̃ₕ·λ at the current λ, kept from its evaluation for the next Jacobian
        var trialDots = new double[n];
        var achieved = new double[k];
        var trialAchieved = new double[k];
        var scaledTargets = new double[m];
        var fallback = Matrix<double>.Build.Dense(m, m);
        var jacobianSums = new double[m, m];
        entryPosition = new int[entryColumn.Length];
        for (int e = 0; e < entryPosition.Length; e++)
        {
            entryPosition[e] = position[entryColumn[e]];
        }

        for (int j = 0; j < k; j++)
        {
            if (position[j] >= 0)
            {
                scaledTargets[position[j]] = targets[j] / scales[j];
                for (int l = 0; l < k; l++)
                {
                    if (position[l] >= 0)
                    {
                        fallback[position[j], position[l]] = gram[j, l];
                    }
                }
            }
        }

        double dual = Evaluate(design, distance, lambda, scaledTargets, weights, achieved, dots);
        double error = MaxRelativeError(achieved);
        int iterations = 0;
        while (error > options.Tolerance && iterations < options.MaxIterations)
        {
            iterations++;
            Array.Clear(jacobianSums);
            var gradient = Vector<double>.Build.Dense(m);
            for (int j = 0; j < k; j++)
            {
                if (position[j] >= 0)
                {
                    gradient[position[j]] = (achieved[j] / scales[j]) - scaledTargets[position[j]];
                }
            }

            for (int h = 0; h < n; h++)
            {
                if (design[h] == 0)
                {
                    continue;
                }

                double slope = design[h] * distance.Slope(dots[h]);
                if (slope == 0)
                {
                    continue;
                }

                int end = rowStart[h + 1];
                for (int ea = rowStart[h]; ea < end; ea++)
                {
                    int pa = entryPosition[ea];
                    if (pa < 0)
                    {
                        continue;
                    }

                    double sa = slope * entryValue[ea];
                    for (int eb = rowStart[h]; eb < end; eb++)
                    {
                        int pb = entryPosition[eb];
                        if (pb >= 0)
                        {
                            jacobianSums[pa, pb] += sa * entryValue[eb];
                        }
                    }
                }
            }

            // Where the Jacobian is singular or ill-conditioned (truncated linear with many households at a bound, or
            // weights underflowing), the positive definite Σ dx̃x̃ᵀ still gives a descent direction for the dual.
            Vector<double>? direction = NewtonDirection(Matrix<double>.Build.DenseOfArray(jacobianSums), gradient, conditioned: true)
                                        ?? NewtonDirection(fallback, gradient, conditioned: false);
            if (direction is null)
            {
                break;
            }

            for (int a = 0; a < m; a++)
            {
                step[a] = direction[a];
            }

            double slopeAlong = gradient.DotProduct(direction);

            // Backtracking line search on the convex dual; accept a step that lowers the margin error as well, since
            // near the solution rounding hides the dual's decrease.
            bool accepted = false;
            double t = 1;
            for (int attempt = 0; attempt < 60 && !accepted; attempt++, t /= 2)
            {
                for (int a = 0; a < m; a++)
                {
                    trial[a] = lambda[a] + (t * step[a]);
                }

                double trialDual = Evaluate(design, distance, trial, scaledTargets, trialWeights, trialAchieved, trialDots);
                double trialError = MaxRelativeError(trialAchieved);
                if (trialDual <= dual + (1e-4 * t * slopeAlong) || trialError < error)
                {
                    accepted = true;
                    (lambda, trial) = (trial, lambda);
                    (weights, trialWeights) = (trialWeights, weights);
                    (achieved, trialAchieved) = (trialAchieved, achieved);
                    (dots, trialDots) = (trialDots, dots);
                    dual = trialDual;
                    error = trialError;
                }
            }

            if (!accepted)
            {
                break;
            }
        }

        var margins = new CalibrationMarginResult[k];
        int worst = 0;
        for (int j = 0; j < k; j++)
        {
            margins[j] = new CalibrationMarginResult(labels[j], targets[j], before[j], achieved[j]);
            if (margins[j].RelativeError > margins[worst].RelativeError)
            {
                worst = j;
            }
        }

        bool converged = error <= options.Tolerance;
        if (!converged && options.IsBounded)
        {
            var w = margins[worst];
            throw new ArgumentException($"{options} calibration did not meet margin '{w.Name}' after {iterations} iteration(s): achieved {Format(w.Achieved)} against a total of {Format(w.Target)} (relative error {w.RelativeError:E2}). The bounds probably make the margins jointly infeasible; widen them (or raise MaxIterations).");
        }

        return new CalibrationResult(weights, options, converged, iterations, error, margins, WeightSpread.Of(design, weights));
    }

    private static Vector<double>? NewtonDirection(Matrix<double> jacobian, Vector<double> gradient, bool conditioned)
    {
        try
        {
            var cholesky = jacobian.Cholesky();
            var factor = cholesky.Factor;
            double smallest = double.PositiveInfinity, largest = 0;
            for (int i = 0; i < factor.RowCount; i++)
            {
                smallest = Math.Min(smallest, Math.Abs(factor[i, i]));
                largest = Math.Max(largest, Math.Abs(factor[i, i]));
            }

            if (conditioned && !(smallest > 1e-7 * largest))
            {
                return null;
            }

            var direction = cholesky.Solve(gradient.Negate());
            return direction.All(double.IsFinite) ? direction : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Format(double value) => value.ToString("G10", CultureInfo.InvariantCulture);

    private void Add(string label, double target, double scale)
    {
        labels.Add(label);
        targets.Add(target);
        scales.Add(scale);
    }

    /// <summary>The households' non-zero scaled values (once: every pass reads them), Σ d x (unscaled) and the scaled Gram matrix over all columns.</summary>
    private void Accumulate(ReadOnlySpan<double> design)
    {
        StoreRows(design.Length);
        int k = Columns;
        before = new double[k];
        gram = new double[k, k];
        for (int h = 0; h < design.Length; h++)
        {
            double d = design[h];
            if (d == 0)
            {
                continue;
            }

            int end = rowStart[h + 1];
            for (int ea = rowStart[h]; ea < end; ea++)
            {
                int a = entryColumn[ea];
                double xa = entryValue[ea];
                before[a] += d * xa * scales[a];
                for (int eb = rowStart[h]; eb < end; eb++)
                {
                    gram[a, entryColumn[eb]] += d * xa * entryValue[eb];
                }
            }
        }
    }

    /// <summary>
    /// Stores each household's non-zero scaled values x̃ = x / scale (numeric margins with x ≠ 0, in margin order, then
    /// one indicator per categorical margin) as sparse rows.
    /// </summary>
    private void StoreRows(int households)
    {
        rowStart = new int[households + 1];
        int entries = 0;
        for (int h = 0; h < households; h++)
        {
            rowStart[h] = entries;
            foreach (var (_, values) in numeric)
            {
                entries += values[h] != 0 ? 1 : 0;
            }

            entries += categorical.Count;
        }

        rowStart[households] = entries;
        entryColumn = new int[entries];
        entryValue = new double[entries];
        int e = 0;
        for (int h = 0; h < households; h++)
        {
            foreach (var (column, values) in numeric)
            {
                if (values[h] != 0)
                {
                    entryColumn[e] = column;
                    entryValue[e++] = values[h] / scales[column];
                }
            }

            foreach (var (codes, first) in categorical)
            {
                entryColumn[e] = first + codes[h];
                entryValue[e++] = 1;
            }
        }
    }

    /// <summary>u = x̃ₕ·λ over the equations kept.</summary>
    private double Dot(int h, double[] lambda)
    {
        double u = 0;
        int end = rowStart[h + 1];
        for (int e = rowStart[h]; e < end; e++)
        {
            int p = entryPosition[e];
            if (p >= 0)
            {
                u += entryValue[e] * lambda[p];
            }
        }

        return u;
    }

    /// <summary>Weights, unscaled achieved totals, each household's x̃·λ (for the Jacobian at λ) and the dual Φ(λ) = Σ dΨ(x̃·λ) − λ·T̃.</summary>
    private double Evaluate(ReadOnlySpan<double> design, CalibrationDistance distance, double[] lambda, double[] scaledTargets, double[] weights, double[] achieved, double[] dots)
    {
        Array.Clear(achieved);
        double dual = 0;
        for (int h = 0; h < design.Length; h++)
        {
            double d = design[h];
            if (d == 0)
            {
                weights[h] = 0;
                continue;
            }

            double u = Dot(h, lambda);
            dots[h] = u;
            double w = d * distance.Ratio(u);
            weights[h] = w;
            dual += d * distance.Primitive(u);
            int end = rowStart[h + 1];
            for (int e = rowStart[h]; e < end; e++)
            {
                int j = entryColumn[e];
                achieved[j] += w * entryValue[e] * scales[j];
            }
        }

        for (int a = 0; a < lambda.Length; a++)
        {
            dual -= lambda[a] * scaledTargets[a];
        }

        return double.IsFinite(dual) ? dual : double.PositiveInfinity;
    }

    private double MaxRelativeError(double[] achieved)
    {
        double error = 0;
        for (int j = 0; j < achieved.Length; j++)
        {
            double target = targets[j];
            double e = Math.Abs(achieved[j] - target) / (target == 0 ? 1 : Math.Abs(target));
            error = Math.Max(error, double.IsFinite(e) ? e : double.PositiveInfinity);
        }

        return error;
    }
}
