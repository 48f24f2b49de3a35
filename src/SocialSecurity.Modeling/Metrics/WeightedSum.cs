using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// A mergeable weighted running sum: total weight <c>W = Σw</c>, weighted total <c>T = Σw·x</c> and
/// <c>Σw·x²</c>, with the number of observations added. <see cref="Of(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
/// sums exactly and rounds once (independent of the order of the sample); <see cref="Add"/> and <see cref="Combine"/>
/// are plain double additions, reproducible for a fixed order only. Use <see cref="ExactSum"/> to accumulate
/// incrementally in any order.
/// </summary>
public readonly record struct WeightedSum
{
    /// <summary>Creates an accumulator from its components.</summary>
    /// <param name="count">Number of observations added.</param>
    /// <param name="weight">Total weight Σw.</param>
    /// <param name="total">Weighted total Σw·x.</param>
    /// <param name="totalOfSquares">Weighted total of squares Σw·x².</param>
    public WeightedSum(long count, double weight, double total, double totalOfSquares)
    {
        Count = count;
        Weight = weight;
        Total = total;
        TotalOfSquares = totalOfSquares;
    }

    /// <summary>Number of observations added.</summary>
    public long Count { get; }

    /// <summary>Total weight Σw.</summary>
    public double Weight { get; }

    /// <summary>Weighted total Σw·x.</summary>
    public double Total { get; }

    /// <summary>Weighted total of squares Σw·x².</summary>
    public double TotalOfSquares { get; }

    /// <summary>Weighted mean T/W (NaN when the weight is zero).</summary>
    public double Mean => Total / Weight;

    /// <summary>Weighted population variance Σw(x−μ)²/W, computed as Σw·x²/W − μ² (NaN when the weight is zero).</summary>
    public double PopulationVariance
    {
        get
        {
            double mean = Mean;
            return Math.Max(0.0, (TotalOfSquares / Weight) - (mean * mean));
        }
    }

    /// <summary>Returns this accumulator with one observation added.</summary>
    /// <param name="value">The value x.</param>
    /// <param name="weight">Its weight w (1 for unweighted data).</param>
    public WeightedSum Add(double value, double weight = 1.0) =>
        new(Count + 1, Weight + weight, Total + (weight * value), TotalOfSquares + (weight * value * value));

    /// <summary>Combines two accumulators (this one first, then <paramref name="other"/>).</summary>
    /// <param name="other">The accumulator to merge in.</param>
    public WeightedSum Combine(WeightedSum other) =>
        new(Count + other.Count, Weight + other.Weight, Total + other.Total, TotalOfSquares + other.TotalOfSquares);

    /// <summary>
    /// Accumulates a whole sample (empty weights means unweighted); does not validate. Each of Σw, Σw·x and Σw·x² is
    /// summed exactly and rounded once (<see cref="ExactSum"/>), so the result does not depend on the order of the
    /// sample.
    /// </summary>
    /// <param name="values">The values.</param>
    /// <param name="weights">The weights, or empty for unit weights.</param>
    public static WeightedSum Of(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        var w = new ExactAccumulator();
        var t = new ExactAccumulator();
        var t2 = new ExactAccumulator();
        for (int i = 0; i < values.Length; i++)
        {
            double x = values[i], wi = weights.IsEmpty ? 1.0 : weights[i];
            w.Add(wi);
            t.Add(wi * x);
            t2.Add(wi * x * x);
        }

        return new WeightedSum(values.Length, w.Result(), t.Result(), t2.Result());
    }

    /// <summary>Exact sums over the rows where <paramref name="include"/> holds (all rows when null).</summary>
    internal static WeightedSum Of(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, Func<int, double, double, bool>? include)
    {
        var w = new ExactAccumulator();
        var t = new ExactAccumulator();
        var t2 = new ExactAccumulator();
        long count = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double x = values[i], wi = weights.IsEmpty ? 1.0 : weights[i];
            if (include is null || include(i, x, wi))
            {
                count++;
                w.Add(wi);
                t.Add(wi * x);
                t2.Add(wi * x * x);
            }
        }

        return new WeightedSum(count, w.Result(), t.Result(), t2.Result());
    }
}
