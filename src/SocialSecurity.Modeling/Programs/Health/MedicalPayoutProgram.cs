using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// The layered payout of annual medical bills over a population: basic and catastrophic insurance, medical assistance,
/// the major-disease subsidy, the overall reimbursement ceiling, inclusive commercial insurance and the household
/// burden cap, with each layer's payment and the out-of-pocket spending written per person (docs/rules/medical.md).
/// </summary>
/// <remarks>
/// <para>The rule is <see cref="MedicalPayoutSchedule"/> (per person, in order) followed by
/// <see cref="HouseholdBurdenCapTerms.Apply"/> (per household). Legal basis: resident medical insurance (Guofa 2016
/// No. 3), catastrophic insurance (Guobanfa 2015 No. 57), medical assistance (Decree 649 arts. 28–29), local rules as
/// tagged in the parameter files.</para>
/// <para>Inputs: the bills, extra person columns the population must carry or a program must write (the built-in
/// population has no bills, so this program is not part of <see cref="Policies.Standard"/>; use
/// <see cref="CreatePolicy"/>): <see cref="WithinPolicyBillColumn"/>, <see cref="OutOfPolicyBillColumn"/>,
/// <see cref="HospitalLevelColumn"/>, <see cref="AdmissionsColumn"/> and <see cref="InclusiveCommercialEnrolledColumn"/>;
/// and each person's assistance group, <see cref="MedicalAssistanceGroupProgram.Group"/>, which
/// <see cref="MedicalAssistanceGroupProgram"/> derives from the assistance statuses of the same run. A person with a
/// bill but fewer than one admission is counted as one admission; a hospital level outside 1–3 counts as tertiary
/// (the most expensive deductible). Amounts are double yuan per year, unrounded (docs/money.md).</para>
/// <para>Each terms type reads its own parameters (<see cref="BasicMedicalInsuranceTerms"/>,
/// <see cref="CatastrophicIllnessTerms"/>, <see cref="MedicalAssistanceSchedule"/>, <see cref="MajorDiseaseSubsidyTerms"/>,
/// <see cref="InclusiveCommercialInsuranceTerms"/>, <see cref="HouseholdBurdenCapTerms"/>); this class holds the names
/// of the medical parameters and outputs.</para>
/// </remarks>
public sealed class MedicalPayoutProgram : PolicyProgram
{
    /// <summary>Input person column: within-policy medical cost (政策范围内费用), yuan per year, ≥ 0.</summary>
    public const string WithinPolicyBillColumn = "medical.within_policy_bill_annual";

    /// <summary>Input person column: out-of-policy medical cost (政策范围外费用), yuan per year, ≥ 0.</summary>
    public const string OutOfPolicyBillColumn = "medical.out_of_policy_bill_annual";

    /// <summary>Input person column: hospital level of the admissions, 1 primary, 2 secondary, 3 tertiary (<see cref="HospitalLevel"/>).</summary>
    public const string HospitalLevelColumn = "medical.hospital_level";

    /// <summary>Input person column: number of inpatient admissions in the year (a count).</summary>
    public const string AdmissionsColumn = "medical.admissions";

    /// <summary>Input person column: 1 when enrolled in inclusive commercial insurance (Huiminbao), else 0.</summary>
    public const string InclusiveCommercialEnrolledColumn = "medical.huiminbao_enrolled";

    /// <summary>Parameter: basic-insurance deductible for a first admission at a primary hospital, yuan.</summary>
    public const string BasicDeductiblePrimary = "medical.basic.deductible.primary";

    /// <summary>Parameter: basic-insurance deductible for a first admission at a secondary hospital, yuan.</summary>
    public const string BasicDeductibleSecondary = "medical.basic.deductible.secondary";

    /// <summary>Parameter: basic-insurance deductible for a first admission at a tertiary hospital, yuan.</summary>
    public const string BasicDeductibleTertiary = "medical.basic.deductible.tertiary";

    /// <summary>Parameter: reduction of the deductible for a repeat admission, yuan.</summary>
    public const string BasicRepeatReduction = "medical.basic.repeat_admission_reduction";

    /// <summary>Parameter (list): lower bounds of the basic-insurance co-insurance bands, yuan of within-policy cost.</summary>
    public const string BasicBandThresholds = "medical.basic.band_thresholds";

    /// <summary>Parameter (list): basic-insurance co-insurance rates, one per band.</summary>
    public const string BasicBandRates = "medical.basic.band_rates";

    /// <summary>Parameter: basic-insurance annual ceiling, yuan per year.</summary>
    public const string BasicAnnualCeiling = "medical.basic.annual_ceiling";

    /// <summary>Parameter: catastrophic-insurance deductible, yuan per year.</summary>
    public const string CatastrophicDeductible = "medical.catastrophic.deductible";

