using System.Buffers;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Weighted quickselect (expected O(n), no full sort) for the <see cref="QuantileRule.Laeken"/>,
/// <see cref="QuantileRule.Convey"/> and <see cref="QuantileRule.School"/> rules at 0 &lt; p &lt; 1.
/// </summary>
/// <remarks>
/// The reference rules compare sequential cumulative sums taken in sorted order; selection sums the weights in
/// another order. Each partial sum of n non-negative terms is within <c>(n−1)·u·W</c> of the exact sum whatever the
/// order (u = 2⁻⁵³), so when both cumulative weights bracketing the selected value lie farther than
/// <c>4·n·u·W + 8u·W</c> from <c>p·W</c> the sequential rule must pick the same value. Otherwise (an exact or
/// near-exact hit) <see cref="TrySelect"/> returns false and the caller uses the exact sort-based path. The
/// outcome is therefore always identical to the sort-based rule.
/// </remarks>
internal static class WeightedSelection
{
    private const double UnitRoundoff = 1.1102230246251565e-16;

    internal static bool TrySelect(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double p, QuantileRule rule,
        out double result)
    {
        result = double.NaN;
        int n = values.Length;
        var dpool = ArrayPool<double>.Shared;
        double[] xa = dpool.Rent(n), wa = dpool.Rent(n), xb = dpool.Rent(n), wb = dpool.Rent(n);
        try
        {
            bool strict = rule == QuantileRule.Laeken;

            // Total weight and the first pivot (median of three, deterministic).
            double total = 0.0;
            if (weights.IsEmpty)
            {
                total = n;
            }
            else
            {
                for (int i = 0; i < weights.Length; i++)
                {
                    total += weights[i];
                }
            }

            double target = p * total;
            double pivot = MedianOfThree(values[0], values[n / 2], values[n - 1]);

            // First pass reads the input directly (dropping zero weights) into buffer A.
            int len = n, nl = 0, ng = 0, count = 0;
            double wl = 0.0, we = 0.0;
            for (int i = 0; i < n; i++)
            {
                double w = weights.IsEmpty ? 1.0 : weights[i];
                if (w == 0.0)
                {
                    continue;
                }

                count++;
                double x = values[i];
                if (x < pivot)
                {
                    xa[nl] = x;
                    wa[nl++] = w;
                    wl += w;
                }
                else if (x > pivot)
                {
                    ng++;
                    xa[len - ng] = x;
                    wa[len - ng] = w;
                }
                else
                {
                    we += w;
                }
            }

            double margin = (4.0 * count * UnitRoundoff * total) + (8.0 * UnitRoundoff * total);
            double acc = 0.0;
            double[] sx = xa, sw = wa, dx = xb, dw = wb;
            int iterations = 0;
            while (true)
            {
                bool goLeft = strict ? acc + wl > target : acc + wl >= target;
                int start, size;
                if (goLeft)
                {
                    start = 0;
                    size = nl;
                }
                else
                {
                    bool hit = strict ? acc + wl + we > target : acc + wl + we >= target;
                    if (hit)
                    {
                        double below = acc + wl, upto = acc + wl + we;
                        if (Math.Abs(below - target) <= margin || Math.Abs(upto - target) <= margin)
                        {
                            return false;
                        }

                        result = pivot;
                        return true;
                    }

                    acc += wl + we;
                    start = len - ng;
                    size = ng;
                }

                if (size == 0 || ++iterations > 200)
                {
                    return false; // rounding at the extremes or a pathological input: use the exact path
                }

                var srcX = sx.AsSpan(start, size);
                var srcW = sw.AsSpan(start, size);
                pivot = MedianOfThree(srcX[0], srcX[size / 2], srcX[size - 1]);
                len = size;
                nl = 0;
                ng = 0;
                wl = 0.0;
                we = 0.0;
                for (int i = 0; i < srcX.Length; i++)
                {
                    double x = srcX[i], w = srcW[i];
                    if (x < pivot)
                    {
                        dx[nl] = x;
                        dw[nl++] = w;
                        wl += w;
                    }
                    else if (x > pivot)
                    {
                        ng++;
                        dx[len - ng] = x;
                        dw[len - ng] = w;
                    }
                    else
                    {
                        we += w;
                    }
                }

                (sx, dx) = (dx, sx);
                (sw, dw) = (dw, sw);
            }
        }
        finally
        {
            dpool.Return(xa);
            dpool.Return(wa);
            dpool.Return(xb);
            dpool.Return(wb);
        }
    }

    private static double MedianOfThree(double a, double b, double c)
    {
        if (a > b)
        {
            (a, b) = (b, a);
        }

        if (b > c)
        {
            b = c;
        }

        return a > b ? a : b;
    }
}
