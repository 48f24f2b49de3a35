namespace SocialSecurity.Modeling.Populations;

/// <summary>
/// Population input is invalid; no population was built. Lists the problems found (the first ones, with the total
/// count), each naming the column, the row and the entity's id, and the expected range.
/// </summary>
public sealed class PopulationValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">The problems listed.</param>
    /// <param name="totalProblems">How many problems were found in all.</param>
    public PopulationValidationException(IReadOnlyList<string> problems, int totalProblems)
        : base($"The population is invalid ({totalProblems} problem{(totalProblems == 1 ? string.Empty : "s")}):{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}"
               + (totalProblems > problems.Count ? $"{Environment.NewLine}  … and {totalProblems - problems.Count} more" : string.Empty))
    {
        Problems = problems;
        TotalProblems = totalProblems;
    }

    /// <summary>The problems listed in the message.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>How many problems were found in all.</summary>
    public int TotalProblems { get; }
}
