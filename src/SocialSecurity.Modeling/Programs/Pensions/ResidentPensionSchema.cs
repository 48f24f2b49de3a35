using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// The extra person columns the resident-pension rules read: the population schema of <see cref="ResidentPensionProgram"/>.
/// Add them with <see cref="Populations.PopulationBuilder.AddColumn"/> and the definitions in <see cref="Columns"/>, which
/// are checked when the population is built; a population without them still runs <see cref="Policies.Standard"/>,
/// which does not read them.
/// </summary>
/// <remarks>
/// <para>Contribution history is summarised, not simulated year by year: a static run needs the years already
/// contributed and the account balance, which survey data report or a dynamic model projects.</para>
/// <para>The assistance flags are inputs rather than the dibao program's output on purpose: the dibao income test
/// counts the simulated pension (<see cref="PensionPolicies.WithResidentPension"/>), so reading the dibao result back
/// would make a cycle. Use the status the person had when the year's contribution was due.</para>
/// </remarks>
public static class ResidentPensionSchema
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

    /// <summary>The declaration of <see cref="TierAnnual"/>: yuan per year, ≥ 0.</summary>
    public static readonly ColumnDefinition TierAnnualColumn = ColumnDefinition.Amount(TierAnnual, Entity.Person, AmountPeriod.Year, IncomeRole.None, "Resident pension contribution tier chosen, yuan per year (0 = not contributing this year)");

    /// <summary>The declaration of <see cref="ContributionYears"/>: years, ≥ 0.</summary>
    public static readonly ColumnDefinition ContributionYearsColumn = ColumnDefinition.Quantity(ContributionYears, Entity.Person, "years", 0, double.PositiveInfinity, "Resident pension contribution years completed, including arrears paid");

    /// <summary>The declaration of <see cref="AccountBalance"/>: yuan (a stock), ≥ 0.</summary>
    public static readonly ColumnDefinition AccountBalanceColumn = ColumnDefinition.Amount(AccountBalance, Entity.Person, AmountPeriod.None, IncomeRole.None, "Resident pension individual-account balance (at the pension age for a pensioner)");

    /// <summary>The declaration of <see cref="DibaoRecipient"/>: a flag.</summary>
    public static readonly ColumnDefinition DibaoRecipientColumn = ColumnDefinition.Flag(DibaoRecipient, Entity.Person, "The person is a dibao recipient when the contribution is due");

    /// <summary>The declaration of <see cref="Destitute"/>: a flag.</summary>
    public static readonly ColumnDefinition DestituteColumn = ColumnDefinition.Flag(Destitute, Entity.Person, "The person is a destitute person (特困人员) when the contribution is due");

    /// <summary>Every column of the schema, by name.</summary>
    public static IReadOnlyList<string> All { get; } = [TierAnnual, ContributionYears, AccountBalance, DibaoRecipient, Destitute];

    /// <summary>Every column of the schema, declared.</summary>
    public static IReadOnlyList<ColumnDefinition> Columns { get; } = [TierAnnualColumn, ContributionYearsColumn, AccountBalanceColumn, DibaoRecipientColumn, DestituteColumn];
}
