namespace SocialSecurity.Modeling.Core;

/// <summary>
/// Declarative constraints on the items of a list parameter (a tier list, band thresholds), checked wherever a
/// value is checked: when a parameter file is loaded, when a reform sets a list, and when a reform scales or adds
/// to one. Declared in a parameter file as <c>"items": "strictly_ascending"</c> or
/// <c>"items": ["strictly_ascending", "starts_at_zero"]</c>; see <c>docs/parameter-validation.md</c>.
/// </summary>
[Flags]
public enum ListConstraints
{
    /// <summary>No constraint on the order or first item.</summary>
    None = 0,

    /// <summary>Each item is at least the one before it (<c>"ascending"</c>).</summary>
    Ascending = 1,

    /// <summary>Each item is greater than the one before it (<c>"strictly_ascending"</c>); implies <see cref="Ascending"/>.</summary>
    StrictlyAscending = Ascending | 2,

    /// <summary>The first item is 0 (<c>"starts_at_zero"</c>), as for band lower bounds that must leave no gap below the first band.</summary>
    StartsAtZero = 4,
}
