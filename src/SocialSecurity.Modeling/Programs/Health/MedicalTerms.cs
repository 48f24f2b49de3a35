using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// Everything <see cref="MedicalPayoutProgram"/> needs in one region: the per-person schedule, the household cap and
/// the parameters behind each layer. Each terms type reads its own parameters; this type only puts them together.
/// </summary>
/// <param name="Schedule">The per-person layers.</param>
/// <param name="HouseholdCap">The household burden cap.</param>
/// <param name="Sources">The parameters behind each layer, for explanations.</param>
internal sealed record MedicalTerms(MedicalPayoutSchedule Schedule, HouseholdBurdenCapTerms HouseholdCap, LayerSources Sources)
{
    /// <summary>Every parameter the medical layers read.</summary>
    public static string[] ParameterNames =>
    [
        .. BasicMedicalInsuranceTerms.ParameterNames,
        .. CatastrophicIllnessTerms.ParameterNames,
        .. MedicalAssistanceSchedule.ParameterNames,
        .. MajorDiseaseSubsidyTerms.ParameterNames,
        .. InclusiveCommercialInsuranceTerms.ParameterNames,
        MedicalPayoutProgram.ReimbursementCeiling,
        .. HouseholdBurdenCapTerms.ParameterNames,
    ];

    /// <summary>The terms in force where <paramref name="read"/> reads.</summary>
    /// <param name="read">The region's parameters.</param>
    public static MedicalTerms Read(TermsReader read)
    {
        var basic = BasicMedicalInsuranceTerms.Read(read);
        var basicSources = read.TakeSources();
        var catastrophic = CatastrophicIllnessTerms.Read(read);
        var catastrophicSources = read.TakeSources();
        var vulnerable = catastrophic.ReadVulnerable(read);
        var vulnerableSources = read.TakeSources();
        var assistance = new MedicalAssistanceSchedule[4];
        var assistanceSources = new ResolvedParameter[4][];
        for (int g = 0; g < 4; g++)
        {
            assistance[g] = MedicalAssistanceSchedule.Read(read, (AssistanceGroup)(g + 1));
            assistanceSources[g] = read.TakeSources();
        }

        var majorDisease = MajorDiseaseSubsidyTerms.Read(read);
        var majorDiseaseSources = read.TakeSources();
        var commercial = InclusiveCommercialInsuranceTerms.Read(read);
        var commercialSources = read.TakeSources();
        double ceiling = read.Scalar(MedicalPayoutProgram.ReimbursementCeiling);
        var ceilingSource = read.TakeSources()[0];
        var cap = HouseholdBurdenCapTerms.Read(read);
        var capSources = read.TakeSources();

        var schedule = new MedicalPayoutSchedule(basic, catastrophic, vulnerable, assistance[0], assistance[1], assistance[2], assistance[3], majorDisease, commercial, ceiling);
        var sources = new LayerSources(
            basicSources[..3], basicSources[3..], catastrophicSources, vulnerableSources, assistanceSources,
            majorDiseaseSources, commercialSources, ceilingSource, capSources);
        return new MedicalTerms(schedule, cap, sources);
    }
}
