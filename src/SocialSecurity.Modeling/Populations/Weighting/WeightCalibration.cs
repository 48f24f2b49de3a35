using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Weighting;

/// <summary>
/// Calibration of household weights to known totals by the distance functions of Deville &amp; Särndal (1992),
/// "Calibration estimators in survey sampling", JASA 87(418): 376–382, as implemented in INSEE's calmar macro
/// (Sautory 1993): linear (GREG), raking ratio, truncated linear and logit (<see cref="CalibrationMethod"/>).
/// </summary>
/// <remarks>
/// <para>
/// The weights are wₕ = dₕ·F(xₕ·λ), where dₕ is the design weight, xₕ the household's auxiliary values (numeric
/// margins and category indicators) and λ solves the calibration equations Σ wₕxₕ = T. The equations are solved by
/// Newton's method on λ, damped by a line search on the convex dual Φ(λ) = Σ dₕΨ(xₕ·λ) − λ·T (Ψ′ = F); linear
/// calibration converges in one step, the closed form λ = (Σ dₕxₕxₕᵀ)⁻¹(T − Σ dₕxₕ). Numeric columns are scaled by
/// their design-weighted mean absolute value so that counts and incomes in yuan can be mixed.
/// </para>
/// <para>
/// Redundant equations are dropped when their totals agree (as calmar drops one category of every categorical
/// margin after the first, since each categorical margin's categories add up to the household count); when they
/// disagree the margins are inconsistent and the call fails naming the margins. With the bounded methods, a margin
/// whose total is out of reach within the bounds fails before iterating, and a calibration that still misses a
/// margin after <see cref="CalibrationOptions.MaxIterations"/> fails naming the worst margin: the bounds are then
/// jointly infeasible (or need more iterations). Unbounded methods return <see cref="CalibrationResult.Converged"/>
/// = false instead, and <see cref="Apply"/> refuses such results.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var margins = new[]
/// {
///     CalibrationMargin.Categorical("area", areaCodes, [41_000_000, 24_770_000]),
///     CalibrationMargin.Numeric("persons_65_plus", aged65, 9_800_000),
///     CalibrationMargin.Numeric("income", householdIncome, 3.9e12),
/// };
/// CalibrationResult result = WeightCalibration.Calibrate(population.Weight, margins, CalibrationOptions.Logit(0.4, 2.5));
/// Population calibrated = WeightCalibration.Apply(population, result);
/// </code>
/// </example>
public static class WeightCalibration
{
    private const int MaxEquations = 500;

    /// <summary>Calibrates design weights to the margins.</summary>
    /// <param name="designWeights">The starting weights dₕ, finite and ≥ 0, one per household (households with dₕ = 0 keep weight 0).</param>
    /// <param name="margins">The margins, each with one value or category per household; at most 500 equations in all.</param>
    /// <param name="options">The method and its bounds (<see cref="CalibrationOptions.Linear"/> and so on).</param>
    /// <returns>The weights and their report; check <see cref="CalibrationResult.Converged"/>.</returns>
    /// <exception cref="ArgumentException">A margin has the wrong length; the margins are inconsistent (a margin is
    /// determined by others but its total disagrees, or is zero for every household but has a non-zero total); a
    /// margin is out of reach within the method's bounds; or a bounded calibration did not meet a margin.</exception>
    public static CalibrationResult Calibrate(ReadOnlySpan<double> designWeights, IReadOnlyList<CalibrationMargin> margins, CalibrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(margins);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxIterations is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxIterations, "MaxIterations must be between 1 and 1000.");
        }

        if (!(options.Tolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Tolerance, "Tolerance must be > 0.");
        }

        int n = designWeights.Length;
        bool anyPositive = false;
        for (int h = 0; h < n; h++)
        {
            if (!double.IsFinite(designWeights[h]) || designWeights[h] < 0)
            {
                throw new ArgumentException($"Design weight of household {h} is {designWeights[h]}; expected a finite number ≥ 0.", nameof(designWeights));
            }

            anyPositive |= designWeights[h] > 0;
        }

        if (!anyPositive)
        {
            throw new ArgumentException("No household has a positive design weight.", nameof(designWeights));
        }

        var system = CalibrationSystem.Build(designWeights, margins, MaxEquations);
        system.DropRedundant(options.Tolerance);
        system.CheckReachable(designWeights, options);
        return system.Solve(designWeights, options);
    }

    /// <summary>A population with the calibrated weights (every other column shared with <paramref name="population"/>).</summary>
    /// <param name="population">The population the weights were calibrated for.</param>
    /// <param name="result">The calibration result.</param>
    /// <returns>The reweighted population.</returns>
    /// <exception cref="ArgumentException">The result has a different number of households, did not converge, or has negative weights (linear calibration; use a bounded method with L ≥ 0).</exception>
    /// <exception cref="PopulationValidationException">A weight is not finite, or the total weight is 0 or overflows (a result built or altered by hand).</exception>
    public static Population Apply(Population population, CalibrationResult result)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Weights.Length != population.HouseholdCount)
        {
            throw new ArgumentException($"The calibration result has {result.Weights.Length} weights but the population has {population.HouseholdCount} households.", nameof(result));
        }

        if (!result.Converged)
        {
            throw new ArgumentException($"The calibration did not converge ({result.MaxRelativeError:E2} relative error after {result.Iterations} iterations); its weights are not applied.", nameof(result));
        }

        if (result.Spread.NegativeWeights > 0)
        {
            throw new ArgumentException($"The calibration gave {result.Spread.NegativeWeights} negative weight(s) (min w/d {result.Spread.MinRatio:0.###}); use truncated linear or logit calibration with a lower bound ≥ 0.", nameof(result));
        }

        var weights = (double[])result.Weights.Clone();
        PopulationBuilder.CheckWeights(weights, population.HouseholdId);
        return PopulationDerivation.With(population, [(PopulationSchema.Weight, weights)]);
    }
}
