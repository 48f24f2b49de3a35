namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// The extra person columns the employee-pension rules read: the population schema of <see cref="EmployeePensionProgram"/>.
/// Add them with <see cref="Populations.PopulationBuilder.AddPersonColumn"/> (one finite value per person); a population
/// without them still runs <see cref="Policies.Standard"/>, which does not read them.
/// </summary>
/// <remarks>
/// Careers are summarised, not simulated year by year: a static run needs the years already contributed, the
/// average contribution index and the account balance, which survey data report or a dynamic model projects.
/// </remarks>
public static class EmployeePensionSchema
{
    /// <summary>1 when the person is enrolled in the urban employee pension and contributes this year (if below the pension age), else 0.</summary>
    public const string Insured = "pension.employee.insured";

    /// <summary>n: contribution years, including deemed years (视同缴费年限), ≥ 0. For a pensioner, the years at retirement.</summary>
    public const string ContributionYears = "pension.employee.contribution_years";

    /// <summary>Ī: the average contribution index over the career (each year's clamped base ÷ the average wage; 0.6–3.0 under the band), ≥ 0.</summary>
    public const string ContributionIndex = "pension.employee.contribution_index";

    /// <summary>B: the individual-account balance at retirement, yuan (≥ 0); the account pension is B ÷ divisor(retirement age) for life.</summary>
    public const string AccountBalance = "pension.employee.account_balance";

    /// <summary>
    /// The person's retirement age, whole years: 0 means the statutory age by sex (60 men, 50 women); a positive value
    /// (early retirement, women cadres at 55, the post-2025 delayed ages) must lie within the divisor table (40–70).
    /// </summary>
    public const string RetirementAge = "pension.employee.retirement_age";

    /// <summary>Every column of the schema.</summary>
    public static IReadOnlyList<string> All { get; } = [Insured, ContributionYears, ContributionIndex, AccountBalance, RetirementAge];
}
