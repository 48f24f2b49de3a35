using SocialSecurity.Modeling.Money;

namespace SocialSecurity.Modeling.Programs.Pensions.Rules;

/// <summary>
/// One year's credit to a resident's individual account, by who pays it (docs/rules/pension.resident.md):
/// <c>A_y = own + 代缴 + s(t) + c</c>. All amounts are yuan per year and never negative.
/// </summary>
/// <param name="Tier">The contribution tier the credit is for (own + government-paid), yuan/year.</param>
/// <param name="Own">Paid by the person.</param>
/// <param name="GovernmentPaid">Paid by the government on the person's behalf (代缴) for vulnerable groups; never charged to the person.</param>
/// <param name="Subsidy">The government contribution subsidy <i>s(t)</i>.</param>
/// <param name="Collective">The village-collective subsidy <i>c</i>.</param>
public readonly record struct ResidentContribution(AnnualYuan Tier, AnnualYuan Own, AnnualYuan GovernmentPaid, AnnualYuan Subsidy, AnnualYuan Collective)
{
    /// <summary>No contribution (not enrolled this year).</summary>
    public static ResidentContribution None => default;

    /// <summary>The annual credit to the account: own + government-paid + subsidy + collective.</summary>
    public AnnualYuan Credit => new(Own.Value + GovernmentPaid.Value + Subsidy.Value + Collective.Value);

    /// <summary>The part financed by government: government-paid contribution plus subsidy.</summary>
    public AnnualYuan PublicFunding => new(GovernmentPaid.Value + Subsidy.Value);
}
