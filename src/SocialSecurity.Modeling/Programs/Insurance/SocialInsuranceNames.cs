using SocialSecurity.Modeling.Programs.Pensions;

namespace SocialSecurity.Modeling.Programs.Insurance;

/// <summary>
/// The parameter names of the employee social-insurance contributions (docs/rules/social_insurance.md), file
/// <c>Data/parameters/cn/social_insurance.json</c> and the provincial <c>social_insurance.json</c> files. The pension
/// rates, the band ratios, the average wage and the pension ages are the employee pension's
/// (<see cref="EmployeePensionNames.Parameters"/>): the band is kept in one place.
/// </summary>
public static class SocialInsuranceNames
{
    /// <summary>Absolute lowest monthly base (yuan/month); 0 = none at this level, use the floor ratio × the average monthly wage.</summary>
    public const string BaseFloor = "social_insurance.base_floor";

    /// <summary>Absolute highest monthly base (yuan/month); 0 = none at this level, use the ceiling ratio × the average monthly wage.</summary>
    public const string BaseCeiling = "social_insurance.base_ceiling";

    /// <summary>Employee's medical rate (fraction of the base).</summary>
    public const string EmployeeMedicalRate = "social_insurance.employee_medical_rate";

    /// <summary>Employer's medical rate including maternity (fraction of the base).</summary>
    public const string EmployerMedicalRate = "social_insurance.employer_medical_rate";

    /// <summary>Employee's unemployment rate (fraction of the base).</summary>
    public const string EmployeeUnemploymentRate = "social_insurance.employee_unemployment_rate";

    /// <summary>Employer's unemployment rate (fraction of the base).</summary>
    public const string EmployerUnemploymentRate = "social_insurance.employer_unemployment_rate";

    /// <summary>Employer's work-injury rate of each industry risk class 1–8 (list of eight fractions).</summary>
    public const string WorkInjuryRates = "social_insurance.work_injury_rates";

    /// <summary>The class (1–8) used for a labour-contract worker whose <c>person.industry_risk_class</c> is 0.</summary>
    public const string WorkInjuryDefaultClass = "social_insurance.work_injury_default_class";

    /// <summary>The base a flexible worker chooses, as a multiple of the floor (clamped to the ceiling).</summary>
    public const string FlexibleBaseMultiple = "social_insurance.flexible_base_multiple";

    /// <summary>The band parameters, wherever they are kept: the absolute amounts, the ratios and the average wage they apply to.</summary>
    public static IReadOnlyList<string> Band { get; } =
    [
        BaseFloor, BaseCeiling, EmployeePensionNames.Parameters.BaseFloorRatio, EmployeePensionNames.Parameters.BaseCeilingRatio,
        EmployeePensionNames.Parameters.AverageWage,
    ];

    /// <summary>Every parameter <see cref="SocialInsuranceContributionsProgram"/> reads.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        .. Band,
        EmployeePensionNames.Parameters.EmployeeRate, EmployeePensionNames.Parameters.EmployerRate, EmployeePensionNames.Parameters.FlexibleTotalRate,
        EmployeePensionNames.Parameters.PensionAgeMale, EmployeePensionNames.Parameters.PensionAgeFemale,
        EmployeeMedicalRate, EmployerMedicalRate, EmployeeUnemploymentRate, EmployerUnemploymentRate, WorkInjuryRates, WorkInjuryDefaultClass,
        FlexibleBaseMultiple,
    ];
}
