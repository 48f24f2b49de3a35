using System.Globalization;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// The age pattern of fertility in one year: the percentage of the total fertility rate by 5-year age group of the
/// mother (groups starting at <see cref="AgeStarts"/>), with its provenance tag and source.
/// </summary>
/// <param name="Year">The calendar year.</param>
/// <param name="AgeStarts">The first age of each 5-year group, ascending by 5.</param>
/// <param name="Shares">The percentage of the TFR in each group (≥ 0, summing to about 100).</param>
/// <param name="Tag">Provenance tag (P N L D U I).</param>
/// <param name="Source">Where the values come from.</param>
public sealed record FertilityPattern(int Year, IReadOnlyList<int> AgeStarts, IReadOnlyList<double> Shares, string Tag, string Source)
{
    internal void Validate()
    {
        string what = string.Create(CultureInfo.InvariantCulture, $"fertility age pattern of {Year}");
        AssumptionSource.Check(what, Tag, Source);
        if (AgeStarts.Count != Shares.Count || AgeStarts.Count == 0)
        {
            throw new ArgumentException($"The {what} needs one share per age group.");
        }

        for (int g = 0; g < AgeStarts.Count; g++)
        {
            if (AgeStarts[g] < 0 || AgeStarts[g] > 115 || (g > 0 && AgeStarts[g] != AgeStarts[g - 1] + 5))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The {what}'s age groups must be consecutive 5-year groups; group {g} starts at {AgeStarts[g]}."));
            }

            if (!double.IsFinite(Shares[g]) || Shares[g] < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The {what} has a negative or non-finite share at ages {AgeStarts[g]}–{AgeStarts[g] + 4}: {Shares[g]}."));
            }
        }

        double total = Shares.Sum();
        if (Math.Abs(total - 100) > 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The {what}'s shares sum to {total}, not 100%."));
        }
    }
}
