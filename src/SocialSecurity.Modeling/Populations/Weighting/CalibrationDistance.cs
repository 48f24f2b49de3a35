namespace SocialSecurity.Modeling.Populations.Weighting;

/// <summary>
/// The calibration function F (wₕ = dₕ·F(u), u = xₕ·λ), its derivative F′ and its primitive Ψ (Ψ′ = F, Ψ(0) = 0)
/// for one <see cref="CalibrationMethod"/>. Ψ defines the convex dual Φ(λ) = Σ dₕΨ(xₕ·λ) − λ·T whose gradient is the
/// margin error Σ wₕxₕ − T, so Newton steps can be damped by a line search on Φ (Deville &amp; Särndal 1992, §3).
/// </summary>
internal readonly struct CalibrationDistance
{
    private readonly CalibrationMethod method;
    private readonly double lower;
    private readonly double upper;
    private readonly double a;
    private readonly double c;

    public CalibrationDistance(CalibrationOptions options)
    {
        method = options.Method;
        lower = options.LowerBound;
        upper = options.UpperBound;
        if (method == CalibrationMethod.Logit)
        {
            a = (upper - lower) / ((1 - lower) * (upper - 1));
            c = Math.Log((1 - lower) / (upper - 1));
        }
    }

    /// <summary>F(u) = w/d.</summary>
    public double Ratio(double u) => method switch
    {
        CalibrationMethod.Linear => 1 + u,
        CalibrationMethod.RakingRatio => Math.Exp(Math.Min(u, 700)),
        CalibrationMethod.TruncatedLinear => Math.Clamp(1 + u, lower, upper),
        _ => lower + ((upper - lower) * Sigmoid((a * u) + c)),
    };

    /// <summary>F′(u).</summary>
    public double Slope(double u)
    {
        switch (method)
        {
            case CalibrationMethod.Linear:
                return 1;
            case CalibrationMethod.RakingRatio:
                return Math.Exp(Math.Min(u, 700));
            case CalibrationMethod.TruncatedLinear:
                double r = 1 + u;
                return r > lower && r < upper ? 1 : 0;
            default:
                double s = Sigmoid((a * u) + c);
                return (upper - lower) * a * s * (1 - s);
        }
    }

    /// <summary>Ψ(u), the primitive of F with Ψ(0) = 0 (up to a constant for the logit, which Φ's differences ignore).</summary>
    public double Primitive(double u)
    {
        switch (method)
        {
            case CalibrationMethod.Linear:
                return u + (u * u / 2);
            case CalibrationMethod.RakingRatio:
                return u > 700 ? double.PositiveInfinity : Math.Exp(u) - 1;
            case CalibrationMethod.TruncatedLinear:
                double ul = lower - 1, uu = upper - 1;
                if (u < ul)
                {
                    return ul + (ul * ul / 2) + (lower * (u - ul));
                }

                if (u > uu)
                {
                    return uu + (uu * uu / 2) + (upper * (u - uu));
                }

                return u + (u * u / 2);
            default:
                return (lower * u) + ((upper - lower) / a * Softplus((a * u) + c));
        }
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private static double Softplus(double z) => z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));
}
