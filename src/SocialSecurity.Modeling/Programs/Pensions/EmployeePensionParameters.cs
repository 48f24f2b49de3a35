namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// The names of the employee-pension and annuity parameters (file <c>Data/parameters/cn/pension_employee.json</c>),
/// docs/rules/pension.employee.md. Each value in the file carries its provenance tag and source.
/// </summary>
public static class EmployeePensionParameters
{
    /// <summary>Parameter: the provincial average wage that sets the contribution band, yuan per year.</summary>
    public const string AverageWage = "pension.employee.average_wage";

    /// <summary>Parameter: the provincial benefit base W_prev (计发基数), yuan per month.</summary>
    public const string BenefitBase = "pension.employee.benefit_base";

    /// <summary>Parameter: the statutory pension age of men, years.</summary>
    public const string PensionAgeMale = "pension.employee.pension_age.male";

    /// <summary>Parameter: the statutory pension age of women (female workers), years.</summary>
    public const string PensionAgeFemale = "pension.employee.pension_age.female";

    /// <summary>Employer rate into the pooled fund (fraction of the base).</summary>
    public const string EmployerRate = "pension.employee.employer_rate";

    /// <summary>Employee rate into the individual account (fraction of the base).</summary>
    public const string EmployeeRate = "pension.employee.employee_rate";

    /// <summary>Lowest contribution base, fraction of the average wage.</summary>
    public const string BaseFloorRatio = "pension.employee.base_floor_ratio";

    /// <summary>Highest contribution base, multiple of the average wage.</summary>
    public const string BaseCeilingRatio = "pension.employee.base_ceiling_ratio";

    /// <summary>Flexible workers' total rate (fraction of the base).</summary>
    public const string FlexibleTotalRate = "pension.employee.flexible_total_rate";

    /// <summary>Flexible workers' account rate (fraction of the base).</summary>
    public const string FlexibleAccountRate = "pension.employee.flexible_account_rate";

    /// <summary>Minimum contribution years.</summary>
    public const string MinimumYears = "pension.employee.minimum_contribution_years";

    /// <summary>Age of the first divisor in <see cref="AccountDivisors"/>.</summary>
    public const string AccountDivisorFirstAge = "pension.employee.account_divisor_first_age";

    /// <summary>Account pension divisors by retirement age, months (list).</summary>
    public const string AccountDivisors = "pension.employee.account_divisors";

    /// <summary>Unified account crediting rate per year.</summary>
    public const string AccountInterestRate = "pension.employee.account_interest_rate";

    /// <summary>Basic pension accrual per contribution year (fraction, 1%).</summary>
    public const string BasicPensionAccrualRate = "pension.employee.basic_pension_accrual_rate";

    /// <summary>Annuity: employer contribution ceiling (fraction of payroll).</summary>
    public const string AnnuityEmployerMaxRate = "pension.annuity.employer_max_rate";

    /// <summary>Annuity: employer + employee contribution ceiling (fraction of payroll).</summary>
    public const string AnnuityTotalMaxRate = "pension.annuity.total_max_rate";
}
