using SocialSecurity.Modeling.Money;

namespace SocialSecurity.Modeling.Programs.Pensions.Rules;

/// <summary>An employee basic pension in payment, by component (docs/rules/pension.employee.md). Yuan per month.</summary>
/// <param name="BasicPension">The pooled basic pension, <c>W_prev × (1 + Ī)/2 × n × 1%</c>.</param>
/// <param name="AccountPension">The individual-account pension, <c>B / divisor(age)</c>.</param>
public readonly record struct EmployeePension(MonthlyYuan BasicPension, MonthlyYuan AccountPension)
{
    /// <summary>The total monthly pension (transitional pensions, which are provincial, are not included).</summary>
    public MonthlyYuan Total => new(BasicPension.Value + AccountPension.Value);
}
