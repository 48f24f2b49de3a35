using System.Globalization;

namespace SocialSecurity.Modeling.Projection;

/// <summary>A value for each of consecutive calendar years (a TFR path, a sex-ratio path, a growth path), with its provenance tag and source.</summary>
/// <param name="Years">The calendar years, consecutive and ascending.</param>
/// <param name="Values">One value per year.</param>
/// <param name="Tag">Provenance tag (P N L D U I).</param>
/// <param name="Source">Where the values come from.</param>
public sealed record DatedSeries(IReadOnlyList<int> Years, IReadOnlyList<double> Values, string Tag, string Source)
{
    /// <summary>The value of <paramref name="year"/>.</summary>
    /// <param name="year">A year of the series.</param>
    /// <exception cref="ArgumentOutOfRangeException">The series has no value for the year.</exception>
    public double At(int year)
    {
        int i = year - Years[0];
        return i >= 0 && i < Values.Count ? Values[i]
            : throw new ArgumentOutOfRangeException(nameof(year), year, string.Create(CultureInfo.InvariantCulture, $"The series covers {Years[0]}–{Years[^1]}."));
    }

    internal void Validate(string what, double minimum, double maximum)
    {
        AssumptionSource.Check(what + " path", Tag, Source);
        if (Years.Count == 0 || Years.Count != Values.Count)
        {
            throw new ArgumentException($"The {what} path needs one value per year.");
        }

        for (int i = 1; i < Years.Count; i++)
        {
            if (Years[i] != Years[i - 1] + 1)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The {what} path has a gap: {Years[i - 1]} is followed by {Years[i]}."));
            }
        }

        for (int i = 0; i < Values.Count; i++)
        {
            if (!double.IsFinite(Values[i]) || Values[i] < minimum || Values[i] > maximum)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The {what} of {Years[i]} is {Values[i]}; expected {minimum}–{maximum}."));
            }
        }
    }

    internal void CheckCovers(string what, int first, int last)
    {
        if (Years[0] > first || Years[^1] < last)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The {what} path covers {Years[0]}–{Years[^1]}, not the projection's {first}–{last}."));
        }
    }
}
