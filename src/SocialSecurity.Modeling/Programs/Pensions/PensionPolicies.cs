using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// Policy packages that include the simulated resident pension. They need the extra person columns of
/// <see cref="ResidentPensionSchema"/>, which is why the resident pension is not part of <see cref="Policies.Standard"/>
/// (the standard package must run on populations without them).
/// </summary>
public static class PensionPolicies
{
    /// <summary>
    /// The resident pension and dibao, with the simulated pension counted in dibao's income test
    /// (<see cref="InputVariables.IncomeForMeansTests"/> plus <see cref="ResidentPensionProgram.Benefit"/>, annualised by dibao), so
    /// dibao runs after the pension. The population's reported pension (<c>person.reported_pension_annual</c>) is
    /// still counted: set it to pensions other than the resident pension (employee pensions), or the resident
    /// pension is counted twice.
    /// </summary>
    public static Policy WithResidentPension()
        => Policy.Create(
            new ResidentPensionProgram(),
            new DibaoProgram([.. InputVariables.IncomeForMeansTests, ResidentPensionProgram.Benefit.Name]));

    /// <summary>The resident pension alone.</summary>
    public static Policy ResidentPensionOnly() => Policy.Create(new ResidentPensionProgram());
}