    /// <summary>Parameter (list): lower bounds of the catastrophic-insurance bands, yuan of self-pay.</summary>
    public const string CatastrophicBandThresholds = "medical.catastrophic.band_thresholds";

    /// <summary>Parameter (list): catastrophic-insurance rates, one per band.</summary>
    public const string CatastrophicBandRates = "medical.catastrophic.band_rates";

    /// <summary>Parameter: catastrophic-insurance annual cap, yuan per year.</summary>
    public const string CatastrophicCap = "medical.catastrophic.cap";

    /// <summary>Parameter: factor on the catastrophic deductible for vulnerable people (ratio in [0, 1]).</summary>
    public const string VulnerableDeductibleFactor = "medical.catastrophic.vulnerable.deductible_factor";

    /// <summary>Parameter: rise of the catastrophic rates for vulnerable people (fraction).</summary>
    public const string VulnerableRateIncrease = "medical.catastrophic.vulnerable.rate_increase";

    /// <summary>Parameter: 1 when the catastrophic cap still applies to vulnerable people, 0 when it is removed.</summary>
    public const string VulnerableCapped = "medical.catastrophic.vulnerable.capped";

    /// <summary>Parameter: the whole-bill threshold at which the large-bill assistance terms apply, yuan per year.</summary>
    public const string AssistanceLargeBillThreshold = "medical.assistance.large_bill_threshold";

    /// <summary>Parameter: the major-disease subsidy exists (flag).</summary>
    public const string MajorDiseaseEnabled = "medical.major_disease.enabled";

    /// <summary>Parameter: the bill per admission the major-disease subsidy requires to be exceeded, yuan.</summary>
    public const string MajorDiseaseAdmissionThreshold = "medical.major_disease.admission_threshold";

    /// <summary>Parameter (list): lower bounds of the major-disease subsidy bands, yuan of self-pay.</summary>
    public const string MajorDiseaseBandThresholds = "medical.major_disease.band_thresholds";

    /// <summary>Parameter (list): major-disease subsidy rates, one per band.</summary>
    public const string MajorDiseaseBandRates = "medical.major_disease.band_rates";

    /// <summary>Parameter: major-disease subsidy annual cap, yuan per year.</summary>
    public const string MajorDiseaseCap = "medical.major_disease.cap";

    /// <summary>Parameter: inclusive commercial insurance deductible, yuan per year.</summary>
    public const string CommercialDeductible = "medical.huiminbao.deductible";

    /// <summary>Parameter: inclusive commercial insurance rate (fraction).</summary>
    public const string CommercialRate = "medical.huiminbao.rate";

    /// <summary>Parameter: inclusive commercial insurance annual cap, yuan per year.</summary>
    public const string CommercialCap = "medical.huiminbao.cap";

    /// <summary>Parameter: the most all public schemes may pay, as a share of the whole bill (fraction).</summary>
    public const string ReimbursementCeiling = "medical.reimbursement_ceiling";

    /// <summary>Parameter: the household burden cap exists (flag).</summary>
    public const string HouseholdCapEnabled = "medical.household_cap.enabled";

    /// <summary>Parameter: household cap K for destitute and dibao households, yuan per year.</summary>
    public const string HouseholdCapDestituteDibao = "medical.household_cap.destitute_dibao";

    /// <summary>Parameter: household cap K for dibao-marginal households, yuan per year.</summary>
    public const string HouseholdCapMarginal = "medical.household_cap.marginal";

    /// <summary>Parameter: household cap K for other hardship households, yuan per year.</summary>
    public const string HouseholdCapOtherHardship = "medical.household_cap.other_hardship";

    /// <summary>Output: paid by resident basic medical insurance, yuan per year.</summary>
    public static readonly VariableDefinition BasicInsurance = new("medical.basic_insurance_annual", Entity.Person, AmountPeriod.Year, IncomeRole.InKindTransfer, "Paid by resident basic medical insurance");

    /// <summary>Output: paid by catastrophic illness insurance, yuan per year.</summary>
    public static readonly VariableDefinition CatastrophicInsurance = new("medical.catastrophic_insurance_annual", Entity.Person, AmountPeriod.Year, IncomeRole.InKindTransfer, "Paid by catastrophic illness insurance");

    /// <summary>Output: paid by medical assistance, yuan per year.</summary>
    public static readonly VariableDefinition MedicalAssistance = new("medical.assistance_annual", Entity.Person, AmountPeriod.Year, IncomeRole.InKindTransfer, "Paid by medical assistance");

    /// <summary>Output: paid by the local major-disease subsidy, yuan per year.</summary>
    public static readonly VariableDefinition MajorDiseaseSubsidy = new("medical.major_disease_subsidy_annual", Entity.Person, AmountPeriod.Year, IncomeRole.InKindTransfer, "Paid by the local major-disease subsidy");

