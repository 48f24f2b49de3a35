using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// The layered protection against medical costs in one region at one date: basic insurance, catastrophic
/// insurance, medical assistance by group, a major-disease subsidy, the overall reimbursement ceiling and inclusive
/// commercial insurance. <see cref="Compute"/> runs the layers in order on one person's claim (docs/rules/medical.md).
/// </summary>
/// <remarks>
/// <para>Order and rule, on a claim with within-policy cost <i>W</i> and out-of-policy cost <i>O</i> (bill <i>B</i> =
/// <i>W</i> + <i>O</i>); every layer pays only within-policy cost still unpaid, so no layer pays more than what is left:</para>
/// <list type="number">
/// <item>basic insurance on <i>W</i> (docs/rules/medical.md#basic-medical-insurance);</item>
/// <item>catastrophic insurance on the self-pay left, with the vulnerable terms for anyone in an assistance group (docs/rules/medical.md#catastrophic-illness-insurance;
/// applying Ulanqab's poor-person rule to every assistance group is [I]);</item>
/// <item>medical assistance by group, the terms chosen by the whole bill <i>B</i> (docs/rules/medical.md#medical-assistance);</item>
/// <item>the major-disease subsidy, for people in an assistance group (docs/rules/medical.md#medical-assistance; the eligible groups are [I]);</item>
/// <item>the overall ceiling: the public layers together pay at most <see cref="ReimbursementCeiling"/> × <i>B</i>
/// (Ulanqab 90% [L]); an excess is taken back from the last layer first (subsidy, assistance, catastrophic, basic);</item>
/// <item>inclusive commercial insurance for enrolled people (docs/rules/medical.md#inclusive-commercial-insurance): private, outside the ceiling;</item>
/// <item>out-of-pocket = <i>B</i> − all payments. The household cap (docs/rules/medical.md#household-burden-cap) comes after, per household:
/// <see cref="HouseholdBurdenCapTerms.Apply"/>.</item>
/// </list>
/// <para>Each layer maps the amount left to an amount left that never falls as its input rises and pays at most 100%
/// of what it reimburses, so lowering any deductible never raises out-of-pocket spending. Allocation-free.</para>
/// </remarks>
/// <param name="Basic">Basic medical insurance.</param>
/// <param name="Catastrophic">Catastrophic insurance for people in no assistance group.</param>
/// <param name="CatastrophicVulnerable">Catastrophic insurance for people in an assistance group.</param>
/// <param name="DestituteAssistance">Assistance for destitute persons.</param>
/// <param name="DibaoAssistance">Assistance for dibao members.</param>
/// <param name="MarginalAssistance">Assistance for dibao-marginal members.</param>
/// <param name="OtherHardshipAssistance">Assistance for other hardship households.</param>
/// <param name="MajorDisease">The major-disease subsidy (for assistance groups).</param>
/// <param name="InclusiveCommercial">Inclusive commercial insurance (for enrolled people).</param>
/// <param name="ReimbursementCeiling">The most the public layers may pay, as a share of the whole bill, in [0, 1]; 1 for no ceiling.</param>
public readonly record struct MedicalPayoutSchedule(
    BasicMedicalInsuranceTerms Basic,
    CatastrophicIllnessTerms Catastrophic,
    CatastrophicIllnessTerms CatastrophicVulnerable,
    MedicalAssistanceSchedule DestituteAssistance,
    MedicalAssistanceSchedule DibaoAssistance,
    MedicalAssistanceSchedule MarginalAssistance,
    MedicalAssistanceSchedule OtherHardshipAssistance,
    MajorDiseaseSubsidyTerms MajorDisease,
    InclusiveCommercialInsuranceTerms InclusiveCommercial,
    double ReimbursementCeiling)
{
    /// <summary>The most the public layers may pay, as a share of the whole bill.</summary>
    public double ReimbursementCeiling { get; init; } = Guard.Fraction(ReimbursementCeiling, nameof(ReimbursementCeiling));

    /// <summary>The assistance schedule of a group (<see cref="MedicalAssistanceSchedule.None"/> for no group).</summary>
    /// <param name="group">The group.</param>
    public MedicalAssistanceSchedule AssistanceFor(AssistanceGroup group) => group switch
    {
        AssistanceGroup.Destitute => DestituteAssistance,
        AssistanceGroup.Dibao => DibaoAssistance,
        AssistanceGroup.Marginal => MarginalAssistance,
        AssistanceGroup.OtherHardship => OtherHardshipAssistance,
        _ => MedicalAssistanceSchedule.None,
    };

    /// <summary>Runs the layers on one person's claim (the household cap excluded; see the type's remarks).</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="group">The person's assistance group.</param>
    /// <param name="inclusiveCommercialEnrolled">Whether the person is enrolled in inclusive commercial insurance.</param>
    public MedicalPayout Compute(in MedicalClaim claim, AssistanceGroup group = AssistanceGroup.None, bool inclusiveCommercialEnrolled = false)
    {
        bool assisted = group != AssistanceGroup.None;
        double left = claim.WithinPolicy;

        double basic = Math.Min(left, Basic.Pay(claim));
        left -= basic;

        double catastrophic = Math.Min(left, (assisted ? CatastrophicVulnerable : Catastrophic).Pay(left));
        left -= catastrophic;

        double assistance = assisted ? Math.Min(left, AssistanceFor(group).For(claim.Total).Pay(left)) : 0;
        left -= assistance;

        double majorDisease = assisted ? Math.Min(left, MajorDisease.Pay(claim, left)) : 0;

        // The overall ceiling: take an excess back from the last public layer first.
        double excess = basic + catastrophic + assistance + majorDisease - (ReimbursementCeiling * claim.Total);
        double reduction = Math.Max(0, excess);
        if (excess > 0)
        {
            TakeBack(ref majorDisease, ref excess);
            TakeBack(ref assistance, ref excess);
            TakeBack(ref catastrophic, ref excess);
            TakeBack(ref basic, ref excess);
        }

        // Each subtraction takes at most what is left, so the self-pay left never falls below 0 in floating point.
        left = claim.WithinPolicy - basic - catastrophic - assistance - majorDisease;
        double commercial = inclusiveCommercialEnrolled ? Math.Min(left, InclusiveCommercial.Pay(left)) : 0;
        left -= commercial;

        return new MedicalPayout(claim.WithinPolicy, claim.OutOfPolicy, basic, catastrophic, assistance, majorDisease, commercial, 0, reduction, left + claim.OutOfPolicy);
    }

    private static void TakeBack(ref double layer, ref double excess)
    {
        double cut = Math.Min(layer, excess);
        layer -= cut;
        excess -= cut;
    }
}
