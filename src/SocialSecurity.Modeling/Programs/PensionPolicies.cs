using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Programs.Pensions;

namespace SocialSecurity.Modeling.Programs;

/// <summary>
/// Policy packages that include the simulated resident pension. They need the extra person columns of
/// <see cref="ResidentPensionNames.Columns"/>, which is why the resident pension is not part of <see cref="Policies.Standard"/>
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

    /// <summary>
    /// Both pension schemes and dibao, with both simulated pensions counted in dibao's income test
    /// (<see cref="InputVariables.IncomeForMeansTests"/> plus <see cref="EmployeePensionProgram.Benefit"/> and
    /// <see cref="ResidentPensionProgram.Benefit"/>, monthly, annualised by dibao), so dibao runs after the pensions.
    /// Needs the columns of <see cref="EmployeePensionNames.Columns"/> and <see cref="ResidentPensionNames.Columns"/>. The population's
    /// reported pension is still counted: set it to pensions other than these two (or 0), or they are counted twice.
    /// A person should be in one scheme only (employee-pension members carry resident tier 0; an employee pensioner gets
    /// no resident pension, <see cref="ResidentPensionProgram(string)"/>). Contributions to the
    /// employee pension (and the other employee insurances) come from <see cref="SocialInsuranceContributionsProgram"/>,
    /// by <c>person.contract</c>.
    /// </summary>
    public static Policy WithEmployeeAndResidentPensions()
        => Policy.Create(
            new SocialInsuranceContributionsProgram(),
            new EmployeePensionProgram(),
            new ResidentPensionProgram(EmployeePensionProgram.Benefit.Name),
            new DibaoProgram([.. InputVariables.IncomeForMeansTests, EmployeePensionProgram.Benefit.Name, ResidentPensionProgram.Benefit.Name]));

    /// <summary>
    /// The urban employee pension with its contributions (needs the columns of <see cref="EmployeePensionNames.Columns"/>):
    /// the benefit (<see cref="EmployeePensionProgram"/>) and the employee social-insurance contributions
    /// (<see cref="SocialInsuranceContributionsProgram"/>, which owns the contribution base and the pension contributions).
    /// </summary>
    public static Policy EmployeePensionOnly() => Policy.Create(new SocialInsuranceContributionsProgram(), new EmployeePensionProgram());
}
