using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>
/// One published (or, when labelled, derived, unverified or illustrative) statistic used as a calibration target,
/// with its data year, provenance tag and source. Shares are fractions (0–1), incomes yuan per person per year.
/// </summary>
/// <param name="Value">The value, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit: <c>persons</c>, <c>fraction</c>, <c>yuan_per_person_year</c>, <c>yuan_per_month</c> or <c>coefficient</c>.</param>
/// <param name="Year">The year the value refers to (it can precede the target year, for example a 2020 census value).</param>
/// <param name="Provenance">The provenance tag (docs/parameter-files.md#provenance-tags); <see cref="Provenance.Illustrative"/> marks a placeholder, not a fact.</param>
/// <param name="Source">The publication (and address) the value comes from, or the derivation.</param>
/// <param name="Note">Caveats, when any.</param>
public sealed record StatisticValue(double Value, string Unit, int Year, Provenance Provenance, string Source, string? Note = null)
{
    /// <inheritdoc />
    public override string ToString() => $"{Value} {Unit} ({Year}) [{Provenance.Tag()}]";
}
