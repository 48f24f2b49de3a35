using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// Every name of the urban employee pension in one place: its parameters and the annuity limits
/// (<see cref="Parameters"/>) and the extra person columns it reads (<see cref="Columns"/>). Its outputs are declared
/// on <see cref="EmployeePensionProgram"/>.
/// </summary>
public static class EmployeePensionNames
{
    /// <summary>
    /// The names of the employee-pension and annuity parameters (file <c>Data/parameters/cn/pension_employee.json</c>),
    /// docs/rules/pension.employee.md. Each value in the file carries its provenance tag and source.
    /// </summary>
    public static class Parameters
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

        /// <summary>The parameters of the benefit rule, those <see cref="EmployeePensionProgram"/> declares (the contribution parameters are declared by <see cref="Insurance.SocialInsuranceContributionsProgram"/>).</summary>
        public static IReadOnlyList<string> Benefit { get; } =
        [
            BenefitBase, PensionAgeMale, PensionAgeFemale, MinimumYears, BasicPensionAccrualRate, AccountDivisorFirstAge, AccountDivisors,
        ];

        /// <summary>Every parameter of the employee-pension terms (<see cref="EmployeePensionTerms"/>): the benefit rule's and the contribution rates and band; the account rates and annuity limits are for lifetime and annuity calculations.</summary>
        public static IReadOnlyList<string> All { get; } =
        [
            AverageWage, BenefitBase, PensionAgeMale, PensionAgeFemale, EmployerRate, EmployeeRate, BaseFloorRatio, BaseCeilingRatio,
            FlexibleTotalRate, MinimumYears, BasicPensionAccrualRate, AccountDivisorFirstAge, AccountDivisors,
        ];
    }

    /// <summary>
    /// The extra person columns the employee-pension rules read: the population schema of <see cref="EmployeePensionProgram"/>.
    /// Add them with <see cref="Populations.PopulationBuilder.AddPersonColumn"/> (one finite value per person); a population
    /// without them still runs <see cref="Policies.Standard"/>, which does not read them.
    /// </summary>
    /// <remarks>
    /// Careers are summarised, not simulated year by year: a static run needs the years already contributed, the
    /// average contribution index and the account balance, which survey data report or a dynamic model projects.
    /// </remarks>
    public static class Columns
    {
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
        public static IReadOnlyList<string> All { get; } = [ContributionYears, ContributionIndex, AccountBalance, RetirementAge];
    }

    /// <summary>
    /// The declarations of <see cref="Columns"/> (entity, unit, period, range), checked once when a population is
    /// built with them (<see cref="Populations.PopulationBuilder.AddColumn(ColumnDefinition, double[])"/>), never per row in a rule.
    /// </summary>
    public static class ColumnDefinitions
    {
        /// <summary>The declaration of <see cref="Columns.ContributionYears"/>: years, ≥ 0.</summary>
        public static readonly ColumnDefinition ContributionYears = ColumnDefinition.Quantity(Columns.ContributionYears, Entity.Person, "years", 0, double.PositiveInfinity, "Employee pension contribution years, including deemed years (at retirement for a pensioner)");

        /// <summary>The declaration of <see cref="Columns.ContributionIndex"/>: a ratio, ≥ 0.</summary>
        public static readonly ColumnDefinition ContributionIndex = ColumnDefinition.Quantity(Columns.ContributionIndex, Entity.Person, string.Empty, 0, double.PositiveInfinity, "Average contribution index over the career (clamped base ÷ average wage)");

        /// <summary>The declaration of <see cref="Columns.AccountBalance"/>: yuan (a stock), ≥ 0.</summary>
        public static readonly ColumnDefinition AccountBalance = ColumnDefinition.Amount(Columns.AccountBalance, Entity.Person, AmountPeriod.None, IncomeRole.None, "Employee pension individual-account balance at retirement");

        /// <summary>
        /// The declaration of <see cref="Columns.RetirementAge"/>: whole years, 0–120. Whether a positive age lies within
        /// the divisor table depends on the parameters in force, so the program checks that once when it is prepared.
        /// </summary>
        public static readonly ColumnDefinition RetirementAge = ColumnDefinition.Count(Columns.RetirementAge, Entity.Person, "years", 0, 120, "Retirement age (0 = the statutory age by sex)");

        /// <summary>Every declaration, in the order of <see cref="Columns.All"/>.</summary>
        public static IReadOnlyList<ColumnDefinition> All { get; } = [ContributionYears, ContributionIndex, AccountBalance, RetirementAge];
    }
}
