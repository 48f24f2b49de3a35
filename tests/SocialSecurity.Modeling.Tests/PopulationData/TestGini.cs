namespace SocialSecurity.Modeling.Tests.PopulationData;

/// <summary>An independent weighted Gini for tests: sort by value, G = Σᵢ Σⱼ wᵢwⱼ|yᵢ − yⱼ| / (2 W² ȳ) computed in O(n log n) as Σ wᵢ yᵢ (2 Cᵢ − W − wᵢ) / (W · Σ wᵢyᵢ), with Cᵢ the cumulative weight up to and including i.</summary>
internal static class TestGini
{
    public static double Of(double[] values, double[] weights)
    {
        var index = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        double totalWeight = weights.Sum();
        double totalIncome = 0, numerator = 0, cumulative = 0;
        foreach (var i in index)
        {
            cumulative += weights[i];
            numerator += weights[i] * values[i] * ((2 * cumulative) - totalWeight - weights[i]);
            totalIncome += weights[i] * values[i];
        }

        return numerator / (totalWeight * totalIncome);
    }
}
