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
            int len = n, count = 0;
            Partition part;
            if (weights.IsEmpty)
            {
                part = Partition.Run(values, default, pivot, xa, wa, len, dropZeroWeights: false);
                count = n;
            }
            else
            {
                part = Partition.Run(values, weights, pivot, xa, wa, len, dropZeroWeights: true);
                count = part.Kept;
            }

            int nl = part.Less, ng = part.Greater;
            double wl = part.LessWeight, we = part.EqualWeight;

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
                part = Partition.Run(srcX, srcW, pivot, dx, dw, len, dropZeroWeights: false);
                nl = part.Less;
                ng = part.Greater;
                wl = part.LessWeight;
                we = part.EqualWeight;

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

    /// <summary>Out-of-place three-way partition around a pivot: less to the front, greater to the back, equal only summed.</summary>
    private struct Partition
    {
        internal int Less;
        internal int Greater;
        internal int Kept;
        internal double LessWeight;
        internal double EqualWeight;

        /// <summary>
        /// Branch-free partition of <paramref name="x"/> (weights <paramref name="w"/>, empty = 1) into
        /// <paramref name="dx"/>/<paramref name="dw"/>[0, len): every element is written to both candidate slots and
        /// only the matching counter advances, so mispredicted branches do not dominate on random data.
        /// </summary>
        internal static Partition Run(ReadOnlySpan<double> x, ReadOnlySpan<double> w, double pivot, double[] dx, double[] dw,
            int len, bool dropZeroWeights)
        {
            int nl = 0, ng = 0, kept = 0;
            double wl = 0.0, we = 0.0;
            var tx = dx.AsSpan(0, len);
            var tw = dw.AsSpan(0, len);
            bool unit = w.IsEmpty;
            for (int i = 0; i < x.Length; i++)
            {
                double wi = unit ? 1.0 : w[i];
                if (dropZeroWeights && wi == 0.0)
                {
                    continue;
                }

                double xi = x[i];
                int less = xi < pivot ? 1 : 0;
                int greater = xi > pivot ? 1 : 0;
                int top = len - 1 - ng;
                tx[nl] = xi;
                tw[nl] = wi;
                tx[top] = xi;
                tw[top] = wi;
                nl += less;
                ng += greater;
                kept++;
                wl += less == 1 ? wi : 0.0;
                we += (less | greater) == 0 ? wi : 0.0;
            }

            return new Partition { Less = nl, Greater = ng, Kept = kept, LessWeight = wl, EqualWeight = we };
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
