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

    // Income shape [D]: slopes of log per-capita income against the normal score on the five segments between the
    // knots at quantiles 0.2, 0.4, 0.6 and 0.8 (IncomeModel), fitted by the national generator to the five NBS 2023
    // household income-group means (9,215; 20,442; 32,195; 50,220; 95,055 yuan). Provinces, which publish no group
    // means, use them as they are [I]: the within-area shape of a province is assumed to be the national one.
    public static ReadOnlySpan<double> IncomeShapeSlopes => [1.0789, 0.6674, 0.7892, 0.6214, 0.5421];

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
    // Property income is financial and rental property income for every household; households owning their home also
    // have the imputed rent of the owner-occupied home (NBS counts it in property income; the populations carry it in a
    // column of its own, SyntheticIncomeColumns.ImputedRent, outside means tests and tax), as shares of non-pension
    // income [I].
    public const double PropertyShareUrban = 0.05;
    public const double PropertyShareRural = 0.015;
    public const double ImputedRentShareUrban = 0.06;
    public const double ImputedRentShareRural = 0.02;
    public const double PrivateTransferShare = 0.04;

    // Wages are generated pre-tax: this first guess of gross wages per yuan of net wages (the employee's contributions
    // and housing fund, about 17.5% of the base, and a little tax) only starts SyntheticPopulation.GenerateCalibrated,
    // which then moves every household's market income until its simulated disposable income meets its target [I].
    public const double WageGrossUpFirstGuess = 1.2;

    // ---- Income-chain inputs (issue 12): work, tax-deduction facts, unemployment and work injury. All [I] unless a
    // comment says otherwise; drawn from counter-based streams keyed by the seed and person or household id
    // (IncomeChainModel), so they do not disturb the draws above.

    // Work contract [I]: the share of employees with a labour contract, by area and hukou (urban local, urban migrant
    // with a rural hukou, rural area); the other employees are flexible workers (platform and casual work). Among the
    // self-employed, the share who own a registered individual business (个体工商户); the others are flexible workers.
    // Farmers, the unemployed, retirees, students and the inactive have no contract.
    public const double LabourContractShareUrbanLocal = 0.85;
    public const double LabourContractShareUrbanMigrant = 0.65;
    public const double LabourContractShareRural = 0.55;
    public const double IndividualBusinessShareOfSelfEmployed = 0.45;

    // Employer's industry risk class 1–8 for work-injury insurance [I], for everyone with a contract: shares of classes
    // 1 (lowest risk, offices and services) to 8 (mining and the like).
    public static ReadOnlySpan<double> IndustryRiskClassShares => [0.30, 0.25, 0.15, 0.10, 0.08, 0.05, 0.04, 0.03];

    // Annual one-off bonus [I]: the share of labour-contract employees with wages who receive one, and its share of
    // their wages, uniform between the two bounds (the bonus is part of wages, never more).
    public const double BonusProbability = 0.50;
    public const double BonusShareOfWagesMin = 0.05;
    public const double BonusShareOfWagesMax = 0.30;

    // Labour remuneration [I]: the share of flexible-worker employees paid for independent services (劳务报酬, as
    // platforms often withhold it) instead of wages: their earnings move from wages to labour remuneration whole.
    // Author's remuneration and royalties are not generated (zero).
    public const double LabourRemunerationShareOfFlexibleEmployees = 0.30;

    // Medical scheme [I]: labour-contract employees and retirees are in employee medical insurance; of the others, this
    // share is uninsured and the rest are in resident medical insurance.
    public const double MedicalUninsuredShare = 0.04;

    // Elderly-parent deduction [I]: the person's only-child share by hukou in the one-child-policy birth cohorts
    // (FirstOneChildCohort to LastOneChildCohort), and for everyone else. Earners with a parent aged 60+ claim: as an
    // only child, else shared with siblings.
    public const int FirstOneChildCohort = 1980;
    public const int LastOneChildCohort = 2015;
    public const double OnlyChildShareUrbanHukouInCohort = 0.60;
    public const double OnlyChildShareRuralHukouInCohort = 0.25;
    public const double OnlyChildShareOtherwise = 0.05;

    // Children's deductions: children aged 0–2 (infant care) and aged 3–5 or students (education) count when another
    // member aged ParentMinAge–ParentMaxAge, at least ParentMinAgeGap years older, can be their parent [I]; so
    // grandparents alone do not claim.
    public const int ParentMinAge = 18;
    public const int ParentMaxAge = 59;
    public const int ParentMinAgeGap = 16;

    // Housing-cost deductions [I]: households owning a home pay a first-home mortgage with this probability; households
    // owning none rent with this probability (by area).
    public const double MortgageShareOfOwnersUrban = 0.30;
    public const double MortgageShareOfOwnersRural = 0.05;
    public const double RentShareOfNonOwnersUrban = 0.85;
    public const double RentShareOfNonOwnersRural = 0.30;

    // City class for the rent deduction. [N rule, 国发〔2018〕41号 art. 17, applied to the region catalogue]: the
    // provincial capitals Hangzhou, Nanjing, Urumqi and Hohhot and the separately planned city Ningbo are Major, for all
    // their households. Elsewhere [I]: an urban household lives in a city whose urban districts have more than one
    // million registered residents (Large) with LargeCityShareUrban, else Other; rural households are Other. The national
    // population has no places: its urban households are Major and Large with the two national shares [I].
    public static readonly string[] MajorCityCodes = ["330100", "330200", "320100", "650100", "150100"];
    public const double LargeCityShareUrban = 0.50;
    public const double NationalUrbanMajorShare = 0.30;
    public const double NationalUrbanLargeShare = 0.40;

    // Continuing education [I]: employees and the self-employed aged 18–ContinuingEducationMaxAge in degree study, or
    // obtaining a vocational certificate this year.
    public const int ContinuingEducationMaxAge = 45;
    public const double DegreeStudyShare = 0.02;
    public const double CertificateShare = 0.03;

    // Self-paid medical costs within the policy scope [I]: the share with any, by age, and a lognormal amount (median,
    // σ of the log); about 2% of those with costs exceed the serious-illness deduction's 15,000 threshold.
    public const double MedicalSelfPayShareUnder60 = 0.35;
    public const double MedicalSelfPayShare60Plus = 0.60;
    public const double MedicalSelfPayMedian = 1_000;
    public const double MedicalSelfPaySigma = 1.3;

    // Unemployment [I]: of the unemployed, the share registered after an involuntary job loss (months registered
    // uniform 1–12) and the share with a contribution history. Contribution years (labour-contract employees and
    // insured unemployed) are uniform between 0 and the years since age 18, in whole months.
    public const double UnemployedRegisteredInvoluntaryShare = 0.45;
    public const double UnemployedInsuredShare = 0.60;
    public const int InsuranceFromAge = 18;

    // Work injury [I]: of persons with a contract, the share living with an assessed work-injury grade (a stock), the
    // share of those assessed this year, grades 1–10 (mostly 7–10), and nursing dependence for grades 1–4 (shares of
    // full, most and partial; the rest none). Deaths from a work injury this year per person with a contract.
    public const double WorkInjuryGradeShare = 0.005;
    public const double WorkInjuryNewShare = 0.20;
    public static ReadOnlySpan<double> WorkInjuryGradeShares => [0.01, 0.01, 0.02, 0.03, 0.04, 0.06, 0.13, 0.20, 0.25, 0.25];
    public static ReadOnlySpan<double> WorkInjuryNursingGrade1 => [0.60, 0.30, 0.10];
    public static ReadOnlySpan<double> WorkInjuryNursingGrade2 => [0.30, 0.40, 0.20];
    public static ReadOnlySpan<double> WorkInjuryNursingGrade3 => [0.00, 0.20, 0.40];
    public static ReadOnlySpan<double> WorkInjuryNursingGrade4 => [0.00, 0.00, 0.30];
    public const double WorkInjuryDeathProbability = 3e-5;

    /// <summary>The probability that each of a person's two parents is alive and aged 60 or more [I], by the person's age: parents are about 27 years older, so both reach 60 when the person is in the thirties, and die as the person passes 50.</summary>
    public static double ParentAged60PlusProbability(int age) => age switch
    {
        < 18 => 0,
        < 25 => 0.10,
        < 30 => 0.35,
        < 35 => 0.65,
        < 45 => 0.85,
        < 55 => 0.75,
        < 65 => 0.50,
        < 75 => 0.20,
        < 85 => 0.04,
        _ => 0,
    };

    /// <summary>The probability that an urban-hukou person of this age and sex has retired [I], around the statutory ages of 2022 (men 60, women 50 or 55; 国发〔1978〕104号 [N]).</summary>
    public static double RetiredProbability(int age, Sex sex) => sex == Sex.Male
        ? (age >= 60 ? 0.92 : 0)
        : (age >= 55 ? 0.9 : age >= 50 ? 0.6 : 0);
}
