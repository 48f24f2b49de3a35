using System.Collections.Immutable;
using System.Globalization;
using MathNet.Numerics.Distributions;

namespace SocialSecurity.Modeling.Simulation;

/// <summary>
/// An estimate from Monte Carlo replicates: the mean over replicates with a Student-t confidence interval
/// mean ± t<sub>(1+level)/2, R−1</sub> × s/√R, where s is the standard deviation across the R replicates.
/// </summary>
/// <remarks>The interval measures simulation (Monte Carlo) uncertainty only, not sampling or model uncertainty.</remarks>
public sealed record ReplicateEstimate
{
    /// <summary>An estimate from replicate values.</summary>
    /// <param name="values">One value per replicate, at least two.</param>
    /// <param name="confidenceLevel">The confidence level, in (0, 1).</param>
    public ReplicateEstimate(IReadOnlyList<double> values, double confidenceLevel)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            throw new ArgumentException($"A confidence interval needs at least two replicates; got {values.Count}.", nameof(values));
        }

        if (!(confidenceLevel is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "The confidence level must lie strictly between 0 and 1.");
        }

        Values = [.. values];
        int r = values.Count;
        double mean = values.Average();
        double ss = values.Sum(v => (v - mean) * (v - mean));
        Mean = mean;
        StandardDeviation = Math.Sqrt(ss / (r - 1));
        StandardError = StandardDeviation / Math.Sqrt(r);
        ConfidenceLevel = confidenceLevel;
        double t = StudentT.InvCDF(0, 1, r - 1, (1 + confidenceLevel) / 2);
        Lower = mean - (t * StandardError);
        Upper = mean + (t * StandardError);
    }

    /// <summary>The value of each replicate.</summary>
    public ImmutableArray<double> Values { get; }

    /// <summary>The mean over replicates.</summary>
    public double Mean { get; }

    /// <summary>The standard deviation across replicates.</summary>
    public double StandardDeviation { get; }

    /// <summary>The standard error of the mean.</summary>
    public double StandardError { get; }

    /// <summary>The confidence level of the interval.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>The lower bound of the interval.</summary>
    public double Lower { get; }

    /// <summary>The upper bound of the interval.</summary>
    public double Upper { get; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Mean:G6} ({ConfidenceLevel:P0} CI {Lower:G6} to {Upper:G6}, {Values.Length} replicates)");
}
