namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>The Gini coefficient of a weighted distribution (trapezoid Lorenz area over values sorted ascending).</summary>
internal static class WeightedGini
{
    /// <summary>Gini of <paramref name="values"/> with <paramref name="weights"/>; O(n log n). NaN when the total is not positive.</summary>
    public static double Compute(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        var order = new int[values.Length];
        var keys = values.ToArray();
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        var accumulator = default(Accumulator);
        foreach (var i in order)
        {
            accumulator.Add(values[i], weights[i]);
        }

        return accumulator.Gini;
    }

    /// <summary>Accumulates values in ascending order: G = 1 − Σᵢ (pᵢ/W)(Lᵢ₋₁ + Lᵢ).</summary>
    internal struct Accumulator
    {
        private double _weight;
        private double _income;
        private double _area; // Σ pᵢ (2·Sᵢ₋₁ + pᵢ·yᵢ)

        public void Add(double value, double weight)
        {
            double amount = value * weight;
            _area += weight * ((2 * _income) + amount);
            _income += amount;
            _weight += weight;
        }

        public readonly double Gini => _income > 0 && _weight > 0 ? 1 - (_area / (_weight * _income)) : double.NaN;
    }
}
