using System.Globalization;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// The cohort whose lifetimes a projection accumulates (docs/projection.md#lifetime): every person born in
/// <paramref name="FirstBirthYear"/>–<paramref name="LastBirthYear"/> present at any run date of the projection (the
/// base population, newborns and immigrants), followed from their first run date to the horizon, their death or
/// their emigration.
/// </summary>
/// <param name="FirstBirthYear">The first birth year of the cohort.</param>
/// <param name="LastBirthYear">The last birth year (inclusive), not before the first.</param>
public sealed record LifetimeCohort(int FirstBirthYear, int LastBirthYear)
{
    internal void Validate()
    {
        if (LastBirthYear < FirstBirthYear)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The lifetime cohort's last birth year {LastBirthYear} is before its first {FirstBirthYear}."));
        }
    }

    /// <summary>Whether a person born in <paramref name="birthYear"/> belongs to the cohort.</summary>
    internal bool Contains(double birthYear) => birthYear >= FirstBirthYear && birthYear <= LastBirthYear;
}
