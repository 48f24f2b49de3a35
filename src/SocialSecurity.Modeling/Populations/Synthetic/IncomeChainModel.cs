using MathNet.Numerics.Distributions;
using SocialSecurity.Modeling.Randomness;
using static SocialSecurity.Modeling.Populations.Synthetic.SyntheticAssumptions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>
/// Draws the income chain's inputs once households, incomes and homes are known: work contract, industry risk class,
/// annual bonus and labour remuneration, medical scheme, the tax-deduction facts (children, elderly parents, housing
/// cost, city class, continuing education, self-paid medical costs), unemployment spells and contribution years, and
/// work injuries. Every share is an assumption of <see cref="SyntheticAssumptions"/> (documented in docs/populations.md).
/// </summary>
/// <remarks>
/// Each decision has its own counter-based <see cref="RandomStream"/> named <c>synthetic.*</c>, keyed by the seed and
/// the person's or household's id, so the draws are a pure function of (seed, id, the household's other columns): the
/// households can be processed in any order and on any number of threads with bit-identical results, and the
/// sequential stream of the other columns is left untouched. The only existing column changed is
/// <see cref="SyntheticDraft.Wages"/>: the earnings of employees paid in labour remuneration move from wages to it,
/// so that household incomes, and the calibration to the survey targets, stay as they were.
/// </remarks>
internal static class IncomeChainModel
{
    /// <summary>Households per parallel work item.</summary>
    public const int DefaultBlockHouseholds = 4_096;

