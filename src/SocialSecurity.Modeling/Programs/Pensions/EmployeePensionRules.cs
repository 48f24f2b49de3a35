using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// The employee-pension rules in force in one region on one date (<see cref="EmployeePensionParameters"/> resolved
/// region → province → nation), with the calculations of <see cref="EmployeePensionCalculator"/> bound to them.
/// Immutable. The provincial benefit base W_prev and average wage are not parameters here (not in the sources):
/// pass them in.
/// </summary>
public sealed class EmployeePensionRules
{
    private EmployeePensionRules(ParameterStore parameters, DateOnly date, RegionId region)
    {
        double Scalar(string name) => parameters.Resolve(name, date, region).Scalar();
        Date = date;
        Region = region;
        EmployerRate = Scalar(EmployeePensionParameters.EmployerRate);
        EmployeeRate = Scalar(EmployeePensionParameters.EmployeeRate);
        BaseFloorRatio = Scalar(EmployeePensionParameters.BaseFloorRatio);
        BaseCeilingRatio = Scalar(EmployeePensionParameters.BaseCeilingRatio);
        MinimumYears = Scalar(EmployeePensionParameters.MinimumYears);
        AccrualRate = Scalar(EmployeePensionParameters.BasicPensionAccrualRate);
        Divisors = AnnuityDivisorTable.Resolve(parameters, date, parameters.Regions[region].Code);
    }

    /// <summary>The date the rules are in force on.</summary>
    public DateOnly Date { get; }

    /// <summary>The region the rules apply in.</summary>
    public RegionId Region { get; }

    /// <summary>Employer rate into the pooled fund (0.16 since May 2019).</summary>
    public double EmployerRate { get; }

    /// <summary>Employee rate into the individual account (0.08).</summary>
    public double EmployeeRate { get; }

    /// <summary>Lowest base as a fraction of the average wage (0.6).</summary>
    public double BaseFloorRatio { get; }

    /// <summary>Highest base as a multiple of the average wage (3.0).</summary>
    public double BaseCeilingRatio { get; }

    /// <summary>Minimum contribution years (15; rising from 2030).</summary>
    public double MinimumYears { get; }

    /// <summary>Basic-pension accrual per contribution year (0.01).</summary>
    public double AccrualRate { get; }

    /// <summary>The account-pension divisor table.</summary>
    public AnnuityDivisorTable Divisors { get; }

    /// <summary>Resolves the rules in force on <paramref name="date"/> in the region with <paramref name="regionCode"/>.</summary>
    /// <param name="parameters">The parameter store (baseline or reformed).</param>
    /// <param name="date">The date.</param>
    /// <param name="regionCode">A GB/T 2260 code.</param>
    /// <exception cref="ParameterNotFoundException">A parameter has no value in force there.</exception>
    public static EmployeePensionRules Resolve(ParameterStore parameters, DateOnly date, string regionCode)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(regionCode);
        return new EmployeePensionRules(parameters, date, parameters.Regions.GetId(regionCode));
    }

    /// <summary>Contributions on a wage, with the base clamped to the band.</summary>
    /// <param name="wage">The wage (≥ 0), in the same period as <paramref name="averageWage"/>.</param>
    /// <param name="averageWage">The provincial average wage (&gt; 0).</param>
    public EmployeeContribution Contribution(double wage, double averageWage)
        => EmployeePensionCalculator.Contribution(wage, averageWage, BaseFloorRatio, BaseCeilingRatio, EmployerRate, EmployeeRate);

    /// <summary>
    /// The monthly pension at retirement: basic + account, or <see langword="null"/> when the years fall short of
    /// <see cref="MinimumYears"/> (no monthly pension; the account is refunded, not modelled).
    /// </summary>
    /// <param name="benefitBase">W_prev, yuan/month.</param>
    /// <param name="averageIndex">Ī, the average contribution index.</param>
    /// <param name="years">n, contribution years including deemed years.</param>
    /// <param name="balance">The account balance at retirement, yuan.</param>
    /// <param name="retirementAge">The retirement age (within the divisor table).</param>
    public EmployeePension? Pension(MonthlyYuan benefitBase, double averageIndex, double years, double balance, int retirementAge)
        => EmployeePensionCalculator.MeetsMinimumYears(years, MinimumYears)
            ? EmployeePensionCalculator.Pension(benefitBase, averageIndex, years, balance, retirementAge, Divisors, AccrualRate)
            : null;
}
