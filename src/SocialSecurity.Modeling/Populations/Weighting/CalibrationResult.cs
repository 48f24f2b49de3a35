namespace SocialSecurity.Modeling.Populations.Weighting;

/// <summary>
/// Calibrated household weights and their report: method, convergence, iterations, the largest relative margin
/// error, every calibration equation before and after, and the spread of the weights.
/// </summary>
/// <param name="Weights">The calibrated weights, one per household, in the order given.</param>
/// <param name="Options">The method, bounds and convergence settings used.</param>
/// <param name="Converged">Whether every margin was met within <see cref="CalibrationOptions.Tolerance"/>.</param>
/// <param name="Iterations">The Newton iterations used (1 for linear calibration, which is solved in closed form).</param>
/// <param name="MaxRelativeError">The largest <see cref="CalibrationMarginResult.RelativeError"/> at the end.</param>
/// <param name="Margins">Each calibration equation, in the order of the margins (a categorical margin gives one per category, named <c>name=c</c>), including equations dropped as redundant.</param>
/// <param name="Spread">The spread of the weights and weight ratios.</param>
public sealed record CalibrationResult(
    double[] Weights,
    CalibrationOptions Options,
    bool Converged,
    int Iterations,
    double MaxRelativeError,
    IReadOnlyList<CalibrationMarginResult> Margins,
    WeightSpread Spread)
{
    /// <inheritdoc />
    public override string ToString()
        => $"{Options} calibration {(Converged ? "converged" : "DID NOT CONVERGE")} after {Iterations} iteration(s); max relative error {MaxRelativeError:E2}{Environment.NewLine}  {Spread}"
           + string.Concat(Margins.Select(m => $"{Environment.NewLine}  {m.Name}: target {m.Target:N1}, before {m.Before:N1}, achieved {m.Achieved:N1}"));
}
