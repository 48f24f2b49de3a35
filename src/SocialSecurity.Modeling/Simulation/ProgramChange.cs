using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Simulation;

/// <summary>How one monetary output changes between a baseline and a reform run: annual totals and recipients (weighted).</summary>
/// <param name="Variable">The output variable.</param>
/// <param name="BaselineAnnual">Weighted annual total in the baseline, yuan per year.</param>
/// <param name="ReformAnnual">Weighted annual total under the reform, yuan per year.</param>
/// <param name="BaselineRecipients">Weighted households (or persons, for person variables) with a positive value in the baseline.</param>
/// <param name="ReformRecipients">The same under the reform.</param>
/// <param name="Gained">Weighted units with nothing in the baseline and a positive value under the reform.</param>
/// <param name="Lost">Weighted units with a positive value in the baseline and nothing under the reform.</param>
public sealed record ProgramChange(
    VariableDefinition Variable,
    double BaselineAnnual,
    double ReformAnnual,
    double BaselineRecipients,
    double ReformRecipients,
    double Gained,
    double Lost)
{
    /// <summary>The change in the annual total, yuan per year (reform − baseline).</summary>
    public double ChangeAnnual => ReformAnnual - BaselineAnnual;
}
