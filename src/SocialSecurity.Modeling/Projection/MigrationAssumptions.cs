using System.Globalization;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// Net migration of a projection (docs/projection.md#migration): each year's net migrants per person of the population
/// (a dated path; positive for net immigration, negative for net emigration) spread over sex and 5-year age groups by
/// an age-sex profile, with its provenance tag and source. Net migrants of a cell = the year's rate × the weighted
/// persons at the year's run date × the cell's share ÷ 5 per single year of age (age at the year's run date).
/// </summary>
/// <param name="NetRate">Net migrants per person of the population, by calendar year (consecutive years; −0.1 to 0.1).</param>
/// <param name="AgeStarts">The first age of each 5-year group of the profile, consecutive by 5 (a gap is rejected).</param>
/// <param name="FemaleShares">The share of the year's net migrants who are women of each group (≥ 0).</param>
/// <param name="MaleShares">The share who are men of each group (≥ 0); female and male shares together sum to 1.</param>
/// <param name="Tag">Provenance tag of the profile (P N L D U I).</param>
/// <param name="Source">Where the profile comes from.</param>
public sealed record MigrationAssumptions(DatedSeries NetRate, IReadOnlyList<int> AgeStarts, IReadOnlyList<double> FemaleShares, IReadOnlyList<double> MaleShares, string Tag, string Source)
{
    /// <summary>
    /// Illustrative net migration for China [I]: net emigration of 0.1 persons per 1,000 a year, 2015–2060, half men and
    /// half women, mostly young adults (10% under 15, 60% aged 20–39, 6% aged 60–74). An assumption, not a fact.
    /// </summary>
    public static MigrationAssumptions IllustrativeChina { get; } = new(
        new DatedSeries([.. Enumerable.Range(2015, 46)], [.. Enumerable.Repeat(-0.0001, 46)], "I",
            "Illustrative net emigration of 0.1 per 1,000 persons a year (docs/projection.md#migration)"),
        [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70],
        [.. Profile.Select(p => p / 200.0)],
        [.. Profile.Select(p => p / 200.0)],
        "I",
        "Illustrative age profile of net migrants, half men and half women, concentrated at ages 20–39 (docs/projection.md#migration)");

    private static double[] Profile => [4, 3, 3, 5, 15, 20, 15, 10, 7, 5, 4, 3, 3, 2, 1];

    internal void Validate()
    {
        var c = CultureInfo.InvariantCulture;
        ArgumentNullException.ThrowIfNull(NetRate, nameof(NetRate));
        NetRate.Validate("net migration rate", -0.1, 0.1);
        AssumptionSource.Check("migration profile", Tag, Source);
        if (AgeStarts.Count == 0 || AgeStarts.Count != FemaleShares.Count || AgeStarts.Count != MaleShares.Count)
        {
            throw new ArgumentException("The migration profile needs one female and one male share per age group.");
        }

        for (int g = 0; g < AgeStarts.Count; g++)
        {
            if (AgeStarts[g] < 0 || AgeStarts[g] > 115)
            {
                throw new ArgumentException(string.Create(c, $"The migration profile's group {g} starts at age {AgeStarts[g]}; expected 0–115."));
            }

            if (g > 0 && AgeStarts[g] != AgeStarts[g - 1] + 5)
            {
                throw new ArgumentException(string.Create(c, $"The migration profile has a gap: ages {AgeStarts[g - 1]}–{AgeStarts[g - 1] + 4} are followed by {AgeStarts[g]}–{AgeStarts[g] + 4}; groups must be consecutive 5-year groups."));
            }

            foreach (var (shares, sex) in new[] { (FemaleShares, "female"), (MaleShares, "male") })
            {
                if (!double.IsFinite(shares[g]) || shares[g] < 0)
                {
                    throw new ArgumentException(string.Create(c, $"The migration profile has a negative or non-finite {sex} share at ages {AgeStarts[g]}–{AgeStarts[g] + 4}: {shares[g]}."));
                }
            }
        }

        double total = FemaleShares.Sum() + MaleShares.Sum();
        if (Math.Abs(total - 1) > 0.01)
        {
            throw new ArgumentException(string.Create(c, $"The migration profile's shares sum to {total}, not 1."));
        }
    }

    /// <summary>The share of the year's net migrants in each single year of age 0–120, by sex (index 0 female, 1 male).</summary>
    internal double[][] SingleYearShares()
    {
        var shares = new[] { new double[121], new double[121] };
        for (int g = 0; g < AgeStarts.Count; g++)
        {
            for (int a = AgeStarts[g]; a < AgeStarts[g] + 5 && a <= 120; a++)
            {
                shares[0][a] = FemaleShares[g] / 5;
                shares[1][a] = MaleShares[g] / 5;
            }
        }

        return shares;
    }
}
