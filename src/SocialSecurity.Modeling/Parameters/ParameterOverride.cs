using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Parameters;

/// <summary>
/// One change a reform makes to one parameter, in one region, from one date: set a value, scale it, or add to it.
/// </summary>
/// <param name="Parameter">The parameter's name; it must exist in the store the reform is applied to.</param>
/// <param name="RegionCode">The GB/T 2260 code of the region where the change applies (and below it).</param>
/// <param name="From">The first day the change is in force.</param>
/// <param name="Until">The last day, or <see langword="null"/> for open-ended.</param>
/// <param name="Kind">Set, scale or add.</param>
/// <param name="Value">The new value, for <see cref="OverrideKind.Set"/>.</param>
/// <param name="Amount">The factor (for <see cref="OverrideKind.Scale"/>) or addend (for <see cref="OverrideKind.Add"/>).</param>
/// <param name="Note">Why, for reports; optional.</param>
/// <remarks>
/// A <see cref="OverrideKind.Set"/> reaches every region below its region while in force, replacing the values of
/// regions that set their own (a provincial standard set by a reform applies in every city), unless
/// <see cref="KeepLowerRegions"/> is <see langword="true"/>. A scale or an addition always applies to the value in
/// force in each region at or below its region, whichever level set that value.
/// </remarks>
public sealed record ParameterOverride(
    string Parameter,
    string RegionCode,
    DateOnly From,
    DateOnly? Until,
    OverrideKind Kind,
    ParameterValue Value,
    double Amount,
    string? Note = null)
{
    /// <summary>
    /// For a <see cref="OverrideKind.Set"/>: <see langword="true"/> when regions below <see cref="RegionCode"/> that set
    /// their own value keep it (the set value then reaches only the regions that inherit from
    /// <see cref="RegionCode"/>); <see langword="false"/> (the default) when the set value replaces theirs too. Must be
    /// <see langword="false"/> for scale and add. In reform JSON: <c>"lower_regions": "keep"</c> (default <c>"override"</c>).
    /// </summary>
    public bool KeepLowerRegions { get; init; }

    /// <summary>A short description such as <c>× 1.1 in 330000 from 2024-01-01</c>.</summary>
    public string Describe() => Kind switch
    {
        OverrideKind.Set => $"set to {Value} in {RegionCode} from {From:yyyy-MM-dd}",
        OverrideKind.Scale => $"× {Amount:G} in {RegionCode} from {From:yyyy-MM-dd}",
        _ => $"{(Amount >= 0 ? "+" : "−")} {Math.Abs(Amount):G} in {RegionCode} from {From:yyyy-MM-dd}",
    } + (Until is null ? string.Empty : $" until {Until:yyyy-MM-dd}") + (KeepLowerRegions ? ", lower regions keep their own values" : string.Empty);
}
