using SocialSecurity.Modeling.Internal;

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
public readonly record struct MajorDiseaseSubsidyTerms(bool Enabled, double AdmissionThreshold, CoinsuranceBands Bands, double Cap)
{
    /// <summary>The bill per admission that must be exceeded, yuan.</summary>
    public double AdmissionThreshold { get; init; } = Guard.NonNegative(AdmissionThreshold, nameof(AdmissionThreshold));

    /// <summary>The annual cap, yuan per year.</summary>
    public double Cap { get; init; } = Guard.NonNegative(Cap, nameof(Cap));

    /// <summary>No subsidy.</summary>
    public static MajorDiseaseSubsidyTerms None => default;

    /// <summary>What the subsidy pays, yuan.</summary>
    /// <param name="claim">The claim (its bill per admission is tested against the threshold).</param>
    /// <param name="selfPay">The within-policy self-pay left after insurance and assistance, yuan, ≥ 0.</param>
    public double Pay(in MedicalClaim claim, double selfPay)
        => Enabled && claim.PerAdmission > AdmissionThreshold ? Math.Min(Cap, Bands.Pay(selfPay, 0)) : 0;

    /// <summary>The parameters the subsidy is read from.</summary>
    internal static string[] ParameterNames =>
        [MedicalPayoutProgram.MajorDiseaseEnabled, MedicalPayoutProgram.MajorDiseaseAdmissionThreshold, MedicalPayoutProgram.MajorDiseaseBandThresholds, MedicalPayoutProgram.MajorDiseaseBandRates, MedicalPayoutProgram.MajorDiseaseCap];

    /// <summary>The subsidy in force where <paramref name="read"/> reads.</summary>
    /// <param name="read">The region's parameters.</param>
    internal static MajorDiseaseSubsidyTerms Read(TermsReader read) => new(
        read.Flag(MedicalPayoutProgram.MajorDiseaseEnabled),
        read.Scalar(MedicalPayoutProgram.MajorDiseaseAdmissionThreshold),
        read.Bands(MedicalPayoutProgram.MajorDiseaseBandThresholds, MedicalPayoutProgram.MajorDiseaseBandRates),
        read.PerYear(MedicalPayoutProgram.MajorDiseaseCap));
}
