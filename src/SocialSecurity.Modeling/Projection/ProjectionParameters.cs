namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// The names of the projection's economic parameters (file <c>Data/parameters/cn/projection.json</c>), dated values
/// with provenance in the parameter store, so that a scenario is a reform. docs/projection.md#economy.
/// </summary>
public static class ProjectionParameters
{
    /// <summary>Nominal growth of average wages, fraction per year [I]: uprates wage-linked parameters past their last dated value and drives wage dynamics.</summary>
    public const string NominalWageGrowth = "projection.nominal_wage_growth";

    /// <summary>Consumer price growth, fraction per year [I]: uprates price-linked parameters past their last dated value.</summary>
    public const string PriceGrowth = "projection.price_growth";

    /// <summary>The yearly increase of employee pensions in payment, fraction (published increases [U], then <see cref="ExtrapolationRule.Default"/>).</summary>
    public const string IndexationRate = "pension.employee.indexation_rate";
}
