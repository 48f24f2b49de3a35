namespace SocialSecurity.Modeling.Populations.Weighting;

/// <summary>
/// The distance functions of Deville &amp; Särndal (1992), "Calibration estimators in survey sampling", JASA 87(418),
/// as numbered in INSEE's calmar macro. Each gives calibrated weights wₕ = dₕ·F(xₕ·λ) for a calibration function F
/// with F(0) = 1 and F′(0) = 1, where dₕ is the design weight, xₕ the household's auxiliary values and λ the
/// Lagrange multipliers that make Σ wₕ·xₕ meet the totals.
/// </summary>
public enum CalibrationMethod
{
    /// <summary>
    /// Linear (chi-square distance, calmar method 1, the GREG weights): F(u) = 1 + u. The solution has a closed form,
    /// λ = (Σ dₕxₕxₕᵀ)⁻¹(T − Σ dₕxₕ); weight ratios are unbounded and may be negative.
    /// </summary>
    Linear,

    /// <summary>
    /// Raking ratio (multiplicative, calmar method 2): F(u) = exp(u). Weight ratios are positive but unbounded; on
    /// categorical margins it gives the iterative proportional fitting solution.
    /// </summary>
    RakingRatio,

    /// <summary>
    /// Truncated linear (calmar method 4): F(u) = min(max(1 + u, L), U), so that L ≤ wₕ/dₕ ≤ U. Solved iteratively.
    /// </summary>
    TruncatedLinear,

    /// <summary>
    /// Logit (calmar method 3): F(u) = [L(U − 1) + U(1 − L)e^{Au}] / [(U − 1) + (1 − L)e^{Au}] with
    /// A = (U − L)/((1 − L)(U − 1)), so that L &lt; wₕ/dₕ &lt; U strictly. Solved iteratively.
    /// </summary>
    Logit,
}
