using BenchmarkDotNet.Attributes;
using SocialSecurity.Modeling.Metrics;

namespace SocialSecurity.Modeling.Benchmarks.Metrics;

/// <summary>
/// Weighted Gini and weighted median of 1 M and 10 M persons (log-normal incomes, continuous weights), against the
/// floor of a plain <c>Array.Sort(double[])</c> of the same values (copy included).
/// Run: <c>dotnet run -c Release --project benchmarks/SocialSecurity.Modeling.Benchmarks -- --filter '*Gini*'</c>.
/// </summary>
[MemoryDiagnoser]
public class WeightedGiniAndMedianBenchmarks
{
    private double[] _values = [];
    private double[] _weights = [];
    private double[] _copy = [];

    /// <summary>Number of persons.</summary>
    [Params(1_000_000, 10_000_000)]
    public int N { get; set; }

    /// <summary>Builds a seeded synthetic population.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20_240_401);
        _values = new double[N];
        _weights = new double[N];
        _copy = new double[N];
        for (int i = 0; i < N; i++)
        {
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            double z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            _values[i] = Math.Round(Math.Exp(10.0 + (0.8 * z)), 2);
            _weights[i] = 50.0 + (rng.NextDouble() * 450.0);
        }
    }

    /// <summary>The floor: copy and comparison-sort the values alone.</summary>
    [Benchmark(Baseline = true)]
    public double ArraySortFloor()
    {
        _values.CopyTo(_copy, 0);
        Array.Sort(_copy);
        return _copy[_copy.Length / 2];
    }

    /// <summary>Weighted Gini (midpoint rule), validation included.</summary>
    [Benchmark]
    public double WeightedGini() => Inequality.Gini(_values, _weights);

    /// <summary>Weighted median (laeken rule) by exact weighted quickselect, validation included.</summary>
    [Benchmark]
    public double WeightedMedian() => Quantiles.WeightedMedian(_values, _weights);

    /// <summary>Weighted median through the full sort path (for comparison).</summary>
    [Benchmark]
    public double WeightedMedianBySort() => Quantiles.WeightedQuantiles(_values, _weights, [0.5])[0];
}
