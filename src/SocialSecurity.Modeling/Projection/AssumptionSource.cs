namespace SocialSecurity.Modeling.Projection;

/// <summary>Checks shared by the assumption records: every assumption carries a provenance tag and a source.</summary>
internal static class AssumptionSource
{
    private static readonly string[] Tags = ["P", "N", "L", "D", "U", "I"];

    /// <summary>Throws unless <paramref name="tag"/> is one of P N L D U I and <paramref name="source"/> is not blank.</summary>
    public static void Check(string what, string tag, string source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ArgumentException($"The {what} has no source; every assumption must say where it comes from.");
        }

        if (!Tags.Contains(tag, StringComparer.Ordinal))
        {
            throw new ArgumentException($"The {what} has provenance tag '{tag}'; expected one of {string.Join(", ", Tags)}.");
        }
    }
}
