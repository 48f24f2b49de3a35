using System.Globalization;
using System.Text;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Core;

/// <summary>
/// The trace of a household calculation: each step a program took, with the parameter values (and their region,
/// date, provenance and source) it used. Programs write to it only when one is supplied, so population runs pay
/// nothing for it.
/// </summary>
public sealed class Explanation
{
    private readonly List<ExplanationStep> _steps = [];

    /// <summary>The steps, in the order they were taken.</summary>
    public IReadOnlyList<ExplanationStep> Steps => _steps;

    /// <summary>Records a step.</summary>
    /// <param name="program">The program taking the step.</param>
    /// <param name="text">What was computed, as a formula with the numbers filled in.</param>
    /// <param name="value">The result, if any.</param>
    /// <param name="unit">The result's unit and period.</param>
    /// <param name="parameters">The parameter values used.</param>
    public void Record(string program, string text, double? value, string unit, params ResolvedParameter[] parameters)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(text);
        _steps.Add(new ExplanationStep(program, text, value, unit ?? string.Empty, parameters ?? []));
    }

    /// <summary>The explanation as indented text: one line per step, then one line per parameter it used.</summary>
    /// <param name="regions">The catalogue used to name regions.</param>
    public string ToText(RegionCatalog regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var text = new StringBuilder();
        foreach (var step in _steps)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{step.Program}] {step.Text}");
            if (step.Value is { } value)
            {
                text.Append(CultureInfo.InvariantCulture, $" = {value:0.00} {step.Unit}");
            }

            text.AppendLine();
            foreach (var parameter in step.Parameters)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"      {parameter.Describe(regions)}");
            }
        }

        return text.ToString();
    }
}
