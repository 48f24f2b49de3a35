using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Programs.Pensions.Rules;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>One year of age in a lifetime pension valuation: the flows if the person is alive at the start of the year, and the weights that value them.</summary>
/// <param name="Age">The age in completed years during the year.</param>
/// <param name="Survival">The probability of being alive at the start of the year, given alive at the history's start age.</param>
/// <param name="DiscountFactor">(1 + d)^−(age − start age).</param>
/// <param name="Contribution">The year's contribution by payer (none from the pension age on).</param>
/// <param name="BalanceAtYearEnd">The account balance at the end of the year, yuan (it stops growing at the pension age: the account pension is fixed then).</param>
/// <param name="Benefit">The pension received during the year, yuan/year (12 × the monthly pension), if alive.</param>
public readonly record struct LifetimeYear(int Age, double Survival, double DiscountFactor, ResidentContribution Contribution, double BalanceAtYearEnd, ResidentBenefit Benefit)
{
    /// <summary>The pension received during the year, yuan per year (12 × monthly).</summary>
    public AnnualYuan BenefitAnnual => Benefit.Total.ToAnnual();

    /// <summary>The person's net flow in the year, if alive: pension received − own contribution, yuan.</summary>
    public double NetFlowToPerson => BenefitAnnual.Value - Contribution.Own.Value;
}
