using System.Globalization;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// What each layer of medical protection paid on one person's bill, and what the person paid out of pocket. The
/// layers plus out-of-pocket spending add up to the bill exactly (decimal arithmetic, the residual is computed, never
/// rounded): <see cref="TotalPaid"/> + <see cref="OutOfPocket"/> = <see cref="Bill"/>.
/// </summary>
/// <remarks>Produced by <see cref="MedicalPayoutSchedule.Compute"/> and, for the household cap,
/// <see cref="HouseholdBurdenCapTerms.Apply"/>. All amounts are yuan for the claim's period (a year in
/// <see cref="MedicalPayoutProgram"/>), unrounded (docs/architecture.md#money rounds only at outputs).</remarks>
public readonly record struct MedicalPayout
{
    internal MedicalPayout(
        decimal withinPolicy, decimal outOfPolicy, decimal basic, decimal catastrophic, decimal assistance, decimal majorDisease,
        decimal commercial, decimal householdCap, decimal ceilingReduction)
    {
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
    public decimal WithinPolicyBill { get; }

    /// <summary>The out-of-policy cost of the bill, yuan (never reimbursed by insurance or assistance).</summary>
    public decimal OutOfPolicyBill { get; }

    /// <summary>The whole bill, yuan.</summary>
    public decimal Bill => WithinPolicyBill + OutOfPolicyBill;

    /// <summary>Paid by resident basic medical insurance, yuan.</summary>
    public decimal BasicInsurance { get; }

    /// <summary>Paid by catastrophic illness insurance, yuan.</summary>
    public decimal CatastrophicInsurance { get; }

    /// <summary>Paid by medical assistance, yuan.</summary>
    public decimal MedicalAssistance { get; }

    /// <summary>Paid by a local major-disease subsidy, yuan.</summary>
    public decimal MajorDiseaseSubsidy { get; }

    /// <summary>Paid by inclusive commercial insurance (Huiminbao), yuan: private, not a public cost.</summary>
    public decimal InclusiveCommercialInsurance { get; }

    /// <summary>Paid by the household burden-cap fund, yuan.</summary>
    public decimal HouseholdCap { get; }

    /// <summary>
    /// How much the overall reimbursement ceiling removed from the public layers (already deducted from them), yuan:
    /// information only, not a payment.
    /// </summary>
    public decimal CeilingReduction { get; }

    /// <summary>Paid by public schemes: basic, catastrophic, assistance, major-disease subsidy and household cap, yuan.</summary>
    public decimal PublicPaid => BasicInsurance + CatastrophicInsurance + MedicalAssistance + MajorDiseaseSubsidy + HouseholdCap;

    /// <summary>Paid by all layers, yuan.</summary>
    public decimal TotalPaid => PublicPaid + InclusiveCommercialInsurance;

    /// <summary>
    /// The within-policy cost no layer paid, yuan: out-of-pocket spending beyond the out-of-policy cost, never negative
    /// (the household cap is taken to pay within-policy self-pay first).
    /// </summary>
    public decimal WithinPolicySelfPay => Math.Max(0m, OutOfPocket - OutOfPolicyBill);

    /// <summary>Out-of-pocket spending: the bill minus every layer's payment, yuan, ≥ 0.</summary>
    public decimal OutOfPocket => Bill - TotalPaid;

    /// <summary>The share of the bill paid by all layers, in [0, 1] (0 for an empty bill).</summary>
    public decimal ReimbursedShare => Bill == 0m ? 0m : TotalPaid / Bill;

    /// <summary>The same payout with the household-cap fund paying <paramref name="amount"/> more of the out-of-pocket spending.</summary>
    /// <param name="amount">Yuan, in [0, <see cref="OutOfPocket"/>].</param>
    public MedicalPayout WithHouseholdCap(decimal amount)
    {
        if (amount < 0m || amount > OutOfPocket)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"The household-cap payment must lie in [0, {OutOfPocket}] (the out-of-pocket spending).");
        }

        return new MedicalPayout(WithinPolicyBill, OutOfPolicyBill, BasicInsurance, CatastrophicInsurance, MedicalAssistance, MajorDiseaseSubsidy, InclusiveCommercialInsurance, HouseholdCap + amount, CeilingReduction);
    }

    /// <inheritdoc />
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"bill {Bill:0.00} = basic {BasicInsurance:0.00} + catastrophic {CatastrophicInsurance:0.00} + assistance {MedicalAssistance:0.00} + major-disease {MajorDiseaseSubsidy:0.00} + commercial {InclusiveCommercialInsurance:0.00} + household cap {HouseholdCap:0.00} + OOP {OutOfPocket:0.00}");
}
