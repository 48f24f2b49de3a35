namespace SocialSecurity.Modeling.Core;

/// <summary>A set of programs cannot form a policy: duplicate outputs, an output that shadows an input, or a dependency cycle. Raised when the policy is built, never mid-run.</summary>
public sealed class PolicyDefinitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the programs and variables.</param>
    public PolicyDefinitionException(string message)
        : base(message)
    {
    }
}
