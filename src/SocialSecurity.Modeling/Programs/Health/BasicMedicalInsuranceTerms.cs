using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// Resident basic medical insurance (城乡居民基本医疗保险) inpatient terms: a deductible by hospital level, reduced for
/// repeat admissions, segmented co-insurance, and an annual ceiling (docs/rules/medical.md#basic-medical-insurance).
/// </summary>
/// <remarks>
/// <para>Rule: deductible <i>D</i> = <i>D</i><sub>level</sub> + (<i>n</i> − 1) × max(0, <i>D</i><sub>level</sub> −
/// reduction) for <i>n</i> admissions; payment = min(<i>C</i>, bands.Pay(within-policy cost, <i>D</i>)).</para>
/// <para>Ulanqab [L, hospital guide about 2019–20]: in-city tertiary <i>D</i> = 1,200, 100 less for a repeat
/// admission; 65% to 30k, 70% to 70k, 75% to 200k, 80% above; <i>C</i> = 160,000 per year.</para>
/// <para>Simplification [I]: with several admissions in a year the bands are applied to the annual within-policy cost
/// above the summed deductibles, not admission by admission.</para>
/// </remarks>
public readonly record struct BasicMedicalInsuranceTerms
{
    /// <summary>Basic insurance terms.</summary>
    /// <param name="primaryDeductible">Deductible per first admission at a primary hospital, yuan, ≥ 0.</param>
    /// <param name="secondaryDeductible">Deductible per first admission at a secondary hospital, yuan, ≥ 0.</param>
    /// <param name="tertiaryDeductible">Deductible per first admission at a tertiary hospital, yuan, ≥ 0.</param>
    /// <param name="repeatAdmissionReduction">How much lower the deductible is for each repeat admission, yuan, ≥ 0.</param>
    /// <param name="bands">Co-insurance bands keyed by the within-policy cost.</param>
    /// <param name="annualCeiling">The most basic insurance pays a person in a year, yuan, ≥ 0.</param>
    public BasicMedicalInsuranceTerms(double primaryDeductible, double secondaryDeductible, double tertiaryDeductible, double repeatAdmissionReduction, CoinsuranceBands bands, double annualCeiling)
    {
        Guard.NonNegative(primaryDeductible, nameof(primaryDeductible));
        Guard.NonNegative(secondaryDeductible, nameof(secondaryDeductible));
        Guard.NonNegative(tertiaryDeductible, nameof(tertiaryDeductible));
        Guard.NonNegative(repeatAdmissionReduction, nameof(repeatAdmissionReduction));
        Guard.NonNegative(annualCeiling, nameof(annualCeiling));
        PrimaryDeductible = primaryDeductible;
        SecondaryDeductible = secondaryDeductible;
        TertiaryDeductible = tertiaryDeductible;
        RepeatAdmissionReduction = repeatAdmissionReduction;
        Bands = bands;
        AnnualCeiling = annualCeiling;
    }

    /// <summary>Deductible for a first admission at a primary hospital, yuan.</summary>
    public double PrimaryDeductible { get; init; }

    /// <summary>Deductible for a first admission at a secondary hospital, yuan.</summary>
    public double SecondaryDeductible { get; init; }

    /// <summary>Deductible for a first admission at a tertiary hospital, yuan.</summary>
    public double TertiaryDeductible { get; init; }

    /// <summary>The reduction of the deductible for each repeat admission, yuan.</summary>
    public double RepeatAdmissionReduction { get; init; }

    /// <summary>The co-insurance bands, keyed by the within-policy cost.</summary>
    public CoinsuranceBands Bands { get; init; }

    /// <summary>The annual ceiling on basic-insurance payments, yuan per year.</summary>
    public double AnnualCeiling { get; init; }

    /// <summary>The total deductible for <paramref name="admissions"/> admissions at <paramref name="level"/>, yuan.</summary>
    /// <param name="level">The hospital level.</param>
    /// <param name="admissions">Admissions, ≥ 1.</param>
    public double Deductible(HospitalLevel level, int admissions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(admissions, 1);
        double first = level switch
        {
            HospitalLevel.Primary => PrimaryDeductible,
            HospitalLevel.Secondary => SecondaryDeductible,
            HospitalLevel.Tertiary => TertiaryDeductible,
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "The hospital level must be Primary, Secondary or Tertiary."),
        };
        return first + ((admissions - 1) * Math.Max(0, first - RepeatAdmissionReduction));
    }

    /// <summary>What basic insurance pays on a claim, yuan: min(annual ceiling, bands.Pay(within-policy cost, deductible)); 0 for an empty claim (including <c>default</c>).</summary>
    /// <param name="claim">The claim.</param>
    public double Pay(in MedicalClaim claim)
        => claim.WithinPolicy == 0 ? 0 : Math.Min(AnnualCeiling, Bands.Pay(claim.WithinPolicy, Deductible(claim.Level, claim.Admissions)));

    /// <summary>The parameters the terms are read from: the three deductibles, the repeat reduction, the bands and the ceiling.</summary>
    internal static string[] ParameterNames =>
    [
        MedicalPayoutProgram.BasicDeductiblePrimary, MedicalPayoutProgram.BasicDeductibleSecondary, MedicalPayoutProgram.BasicDeductibleTertiary,
        MedicalPayoutProgram.BasicRepeatReduction, MedicalPayoutProgram.BasicBandThresholds, MedicalPayoutProgram.BasicBandRates, MedicalPayoutProgram.BasicAnnualCeiling,
    ];

    /// <summary>The terms in force where <paramref name="read"/> reads, in the order of <see cref="ParameterNames"/>.</summary>
    /// <param name="read">The region's parameters.</param>
    internal static BasicMedicalInsuranceTerms Read(TermsReader read) => new(
        read.Scalar(MedicalPayoutProgram.BasicDeductiblePrimary),
        read.Scalar(MedicalPayoutProgram.BasicDeductibleSecondary),
        read.Scalar(MedicalPayoutProgram.BasicDeductibleTertiary),
        read.Scalar(MedicalPayoutProgram.BasicRepeatReduction),
        read.Bands(MedicalPayoutProgram.BasicBandThresholds, MedicalPayoutProgram.BasicBandRates),
        read.PerYear(MedicalPayoutProgram.BasicAnnualCeiling));
}
