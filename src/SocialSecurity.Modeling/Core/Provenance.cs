namespace SocialSecurity.Modeling.Core;

/// <summary>
/// Where a parameter value comes from, with the tags (docs/parameter-files.md#provenance-tags). Every value carries one, and reports show
/// it: an <see cref="Illustrative"/> value is a placeholder for an unknown real one and is never presented as fact.
/// </summary>
public enum Provenance
{
    /// <summary>[P] stated in the reference study (Xi &amp; Abudurehman 2024).</summary>
    Paper,

    /// <summary>[N] national law or regulation, or an official national figure, from a public source.</summary>
    National,

    /// <summary>[L] a real local rule from a public source.</summary>
    Local,

    /// <summary>[D] derived by arithmetic from other sourced values.</summary>
    Derived,

    /// <summary>[U] general knowledge that could not be checked in the sources searched: confirm before use.</summary>
    Unverified,

    /// <summary>[I] an illustrative default, <b>not a fact</b>: the real value was not found.</summary>
    Illustrative,

    /// <summary>[R] a value set by a reform scenario: a hypothesis, not a rule in force.</summary>
    Reform,
}

/// <summary>Conversions between <see cref="Provenance"/> and its one-letter tag.</summary>
public static class ProvenanceTags
{
    /// <summary>The one-letter tag (docs/parameter-files.md#provenance-tags), for example <c>P</c> or <c>I</c>.</summary>
    /// <param name="provenance">The provenance.</param>
    public static string Tag(this Provenance provenance) => provenance switch
    {
        Provenance.Paper => "P",
        Provenance.National => "N",
        Provenance.Local => "L",
        Provenance.Derived => "D",
        Provenance.Unverified => "U",
        Provenance.Illustrative => "I",
        Provenance.Reform => "R",
        _ => throw new ArgumentOutOfRangeException(nameof(provenance), provenance, "Unknown provenance."),
    };

    /// <summary>A short English description, for reports.</summary>
    /// <param name="provenance">The provenance.</param>
    public static string Describe(this Provenance provenance) => provenance switch
    {
        Provenance.Paper => "stated in the reference study",
        Provenance.National => "national rule or official figure",
        Provenance.Local => "local rule from a public source",
        Provenance.Derived => "derived by arithmetic",
        Provenance.Unverified => "unverified: confirm before use",
        Provenance.Illustrative => "ILLUSTRATIVE default, not a fact",
        Provenance.Reform => "set by a reform scenario",
        _ => throw new ArgumentOutOfRangeException(nameof(provenance), provenance, "Unknown provenance."),
    };

    /// <summary>Parses a one-letter tag (P, N, L, D, U, I, R).</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="provenance">The parsed provenance.</param>
    /// <returns><see langword="true"/> when the tag is known.</returns>
    public static bool TryParse(string? tag, out Provenance provenance)
    {
        switch (tag)
        {
            case "P": provenance = Provenance.Paper; return true;
            case "N": provenance = Provenance.National; return true;
            case "L": provenance = Provenance.Local; return true;
            case "D": provenance = Provenance.Derived; return true;
            case "U": provenance = Provenance.Unverified; return true;
            case "I": provenance = Provenance.Illustrative; return true;
            case "R": provenance = Provenance.Reform; return true;
            default: provenance = default; return false;
        }
    }
}
