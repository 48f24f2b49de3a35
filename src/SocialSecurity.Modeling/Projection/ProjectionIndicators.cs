namespace SocialSecurity.Modeling.Projection;

/// <summary>The names of the per-year indicators of a projection (docs/projection.md#outputs). Persons are weighted; money is yuan per year.</summary>
public static class ProjectionIndicators
{
    /// <summary>Persons at the run date.</summary>
    public const string Persons = "persons";

    /// <summary>Men.</summary>
    public const string Males = "males";

    /// <summary>Women.</summary>
    public const string Females = "females";

    /// <summary>Persons aged 0–14.</summary>
    public const string Aged0To14 = "aged_0_14";

    /// <summary>Persons aged 15–64.</summary>
    public const string Aged15To64 = "aged_15_64";

    /// <summary>Persons aged 65 or more.</summary>
    public const string Aged65Plus = "aged_65_plus";

    /// <summary>Old-age dependency ratio, 65+ ÷ 15–64.</summary>
    public const string OldAgeDependency = "old_age_dependency";

    /// <summary>Deaths since the previous year's run date (0 in the first year).</summary>
    public const string Deaths = "deaths";

    /// <summary>Births since the previous year's run date (0 in the first year).</summary>
    public const string Births = "births";

    /// <summary>Persons paying employee-pension contributions (NaN without the social_insurance program).</summary>
    public const string Contributors = "contributors";

    /// <summary>Persons receiving an employee or resident pension (NaN without either pension program).</summary>
    public const string Pensioners = "pensioners";

    /// <summary>System dependency ratio, pensioners ÷ contributors.</summary>
    public const string SystemDependency = "system_dependency";

    /// <summary>Public spending on the simulated programs.</summary>
    public const string PublicSpending = "public_spending";

    /// <summary>Public revenue from the simulated programs.</summary>
    public const string PublicRevenue = "public_revenue";

    /// <summary>Employee pension fund revenue: employee and employer pension contributions plus the fiscal subsidy.</summary>
    public const string FundRevenue = "fund_revenue";

    /// <summary>Employee pension fund expenditure: employee pensions paid.</summary>
    public const string FundExpenditure = "fund_expenditure";

    /// <summary>Employee pension fund reserve at the end of the year.</summary>
    public const string FundReserve = "fund_reserve";

    /// <summary>Gini coefficient of household per-capita disposable income over persons (NaN when income is all zero).</summary>
    public const string Gini = "gini_disposable";

    /// <summary>Share of persons with per-capita disposable income below half the median.</summary>
    public const string RelativePoverty = "relative_poverty_50";

    /// <summary>Persons who retired from the employee pension in the twelve months up to the run date (NaN when the projector does not retire people: no employee pension in the policy, or <see cref="ProjectionOptions.Retirement"/> null).</summary>
    public const string NewRetirees = "new_retirees";

    /// <summary>Mean replacement rate of the new retirees with a pension: the awarded pension × 12 ÷ the final wage (the wages of the last projected year with wages), weighted.</summary>
    public const string ReplacementRate = "replacement_rate_new_retirees";

    /// <summary>Every indicator, in output order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Persons, Males, Females, Aged0To14, Aged15To64, Aged65Plus, OldAgeDependency, Deaths, Births, Contributors, Pensioners,
        SystemDependency, PublicSpending, PublicRevenue, FundRevenue, FundExpenditure, FundReserve, Gini, RelativePoverty,
        NewRetirees, ReplacementRate,
    ];

    internal static int IndexOf(string indicator)
    {
        for (int i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], indicator, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"'{indicator}' is not a projection indicator; they are: {string.Join(", ", All)}.");
    }
}
