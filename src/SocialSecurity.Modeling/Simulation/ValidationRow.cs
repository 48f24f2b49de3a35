using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Simulation;

/// <summary>Whether a validation row was calibrated to or is an independent check.</summary>
public enum ValidationKind
{
    /// <summary>A calibration target: the baseline is made to meet it.</summary>
    Target,

    /// <summary>A check: never calibrated to; it must come out right from the rules and the income shape.</summary>
    Check,
}

/// <summary>The outcome of a validation row.</summary>
public enum ValidationStatus
{
    /// <summary>Within its tolerance.</summary>
    Met,

    /// <summary>Outside its tolerance: <see cref="ValidationRow.Driver"/> names the assumption that drives it.</summary>
    Missed,

    /// <summary>The baseline does not simulate the quantity; <see cref="ValidationRow.Driver"/> says what is missing.</summary>
    NotSimulated,

    /// <summary>
    /// No figure is published: the reference value is illustrative [I], so the simulated value is reported, neither
    /// met nor missed (for example a province's Gini coefficient); <see cref="ValidationRow.Driver"/> says so.
    /// </summary>
    NotPublished,
}

/// <summary>One row of a baseline validation table: a published value against the simulated one.</summary>
/// <param name="Region">The region code.</param>
/// <param name="Name">The statistic, for example <c>disposable_income_median</c>.</param>
/// <param name="Kind">Target or check.</param>
/// <param name="Published">The published value.</param>
/// <param name="Simulated">The simulated value (<see cref="double.NaN"/> when not simulated).</param>
/// <param name="Unit">The unit.</param>
/// <param name="Year">The year of the published value.</param>
/// <param name="Provenance">The published value's provenance tag.</param>
/// <param name="Source">Where the published value comes from.</param>
/// <param name="Tolerance">The tolerance: relative when <paramref name="RelativeTolerance"/>, else absolute.</param>
/// <param name="RelativeTolerance">Whether <paramref name="Tolerance"/> is a share of the published value.</param>
/// <param name="Status">Met, missed or not simulated.</param>
/// <param name="Driver">For a missed or unsimulated row: the [I] assumption (or missing input) that drives it; otherwise empty.</param>
/// <param name="Sensitivity">For a missed row: the simulated value when the driver is varied over its plausible range; for a count that few sample persons make (destitute persons), also its sampling interval, met or missed; otherwise empty.</param>
public sealed record ValidationRow(
    string Region,
    string Name,
    ValidationKind Kind,
    double Published,
    double Simulated,
    string Unit,
    int Year,
    Provenance Provenance,
    string Source,
    double Tolerance,
    bool RelativeTolerance,
    ValidationStatus Status,
    string Driver,
    string Sensitivity)
{
    /// <summary>(simulated − published) / published.</summary>
    public double RelativeError => (Simulated - Published) / Published;

    /// <summary>The tolerance as text: "±1%" or "±0.01".</summary>
    public string ToleranceText => RelativeTolerance ? $"±{Tolerance * 100:0.##}%" : $"±{Tolerance:0.####}";

    /// <summary>Whether a simulated value is within the tolerance of a published one.</summary>
    /// <param name="published">The published value.</param>
    /// <param name="simulated">The simulated value.</param>
    /// <param name="tolerance">The tolerance.</param>
    /// <param name="relative">Whether the tolerance is relative.</param>
    public static bool Within(double published, double simulated, double tolerance, bool relative)
        => Math.Abs(simulated - published) <= (relative ? tolerance * Math.Abs(published) : tolerance) * (1 + 1e-12);
}
