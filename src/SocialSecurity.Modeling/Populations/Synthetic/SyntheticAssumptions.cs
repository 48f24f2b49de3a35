using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>
/// The behavioural assumptions of the synthetic populations that no source in the data pins down. Every value here is
/// <b>[I] illustrative</b>, not a fact, unless its comment says otherwise; calibrated statistics (population, urban
/// share, age shares, household size, income means and Gini) come from <see cref="ProvinceStatistics"/> instead.
/// </summary>
internal static class SyntheticAssumptions
{
    // Household size: 1 + Poisson(mean − 1) truncated at MaxHouseholdSize; urban households smaller, rural larger [I].
    public const int MaxHouseholdSize = 8;
    public const double UrbanSizeOffset = -0.15;
    public const double RuralSizeOffset = 0.25;

    // Per-capita income falls with household size [I]: the income score is −ρ·(size − mean)/scale + √(1 − ρ²)·ε. ρ is
    // tuned so that, nationally, the simple average of the five equal-household income-group means exceeds the person
    // mean by about 6%, as the NBS 2022 groups do (39,203 vs 36,883; caveat 4 of the statistics sources).
    public const double IncomeSizeCorrelation = 0.12;
    public const double SizeScoreScale = 1.3;

    // Household composition [I], scaled by (target 60+ share / ElderlyReferenceShare) so composition starts near the
    // age targets and raking only fine-tunes.
    public const double ElderlyReferenceShare = 0.19;
    public const double SingleElderlyProbability = 0.40;
    public const double ElderlyCoupleProbability = 0.35;
    public const double SingleParentProbability = 0.15;
    public const double GrandparentProbabilitySize3 = 0.15;
    public const double GrandparentProbabilitySize4Plus = 0.45;
    public const int MaxChildAgeAtHome = 30; // children living with their parents, ages 0 to this
    public const double MinorSlotBase = 0.2; // P(child slot holds a minor) = base + per-share × target child share
    public const double MinorSlotPerChildShare = 1.2;
    public const int MaxAge = 100;

    // Hukou [I]: share of urban-area households with a local urban hukou; the rest are migrant households with a rural
    // hukou, part of them registered in another place of the province; a few rural residents hold an urban hukou.
    public const double UrbanLocalHukouShare = 0.70;
    public const double MigrantRegisteredElsewhereShare = 0.35;
    public const double RuralResidentUrbanHukouShare = 0.05;

    // Disability certificate prevalence by age [I] (China has roughly 2–3% certified; not from the sources consulted).
    public const double DisabilityUnder60 = 0.015;
    public const double Disability60To79 = 0.06;
    public const double Disability80Plus = 0.12;

    // Income structure [I]: a retiree's employee pension as a multiple of the household's per-capita income, shares of
    // non-pension income from property and private transfers, and relative earnings of workers.
    public const double RetireePensionToPerCapitaIncome = 0.8;
    public const double ResidentPensionMaxShareOfPerCapitaIncome = 0.6;
    public const double MaxPensionShareOfHouseholdIncome = 0.9;
    public const double PropertyShareUrban = 0.10;
    public const double PropertyShareRural = 0.03;
    public const double PrivateTransferShare = 0.04;

    /// <summary>The probability that an urban-hukou person of this age and sex has retired [I], around the statutory ages of 2022 (men 60, women 50 or 55; 国发〔1978〕104号 [N]).</summary>
    public static double RetiredProbability(int age, Sex sex) => sex == Sex.Male
        ? (age >= 60 ? 0.92 : 0)
        : (age >= 55 ? 0.9 : age >= 50 ? 0.6 : 0);
}
