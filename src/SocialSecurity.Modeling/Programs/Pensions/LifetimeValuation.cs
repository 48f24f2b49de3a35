using System.Collections.Immutable;
using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Programs.Pensions.Rules;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// The lifetime view of one person's resident pension (<see cref="ResidentPensionLifetime.Evaluate"/>): who paid
/// how much, the pension it buys, what it is worth under a life table and a discount rate, and the person's internal
/// rate of return. Amounts in yuan; "expected present values" are survival-weighted and discounted to the start age.
/// </summary>
/// <param name="Years">Every year of age from the start age to the horizon.</param>
/// <param name="Eligible">Whether the history reaches the minimum contribution years (new-entrant rule, no transitional relief).</param>
/// <param name="BalanceAtPensionAge">The account balance at the pension age.</param>
/// <param name="PensionAtPensionAge">The monthly pension at the pension age, by component.</param>
/// <param name="PaidByPerson">Own contributions over the history (undiscounted, if alive throughout).</param>
/// <param name="PaidByGovernmentOnBehalf">Government-paid contributions (代缴), undiscounted.</param>
/// <param name="SubsidyPaid">Government subsidies s(t), undiscounted.</param>
/// <param name="CollectivePaid">Collective subsidies, undiscounted.</param>
/// <param name="BenefitsIfAliveToHorizon">Pension received from the pension age to the horizon by a person who survives to it (undiscounted).</param>
/// <param name="ExpectedPresentValueOfOwnContributions">Expected present value of own contributions.</param>
/// <param name="ExpectedPresentValueOfPublicContributions">Expected present value of government-paid contributions, subsidies and collective subsidies.</param>
/// <param name="ExpectedPresentValueOfBenefits">Expected present value of the pension.</param>
/// <param name="ExpectedPresentValueOfPublicBenefits">Expected present value of the government-financed part of the pension (basic pension and top-ups).</param>
/// <param name="DiscountRate">The discount rate used.</param>
/// <param name="InternalRateOfReturn">The rate at which the expected present value of the person's net flows is zero; <see langword="null"/> when the person paid nothing or no rate in (−99%, 1000%] solves it.</param>
public sealed record LifetimeValuation(
    ImmutableArray<LifetimeYear> Years,
    bool Eligible,
    double BalanceAtPensionAge,
    ResidentBenefit PensionAtPensionAge,
    double PaidByPerson,
    double PaidByGovernmentOnBehalf,
    double SubsidyPaid,
    double CollectivePaid,
    double BenefitsIfAliveToHorizon,
    double ExpectedPresentValueOfOwnContributions,
    double ExpectedPresentValueOfPublicContributions,
    double ExpectedPresentValueOfBenefits,
    double ExpectedPresentValueOfPublicBenefits,
    double DiscountRate,
    double? InternalRateOfReturn)
{
    /// <summary>The person's net present value: expected present value of benefits − of own contributions.</summary>
    public double NetPresentValue => ExpectedPresentValueOfBenefits - ExpectedPresentValueOfOwnContributions;

    /// <summary>Money's worth: expected present value of benefits ÷ of own contributions; <see langword="null"/> when the person paid nothing.</summary>
    public double? MoneysWorthRatio => ExpectedPresentValueOfOwnContributions > 0 ? ExpectedPresentValueOfBenefits / ExpectedPresentValueOfOwnContributions : null;

    /// <summary>The monthly pension at the pension age, total.</summary>
    public MonthlyYuan MonthlyPension => PensionAtPensionAge.Total;
}
