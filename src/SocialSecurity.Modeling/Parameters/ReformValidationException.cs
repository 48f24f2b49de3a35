namespace SocialSecurity.Modeling.Parameters;

/// <summary>A reform does not fit the parameter store it was applied to; nothing was run. Lists every problem found.</summary>
public sealed class ReformValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reformName">The reform's name.</param>
    /// <param name="problems">Each problem, naming the change (by index and parameter) and what was expected.</param>
    public ReformValidationException(string reformName, IReadOnlyList<string> problems)
        : this(reformName, problems, null)
    {
    }

    /// <summary>Creates the exception for a reform read from a file.</summary>
    /// <param name="reformName">The reform's name.</param>
    /// <param name="problems">Each problem, naming the change (by index and parameter) and what was expected.</param>
    /// <param name="source">The file (or other source) the reform was read from, or null.</param>
    public ReformValidationException(string reformName, IReadOnlyList<string> problems, string? source)
        : base($"Reform '{reformName}'{(source is null ? string.Empty : $" (read from {source}; change i is $.changes[i] there)")} is invalid and was not applied:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}")
    {
        ReformName = reformName;
        Problems = problems;
        ReformFile = source;
    }

    /// <summary>The reform's name.</summary>
    public string ReformName { get; }

    /// <summary>The file (or other source) the reform was read from, when it was read from one (<see cref="Reforms.Reform.Source"/>).</summary>
    public string? ReformFile { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
