namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>
/// Targets against what a population achieves: weighted population, urban share, mean per-capita disposable income
/// (all, urban, rural), the urban–rural ratio, the Gini coefficient, age shares and household size, each with its
/// tolerance; plus reference-only lines (published values that are not generation targets).
/// </summary>
/// <remarks>
/// Income is the household's per-capita sum of the five income columns (wages, business, property, private transfers,
/// reported pensions), which the synthetic populations generate as components of <b>disposable</b> income (net of
/// taxes and contributions). Every statistic is weighted by persons (household weight × size).
/// </remarks>
public sealed class CalibrationReport
{
    internal CalibrationReport(string regionCode, int year, IReadOnlyList<CalibrationCheck> checks)
    {
        RegionCode = regionCode;
        Year = year;
        Checks = checks;
    }

    /// <summary>The region the targets belong to.</summary>
    public string RegionCode { get; }

    /// <summary>The target year.</summary>
    public int Year { get; }

    /// <summary>Every line, targets first.</summary>
    public IReadOnlyList<CalibrationCheck> Checks { get; }

    /// <summary>Whether every target is met within its tolerance.</summary>
    public bool AllWithinTolerance => Checks.All(c => c.WithinTolerance);

    /// <summary>The line for a statistic.</summary>
    /// <param name="name">For example <c>disposable_income_rural</c>.</param>
    /// <exception cref="KeyNotFoundException">No such line.</exception>
    public CalibrationCheck this[string name]
        => Checks.FirstOrDefault(c => c.Name == name)
           ?? throw new KeyNotFoundException($"The calibration report has no line '{name}'; it has: {string.Join(", ", Checks.Select(c => c.Name))}.");

    /// <inheritdoc />
    public override string ToString()
        => $"Calibration of {RegionCode} ({Year}): {(AllWithinTolerance ? "all targets met" : "SOME TARGETS MISSED")}{Environment.NewLine}"
           + string.Join(Environment.NewLine, Checks.Select(c => "  " + c));
}
