using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// Inclusive commercial supplementary insurance (惠民保, Huiminbao): city-customised, voluntary private insurance
/// that anyone may join, paying a share of the within-policy self-pay left after public schemes above a deductible,
/// up to a cap (docs/rules/medical.md#inclusive-commercial-insurance).
/// </summary>
/// <remarks>
/// <para>Rule, for an enrolled person: payment = min(cap, rate × max(0, remaining self-pay − deductible)).</para>
/// <para>The payout terms of the real products are unknown: the defaults (20,000 deductible, 70%, cap 1,000,000)
/// are [I]. Real products also pay some out-of-policy drugs; that is not modelled.</para>
/// </remarks>
/// <param name="Deductible">The deductible, yuan per year, ≥ 0.</param>
/// <param name="Rate">The share paid above the deductible, in [0, 1].</param>
/// <param name="Cap">The annual cap, yuan per year, ≥ 0.</param>
public readonly record struct InclusiveCommercialInsuranceTerms(double Deductible, double Rate, double Cap)
{
    /// <summary>The deductible, yuan per year.</summary>
    public double Deductible { get; init; } = Guard.NonNegative(Deductible, nameof(Deductible));

    /// <summary>The share paid above the deductible.</summary>
    public double Rate { get; init; } = Guard.Fraction(Rate, nameof(Rate));

    /// <summary>The annual cap, yuan per year.</summary>
    public double Cap { get; init; } = Guard.NonNegative(Cap, nameof(Cap));

    /// <summary>No cover.</summary>
    public static InclusiveCommercialInsuranceTerms None => default;

    /// <summary>What the insurance pays an enrolled person on a remaining within-policy self-pay, yuan.</summary>
    /// <param name="selfPay">The remaining within-policy self-pay, yuan, ≥ 0.</param>
    public double Pay(double selfPay) => Math.Min(Cap, Rate * Math.Max(0, selfPay - Deductible));

    /// <summary>The parameters the terms are read from.</summary>
    internal static string[] ParameterNames => [MedicalPayoutProgram.CommercialDeductible, MedicalPayoutProgram.CommercialRate, MedicalPayoutProgram.CommercialCap];

    /// <summary>The terms in force where <paramref name="read"/> reads.</summary>
    /// <param name="read">The region's parameters.</param>
    internal static InclusiveCommercialInsuranceTerms Read(TermsReader read)
        => new(read.PerYear(MedicalPayoutProgram.CommercialDeductible), read.Scalar(MedicalPayoutProgram.CommercialRate), read.PerYear(MedicalPayoutProgram.CommercialCap));
}
