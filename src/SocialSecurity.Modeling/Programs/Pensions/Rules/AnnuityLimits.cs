namespace SocialSecurity.Modeling.Programs.Pensions.Rules;

/// <summary>
/// Contribution ceilings of an enterprise or occupational annuity (企业年金/职业年金), docs/rules/pension.employee.md [U]: the employer
/// pays at most 8% of payroll and employer plus employee at most 12%. Resolve the limits in force with
/// <c>EmployeePensionTerms.ResolveAnnuityLimits</c>.
/// </summary>
/// <param name="EmployerMaxRate">The employer ceiling, a fraction of payroll.</param>
/// <param name="TotalMaxRate">The employer + employee ceiling, a fraction of payroll (≥ the employer ceiling).</param>
public readonly record struct AnnuityLimits(double EmployerMaxRate, double TotalMaxRate);
