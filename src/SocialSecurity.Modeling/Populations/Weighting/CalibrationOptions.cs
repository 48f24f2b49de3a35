namespace SocialSecurity.Modeling.Populations.Weighting;

/// <summary>
/// The calibration method, its bounds on the weight ratio wₕ/dₕ and the convergence settings for
/// <see cref="WeightCalibration.Calibrate"/>. Create with <see cref="Linear"/>, <see cref="Raking"/>,
/// <see cref="TruncatedLinear"/> or <see cref="Logit"/>, then adjust <see cref="MaxIterations"/> or
/// <see cref="Tolerance"/> with <see langword="with"/>.
/// </summary>
public sealed record CalibrationOptions
{
    private CalibrationOptions(CalibrationMethod method, double lowerBound, double upperBound)
    {
        Method = method;
        LowerBound = lowerBound;
        UpperBound = upperBound;
    }

    /// <summary>The distance function.</summary>
    public CalibrationMethod Method { get; }

    /// <summary>
    /// The lower bound L on wₕ/dₕ: set for <see cref="CalibrationMethod.TruncatedLinear"/> and
    /// <see cref="CalibrationMethod.Logit"/>; −∞ for linear and 0 (strict) for raking ratio.
    /// </summary>
    public double LowerBound { get; }

    /// <summary>The upper bound U on wₕ/dₕ: set for the bounded methods; +∞ otherwise.</summary>
    public double UpperBound { get; }

    /// <summary>The largest number of Newton iterations (1–1000). Default 100.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>
    /// Convergence: every margin within this relative error, |achieved − target| / |target| (absolute when the
    /// target is 0); &gt; 0. Default 1e-10.
    /// </summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Whether the method bounds the weight ratios between <see cref="LowerBound"/> and <see cref="UpperBound"/>.</summary>
    public bool IsBounded => Method is CalibrationMethod.TruncatedLinear or CalibrationMethod.Logit;

    /// <summary>Linear (GREG) calibration: closed form, weights may be negative.</summary>
    /// <returns>The options.</returns>
    public static CalibrationOptions Linear() => new(CalibrationMethod.Linear, double.NegativeInfinity, double.PositiveInfinity);

    /// <summary>Raking-ratio (exponential) calibration: positive weights.</summary>
    /// <returns>The options.</returns>
    public static CalibrationOptions Raking() => new(CalibrationMethod.RakingRatio, 0, double.PositiveInfinity);

    /// <summary>Truncated linear calibration with L ≤ wₕ/dₕ ≤ U.</summary>
    /// <param name="lower">L: finite, ≤ 1 and &lt; <paramref name="upper"/> (0 keeps every weight non-negative).</param>
    /// <param name="upper">U: finite, ≥ 1 and &gt; <paramref name="lower"/>.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is outside its range.</exception>
    public static CalibrationOptions TruncatedLinear(double lower, double upper)
    {
        if (!double.IsFinite(lower) || lower > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(lower), lower, "The lower bound of w/d must be finite and ≤ 1.");
        }

        if (!double.IsFinite(upper) || upper < 1 || upper <= lower)
        {
            throw new ArgumentOutOfRangeException(nameof(upper), upper, $"The upper bound of w/d must be finite, ≥ 1 and > the lower bound {lower}.");
        }

        return new(CalibrationMethod.TruncatedLinear, lower, upper);
    }

    /// <summary>Logit calibration with L &lt; wₕ/dₕ &lt; U.</summary>
    /// <param name="lower">L: finite and &lt; 1 (0 keeps every weight positive).</param>
    /// <param name="upper">U: finite and &gt; 1.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is outside its range.</exception>
    public static CalibrationOptions Logit(double lower, double upper)
    {
        if (!double.IsFinite(lower) || lower >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(lower), lower, "The logit lower bound of w/d must be finite and < 1.");
        }

        if (!double.IsFinite(upper) || upper <= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(upper), upper, "The logit upper bound of w/d must be finite and > 1.");
        }

        return new(CalibrationMethod.Logit, lower, upper);
    }

    /// <inheritdoc />
    public override string ToString() => IsBounded
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Method} [{LowerBound}, {UpperBound}]")
        : Method.ToString();
}
