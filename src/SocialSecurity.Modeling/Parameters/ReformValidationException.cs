namespace SocialSecurity.Modeling.Parameters;

/// <summary>A reform does not fit the parameter store it was applied to; nothing was run. Lists every problem found.</summary>
public sealed class ReformValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reformName">The reform's name.</param>
    /// <param name="problems">Each problem, naming the change (by index and parameter) and what was expected.</param>
    public ReformValidationException(string reformName, IReadOnlyList<string> problems)
        : base($"Reform '{reformName}' is invalid and was not applied:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}")
    {
        ReformName = reformName;
        Problems = problems;
    }

    /// <summary>The reform's name.</summary>
    public string ReformName { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
