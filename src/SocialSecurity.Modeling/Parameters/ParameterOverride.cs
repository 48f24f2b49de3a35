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
    /// <summary>A short description such as <c>× 1.1 in 330000 from 2024-01-01</c>.</summary>
    public string Describe() => Kind switch
    {
        OverrideKind.Set => $"set to {Value} in {RegionCode} from {From:yyyy-MM-dd}",
        OverrideKind.Scale => $"× {Amount:G} in {RegionCode} from {From:yyyy-MM-dd}",
        _ => $"{(Amount >= 0 ? "+" : "−")} {Math.Abs(Amount):G} in {RegionCode} from {From:yyyy-MM-dd}",
    } + (Until is null ? string.Empty : $" until {Until:yyyy-MM-dd}");
}
