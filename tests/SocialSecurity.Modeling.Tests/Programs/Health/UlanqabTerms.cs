using SocialSecurity.Modeling.Programs.Health;

namespace SocialSecurity.Modeling.Tests.Programs.Health;

/// <summary>The terms of docs/rules/medical.md written out by hand, independently of the parameter files, for the worked examples.</summary>
internal static class UlanqabTerms
{
    public static BasicMedicalInsuranceTerms Basic { get; } = new(
        primaryDeductible: 200, secondaryDeductible: 500, tertiaryDeductible: 1_200, repeatAdmissionReduction: 100,
        CoinsuranceBands.Create([0, 30_000, 70_000, 200_000], [0.65, 0.70, 0.75, 0.80]), annualCeiling: 160_000);

    public static CatastrophicIllnessTerms Catastrophic { get; } = new(14_000, CoinsuranceBands.Flat(0.60), 500_000);

    public static CatastrophicIllnessTerms CatastrophicPoor { get; } = Catastrophic.ForVulnerable(0.5, 0.05, keepCap: false);

    /// <summary>The national design [U] of example 14: 70%, no deductible, a cap large enough not to bind.</summary>
    public static MedicalAssistanceSchedule NationalDibaoAssistance { get; } = MedicalAssistanceSchedule.Single(new MedicalAssistanceTerms(0, 0.70, 100_000));

    public static MajorDiseaseSubsidyTerms MajorDisease { get; } = new(true, 30_000, CoinsuranceBands.Create([0, 30_000, 50_000], [0.40, 0.50, 0.60]), 50_000);

    public static MedicalPayoutSchedule Schedule(MedicalAssistanceSchedule dibao = default, MajorDiseaseSubsidyTerms majorDisease = default, InclusiveCommercialInsuranceTerms commercial = default, double ceiling = 0.90)
        => new(Basic, Catastrophic, CatastrophicPoor, default, dibao, default, default, majorDisease, commercial, ceiling);
}
