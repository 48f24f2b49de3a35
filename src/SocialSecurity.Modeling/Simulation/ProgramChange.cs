using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Simulation;

/// <summary>
/// How one monetary output changes between a baseline and a reform run: annual totals and recipients (weighted).
/// Recipients, gained and lost are counted in <see cref="RecipientUnit"/>: weighted households for a household
/// output, weighted persons for a person output, so two rows of a comparison may count different units.
/// </summary>
/// <param name="Variable">The output variable.</param>
/// <param name="BaselineAnnual">Weighted annual total in the baseline, yuan per year.</param>
/// <param name="ReformAnnual">Weighted annual total under the reform, yuan per year.</param>
/// <param name="BaselineRecipients">Weighted <see cref="RecipientUnit"/>s (households for household variables, persons for person variables) with a positive value in the baseline.</param>
/// <param name="ReformRecipients">The same under the reform, in the same unit.</param>
/// <param name="Gained">Weighted <see cref="RecipientUnit"/>s with nothing in the baseline and a positive value under the reform.</param>
/// <param name="Lost">Weighted <see cref="RecipientUnit"/>s with a positive value in the baseline and nothing under the reform.</param>
public sealed record ProgramChange(
    VariableDefinition Variable,
    double BaselineAnnual,
    double ReformAnnual,
    double BaselineRecipients,
    double ReformRecipients,
    double Gained,
    double Lost)
{
    /// <summary>The unit the recipients, gained and lost are counted in: <see cref="Entity.Household"/> (weighted households) or <see cref="Entity.Person"/> (weighted persons), the variable's own entity.</summary>
    public Entity RecipientUnit => Variable.Entity;

    /// <summary>The change in the annual total, yuan per year (reform − baseline).</summary>
    public double ChangeAnnual => ReformAnnual - BaselineAnnual;
}
