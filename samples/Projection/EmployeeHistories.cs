using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Pensions;

namespace ProjectionSample;

/// <summary>
/// Employee-pension histories for a synthetic population, which carries none: all illustrative [I], so that the
/// projector can retire members and carry the employee pension fund (docs/projection.md#retirement).
/// </summary>
/// <remarks>
/// Members [I]: workers with a labour contract, flexible workers and individual businesses (today's contributors) and
/// urban retirees (today's employee pensioners). Contribution years [I]: a career from age 22 without gaps, at least
/// one year and at most 40; retirees 30 years. Contribution index [I]: the person's wages ÷ the province's average wage
/// of the contribution band, clamped to 0.6–3 (retirees 1). Account balance [I]: 8% of the index × the average wage
/// for each contribution year since accounts began in 1997, × 0.7 for the lower wages of earlier years, without
/// interest. Retirement age [I]: 0 (the statutory age).
/// </remarks>
internal static class EmployeeHistories
{
    private const int CareerStartAge = 22;
    private const int AccountsStartYear = 1997;
    private const double RetireeYears = 30;
    private const double EarlierWagesFactor = 0.7;
    private const double EmployeeRate = 0.08;

    /// <summary>Whether a person is a member of the employee pension [I].</summary>
    public static bool IsMember(WorkContract contract, EmploymentStatus employment)
        => contract is WorkContract.LabourContract or WorkContract.Flexible or WorkContract.IndividualBusiness || employment == EmploymentStatus.Retired;

    /// <summary>The population with the employee-pension columns (<see cref="EmployeePensionNames.ColumnDefinitions"/>).</summary>
    public static Population Attach(Population population, ParameterStore parameters, DateOnly date)
    {
        // The built-in synthetic populations now carry their own contribution histories (docs/baseline.md#contribution-histories): keep them.
        if (population.TryGetDefinition(EmployeePensionNames.Columns.ContributionYears, out _))
        {
            return population;
        }

        int n = population.PersonCount;
        var years = new double[n];
        var index = new double[n];
        var balance = new double[n];
        var contract = population.Contract;
        var employment = population.Employment;
        var age = population.Age;
        var wages = population.WagesAnnual;
        var household = population.PersonHousehold;
        var region = population.HouseholdRegion;
        var averageWage = new Dictionary<SocialSecurity.Modeling.Regions.RegionId, double>();
        int accountYearsSoFar = Math.Max(0, date.Year - AccountsStartYear);
        for (int p = 0; p < n; p++)
        {
            if (!IsMember(contract[p], employment[p]))
            {
                continue;
            }

            var r = region[household[p]];
            if (!averageWage.TryGetValue(r, out double w))
            {
                averageWage[r] = w = parameters.Resolve(EmployeePensionNames.Parameters.AverageWage, date, r).PerYear();
            }

            bool retiree = employment[p] == EmploymentStatus.Retired;
            years[p] = retiree ? RetireeYears : Math.Clamp(age[p] - CareerStartAge, 1, 40);
            index[p] = retiree || wages[p] <= 0 ? 1 : Math.Clamp(wages[p] / w, 0.6, 3);
            balance[p] = EmployeeRate * index[p] * w * Math.Min(years[p], accountYearsSoFar) * EarlierWagesFactor;
        }

        return population
            .WithColumn(EmployeePensionNames.ColumnDefinitions.ContributionYears, years)
            .WithColumn(EmployeePensionNames.ColumnDefinitions.ContributionIndex, index)
            .WithColumn(EmployeePensionNames.ColumnDefinitions.AccountBalance, balance)
            .WithColumn(EmployeePensionNames.ColumnDefinitions.RetirementAge, new double[n]);
    }
}
