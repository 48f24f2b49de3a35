using SocialSecurity.Modeling.Money;

namespace SocialSecurity.Modeling.Programs.Pensions.Rules;

/// <summary>
/// A resident pension in payment, by component (docs/rules/pension.resident.md): <c>monthly = basic pension + top-ups + B/139</c>.
/// All amounts are yuan per month.
/// </summary>
/// <param name="BasicPension">The basic pension (基础养老金), financed by government.</param>
/// <param name="TopUps">Local top-ups paid with it (age top-up, long-contribution top-up, old-age allowance), financed by government.</param>
/// <param name="AccountPension">The individual-account pension, balance ÷ divisor.</param>
public readonly record struct ResidentBenefit(MonthlyYuan BasicPension, MonthlyYuan TopUps, MonthlyYuan AccountPension)
{
    /// <summary>No pension (not eligible).</summary>
    public static ResidentBenefit None => default;

    /// <summary>The total monthly pension.</summary>
    public MonthlyYuan Total => new(BasicPension.Value + TopUps.Value + AccountPension.Value);

    /// <summary>The part paid from public funds rather than the account: basic pension plus top-ups.</summary>
    public MonthlyYuan PublicFunding => new(BasicPension.Value + TopUps.Value);
}