    /// <summary>
    /// Output: paid by inclusive commercial insurance (Huiminbao), yuan per year. Private insurance bought by the
    /// insured, so its role is <see cref="IncomeRole.None"/>: it is not a public cost.
    /// </summary>
    public static readonly VariableDefinition InclusiveCommercialInsurance = new("medical.huiminbao_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Paid by inclusive commercial insurance (private)");

    /// <summary>Output: paid by the household burden-cap fund, yuan per year.</summary>
    public static readonly VariableDefinition HouseholdCap = new("medical.household_cap_annual", Entity.Person, AmountPeriod.Year, IncomeRole.InKindTransfer, "Paid by the household medical burden-cap fund");

    /// <summary>Output: out-of-pocket medical spending after every layer, yuan per year.</summary>
    public static readonly VariableDefinition OutOfPocket = new("medical.out_of_pocket_annual", Entity.Person, AmountPeriod.Year, IncomeRole.CoPayment, "Out-of-pocket medical spending after every layer");

    private static readonly string[] AssistanceGroupNames = ["destitute", "dibao", "marginal", "other_hardship"];

    /// <summary>The parameter names of one group's assistance terms: deductible, rate, cap, and the rate and cap for large bills.</summary>
    /// <param name="group">A group other than <see cref="AssistanceGroup.None"/>.</param>
    public static (string Deductible, string Rate, string Cap, string RateLarge, string CapLarge) AssistanceParameters(AssistanceGroup group)
    {
        if (group == AssistanceGroup.None || !Enum.IsDefined(group))
        {
            throw new ArgumentOutOfRangeException(nameof(group), group, "Assistance parameters exist for Destitute, Dibao, Marginal and OtherHardship.");
        }

        var prefix = "medical.assistance." + AssistanceGroupNames[(int)group - 1];
        return (prefix + ".deductible", prefix + ".rate", prefix + ".cap", prefix + ".rate_large", prefix + ".cap_large");
    }

    /// <inheritdoc />
    public override string Name => "medical";

    /// <inheritdoc />
    public override string Description => "Layered medical payout: basic and catastrophic insurance, medical assistance, major-disease subsidy, 90% ceiling, Huiminbao and the household burden cap (docs/rules/medical.md).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; } =
        [WithinPolicyBillColumn, OutOfPolicyBillColumn, HospitalLevelColumn, AdmissionsColumn, MedicalAssistanceGroupProgram.Group.Name, InclusiveCommercialEnrolledColumn];

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } =
        [BasicInsurance, CatastrophicInsurance, MedicalAssistance, MajorDiseaseSubsidy, InclusiveCommercialInsurance, HouseholdCap, OutOfPocket];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = MedicalTerms.ParameterNames;

    /// <summary>
    /// A policy with <paramref name="assistance"/>, the medical layers, and the assistance groups derived from the
    /// statuses those programs write in the same run (<see cref="MedicalAssistanceGroupProgram.LinkedTo"/>), so a
    /// reform of dibao reaches medical assistance and the household cap. The population must carry the bill columns.
    /// </summary>
    /// <param name="assistance">The programs that decide the statuses (for example <c>AssistancePolicies.Programs()</c>); none for a population where nobody is in a group.</param>
    public static Policy CreatePolicy(IEnumerable<PolicyProgram> assistance)
    {
        ArgumentNullException.ThrowIfNull(assistance);
        var programs = assistance.ToList();
        return Policy.Create([.. programs, MedicalAssistanceGroupProgram.LinkedTo(programs), new MedicalPayoutProgram()]);
    }

    /// <summary>
    /// A policy with the medical layers alone, the assistance groups read from observed codes in
    /// <see cref="MedicalAssistanceGroupProgram.ObservedGroupColumn"/> (<see cref="MedicalAssistanceGroupProgram.Observed"/>): for
    /// populations whose statuses are observed rather than simulated.
    /// </summary>
    public static Policy CreatePolicyWithObservedGroups() => Policy.Create(MedicalAssistanceGroupProgram.Observed(), new MedicalPayoutProgram());

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new MedicalPayoutPass(setup);
    }

    /// <summary>
    /// The medical terms in force in one region at one date, read from a parameter store: the per-person schedule and
    /// the household cap, to use the primitive directly (one claim, a household, a what-if) with the same values a
    /// population run would use.
    /// </summary>
    /// <param name="parameters">The parameter store (baseline or reformed).</param>
    /// <param name="date">The date.</param>
    /// <param name="region">The region (its own values, else its province's, else the nation's).</param>
    /// <exception cref="ParameterNotFoundException">A medical parameter has no value in force there.</exception>
    public static (MedicalPayoutSchedule Schedule, HouseholdBurdenCapTerms HouseholdCap) TermsInForce(ParameterStore parameters, DateOnly date, Regions.RegionId region)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var terms = MedicalTerms.Read(TermsReader.For(parameters, date, region));
        return (terms.Schedule, terms.HouseholdCap);
    }
}
