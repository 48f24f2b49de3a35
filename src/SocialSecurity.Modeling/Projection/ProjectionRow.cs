namespace SocialSecurity.Modeling.Projection;

/// <summary>The indicators of one projected year and replicate (names in <see cref="ProjectionIndicators"/>), with the weighted persons by sex and single year of age.</summary>
public sealed class ProjectionRow
{
    internal ProjectionRow(int year, int replicate, double[] values, double[] femalesByAge, double[] malesByAge)
    {
        Year = year;
        Replicate = replicate;
        Values = values;
        FemalesByAge = femalesByAge;
        MalesByAge = malesByAge;
    }

    /// <summary>The calendar year.</summary>
    public int Year { get; }

    /// <summary>The replicate, from 0.</summary>
    public int Replicate { get; }

    /// <summary>The indicators, in the order of <see cref="ProjectionIndicators.All"/> (NaN where the policy does not produce what one needs).</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Weighted women by age 0–120 at the year's run date.</summary>
    public IReadOnlyList<double> FemalesByAge { get; }

    /// <summary>Weighted men by age 0–120 at the year's run date.</summary>
    public IReadOnlyList<double> MalesByAge { get; }

    /// <summary>One indicator by name.</summary>
    /// <param name="indicator">A name of <see cref="ProjectionIndicators.All"/>.</param>
    public double this[string indicator] => Values[ProjectionIndicators.IndexOf(indicator)];
}
