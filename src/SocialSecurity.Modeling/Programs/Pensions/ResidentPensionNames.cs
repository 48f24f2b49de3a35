using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// Every name of the resident pension in one place: its parameters (<see cref="Parameters"/>) and the extra person
/// columns it reads (<see cref="Columns"/>). Its outputs are declared on <see cref="ResidentPensionProgram"/>.
/// </summary>
public static class ResidentPensionNames
{
    /// <summary>
    /// The names of the resident-pension parameters (files <c>Data/parameters/&lt;authority&gt;/pension_resident.json</c>).
    /// Each value in the files carries its provenance tag and source; see docs/rules/pension.resident.md.
    /// </summary>
    public static class Parameters
    {
        /// <summary>Contribution tiers, yuan/year, ascending (list).</summary>
        public const string Tiers = "pension.resident.tiers";

        /// <summary>Subsidy schedule thresholds, yuan/year (list; step function with <see cref="SubsidyAmounts"/>).</summary>
        public const string SubsidyThresholds = "pension.resident.subsidy.schedule_thresholds";

        /// <summary>Subsidy schedule amounts, yuan/year (list).</summary>
        public const string SubsidyAmounts = "pension.resident.subsidy.schedule_amounts";

        /// <summary>National subsidy floor thresholds, yuan/year (list).</summary>
        public const string SubsidyFloorThresholds = "pension.resident.subsidy.floor_thresholds";

        /// <summary>National subsidy floor amounts, yuan/year (list).</summary>
        public const string SubsidyFloorAmounts = "pension.resident.subsidy.floor_amounts";

        /// <summary>Share of the lowest tier the government pays for a dibao recipient (fraction).</summary>
        public const string GovernmentPaidShareDibao = "pension.resident.government_paid_share.dibao";

        /// <summary>Share of the lowest tier the government pays for a destitute person (fraction).</summary>
        public const string GovernmentPaidShareDestitute = "pension.resident.government_paid_share.destitute";

        /// <summary>Village-collective subsidy for rural contributors, yuan/year.</summary>
        public const string CollectiveSubsidy = "pension.resident.collective_subsidy";

        /// <summary>Account crediting rate per year (fraction).</summary>
        public const string InterestRate = "pension.resident.account_interest_rate";

        /// <summary>Account pension divisor, months.</summary>
        public const string Divisor = "pension.resident.account_divisor";

        /// <summary>Pension age, years.</summary>
        public const string PensionAge = "pension.resident.pension_age";

        /// <summary>Minimum contribution years.</summary>
        public const string MinimumYears = "pension.resident.minimum_contribution_years";

        /// <summary>Youngest contribution age, years.</summary>
        public const string MinimumContributionAge = "pension.resident.minimum_contribution_age";

        /// <summary>Calendar year the scheme started in the region.</summary>
        public const string SchemeStartYear = "pension.resident.scheme_start_year";

        /// <summary>Basic pension, yuan/month.</summary>
        public const string BasicPension = "pension.resident.basic_pension";

        /// <summary>Age of the local age top-up, years.</summary>
        public const string AgeTopUpAge = "pension.resident.age_top_up.age";

        /// <summary>Local age top-up, yuan/month.</summary>
        public const string AgeTopUpAmount = "pension.resident.age_top_up.amount";

        /// <summary>Age of the old-age allowance, years.</summary>
        public const string OldAgeAllowanceAge = "old_age_allowance.min_age";

        /// <summary>Old-age allowance, yuan/month.</summary>
        public const string OldAgeAllowanceAmount = "old_age_allowance.amount";

        /// <summary>Long-contribution top-up per year beyond the minimum, yuan/month.</summary>
        public const string LongContributionTopUp = "pension.resident.long_contribution_top_up";

        /// <summary>Every parameter the resident-pension rules use.</summary>
        public static IReadOnlyList<string> All { get; } =
        [
            Tiers, SubsidyThresholds, SubsidyAmounts, SubsidyFloorThresholds, SubsidyFloorAmounts, GovernmentPaidShareDibao,
            GovernmentPaidShareDestitute, CollectiveSubsidy, InterestRate, Divisor, PensionAge, MinimumYears, MinimumContributionAge,
            SchemeStartYear, BasicPension, AgeTopUpAge, AgeTopUpAmount, OldAgeAllowanceAge, OldAgeAllowanceAmount, LongContributionTopUp,
        ];
    }

