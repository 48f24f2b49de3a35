using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Programs.Tax;
using SocialSecurity.Modeling.Programs.Targeting;

namespace SocialSecurity.Modeling.Programs;

/// <summary>The built-in policy packages: the programs of the library, ready to run with the built-in parameters.</summary>
public static class Policies
{
    /// <summary>
    /// The standard package: every built-in program that runs on the built-in population schema. The assistance
    /// package (<see cref="AssistancePolicies.Extended"/>: dibao, its supplements, the dibao-marginal status, the
    /// one-time living subsidy, the disability living and severe-disability nursing subsidies, the elderly-care service
    /// subsidy and Yunhe's nursing subsidy) and the income chain (<see cref="IncomeChain"/>: social-insurance and
    /// housing-fund contributions, the resident medical premium, income tax, unemployment insurance and work injury).
    /// Provincial differences come from the parameters (national → province → city), not from different code, so one
    /// package serves all four provinces of the study.
    /// </summary>
    /// <remarks>
    /// Programs that need more data are composed separately: the resident and employee pensions
    /// (<see cref="SocialSecurity.Modeling.Programs.PensionPolicies"/>, need tier, career and account columns), destitute
    /// support (needs its condition columns), the medical layers (<see cref="Health.MedicalPayoutProgram"/>, needs
    /// bills), and take-up and targeting errors (<see cref="StandardWithTargeting"/>). The package runs from 2023-01-01:
    /// the income tax's values start on 2019-01-01 (the amended Individual Income Tax Law), the average wages that set
    /// the contribution band on 2023-01-01.
    /// </remarks>
    public static Policy Standard() => Policy.Create([.. AssistancePolicies.Programs(), .. IncomeChain()]);

    /// <summary>
    /// <see cref="Standard"/> with dibao and the dibao-marginal status run through <see cref="TargetedProgram"/>
    /// (take-up and identification errors, see <see cref="AssistancePolicies.ExtendedWithTargeting"/>): the package of
    /// the four-province comparison.
    /// </summary>
    /// <param name="seed">The seed of the draws; keep it fixed across baseline and reform.</param>
    public static Policy StandardWithTargeting(ulong seed = TargetedProgram.DefaultSeed)
        => Policy.Create([.. AssistancePolicies.ExtendedWithTargeting(seed).Programs, .. IncomeChain()]);

    /// <summary>
    /// <see cref="StandardWithTargeting"/> with both pensions <b>simulated</b>: the urban employee pension
    /// (<see cref="EmployeePensionProgram"/>) and the urban-rural resident pension (<see cref="ResidentPensionProgram"/>,
    /// contributions and benefit), with both pensions counted in the dibao and dibao-marginal income tests
    /// (<see cref="InputVariables.IncomeForMeansTests"/> plus the two monthly benefits, annualised). The baseline of the
    /// four-province comparison (docs/baseline.md). Needs the columns of <see cref="EmployeePensionNames.Columns"/> and
    /// <see cref="ResidentPensionNames.Columns"/>, which the built-in synthetic populations carry, and no reported
    /// pensions (a population carrying both is rejected).
    /// </summary>
    /// <param name="seed">The seed of the take-up and identification draws; keep it fixed across baseline and reform.</param>
    public static Policy StandardWithPensions(ulong seed = TargetedProgram.DefaultSeed)
        => Policy.Create(
        [
            .. AssistancePolicies.Build(targeted: true, seed, [.. InputVariables.IncomeForMeansTests, EmployeePensionProgram.Benefit.Name, ResidentPensionProgram.Benefit.Name]),
            .. IncomeChain(),
            new EmployeePensionProgram(),
            new ResidentPensionProgram(EmployeePensionProgram.Benefit.Name),
        ]);

    /// <summary>
    /// The income chain between gross and disposable income, on the built-in schema: employee and employer
    /// social-insurance contributions, housing-fund contributions, the resident medical premium (medical assistance
    /// paying the dibao share, read from the dibao roll), individual income tax (the contributions as its special
    /// deductions), unemployment insurance and work injury (the allowances and the death subsidy).
    /// </summary>
    public static IReadOnlyList<PolicyProgram> IncomeChain() =>
    [
        new SocialInsuranceContributionsProgram(),
        new HousingFundProgram(),
        new ResidentMedicalPremiumProgram(destituteVariable: null, DibaoProgram.OnRoll.Name),
        new IncomeTaxProgram(),
        new UnemploymentInsuranceProgram(),
        new WorkInjuryProgram(),
        new WorkInjuryDeathProgram(),
    ];
}
