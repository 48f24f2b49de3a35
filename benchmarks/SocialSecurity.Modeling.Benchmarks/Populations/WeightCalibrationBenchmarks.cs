using BenchmarkDotNet.Attributes;
using SocialSecurity.Modeling.Populations.Weighting;

namespace SocialSecurity.Modeling.Benchmarks.Populations;

/// <summary>
/// Calibration of 1,000,000 household weights to 18 equations (area, 3 size classes, 11 places, elderly count and
/// income in yuan, perturbed by up to ±5% [I]) by each method:
/// <c>dotnet run -c Release --project benchmarks/SocialSecurity.Modeling.Benchmarks -- --filter '*WeightCalibration*'</c>.
/// </summary>
[MemoryDiagnoser]
public class WeightCalibrationBenchmarks
{
    private const int Households = 1_000_000;
    private double[] design = [];
    private CalibrationMargin[] margins = [];

    /// <summary>The calibration method.</summary>
    [Params(CalibrationMethod.Linear, CalibrationMethod.RakingRatio, CalibrationMethod.TruncatedLinear, CalibrationMethod.Logit)]
    public CalibrationMethod Method { get; set; }

    /// <summary>Builds the random sample and its perturbed margins.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(21);
        design = new double[Households];
        var area = new int[Households];
        var size = new int[Households];
        var place = new int[Households];
        var elderly = new double[Households];
        var income = new double[Households];
        for (int h = 0; h < Households; h++)
        {
            design[h] = 50 + (100 * random.NextDouble());
            area[h] = random.NextDouble() < 0.6 ? 0 : 1;
            size[h] = random.Next(3);
            place[h] = random.Next(11);
            elderly[h] = random.Next(3);
            income[h] = 20_000 + (150_000 * random.NextDouble() * random.NextDouble());
        }

        double Factor() => 1 + (0.05 * ((2 * random.NextDouble()) - 1));
        double Total(Func<int, double> value)
        {
            double sum = 0;
            for (int h = 0; h < Households; h++)
            {
                sum += design[h] * value(h);
            }

            return sum;
        }

        double[] Categories(int[] codes, int count, double households)
        {
            var totals = Enumerable.Range(0, count).Select(c => Total(h => codes[h] == c ? 1 : 0) * Factor()).ToArray();
            double sum = totals.Sum();
            return totals.Select(t => t * households / sum).ToArray();
        }

        double[] areaTotals = [Total(h => area[h] == 0 ? 1 : 0) * Factor(), Total(h => area[h] == 1 ? 1 : 0) * Factor()];
        margins =
        [
            CalibrationMargin.Categorical("area", area, areaTotals),
            CalibrationMargin.Categorical("size", size, Categories(size, 3, areaTotals.Sum())),
            CalibrationMargin.Categorical("place", place, Categories(place, 11, areaTotals.Sum())),
            CalibrationMargin.Numeric("elderly", elderly, Total(h => elderly[h]) * Factor()),
            CalibrationMargin.Numeric("income", income, Total(h => income[h]) * Factor()),
        ];
    }

    /// <summary>One calibration.</summary>
    /// <returns>The iterations used.</returns>
    [Benchmark]
    public int Calibrate()
    {
        var options = Method switch
        {
            CalibrationMethod.Linear => CalibrationOptions.Linear(),
            CalibrationMethod.RakingRatio => CalibrationOptions.Raking(),
            CalibrationMethod.TruncatedLinear => CalibrationOptions.TruncatedLinear(0.5, 2),
            _ => CalibrationOptions.Logit(0.5, 2),
        };
        return WeightCalibration.Calibrate(design, margins, options).Iterations;
    }
}
