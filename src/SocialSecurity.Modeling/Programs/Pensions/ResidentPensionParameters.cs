namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// The names of the resident-pension parameters (files <c>Data/parameters/&lt;authority&gt;/pension_resident.json</c>).
/// Each value in the files carries its provenance tag and source; see docs/rules/pension.resident.md.
/// </summary>
public static class ResidentPensionParameters
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
