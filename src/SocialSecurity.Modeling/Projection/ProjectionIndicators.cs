using SocialSecurity.Modeling.Simulation;

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

    /// <summary>Employee pension: the employees' contributions credited to individual accounts (part of <see cref="FundRevenue"/>).</summary>
    public const string FundAccountCredits = "fund_account_credits";

    /// <summary>Employee pension: the pooled part's revenue, <see cref="FundRevenue"/> − <see cref="FundAccountCredits"/> (employer contributions, flexible workers' pooled part, subsidy).</summary>
    public const string FundPooledRevenue = "fund_pooled_revenue";

    /// <summary>Employee pension: the account part of pensions in payment (balance ÷ divisor at retirement, × 12); NaN without the projector's retirement.</summary>
    public const string FundAccountExpenditure = "fund_account_expenditure";

    /// <summary>Employee pension: the pooled part's expenditure, <see cref="FundExpenditure"/> − <see cref="FundAccountExpenditure"/> (basic pensions and all indexation).</summary>
    public const string FundPooledExpenditure = "fund_pooled_expenditure";

    /// <summary>Employee-pension individual-account balances at the run date (weighted; for retirees the balance at retirement).</summary>
    public const string EmployeeAccountBalances = "employee_account_balances";

    /// <summary>Resident-pension individual-account balances at the run date (weighted; for pensioners the balance at the pension age).</summary>
    public const string ResidentAccountBalances = "resident_account_balances";

    /// <summary>Persons with wages.</summary>
    public const string Workers = "workers";

    /// <summary>Mean wages of the persons with wages, yuan per year.</summary>
    public const string AverageWage = "average_wage";

    /// <summary>Households at the run date (weighted).</summary>
    public const string Households = "households";

    /// <summary>Persons who left the parental home since the previous run date (NaN with household change off).</summary>
    public const string LeftHome = "left_home";

    /// <summary>Persons who formed a couple since the previous run date (two per couple; NaN with household change off).</summary>
    public const string Unions = "unions";

    /// <summary>Persons widowed since the previous run date (NaN with household change off).</summary>
    public const string Widowed = "widowed";

    /// <summary>Immigrants since the previous run date (net migration; 0 in the first year, NaN without migration).</summary>
    public const string Immigrants = "immigrants";

    /// <summary>Emigrants since the previous run date (net migration; 0 in the first year, NaN without migration).</summary>
    public const string Emigrants = "emigrants";

    /// <summary>Every indicator, in output order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Persons, Males, Females, Aged0To14, Aged15To64, Aged65Plus, OldAgeDependency, Deaths, Births, Contributors, Pensioners,
        SystemDependency, PublicSpending, PublicRevenue, FundRevenue, FundExpenditure, FundReserve, Gini, RelativePoverty,
        NewRetirees, ReplacementRate, FundAccountCredits, FundPooledRevenue, FundAccountExpenditure, FundPooledExpenditure,
        EmployeeAccountBalances, ResidentAccountBalances, Workers, AverageWage, Households, LeftHome, Unions, Widowed, Immigrants, Emigrants,
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

    /// <summary>
    /// <see cref="SimulationResult.PublicSpendingAnnual"/> and <see cref="SimulationResult.PublicRevenueAnnual"/>, bit
    /// for bit: the outputs' exact annual totals computed in parallel (threads as <paramref name="options"/> allow), then
    /// added one after another in the policy's order, as those properties add them.
    /// </summary>
    internal static (double Spending, double Revenue) PublicTotals(SimulationResult result, SimulationOptions options)
    {
        var outputs = result.Policy.Outputs.ToArray();
        var totals = new double[outputs.Length];
        _ = result.PersonWeights; // built once, before the threads read it
        Parallel.For(0, outputs.Length, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, i =>
        {
            if (outputs[i].IsPublicSpending || outputs[i].IsPublicRevenue)
            {
                totals[i] = result.AnnualTotal(outputs[i].Name);
            }
        });

        double spending = 0, revenue = 0;
        for (int i = 0; i < outputs.Length; i++)
        {
            if (outputs[i].IsPublicSpending)
            {
                spending += totals[i];
            }
        }

        for (int i = 0; i < outputs.Length; i++)
        {
            if (outputs[i].IsPublicRevenue)
            {
                revenue += totals[i];
            }
        }

        return (spending, revenue);
    }
}
