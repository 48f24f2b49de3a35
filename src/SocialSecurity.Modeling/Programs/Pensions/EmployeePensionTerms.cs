using System.Collections.Frozen;
using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Pensions.Rules;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// The employee-pension rules in force in one region on one date: every parameter of
/// <see cref="EmployeePensionNames.Parameters.All"/> resolved once (region → province → nation), with where each value came
/// from, and the calculations of <see cref="EmployeePensionFormulas"/> bound to them. Immutable and thread-safe.
/// </summary>
public sealed class EmployeePensionTerms
{
    private readonly FrozenDictionary<string, ResolvedParameter> _sources;

    private EmployeePensionTerms(FrozenDictionary<string, ResolvedParameter> sources, DateOnly date, RegionId region)
    {
        double Scalar(string name) => sources[name].Scalar();
        _sources = sources;
        Date = date;
        Region = region;
        AverageWage = sources[EmployeePensionNames.Parameters.AverageWage].PerYear();
        BenefitBase = new MonthlyYuan(sources[EmployeePensionNames.Parameters.BenefitBase].PerMonth());
        PensionAgeMale = Scalar(EmployeePensionNames.Parameters.PensionAgeMale);
        PensionAgeFemale = Scalar(EmployeePensionNames.Parameters.PensionAgeFemale);
        EmployerRate = Scalar(EmployeePensionNames.Parameters.EmployerRate);
        EmployeeRate = Scalar(EmployeePensionNames.Parameters.EmployeeRate);
        BaseFloorRatio = Scalar(EmployeePensionNames.Parameters.BaseFloorRatio);
        BaseCeilingRatio = Scalar(EmployeePensionNames.Parameters.BaseCeilingRatio);
        FlexibleTotalRate = Scalar(EmployeePensionNames.Parameters.FlexibleTotalRate);
        MinimumYears = Scalar(EmployeePensionNames.Parameters.MinimumYears);
        AccrualRate = Scalar(EmployeePensionNames.Parameters.BasicPensionAccrualRate);
        Divisors = new AnnuityDivisorTable((int)Scalar(EmployeePensionNames.Parameters.AccountDivisorFirstAge), sources[EmployeePensionNames.Parameters.AccountDivisors].Value.Items);
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
    public static EmployeePensionTerms Resolve(ParameterStore parameters, DateOnly date, string regionCode)
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
    public static EmployeePensionTerms Resolve(IParameterSource parameters, DateOnly date, RegionId region)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var sources = EmployeePensionNames.Parameters.All.ToFrozenDictionary(name => name, name => parameters.Resolve(name, date, region), StringComparer.Ordinal);
        return new EmployeePensionTerms(sources, date, region);
    }

    /// <summary>The account-pension divisor table in force on <paramref name="date"/> in the region with <paramref name="regionCode"/> (the national table unless a region sets its own).</summary>
    /// <param name="parameters">The parameter store.</param>
    /// <param name="date">The date.</param>
    /// <param name="regionCode">A GB/T 2260 code; the nation (000000) when omitted.</param>
    public static AnnuityDivisorTable ResolveDivisors(ParameterStore parameters, DateOnly date, string regionCode = RegionCodes.China)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var region = parameters.Regions.GetId(regionCode);
        var firstAge = parameters.Resolve(EmployeePensionNames.Parameters.AccountDivisorFirstAge, date, region).Scalar();
        var divisors = parameters.Resolve(EmployeePensionNames.Parameters.AccountDivisors, date, region).Value.Items;
        return new AnnuityDivisorTable((int)firstAge, divisors);
    }

    /// <summary>The contribution ceilings of enterprise and occupational annuities in force on <paramref name="date"/> (national unless a region sets its own).</summary>
    /// <param name="parameters">The parameter store.</param>
    /// <param name="date">The date.</param>
    /// <param name="regionCode">A GB/T 2260 code; the nation when omitted.</param>
    public static AnnuityLimits ResolveAnnuityLimits(ParameterStore parameters, DateOnly date, string regionCode = RegionCodes.China)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var region = parameters.Regions.GetId(regionCode);
        return new AnnuityLimits(
            parameters.Resolve(EmployeePensionNames.Parameters.AnnuityEmployerMaxRate, date, region).Scalar(),
            parameters.Resolve(EmployeePensionNames.Parameters.AnnuityTotalMaxRate, date, region).Scalar());
    }

    /// <summary>Where the value of an employee-pension parameter comes from (value, provenance, region, date, source).</summary>
    /// <param name="parameter">One of <see cref="EmployeePensionNames.Parameters.All"/>.</param>
    /// <exception cref="KeyNotFoundException">Not a parameter of these rules.</exception>
    public ResolvedParameter Source(string parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return _sources.TryGetValue(parameter, out var source)
            ? source
            : throw new KeyNotFoundException($"'{parameter}' is not an employee-pension parameter; see EmployeePensionNames.Parameters.All.");
    }

    /// <summary>The statutory pension age by sex.</summary>
    /// <param name="male">Whether the person is a man.</param>
    public double StatutoryPensionAge(bool male) => male ? PensionAgeMale : PensionAgeFemale;

    /// <summary>Contributions on a wage, with the base clamped to the band.</summary>
    /// <param name="wage">The wage (≥ 0), in the same period as <paramref name="averageWage"/>.</param>
    /// <param name="averageWage">The provincial average wage (&gt; 0).</param>
    public EmployeeContribution Contribution(double wage, double averageWage)
        => EmployeePensionFormulas.Contribution(wage, averageWage, BaseFloorRatio, BaseCeilingRatio, EmployerRate, EmployeeRate);

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
        => EmployeePensionFormulas.MeetsMinimumYears(years, MinimumYears)
            ? EmployeePensionFormulas.Pension(benefitBase, averageIndex, years, balance, retirementAge, Divisors, AccrualRate)
            : null;
}
