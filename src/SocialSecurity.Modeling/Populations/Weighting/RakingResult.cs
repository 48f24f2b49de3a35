namespace SocialSecurity.Modeling.Populations.Weighting;

/// <summary>
/// The raked household weights and a convergence report: iterations, the largest relative margin error, each
/// margin before and after, and the range of weight adjustment factors (raked ÷ design weight).
/// </summary>
/// <param name="Weights">The raked weights, one per household, in the order given.</param>
/// <param name="Converged">Whether every margin was met within <see cref="RakingOptions.Tolerance"/>.</param>
/// <param name="Iterations">The Newton iterations used.</param>
/// <param name="MaxRelativeError">The largest relative margin error at the end.</param>
/// <param name="Margins">Each margin's target, starting and achieved totals.</param>
/// <param name="MinFactor">The smallest adjustment factor over households with a positive design weight.</param>
/// <param name="MaxFactor">The largest adjustment factor over households with a positive design weight.</param>
public sealed record RakingResult(
    double[] Weights,
    bool Converged,
    int Iterations,
    double MaxRelativeError,
    IReadOnlyList<RakingMarginResult> Margins,
    double MinFactor,
    double MaxFactor)
{
    /// <inheritdoc />
    public override string ToString()
        => $"raking {(Converged ? "converged" : "DID NOT CONVERGE")} after {Iterations} iteration(s); max relative error {MaxRelativeError:E2}; weight factors {MinFactor:0.###}–{MaxFactor:0.###}"
           + string.Concat(Margins.Select(m => $"{Environment.NewLine}  {m.Name}: target {m.Target:N1}, before {m.Before:N1}, achieved {m.Achieved:N1}"));
}
