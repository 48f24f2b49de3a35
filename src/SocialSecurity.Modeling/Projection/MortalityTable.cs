using System.Globalization;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// A period mortality table for one sex: values by age group starting at <see cref="AgeStarts"/> (for example 0, 1,
/// 5, 10, …, 100, as the UN's abridged tables), in force for the calendar years <see cref="FirstYear"/> to
/// <see cref="LastYear"/>, with its provenance tag and source.
/// </summary>
/// <param name="Sex">The sex.</param>
/// <param name="FirstYear">First calendar year of the period.</param>
/// <param name="LastYear">Last calendar year of the period.</param>
/// <param name="AgeStarts">The first age of each group, ascending from 0; groups from 5 on must be 5 years wide up to 90–94.</param>
/// <param name="Values">One value per group.</param>
/// <param name="Measure">Central rates or probabilities.</param>
/// <param name="Tag">Provenance tag (P N L D U I).</param>
/// <param name="Source">Where the values come from.</param>
public sealed record MortalityTable(Sex Sex, int FirstYear, int LastYear, IReadOnlyList<int> AgeStarts, IReadOnlyList<double> Values, MortalityMeasure Measure, string Tag, string Source)
{
    /// <summary>A name for messages: "male mortality 2020–2024".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sex.ToString().ToLowerInvariant()} mortality {FirstYear}–{LastYear}");

    internal void Validate()
    {
        AssumptionSource.Check(ToString(), Tag, Source);
        if (LastYear < FirstYear)
        {
            throw new ArgumentException($"The {this} ends before it starts.");
        }

        if (AgeStarts.Count != Values.Count || AgeStarts.Count < 3 || AgeStarts[0] != 0)
        {
            throw new ArgumentException($"The {this} needs one value per age group, groups starting at 0.");
        }

        if (!AgeStarts.Contains(85) || !AgeStarts.Contains(90) || !AgeStarts.Contains(95) || !AgeStarts.Contains(5))
        {
            throw new ArgumentException($"The {this} needs the 5-year groups 5–9 … 90–94.");
        }

        for (int g = 1; g < AgeStarts.Count; g++)
        {
            if (AgeStarts[g] <= AgeStarts[g - 1])
            {
                throw new ArgumentException($"The {this}'s age groups are not ascending at {AgeStarts[g]}.");
            }
        }

        for (int g = 0; g < Values.Count; g++)
        {
            double v = Values[g];
            if (!double.IsFinite(v) || v < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The {this} has a negative or non-finite rate at age {AgeStarts[g]}: {v}."));
            }

            if (Measure == MortalityMeasure.Probability && v > 1)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The {this} has a death probability q > 1 at age {AgeStarts[g]}: {v}."));
            }

            if (v == 0 && AgeStarts[g] >= 5)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The {this} has a zero rate at age {AgeStarts[g]}; rates from age 5 on are interpolated on a log scale and must be positive."));
            }
        }
    }

    /// <summary>The natural logarithms of the central rates.</summary>
    internal double[] LogCentralRates() => [.. Values.Select(v => Math.Log(Measure == MortalityMeasure.Probability ? -Math.Log(1 - Math.Min(v, 1 - 1e-12)) : v))];
}
