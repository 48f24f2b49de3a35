using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// A pension must never be counted twice: a population that carries reported pensions
/// (<see cref="PopulationSchema.ReportedPension"/>) cannot run a program that simulates pensions, or the two would be
/// added up in every income concept. The built-in synthetic populations carry reported pensions; survey data may too.
/// </summary>
internal static class ReportedPensionGuard
{
    /// <summary>Throws when any person of the population reports a pension.</summary>
    /// <param name="population">The population the program runs on.</param>
    /// <param name="program">The pension program's name.</param>
    /// <exception cref="InvalidOperationException">A person carries a reported pension.</exception>
    public static void Check(Population population, string program)
    {
        var reported = population.PensionIncomeAnnual;
        for (int p = 0; p < reported.Length; p++)
        {
            if (reported[p] != 0)
            {
                var column = PopulationSchema.ReportedPension;
                throw new InvalidOperationException(
                    $"Program '{program}' simulates pensions, but the population carries reported pensions in column '{column.Name}' ({PersonIdText(population, p)} reports {reported[p]:0.##} yuan a year): "
                    + "the pension would be counted twice. Set that column to zero (or leave it out of the data) before running a pension program, or run the policy without pension programs.");
            }
        }
    }

    private static string PersonIdText(Population population, int p) => $"person {population.PersonId[p]}";
}
