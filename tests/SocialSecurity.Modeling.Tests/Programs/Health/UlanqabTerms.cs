using SocialSecurity.Modeling.Programs.Health;

namespace SocialSecurity.Modeling.Tests.Programs.Health;

/// <summary>The terms of docs/rules/medical.md written out by hand, independently of the parameter files, for the worked examples.</summary>
internal static class UlanqabTerms
{
    public static BasicMedicalInsuranceTerms Basic { get; } = new(
        primaryDeductible: 200m, secondaryDeductible: 500m, tertiaryDeductible: 1_200m, repeatAdmissionReduction: 100m,
        CoinsuranceBands.Create([0m, 30_000m, 70_000m, 200_000m], [0.65m, 0.70m, 0.75m, 0.80m]), annualCeiling: 160_000m);

    public static CatastrophicIllnessTerms Catastrophic { get; } = new(14_000m, CoinsuranceBands.Flat(0.60m), 500_000m);

    public static CatastrophicIllnessTerms CatastrophicPoor { get; } = Catastrophic.ForVulnerable(0.5m, 0.05m, keepCap: false);

    /// <summary>The national design [U] of example 14: 70%, no deductible, a cap large enough not to bind.</summary>
    public static MedicalAssistanceSchedule NationalDibaoAssistance { get; } = MedicalAssistanceSchedule.Single(new MedicalAssistanceTerms(0m, 0.70m, 100_000m));

    public static MajorDiseaseSubsidyTerms MajorDisease { get; } = new(true, 30_000m, CoinsuranceBands.Create([0m, 30_000m, 50_000m], [0.40m, 0.50m, 0.60m]), 50_000m);

    public static MedicalPayoutSchedule Schedule(MedicalAssistanceSchedule dibao = default, MajorDiseaseSubsidyTerms majorDisease = default, InclusiveCommercialInsuranceTerms commercial = default, decimal ceiling = 0.90m)
        => new(Basic, Catastrophic, CatastrophicPoor, default, dibao, default, default, majorDisease, commercial, ceiling);
}
