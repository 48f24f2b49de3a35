using SocialSecurity.Modeling.Programs.Subsidies;
using SocialSecurity.Modeling.Programs.Targeting;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Assistance;

namespace SocialSecurity.Modeling.Programs;

/// <summary>
/// Ready-made packages of the social-assistance and subsidy programs that run on the built-in population schema (no
/// extra columns): gap-filling dibao with its supplement, the dibao-marginal status, the one-time living subsidy, the
/// two disability subsidies, the elderly-care service subsidy and Yunhe's nursing subsidy.
/// </summary>
/// <remarks>
/// Programs that need data the built-in schema lacks are not included; add them to a policy yourself with the
/// columns they document: <see cref="TieredDibaoProgram"/> (household class), <see cref="ExpenditureHardshipProgram"/>
/// (rigid spending), <see cref="TemporaryAssistanceProgram"/> (sudden hardship), <see cref="DestitutePersonsProgram"/>
/// (the three "no" conditions), <see cref="OldAgeAllowanceProgram"/> (resident-pension receipt),
/// <see cref="GrasslandCompensationProgram"/> (grassland areas) and <see cref="WorkForReliefProgram"/> (days worked).
/// </remarks>
public static class AssistancePolicies
{
    /// <summary>The programs of the package, with dibao run by its rule alone (everyone eligible receives).</summary>
    public static IReadOnlyList<PolicyProgram> Programs() => Build(targeted: false, TargetedProgram.DefaultSeed);

    /// <summary>The package as a policy, with dibao run by its rule alone.</summary>
    public static Policy Extended() => Policy.Create(Programs());

    /// <summary>
    /// The package as a policy with dibao and the dibao-marginal status run through <see cref="TargetedProgram"/>:
    /// take-up and identification errors from the <c>targeting.dibao.*</c> and <c>targeting.dibao_marginal.*</c>
    /// parameters, drawn per household under <paramref name="seed"/>. Linked programs read the roll (<c>dibao.on_roll</c>, <c>dibao_marginal.on_roll</c>), not eligibility; the
    /// marginal test sees the dibao roll, so an eligible household left off dibao can be classed as marginal instead.
    /// </summary>
    /// <param name="seed">The seed of the draws; keep it fixed across baseline and reform.</param>
    public static Policy ExtendedWithTargeting(ulong seed = TargetedProgram.DefaultSeed) => Policy.Create(Build(targeted: true, seed));

    /// <summary>The programs of the package with dibao and the dibao-marginal test counting <paramref name="incomeVariables"/> (the default: <see cref="InputVariables.IncomeForMeansTests"/>).</summary>
    internal static PolicyProgram[] Build(bool targeted, ulong seed, IReadOnlyList<string>? incomeVariables = null)
    {
        incomeVariables ??= InputVariables.IncomeForMeansTests;
        PolicyProgram dibao = new DibaoProgram(incomeVariables);
        PolicyProgram marginal = new DibaoMarginalProgram(incomeVariables, DibaoProgram.OnRoll.Name);
        if (targeted)
        {
            dibao = new TargetedProgram(dibao, DibaoProgram.Eligible.Name, "dibao", seed);
            marginal = new TargetedProgram(marginal, DibaoMarginalProgram.Eligible.Name, "dibao_marginal", seed);
        }

        return
        [
            dibao,
            new DibaoSupplementProgram(),
            marginal,
            new OneTimeLivingSubsidyProgram(),
            new DisabilityLivingSubsidyProgram(),
            new SevereDisabilityNursingSubsidyProgram(),
            new ElderlyCareServiceSubsidyProgram(),
            new YunheNursingSubsidyProgram(),
        ];
    }
}
