namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// One parameter value a projection used past the parameter's last dated value (docs/projection.md#extrapolation):
/// which parameter, where, from which year, by which rule, and the value.
/// </summary>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="RegionCode">The region (GB/T 2260 code) of the households it applied to.</param>
/// <param name="Year">The projected year.</param>
/// <param name="LastDatedYear">The year of the parameter's last dated value in that region.</param>
/// <param name="Kind">The rule: held, uprated with wages or prices, or a share of wage growth.</param>
/// <param name="Value">The value used on the year's run date (NaN for a list parameter).</param>
public sealed record ProjectionExtrapolation(string Parameter, string RegionCode, int Year, int LastDatedYear, ExtrapolationKind Kind, double Value);
