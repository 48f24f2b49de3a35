namespace SocialSecurity.Modeling.Core;

/// <summary>A parameter is unknown, or has no value in force at the date for the region or any region above it.</summary>
public sealed class ParameterNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="parameter">The parameter's name.</param>
    /// <param name="message">What was looked for and where.</param>
    public ParameterNotFoundException(string parameter, string message)
        : base(message)
    {
        Parameter = parameter;
    }

    /// <summary>The parameter's name.</summary>
    public string Parameter { get; }
}
