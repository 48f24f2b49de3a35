namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Points of an empirical Lorenz (or concentration) curve, one per observation with (0, 0) prepended, as
/// <c>ineq::Lc(x, n = w)</c>: <c>P[i] = C_i/W</c>, <c>L[i] = Σ_{j≤i} w_j x_j / T</c>. Join them with straight lines.
/// </summary>
public sealed class LorenzCurve
{
    internal LorenzCurve(double[] p, double[] l, double mean)
    {
        P = p;
        L = l;
        Mean = mean;
    }

    /// <summary>Cumulative population shares, starting at 0 and ending at 1.</summary>
    public double[] P { get; }

    /// <summary>Cumulative income shares, starting at 0 and ending at 1.</summary>
    public double[] L { get; }

    /// <summary>The weighted mean μ of the variable cumulated.</summary>
    public double Mean { get; }

    /// <summary>Generalised Lorenz ordinates <c>μ·L</c> (<c>ineq::Lc(...)$L.general</c>).</summary>
    public double[] GeneralizedL
    {
        get
        {
            var g = new double[L.Length];
            for (int i = 0; i < g.Length; i++)
            {
                g[i] = L[i] * Mean;
            }

            return g;
        }
    }
}