    /// <summary>Draws the columns.</summary>
    /// <param name="draft">The draft with members, activities and incomes; its wages are changed for labour remuneration.</param>
    /// <param name="homes">Homes owned per household.</param>
    /// <param name="placeCodes">The region codes of the draft's places.</param>
    /// <param name="nationLevel">True for the national population, which has no places.</param>
    /// <param name="year">The population's year (for birth cohorts).</param>
    /// <param name="seed">The population's seed.</param>
    /// <param name="maxDegreeOfParallelism">As in <see cref="ParallelOptions.MaxDegreeOfParallelism"/>.</param>
    /// <param name="blockHouseholds">Households per work item.</param>
    public static IncomeChainColumns Assign(SyntheticDraft draft, byte[] homes, string[] placeCodes, bool nationLevel, int year, ulong seed, int maxDegreeOfParallelism = -1, int blockHouseholds = DefaultBlockHouseholds)
    {
        var columns = new IncomeChainColumns(draft.HouseholdCount, draft.PersonCount);
        var streams = new Streams(seed);
        var major = placeCodes.Select(code => Array.IndexOf(MajorCityCodes, code) >= 0).ToArray();
        int blocks = (draft.HouseholdCount + blockHouseholds - 1) / blockHouseholds;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, block =>
        {
            int end = Math.Min(draft.HouseholdCount, (block + 1) * blockHouseholds);
            for (int h = block * blockHouseholds; h < end; h++)
            {
                Household(draft, homes, major, nationLevel, year, streams, columns, h);
            }
        });
        return columns;
    }

    private static void Household(SyntheticDraft draft, byte[] homes, bool[] major, bool nationLevel, int year, in Streams s, IncomeChainColumns c, int h)
    {
        long householdId = h + 1;
        bool urban = draft.Area[h] == AreaType.Urban;
        int first = draft.MemberStart[h], end = draft.MemberStart[h + 1];
        int deaths = 0;
        for (int i = first; i < end; i++)
        {
            deaths += Person(draft, year, s, c, urban, i) ? 1 : 0;
        }

        // Children: every qualifying member counts when another member can be the parent (rule of CrossColumnChecks).
        int infants = 0, pupils = 0;
        for (int i = first; i < end; i++)
        {
            int age = draft.Age[i];
            bool infant = age < CrossColumnChecks.EducationFromAge;
            bool pupil = !infant && (age <= CrossColumnChecks.PreSchoolToAge || draft.Employment[i] == EmploymentStatus.Student);
            if ((infant || pupil) && HasParent(draft, first, end, i))
            {
                infants += infant ? 1 : 0;
                pupils += pupil ? 1 : 0;
            }
        }

        c.ChildrenUnder3[h] = (byte)infants;
        c.ChildrenInEducation[h] = (byte)pupils;
        c.WorkInjuryDeaths[h] = (byte)deaths;

        c.Housing[h] = homes[h] > 0
            ? (s.Housing.Uniform(householdId) < (urban ? MortgageShareOfOwnersUrban : MortgageShareOfOwnersRural) ? HousingCost.FirstHomeMortgage : HousingCost.None)
            : (s.Housing.Uniform(householdId) < (urban ? RentShareOfNonOwnersUrban : RentShareOfNonOwnersRural) ? HousingCost.Rent : HousingCost.None);

        CityClass city;
        if (!nationLevel && major[draft.Place[h]])
        {
            city = CityClass.Major;
        }
        else if (!urban)
        {
            city = CityClass.Other;
        }
        else
        {
            double u = s.City.Uniform(householdId);
            city = nationLevel
                ? (u < NationalUrbanMajorShare ? CityClass.Major : u < NationalUrbanMajorShare + NationalUrbanLargeShare ? CityClass.Large : CityClass.Other)
                : (u < LargeCityShareUrban ? CityClass.Large : CityClass.Other);
        }

        c.City[h] = city;
    }

    /// <summary>Draws one person's columns; returns whether the person died of a work injury this year.</summary>
    private static bool Person(SyntheticDraft draft, int year, in Streams s, IncomeChainColumns c, bool urban, int i)
    {
        long id = i + 1;
        int age = draft.Age[i];
        var employment = draft.Employment[i];
        var hukou = draft.Hukou[i];

        var contract = WorkContract.None;
        if (employment == EmploymentStatus.Employee)
        {
            double share = !urban ? LabourContractShareRural : hukou == HukouType.Urban ? LabourContractShareUrbanLocal : LabourContractShareUrbanMigrant;
            contract = s.Contract.Uniform(id) < share ? WorkContract.LabourContract : WorkContract.Flexible;
        }
        else if (employment == EmploymentStatus.SelfEmployed)
        {
            contract = s.Contract.Uniform(id) < IndividualBusinessShareOfSelfEmployed ? WorkContract.IndividualBusiness : WorkContract.Flexible;
        }

        c.Contract[i] = contract;
        c.IndustryRiskClass[i] = contract == WorkContract.None ? (byte)0 : (byte)(1 + Pick(IndustryRiskClassShares, s.RiskClass.Uniform(id)));

        if (employment == EmploymentStatus.Employee && contract == WorkContract.Flexible && draft.Wages[i] > 0 && s.LabourRemuneration.Uniform(id) < LabourRemunerationShareOfFlexibleEmployees)
        {
            c.LabourRemuneration[i] = draft.Wages[i];
            draft.Wages[i] = 0;
        }

        if (contract == WorkContract.LabourContract && draft.Wages[i] > 0 && s.Bonus.Uniform(id) < BonusProbability)
        {
            c.AnnualBonus[i] = draft.Wages[i] * (BonusShareOfWagesMin + ((BonusShareOfWagesMax - BonusShareOfWagesMin) * s.Bonus.Uniform(id, 1)));
        }

        c.Medical[i] = contract == WorkContract.LabourContract || employment == EmploymentStatus.Retired ? MedicalScheme.Employee
            : s.Medical.Uniform(id) < MedicalUninsuredShare ? MedicalScheme.Uninsured : MedicalScheme.Resident;

        double parentShare = ParentAged60PlusProbability(age);
        int parents = (s.Parents.Uniform(id) < parentShare ? 1 : 0) + (s.Parents.Uniform(id, 1) < parentShare ? 1 : 0);
        c.ParentsAged60Plus[i] = (byte)parents;
        if (parents > 0 && draft.Wages[i] + draft.Business[i] + c.LabourRemuneration[i] > 0)
        {
            int born = year - age;
            double onlyChild = born is >= FirstOneChildCohort and <= LastOneChildCohort
                ? (hukou == HukouType.Urban ? OnlyChildShareUrbanHukouInCohort : OnlyChildShareRuralHukouInCohort)
                : OnlyChildShareOtherwise;
            c.ElderlyParents[i] = s.OnlyChild.Uniform(id) < onlyChild ? ElderlyParentClaim.OnlyChild : ElderlyParentClaim.Shared;
        }

        if (employment is EmploymentStatus.Employee or EmploymentStatus.SelfEmployed && age is >= 18 and <= ContinuingEducationMaxAge)
        {
            double u = s.Education.Uniform(id);
            c.Education[i] = u < DegreeStudyShare ? ContinuingEducation.Degree : u < DegreeStudyShare + CertificateShare ? ContinuingEducation.Certificate : ContinuingEducation.None;
        }

        if (s.SelfPay.Uniform(id) < (age >= 60 ? MedicalSelfPayShare60Plus : MedicalSelfPayShareUnder60))
        {
            c.MedicalSelfPay[i] = MedicalSelfPayMedian * Math.Exp(MedicalSelfPaySigma * Normal.InvCDF(0, 1, s.SelfPay.OpenUniform(id, 1)));
        }

        if (employment == EmploymentStatus.Unemployed)
        {
            c.UnemploymentMonths[i] = s.Unemployment.Uniform(id) < UnemployedRegisteredInvoluntaryShare ? (byte)(1 + (int)(12 * s.Unemployment.Uniform(id, 1))) : (byte)0;
            c.UnemploymentInsuranceYears[i] = s.Unemployment.Uniform(id, 2) < UnemployedInsuredShare ? ContributionYears(age, s.Unemployment.Uniform(id, 3)) : 0;
        }
        else if (contract == WorkContract.LabourContract)
        {
            c.UnemploymentInsuranceYears[i] = ContributionYears(age, s.Unemployment.Uniform(id, 3));
        }

        if (contract == WorkContract.None)
        {
            return false;
        }

        if (s.WorkInjury.Uniform(id) < WorkInjuryGradeShare)
        {
            int grade = 1 + Pick(WorkInjuryGradeShares, s.WorkInjury.Uniform(id, 1));
            c.WorkInjuryGrade[i] = (byte)grade;
            c.WorkInjuryNew[i] = s.WorkInjury.Uniform(id, 2) < WorkInjuryNewShare ? (byte)1 : (byte)0;
            var nursing = grade switch
            {
                1 => WorkInjuryNursingGrade1,
                2 => WorkInjuryNursingGrade2,
                3 => WorkInjuryNursingGrade3,
                4 => WorkInjuryNursingGrade4,
                _ => [],
            };
            double u = s.WorkInjury.Uniform(id, 3);
            double full = nursing.Length > 0 ? nursing[0] : 0, most = nursing.Length > 0 ? nursing[1] : 0, partial = nursing.Length > 0 ? nursing[2] : 0;
            c.WorkInjuryNursing[i] = u < full ? NursingDependency.Full : u < full + most ? NursingDependency.Most : u < full + most + partial ? NursingDependency.Partial : NursingDependency.None;
        }

        return s.WorkInjuryDeath.Uniform(id) < WorkInjuryDeathProbability;
    }

    /// <summary>Whether a member other than <paramref name="child"/> can be the child's parent.</summary>
    private static bool HasParent(SyntheticDraft draft, int first, int end, int child)
    {
        for (int j = first; j < end; j++)
        {
            int age = draft.Age[j];
            if (j != child && age is >= ParentMinAge and <= ParentMaxAge && age >= draft.Age[child] + ParentMinAgeGap)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Contribution years: uniform between 0 and the years since <see cref="InsuranceFromAge"/>, in whole months.</summary>
    private static double ContributionYears(int age, double u) => Math.Round(u * Math.Max(0, age - InsuranceFromAge) * 12) / 12;

    /// <summary>The index drawn from <paramref name="shares"/> (summing to 1) by the uniform <paramref name="u"/>.</summary>
    private static int Pick(ReadOnlySpan<double> shares, double u)
    {
        double cumulative = 0;
        for (int k = 0; k < shares.Length - 1; k++)
        {
            cumulative += shares[k];
            if (u < cumulative)
            {
                return k;
            }
        }

        return shares.Length - 1;
    }

    /// <summary>One stream per decision, so that changing one assumption leaves the other draws as they were.</summary>
    private readonly struct Streams(ulong seed)
    {
        public RandomStream Contract { get; } = new(seed, "synthetic.contract");

        public RandomStream RiskClass { get; } = new(seed, "synthetic.industry_risk_class");

        public RandomStream LabourRemuneration { get; } = new(seed, "synthetic.labour_remuneration");

        public RandomStream Bonus { get; } = new(seed, "synthetic.annual_bonus");

        public RandomStream Medical { get; } = new(seed, "synthetic.medical_scheme");

        public RandomStream Parents { get; } = new(seed, "synthetic.parents_60_plus");

        public RandomStream OnlyChild { get; } = new(seed, "synthetic.only_child");

        public RandomStream Education { get; } = new(seed, "synthetic.continuing_education");

        public RandomStream SelfPay { get; } = new(seed, "synthetic.medical_self_pay");

        public RandomStream Unemployment { get; } = new(seed, "synthetic.unemployment");

        public RandomStream WorkInjury { get; } = new(seed, "synthetic.work_injury");

        public RandomStream WorkInjuryDeath { get; } = new(seed, "synthetic.work_injury_death");

        public RandomStream Housing { get; } = new(seed, "synthetic.housing");

        public RandomStream City { get; } = new(seed, "synthetic.city_class");
    }
}

/// <summary>The income chain's columns of a synthetic population, exactly sized, in the storage of their built-in columns.</summary>
internal sealed class IncomeChainColumns(int households, int persons)
{
    // Households.
    public byte[] ChildrenInEducation { get; } = new byte[households];

    public byte[] ChildrenUnder3 { get; } = new byte[households];

    public HousingCost[] Housing { get; } = new HousingCost[households];

    public CityClass[] City { get; } = new CityClass[households];

    public byte[] WorkInjuryDeaths { get; } = new byte[households];

    // Persons.
    public double[] LabourRemuneration { get; } = new double[persons];

    public double[] AnnualBonus { get; } = new double[persons];

    public WorkContract[] Contract { get; } = new WorkContract[persons];

    public byte[] IndustryRiskClass { get; } = new byte[persons];

    public MedicalScheme[] Medical { get; } = new MedicalScheme[persons];

    public byte[] ParentsAged60Plus { get; } = new byte[persons];

    public ElderlyParentClaim[] ElderlyParents { get; } = new ElderlyParentClaim[persons];

    public ContinuingEducation[] Education { get; } = new ContinuingEducation[persons];

    public double[] MedicalSelfPay { get; } = new double[persons];

    public double[] UnemploymentInsuranceYears { get; } = new double[persons];

    public byte[] UnemploymentMonths { get; } = new byte[persons];

    public byte[] WorkInjuryGrade { get; } = new byte[persons];

    public byte[] WorkInjuryNew { get; } = new byte[persons];

    public NursingDependency[] WorkInjuryNursing { get; } = new NursingDependency[persons];
}