    /// <summary>
    /// The extra person columns the resident-pension rules read: the population schema of <see cref="ResidentPensionProgram"/>.
    /// Add them with <see cref="Populations.PopulationBuilder.AddPersonColumn"/> (one finite value per person); a population
    /// without them still runs <see cref="Policies.Standard"/>, which does not read them.
    /// </summary>
    /// <remarks>
    /// <para>Contribution history is summarised, not simulated year by year: a static run needs the years already
    /// contributed and the account balance, which survey data report or a dynamic model projects.</para>
    /// <para>The assistance flags are inputs rather than the dibao program's output on purpose: the dibao income test
    /// counts the simulated pension (<see cref="PensionPolicies.WithResidentPension"/>), so reading the dibao result back
    /// would make a cycle. Use the status the person had when the year's contribution was due.</para>
    /// </remarks>
    public static class Columns
    {
        /// <summary>
        /// The tier the person chose, yuan per year (≥ 0; 0 = not enrolled or not contributing this year). An amount
        /// between listed tiers is snapped down to a listed tier; a positive amount below the lowest tier counts as the lowest.
        /// </summary>
        public const string TierAnnual = "pension.resident.tier_annual";

        /// <summary>Completed contribution years, including arrears paid (≥ 0).</summary>
        public const string ContributionYears = "pension.resident.contribution_years";

        /// <summary>
        /// The individual-account balance, yuan (≥ 0): for a pensioner the balance at the pension age (the account
        /// pension is fixed at balance ÷ 139 for life); for a contributor the current balance (not used this year).
        /// </summary>
        public const string AccountBalance = "pension.resident.account_balance";

        /// <summary>1 when the person is a dibao recipient (the government pays its share of the lowest tier), else 0.</summary>
        public const string DibaoRecipient = "assistance.dibao_recipient";

        /// <summary>1 when the person is a destitute person (特困人员; the government pays its share of the lowest tier), else 0.</summary>
        public const string Destitute = "assistance.destitute";

        /// <summary>Every column of the schema.</summary>
        public static IReadOnlyList<string> All { get; } = [TierAnnual, ContributionYears, AccountBalance, DibaoRecipient, Destitute];
    }

    /// <summary>
    /// The declarations of <see cref="Columns"/> (entity, unit, period, range), checked once when a population is
    /// built with them (<see cref="Populations.PopulationBuilder.AddColumn(ColumnDefinition, double[])"/>), never per row in a rule.
    /// </summary>
    public static class ColumnDefinitions
    {
        /// <summary>The declaration of <see cref="Columns.TierAnnual"/>: yuan per year, ≥ 0.</summary>
        public static readonly ColumnDefinition TierAnnual = ColumnDefinition.Amount(Columns.TierAnnual, Entity.Person, AmountPeriod.Year, IncomeRole.None, "Resident pension contribution tier chosen, yuan per year (0 = not contributing this year)");

        /// <summary>The declaration of <see cref="Columns.ContributionYears"/>: years, ≥ 0.</summary>
        public static readonly ColumnDefinition ContributionYears = ColumnDefinition.Quantity(Columns.ContributionYears, Entity.Person, "years", 0, double.PositiveInfinity, "Resident pension contribution years completed, including arrears paid");

        /// <summary>The declaration of <see cref="Columns.AccountBalance"/>: yuan (a stock), ≥ 0.</summary>
        public static readonly ColumnDefinition AccountBalance = ColumnDefinition.Amount(Columns.AccountBalance, Entity.Person, AmountPeriod.None, IncomeRole.None, "Resident pension individual-account balance (at the pension age for a pensioner)");

        /// <summary>The declaration of <see cref="Columns.DibaoRecipient"/>: a flag.</summary>
        public static readonly ColumnDefinition DibaoRecipient = ColumnDefinition.Flag(Columns.DibaoRecipient, Entity.Person, "The person is a dibao recipient when the contribution is due");

        /// <summary>The declaration of <see cref="Columns.Destitute"/>: a flag.</summary>
        public static readonly ColumnDefinition Destitute = ColumnDefinition.Flag(Columns.Destitute, Entity.Person, "The person is a destitute person (特困人员) when the contribution is due");

        /// <summary>Every declaration, in the order of <see cref="Columns.All"/>.</summary>
        public static IReadOnlyList<ColumnDefinition> All { get; } = [TierAnnual, ContributionYears, AccountBalance, DibaoRecipient, Destitute];
    }
}
