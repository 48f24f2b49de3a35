
namespace SocialSecurity.Modeling.Core;

/// <summary>One step of a household calculation: what was computed, the result, and the parameter values used (with their source and date).</summary>
/// <param name="Program">The program that computed it.</param>
/// <param name="Text">What was computed, as a formula with the numbers filled in.</param>
/// <param name="Value">The result, or <see langword="null"/> for a purely descriptive step.</param>
/// <param name="Unit">The result's unit and period, for example <c>yuan/month</c>.</param>
/// <param name="Parameters">The parameter values the step used.</param>
public sealed record ExplanationStep(string Program, string Text, double? Value, string Unit, IReadOnlyList<ResolvedParameter> Parameters);
