namespace SocialSecurity.Modeling.Programs.Pensions.Rules;

/// <summary>
/// Employee-pension contributions on one wage (docs/rules/pension.employee.md): the base is the wage clamped to 60%–300% of the
/// average wage; the employer pays its rate (16% since May 2019) into the pooled fund, the employee 8% into the
/// individual account. Amounts are in the period of the wage given.
/// </summary>
/// <param name="ContributionBase">The clamped contribution base.</param>
/// <param name="Employer">The employer's contribution, to the pooled fund.</param>
/// <param name="Employee">The employee's contribution, to the individual account.</param>
public readonly record struct EmployeeContribution(double ContributionBase, double Employer, double Employee)
{
    /// <summary>Employer plus employee contributions.</summary>
    public double Total => Employer + Employee;
}
