using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// What each layer of medical protection paid on one person's bill, and what the person paid out of pocket, in
/// yuan (<see cref="double"/>, unrounded). Out-of-pocket spending is the residual of the bill after every layer, so
/// <see cref="TotalPaid"/> + <see cref="OutOfPocket"/> = <see cref="Bill"/> up to floating-point rounding (a few
/// ulps of the bill), and it is never negative.
/// </summary>
/// <remarks>Produced by <see cref="MedicalPayoutSchedule.Compute"/> and, for the household cap,
/// <see cref="HouseholdBurdenCapTerms.Apply"/>. All amounts are yuan for the claim's period (a year in
/// <see cref="MedicalPayoutProgram"/>), unrounded (rounding to 0.01 happens only at outputs: docs/money.md).</remarks>
public readonly record struct MedicalPayout
{
    internal MedicalPayout(
        double withinPolicy, double outOfPolicy, double basic, double catastrophic, double assistance, double majorDisease,
        double commercial, double householdCap, double ceilingReduction, double outOfPocket)
    {
        OutOfPocket = outOfPocket;
        WithinPolicyBill = withinPolicy;
        OutOfPolicyBill = outOfPolicy;
        BasicInsurance = basic;
        CatastrophicInsurance = catastrophic;
        MedicalAssistance = assistance;
        MajorDiseaseSubsidy = majorDisease;
        InclusiveCommercialInsurance = commercial;
        HouseholdCap = householdCap;
        CeilingReduction = ceilingReduction;
    }

    /// <summary>The within-policy cost of the bill, yuan.</summary>
    public double WithinPolicyBill { get; }

    /// <summary>The out-of-policy cost of the bill, yuan (never reimbursed by insurance or assistance).</summary>
    public double OutOfPolicyBill { get; }

    /// <summary>The whole bill, yuan.</summary>
    public double Bill => WithinPolicyBill + OutOfPolicyBill;

    /// <summary>Paid by resident basic medical insurance, yuan.</summary>
    public double BasicInsurance { get; }

    /// <summary>Paid by catastrophic illness insurance, yuan.</summary>
    public double CatastrophicInsurance { get; }

    /// <summary>Paid by medical assistance, yuan.</summary>
    public double MedicalAssistance { get; }

    /// <summary>Paid by a local major-disease subsidy, yuan.</summary>
    public double MajorDiseaseSubsidy { get; }

    /// <summary>Paid by inclusive commercial insurance (Huiminbao), yuan: private, not a public cost.</summary>
    public double InclusiveCommercialInsurance { get; }

    /// <summary>Paid by the household burden-cap fund, yuan.</summary>
    public double HouseholdCap { get; }

    /// <summary>
    /// How much the overall reimbursement ceiling removed from the public layers (already deducted from them), yuan:
    /// information only, not a payment.
    /// </summary>
    public double CeilingReduction { get; }

    /// <summary>Paid by public schemes: basic, catastrophic, assistance, major-disease subsidy and household cap, yuan.</summary>
    public double PublicPaid => BasicInsurance + CatastrophicInsurance + MedicalAssistance + MajorDiseaseSubsidy + HouseholdCap;

    /// <summary>Paid by all layers, yuan.</summary>
    public double TotalPaid => PublicPaid + InclusiveCommercialInsurance;

    /// <summary>
    /// The within-policy cost no layer paid, yuan: out-of-pocket spending beyond the out-of-policy cost, never negative
    /// (the household cap is taken to pay within-policy self-pay first).
    /// </summary>
    public double WithinPolicySelfPay => Math.Max(0, OutOfPocket - OutOfPolicyBill);

    /// <summary>
    /// Out-of-pocket spending: the bill minus every layer's payment, yuan, ≥ 0. Computed as what each layer left of the
    /// bill in turn (each layer pays at most what is left), so it is exactly 0 when the layers pay everything.
    /// </summary>
    public double OutOfPocket { get; }

    /// <summary>The share of the bill paid by all layers, in [0, 1] (0 for an empty bill).</summary>
    public double ReimbursedShare => Bill == 0 ? 0 : TotalPaid / Bill;

    /// <summary>The same payout with the household-cap fund paying <paramref name="amount"/> more of the out-of-pocket spending.</summary>
    /// <param name="amount">Yuan, in [0, <see cref="OutOfPocket"/>].</param>
    public MedicalPayout WithHouseholdCap(double amount)
    {
        if (!(amount >= 0 && amount <= OutOfPocket))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"The household-cap payment must lie in [0, {OutOfPocket}] (the out-of-pocket spending).");
        }

        return new MedicalPayout(WithinPolicyBill, OutOfPolicyBill, BasicInsurance, CatastrophicInsurance, MedicalAssistance, MajorDiseaseSubsidy, InclusiveCommercialInsurance, HouseholdCap + amount, CeilingReduction, OutOfPocket - amount);
    }

    /// <inheritdoc />
    /// <remarks>An output: each amount rounded half away from zero to 0.01 yuan (<see cref="Yuan.Round"/>).</remarks>
    public override string ToString()
        => StepText.Create($"bill {Yuan.Round(Bill):0.00} = basic {Yuan.Round(BasicInsurance):0.00} + catastrophic {Yuan.Round(CatastrophicInsurance):0.00} + assistance {Yuan.Round(MedicalAssistance):0.00} + major-disease {Yuan.Round(MajorDiseaseSubsidy):0.00} + commercial {Yuan.Round(InclusiveCommercialInsurance):0.00} + household cap {Yuan.Round(HouseholdCap):0.00} + OOP {Yuan.Round(OutOfPocket):0.00}");
}
