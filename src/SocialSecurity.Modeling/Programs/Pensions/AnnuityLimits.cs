using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// Contribution ceilings of an enterprise or occupational annuity (企业年金/职业年金), docs/rules/pension.employee.md [U]: the employer
/// pays at most 8% of payroll and employer plus employee at most 12%.
/// </summary>
/// <param name="EmployerMaxRate">The employer ceiling, a fraction of payroll.</param>
/// <param name="TotalMaxRate">The employer + employee ceiling, a fraction of payroll (≥ the employer ceiling).</param>
public readonly record struct AnnuityLimits(double EmployerMaxRate, double TotalMaxRate)
{
    /// <summary>The limits in force on <paramref name="date"/> (national unless a region sets its own).</summary>
    /// <param name="parameters">The parameter store.</param>
    /// <param name="date">The date.</param>
    /// <param name="regionCode">A GB/T 2260 code; the nation when omitted.</param>
    public static AnnuityLimits Resolve(ParameterStore parameters, DateOnly date, string regionCode = RegionCodes.China)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var region = parameters.Regions.GetId(regionCode);
        return new AnnuityLimits(
            parameters.Resolve(EmployeePensionParameters.AnnuityEmployerMaxRate, date, region).Scalar(),
            parameters.Resolve(EmployeePensionParameters.AnnuityTotalMaxRate, date, region).Scalar());
    }
}
