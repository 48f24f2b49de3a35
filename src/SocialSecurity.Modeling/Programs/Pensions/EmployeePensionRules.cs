using System.Collections.Frozen;
using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// The employee-pension rules in force in one region on one date: every parameter of
/// <see cref="EmployeePensionParameters.All"/> resolved once (region → province → nation), with where each value came
/// from, and the calculations of <see cref="EmployeePensionCalculator"/> bound to them. Immutable and thread-safe.
/// </summary>
public sealed class EmployeePensionRules
{
    private readonly FrozenDictionary<string, ResolvedParameter> _sources;

    private EmployeePensionRules(FrozenDictionary<string, ResolvedParameter> sources, DateOnly date, RegionId region)
    {
        double Scalar(string name) => sources[name].Scalar();
        _sources = sources;
        Date = date;
        Region = region;
        AverageWage = sources[EmployeePensionParameters.AverageWage].PerYear();
        BenefitBase = new MonthlyYuan(sources[EmployeePensionParameters.BenefitBase].PerMonth());
        PensionAgeMale = Scalar(EmployeePensionParameters.PensionAgeMale);
        PensionAgeFemale = Scalar(EmployeePensionParameters.PensionAgeFemale);
        EmployerRate = Scalar(EmployeePensionParameters.EmployerRate);
        EmployeeRate = Scalar(EmployeePensionParameters.EmployeeRate);
        BaseFloorRatio = Scalar(EmployeePensionParameters.BaseFloorRatio);
        BaseCeilingRatio = Scalar(EmployeePensionParameters.BaseCeilingRatio);
        FlexibleTotalRate = Scalar(EmployeePensionParameters.FlexibleTotalRate);
        MinimumYears = Scalar(EmployeePensionParameters.MinimumYears);
        AccrualRate = Scalar(EmployeePensionParameters.BasicPensionAccrualRate);
        Divisors = new AnnuityDivisorTable((int)Scalar(EmployeePensionParameters.AccountDivisorFirstAge), sources[EmployeePensionParameters.AccountDivisors].Value.Items);
    }

    /// <summary>The date the rules are in force on.</summary>
    public DateOnly Date { get; }

    /// <summary>The region the rules apply in.</summary>
    public RegionId Region { get; }

    /// <summary>The provincial average wage that sets the contribution band, yuan per year.</summary>
    public double AverageWage { get; }

    /// <summary>The provincial benefit base W_prev (计发基数), yuan per month.</summary>
    public MonthlyYuan BenefitBase { get; }

    /// <summary>The statutory pension age of men.</summary>
    public double PensionAgeMale { get; }

    /// <summary>The statutory pension age of women (female workers).</summary>
    public double PensionAgeFemale { get; }

    /// <summary>Employer rate into the pooled fund (0.16 since May 2019).</summary>
    public double EmployerRate { get; }

    /// <summary>Employee rate into the individual account (0.08).</summary>
    public double EmployeeRate { get; }

    /// <summary>Lowest base as a fraction of the average wage (0.6).</summary>
    public double BaseFloorRatio { get; }

    /// <summary>Highest base as a multiple of the average wage (3.0).</summary>
    public double BaseCeilingRatio { get; }

    /// <summary>Flexible workers' total rate (0.20), paid wholly by the person.</summary>
    public double FlexibleTotalRate { get; }

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
        return Resolve(parameters, date, parameters.Regions.GetId(regionCode));
    }

    /// <summary>Resolves the rules in force on <paramref name="date"/> in <paramref name="region"/>.</summary>
    /// <param name="parameters">The parameter store (baseline or reformed).</param>
    /// <param name="date">The date.</param>
    /// <param name="region">A region of the store's catalogue.</param>
    /// <exception cref="ParameterNotFoundException">A parameter has no value in force there.</exception>
    public static EmployeePensionRules Resolve(IParameterSource parameters, DateOnly date, RegionId region)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var sources = EmployeePensionParameters.All.ToFrozenDictionary(name => name, name => parameters.Resolve(name, date, region), StringComparer.Ordinal);
        return new EmployeePensionRules(sources, date, region);
    }

    /// <summary>Where the value of an employee-pension parameter comes from (value, provenance, region, date, source).</summary>
    /// <param name="parameter">One of <see cref="EmployeePensionParameters.All"/>.</param>
    /// <exception cref="KeyNotFoundException">Not a parameter of these rules.</exception>
    public ResolvedParameter Source(string parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return _sources.TryGetValue(parameter, out var source)
            ? source
            : throw new KeyNotFoundException($"'{parameter}' is not an employee-pension parameter; see EmployeePensionParameters.All.");
    }

    /// <summary>The statutory pension age by sex.</summary>
    /// <param name="male">Whether the person is a man.</param>
    public double StatutoryPensionAge(bool male) => male ? PensionAgeMale : PensionAgeFemale;

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
