namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// A declared rule for one parameter past its last dated value (docs/projection.md#extrapolation): uprated with wages or
/// prices, a share of wage growth, or held. The rule is itself an assumption, with its provenance tag and source.
/// </summary>
/// <param name="Parameter">The parameter's name (a scalar parameter of the store).</param>
/// <param name="Kind">How it is carried forward.</param>
/// <param name="Share">For <see cref="ExtrapolationKind.ShareOfWageGrowth"/>, the share (0.6 = 60% of wage growth); ignored otherwise.</param>
/// <param name="Tag">Provenance tag of the rule (P N L D U I).</param>
/// <param name="Source">Why this rule.</param>
public sealed record ExtrapolationRule(string Parameter, ExtrapolationKind Kind, double Share, string Tag, string Source)
{
    /// <summary>
    /// The default rules: the average wage and the benefit base W_prev of the employee pension and the dibao standards
    /// uprated with wages [I]; the resident basic pension uprated with prices [I]; employee pensions in payment indexed
    /// by 60% of wage growth after the last published increase [I]. Every other parameter is held.
    /// </summary>
    public static IReadOnlyList<ExtrapolationRule> Default { get; } =
    [
        new("pension.employee.average_wage", ExtrapolationKind.Wages, 1, "I", "Illustrative: the average wage that sets the contribution band follows nominal wage growth (docs/projection.md#extrapolation)"),
        new("pension.employee.benefit_base", ExtrapolationKind.Wages, 1, "I", "Illustrative: the benefit base W_prev is last year's average wage, so it follows nominal wage growth (docs/projection.md#extrapolation)"),
        new("dibao.standard.urban", ExtrapolationKind.Wages, 1, "I", "Illustrative: dibao standards are raised in step with incomes (docs/projection.md#extrapolation)"),
        new("dibao.standard.rural", ExtrapolationKind.Wages, 1, "I", "Illustrative: dibao standards are raised in step with incomes (docs/projection.md#extrapolation)"),
        new("pension.resident.basic_pension", ExtrapolationKind.Prices, 1, "I", "Illustrative: the resident basic pension keeps its real value (docs/projection.md#extrapolation)"),
        new(ProjectionParameters.IndexationRate, ExtrapolationKind.ShareOfWageGrowth, 0.6, "I", "Illustrative: employee pensions in payment rise by 60% of nominal wage growth after the last published increase (docs/projection.md#extrapolation)"),
    ];
}
