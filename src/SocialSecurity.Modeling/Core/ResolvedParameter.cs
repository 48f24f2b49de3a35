using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Core;

/// <summary>
/// A parameter's value as it applies at one date in one region, with where it came from: the region whose
/// authority set it (the region asked for or an ancestor), the entry's dates, provenance and source, and any
/// reform adjustments. This is what the household calculator's explanation shows.
/// </summary>
/// <param name="Definition">The parameter.</param>
/// <param name="Date">The date asked for.</param>
/// <param name="Region">The region asked for.</param>
/// <param name="Entry">The dated entry that applies (possibly set by a reform).</param>
/// <param name="Value">The value after any reform scaling or additions.</param>
/// <param name="Adjustments">Descriptions of reform adjustments applied on top of <see cref="Entry"/>, in order; empty when none.</param>
public sealed record ResolvedParameter(
    ParameterDefinition Definition,
    DateOnly Date,
    RegionId Region,
    ParameterEntry Entry,
    ParameterValue Value,
    IReadOnlyList<string> Adjustments)
{
    /// <summary>
    /// When the value is extrapolated, the date up to which this parameter's values are known: the later of its newest
    /// start date in any region and the store's values-as-of date. The date asked for is more than the store's
    /// extrapolation horizon after it, so the value is the last known one carried forward, not one any authority has
    /// set for that date. <see langword="null"/> when the value is not extrapolated.
    /// </summary>
    public DateOnly? ExtrapolatedBeyond { get; init; }

    /// <summary>Whether the value is carried forward beyond the store's extrapolation horizon (see <see cref="ExtrapolatedBeyond"/>).</summary>
    public bool IsExtrapolated => ExtrapolatedBeyond is not null;

    /// <summary>The parameter's name.</summary>
    public string Name => Definition.Name;

    /// <summary>The provenance of the value: <see cref="Provenance.Reform"/> when a reform changed it.</summary>
    public Provenance Provenance => Adjustments.Count > 0 ? Provenance.Reform : Entry.Provenance;

    /// <summary>Whether the value is an illustrative default rather than a fact (directly, or as the base of a reform adjustment).</summary>
    public bool IsIllustrative => Entry.Provenance == Provenance.Illustrative;

    /// <summary>The scalar value, for a parameter without a period (rates, ratios, counts, flags, stocks).</summary>
    /// <exception cref="InvalidOperationException">The parameter is a flow per month or per year (use <see cref="PerMonth"/> or <see cref="PerYear"/>), or a list.</exception>
    public double Scalar()
    {
        RequireScalar();
        if (Definition.Period != AmountPeriod.None)
        {
            throw new InvalidOperationException($"Parameter '{Name}' is an amount per {Definition.Period.ToString().ToLowerInvariant()}; read it with PerMonth() or PerYear() so the period conversion is explicit.");
        }

        return Value.Scalar;
    }

    /// <summary>The value as an amount per month: unchanged for a monthly parameter, ÷ 12 for an annual one.</summary>
    /// <exception cref="InvalidOperationException">The parameter has no period, or is a list.</exception>
    public double PerMonth()
    {
        RequireScalar();
        return Definition.Period switch
        {
            AmountPeriod.Month => Value.Scalar,
            AmountPeriod.Year => Value.Scalar / 12.0,
            _ => throw new InvalidOperationException($"Parameter '{Name}' has no period ({Definition.Unit}); it cannot be read as an amount per month."),
        };
    }

    /// <summary>The value as an amount per year: unchanged for an annual parameter, × 12 for a monthly one.</summary>
    /// <exception cref="InvalidOperationException">The parameter has no period, or is a list.</exception>
    public double PerYear()
    {
        RequireScalar();
        return Definition.Period switch
        {
            AmountPeriod.Year => Value.Scalar,
            AmountPeriod.Month => Value.Scalar * 12.0,
            _ => throw new InvalidOperationException($"Parameter '{Name}' has no period ({Definition.Unit}); it cannot be read as an amount per year."),
        };
    }

    /// <summary>A one-line description for explanations and reports: value, unit, period, provenance tag, whether illustrative or extrapolated, region, date and source.</summary>
    /// <param name="catalog">The catalogue used to name the region.</param>
    public string Describe(RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var unit = Definition.Unit switch
        {
            ParameterUnit.Yuan => Definition.Period switch { AmountPeriod.Month => "yuan/month", AmountPeriod.Year => "yuan/year", _ => "yuan" },
            ParameterUnit.YuanPerMu => "yuan/mu/year",
            ParameterUnit.Fraction => "(fraction)",
            ParameterUnit.Ratio => "(ratio)",
            _ => Definition.Unit.ToString().ToLowerInvariant(),
        };
        var adjusted = Adjustments.Count > 0 ? $" after reform: {string.Join("; ", Adjustments)};" : string.Empty;
        var illustrative = IsIllustrative ? " ILLUSTRATIVE, not a fact;" : string.Empty;
        var extrapolated = ExtrapolatedBeyond is { } known ? $" EXTRAPOLATED to {Date:yyyy-MM-dd}, values known to {known:yyyy-MM-dd};" : string.Empty;
        return $"{Name} = {Value} {unit} [{Provenance.Tag()}]{illustrative}{extrapolated}{adjusted} set by {catalog[Entry.Region]} from {Entry.From:yyyy-MM-dd}; source: {Entry.Source}";
    }

    private void RequireScalar()
    {
        if (Value.IsList)
        {
            throw new InvalidOperationException($"Parameter '{Name}' is a list of numbers; read it through Value.Items.");
        }
    }
}
