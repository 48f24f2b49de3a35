using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>One line of a <see cref="CalibrationReport"/>: a target, what the population achieves, and the tolerance.</summary>
/// <param name="Name">The statistic, for example <c>gini_disposable_income</c>.</param>
/// <param name="Target">The target value.</param>
/// <param name="Achieved">The value measured on the population (person-weighted).</param>
/// <param name="Tolerance">The largest accepted absolute difference; <see cref="double.NaN"/> for reference-only lines.</param>
/// <param name="TargetProvenance">The target's provenance tag (an <see cref="Provenance.Illustrative"/> target is not a fact).</param>
public sealed record CalibrationCheck(string Name, double Target, double Achieved, double Tolerance, Provenance TargetProvenance)
{
    /// <summary>Whether the line is a generation target (it has a tolerance) rather than a reference value.</summary>
    public bool IsTarget => !double.IsNaN(Tolerance);

    /// <summary>Achieved − target.</summary>
    public double Difference => Achieved - Target;

    /// <summary>Whether |achieved − target| ≤ tolerance; always true for reference-only lines.</summary>
    public bool WithinTolerance => !IsTarget || Math.Abs(Difference) <= Tolerance;

    /// <inheritdoc />
    public override string ToString()
        => $"{Name,-26} target {Target,14:0.#####} [{TargetProvenance.Tag()}]  achieved {Achieved,14:0.#####}  "
           + (IsTarget ? $"±{Tolerance:0.#####} {(WithinTolerance ? "ok" : "OUTSIDE")}" : "reference only");
}
