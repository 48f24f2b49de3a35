using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// The extra person columns the employee-pension rules read: the population schema of <see cref="EmployeePensionProgram"/>.
/// Add them with <see cref="Populations.PopulationBuilder.AddColumn"/> and the definitions in <see cref="Columns"/>, which
/// are checked when the population is built; a population without them still runs <see cref="Policies.Standard"/>,
/// which does not read them.
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

    /// <summary>The declaration of <see cref="Insured"/>: a flag.</summary>
    public static readonly ColumnDefinition InsuredColumn = ColumnDefinition.Flag(Insured, Entity.Person, "The person is enrolled in the urban employee pension and contributes this year (if below the pension age)");

    /// <summary>The declaration of <see cref="ContributionYears"/>: years, finite and ≥ 0.</summary>
    public static readonly ColumnDefinition ContributionYearsColumn = ColumnDefinition.Quantity(ContributionYears, Entity.Person, "years", 0, double.PositiveInfinity, "Employee pension contribution years, including deemed years (at retirement for a pensioner)");

    /// <summary>The declaration of <see cref="ContributionIndex"/>: a ratio, finite and ≥ 0.</summary>
    public static readonly ColumnDefinition ContributionIndexColumn = ColumnDefinition.Quantity(ContributionIndex, Entity.Person, string.Empty, 0, double.PositiveInfinity, "Average contribution index over the career (clamped base ÷ average wage)");

    /// <summary>The declaration of <see cref="AccountBalance"/>: yuan (a stock), ≥ 0.</summary>
    public static readonly ColumnDefinition AccountBalanceColumn = ColumnDefinition.Amount(AccountBalance, Entity.Person, AmountPeriod.None, IncomeRole.None, "Employee pension individual-account balance at retirement");

    /// <summary>
    /// The declaration of <see cref="RetirementAge"/>: whole years, 0–120. Whether a positive age lies within the
    /// divisor table depends on the parameters in force, so the program checks that once when it is prepared.
    /// </summary>
    public static readonly ColumnDefinition RetirementAgeColumn = ColumnDefinition.Count(RetirementAge, Entity.Person, "years", 0, 120, "Retirement age (0 = the statutory age by sex)");

    /// <summary>Every column of the schema, by name.</summary>
    public static IReadOnlyList<string> All { get; } = [Insured, ContributionYears, ContributionIndex, AccountBalance, RetirementAge];

    /// <summary>Every column of the schema, declared.</summary>
    public static IReadOnlyList<ColumnDefinition> Columns { get; } = [InsuredColumn, ContributionYearsColumn, ContributionIndexColumn, AccountBalanceColumn, RetirementAgeColumn];
}
