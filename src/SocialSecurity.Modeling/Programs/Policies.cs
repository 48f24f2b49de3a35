using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs;

/// <summary>The built-in policy packages: the programs of the library, ready to run with the built-in parameters.</summary>
public static class Policies
{
    /// <summary>
    /// The standard package: every built-in program that runs on the built-in population schema — dibao, its
    /// supplements, the dibao-marginal status, the one-time living subsidy, the disability living and severe-disability
    /// nursing subsidies, the elderly-care service subsidy and Yunhe's nursing subsidy (see
    /// <see cref="AssistancePolicies.Extended"/>). Provincial differences come from the parameters (national →
    /// province → city), not from different code, so one package serves all four provinces of the study.
    /// </summary>
    /// <remarks>
    /// Programs that need more data are composed separately: the resident pension
    /// (<see cref="SocialSecurity.Modeling.Programs.PensionPolicies"/>, needs tier and contribution columns), the medical layers
    /// (<see cref="Health.MedicalPayoutProgram"/>, needs bills), and take-up and targeting errors
    /// (<see cref="AssistancePolicies.ExtendedWithTargeting"/>).
    /// </remarks>
    public static Policy Standard() => AssistancePolicies.Extended();
}
