namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// A local major-disease subsidy on the self-pay left after insurance and assistance, paid when an admission is
/// expensive: banded rates up to a cap (docs/rules/medical.md#medical-assistance, Ulanqab).
/// </summary>
/// <remarks>
/// <para>Rule: when the bill per admission exceeds <see cref="AdmissionThreshold"/> (strictly), payment = min(cap,
/// bands.Pay(remaining within-policy self-pay, 0)); otherwise 0. <c>default</c> pays nothing.</para>
/// <para>Ulanqab [L]: above 30,000 per admission, 40% of 0–30k, 50% of 30–50k, 60% above, cap 50,000; so a self-pay
/// of 60,000 gets 12,000 + 10,000 + 6,000 = 28,000 (worked example 17).</para>
/// <para>Simplifications [I]: with several admissions the average bill per admission is tested; the subsidy applies
/// to the within-policy self-pay only (out-of-policy costs stay out of pocket).</para>
/// </remarks>
/// <param name="Enabled">Whether the subsidy exists.</param>
/// <param name="AdmissionThreshold">The bill per admission that must be exceeded, yuan, ≥ 0.</param>
/// <param name="Bands">Rate bands keyed by the remaining self-pay.</param>
/// <param name="Cap">The annual cap, yuan per year, ≥ 0.</param>
public readonly record struct MajorDiseaseSubsidyTerms(bool Enabled, decimal AdmissionThreshold, CoinsuranceBands Bands, decimal Cap)
{
    /// <summary>The bill per admission that must be exceeded, yuan.</summary>
    public decimal AdmissionThreshold { get; init; } = Guard.NonNegative(AdmissionThreshold, nameof(AdmissionThreshold));

    /// <summary>The annual cap, yuan per year.</summary>
    public decimal Cap { get; init; } = Guard.NonNegative(Cap, nameof(Cap));

    /// <summary>No subsidy.</summary>
    public static MajorDiseaseSubsidyTerms None => default;

    /// <summary>What the subsidy pays, yuan.</summary>
    /// <param name="claim">The claim (its bill per admission is tested against the threshold).</param>
    /// <param name="selfPay">The within-policy self-pay left after insurance and assistance, yuan, ≥ 0.</param>
    public decimal Pay(in MedicalClaim claim, decimal selfPay)
        => Enabled && claim.PerAdmission > AdmissionThreshold ? Math.Min(Cap, Bands.Pay(selfPay, 0m)) : 0m;
}
