using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Core;

/// <summary>
/// One dated value of a parameter set by one region's authority, with its provenance and source: a line of a
/// parameter file such as <c>{"from": "2022-12-01", "value": 11000, "provenance": "P", "source": "…"}</c>.
/// </summary>
/// <param name="Region">The region whose authority sets the value; it applies there and below, unless a lower region sets its own.</param>
/// <param name="From">The first day the value is in force.</param>
/// <param name="Until">The last day the value is in force, or <see langword="null"/> when it runs until replaced.</param>
/// <param name="Value">The value.</param>
/// <param name="Provenance">Where the value comes from (tags in docs/parameter-files.md#provenance-tags).</param>
/// <param name="Source">The legal reference or publication behind the value.</param>
/// <param name="Note">Any caveat, or <see langword="null"/>.</param>
/// <param name="File">The file (or embedded resource) the value was read from, or the reform that set it.</param>
public sealed record ParameterEntry(
    RegionId Region,
    DateOnly From,
    DateOnly? Until,
    ParameterValue Value,
    Provenance Provenance,
    string Source,
    string? Note,
    string File)
{
    /// <summary>Whether the entry is in force on <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    public bool IsInForce(DateOnly date) => From <= date && (Until is null || date <= Until.Value);

    /// <summary>
    /// Whether the value, set by a reform, replaces while in force the values of every region below
    /// <see cref="Region"/>, including regions that set their own (the default for a reform's set value); when
    /// <see langword="false"/>, a lower region that sets its own value keeps it. Always <see langword="false"/> for a
    /// value read from a file. See docs/parameter-files.md#reforms.
    /// </summary>
    public bool ReachesLowerRegions { get; init; }
}
