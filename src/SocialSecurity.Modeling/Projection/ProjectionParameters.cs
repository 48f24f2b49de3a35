namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// The names of the projection's economic parameters (file <c>Data/parameters/cn/projection.json</c>), dated values
/// with provenance in the parameter store, so that a scenario is a reform. docs/projection.md#economy.
/// </summary>
public static class ProjectionParameters
{
    /// <summary>Nominal growth of average wages, fraction per year [I]: uprates wage-linked parameters past their last dated value and drives wage dynamics.</summary>
    public const string NominalWageGrowth = "projection.nominal_wage_growth";

    /// <summary>Consumer price growth, fraction per year [I]: uprates price-linked parameters past their last dated value.</summary>
    public const string PriceGrowth = "projection.price_growth";

    /// <summary>The yearly increase of employee pensions in payment, fraction (published increases [U], then <see cref="ExtrapolationRule.Default"/>).</summary>
    public const string IndexationRate = "pension.employee.indexation_rate";

    /// <summary>Rank persistence of wages [I]: the year-to-year correlation of a worker's log wage relative to the average.</summary>
    public const string WageRankPersistence = "projection.wage_rank_persistence";

    /// <summary>The age at which young people start work [I].</summary>
    public const string EntryAge = "projection.employment_entry_age";

    /// <summary>The share of people reaching the entry age who start work [I].</summary>
    public const string EntryRate = "projection.employment_entry_rate";

    /// <summary>The share of entrants with a labour contract, who join the employee pension [I].</summary>
    public const string EntryContractShare = "projection.entry_contract_share";

    /// <summary>An entrant's typical wage relative to the average wage [I].</summary>
    public const string EntryWageRatio = "projection.entry_wage_ratio";

    /// <summary>The age at which workers outside the employee pension stop work [I].</summary>
    public const string ExitAge = "projection.employment_exit_age";

    /// <summary>The youngest age at which an unpartnered adult living with a parent leaves home [I].</summary>
    public const string LeaveHomeAge = "projection.leave_home_age";

    /// <summary>The yearly probability of leaving the parental home [I].</summary>
    public const string LeaveHomeRate = "projection.leave_home_rate";

    /// <summary>The youngest age in the partner market [I].</summary>
    public const string UnionMinAge = "projection.union_min_age";

    /// <summary>The oldest age in the partner market [I].</summary>
    public const string UnionMaxAge = "projection.union_max_age";

    /// <summary>The yearly probability that a single person of union age looks for a partner [I].</summary>
    public const string UnionRate = "projection.union_rate";

    /// <summary>The preferred age difference of a couple, man's age minus woman's [I].</summary>
    public const string UnionAgeGap = "projection.union_age_gap";

    /// <summary>The largest deviation from the preferred gap a match accepts [I].</summary>
    public const string UnionMaxGapDeviation = "projection.union_max_gap_deviation";

    /// <summary>The yearly discount rate of lifetime amounts [I] (docs/projection.md#lifetime): a year's amounts count × Π 1 ÷ (1 + rate) over the years since the start.</summary>
    public const string LifetimeDiscountRate = "projection.lifetime_discount_rate";
}
