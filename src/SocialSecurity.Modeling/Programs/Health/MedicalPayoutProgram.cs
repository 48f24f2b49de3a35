using System.Buffers;
using System.Globalization;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Core;

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
/// <para>Inputs are extra person columns the population must carry (the built-in population has no bills, so this
/// program is not part of <see cref="Policies.Standard"/>; use <see cref="CreatePolicy"/>): <see cref="WithinPolicyBillColumn"/>,
/// <see cref="OutOfPolicyBillColumn"/>, <see cref="HospitalLevelColumn"/>, <see cref="AdmissionsColumn"/>,
/// <see cref="AssistanceGroupColumn"/> and <see cref="InclusiveCommercialEnrolledColumn"/>. A person with a bill but
/// fewer than one admission is counted as one admission; a hospital level outside 1–3 counts as tertiary (the most
/// expensive deductible). Amounts are computed in decimal and written as yuan per year, unrounded.</para>
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

    /// <summary>Input person column: the person's assistance group code (<see cref="AssistanceGroup"/>: 0 none, 1 destitute, 2 dibao, 3 marginal, 4 other hardship).</summary>
    public const string AssistanceGroupColumn = "medical.assistance_group";

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
        [WithinPolicyBillColumn, OutOfPolicyBillColumn, HospitalLevelColumn, AdmissionsColumn, AssistanceGroupColumn, InclusiveCommercialEnrolledColumn];

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } =
        [BasicInsurance, CatastrophicInsurance, MedicalAssistance, MajorDiseaseSubsidy, InclusiveCommercialInsurance, HouseholdCap, OutOfPocket];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = BuildParameterList();

    /// <summary>A policy with this program alone, ready to run over a population that carries the input columns.</summary>
    public static Policy CreatePolicy() => Policy.Create(new MedicalPayoutProgram());

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new Pass(setup);
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
        var builder = new Populations.PopulationBuilder(parameters.Regions, 1, 1);
        builder.AddHousehold(new Populations.HouseholdRecord { Id = 1, Weight = 1, RegionCode = parameters.Regions[region].Code });
        builder.AddPerson(new Populations.PersonRecord { Id = 1, HouseholdId = 1 });
        var setup = new ProgramSetup(new MedicalPayoutProgram(), date, parameters, builder.Build(), [region]);
        var (schedules, caps, _) = Resolve(setup);
        return (schedules[region.Index]!.Value, caps[region.Index]);
    }

    /// <summary>Builds the schedule and household-cap terms in force in each region present, from the parameters.</summary>
    internal static (MedicalPayoutSchedule?[] Schedules, HouseholdBurdenCapTerms[] Caps, LayerSources?[] Sources) Resolve(ProgramSetup setup)
    {
        static decimal D(double v) => (decimal)v;
        static CoinsuranceBands Bands(RegionalList thresholds, RegionalList rates, Regions.RegionId r)
        {
            var t = thresholds[r];
            var q = rates[r];
            var td = new decimal[t.Length];
            var qd = new decimal[q.Length];
            for (int i = 0; i < t.Length; i++)
            {
                td[i] = (decimal)t[i];
            }

            for (int i = 0; i < q.Length; i++)
            {
                qd[i] = (decimal)q[i];
            }

            return CoinsuranceBands.Create(td, qd);
        }

        var dPrimary = setup.Scalar(BasicDeductiblePrimary);
        var dSecondary = setup.Scalar(BasicDeductibleSecondary);
        var dTertiary = setup.Scalar(BasicDeductibleTertiary);
        var repeat = setup.Scalar(BasicRepeatReduction);
        var basicT = setup.List(BasicBandThresholds);
        var basicR = setup.List(BasicBandRates);
        var ceiling = setup.PerYear(BasicAnnualCeiling);
        var cDeductible = setup.PerYear(CatastrophicDeductible);
        var catT = setup.List(CatastrophicBandThresholds);
        var catR = setup.List(CatastrophicBandRates);
        var cCap = setup.PerYear(CatastrophicCap);
        var vFactor = setup.Scalar(VulnerableDeductibleFactor);
        var vRate = setup.Scalar(VulnerableRateIncrease);
        var vCapped = setup.Scalar(VulnerableCapped);
        var largeBill = setup.PerYear(AssistanceLargeBillThreshold);
        var mdEnabled = setup.Scalar(MajorDiseaseEnabled);
        var mdThreshold = setup.Scalar(MajorDiseaseAdmissionThreshold);
        var mdT = setup.List(MajorDiseaseBandThresholds);
        var mdR = setup.List(MajorDiseaseBandRates);
        var mdCap = setup.PerYear(MajorDiseaseCap);
        var hDeductible = setup.PerYear(CommercialDeductible);
        var hRate = setup.Scalar(CommercialRate);
        var hCap = setup.PerYear(CommercialCap);
        var overall = setup.Scalar(ReimbursementCeiling);
        var capEnabled = setup.Scalar(HouseholdCapEnabled);
        var capDibao = setup.PerYear(HouseholdCapDestituteDibao);
        var capMarginal = setup.PerYear(HouseholdCapMarginal);
        var capOther = setup.PerYear(HouseholdCapOtherHardship);
        var assistance = new (RegionalValues Deductible, RegionalValues Rate, RegionalValues Cap, RegionalValues RateLarge, RegionalValues CapLarge)[4];
        for (int g = 0; g < 4; g++)
        {
            var names = AssistanceParameters((AssistanceGroup)(g + 1));
            assistance[g] = (setup.PerYear(names.Deductible), setup.Scalar(names.Rate), setup.PerYear(names.Cap), setup.Scalar(names.RateLarge), setup.PerYear(names.CapLarge));
        }

        var schedules = new MedicalPayoutSchedule?[setup.Regions.Count];
        var caps = new HouseholdBurdenCapTerms[setup.Regions.Count];
        var sources = new LayerSources?[setup.Regions.Count];
        foreach (var r in setup.RegionsPresent)
        {
            sources[r.Index] = new LayerSources(
                [dPrimary.Source(r), dSecondary.Source(r), dTertiary.Source(r)],
                [repeat.Source(r), basicT.Source(r), basicR.Source(r), ceiling.Source(r)],
                [cDeductible.Source(r), catT.Source(r), catR.Source(r), cCap.Source(r)],
                [vFactor.Source(r), vRate.Source(r), vCapped.Source(r)],
                [.. assistance.Select(a => new[] { largeBill.Source(r), a.Deductible.Source(r), a.Rate.Source(r), a.Cap.Source(r), a.RateLarge.Source(r), a.CapLarge.Source(r) })],
                [mdEnabled.Source(r), mdThreshold.Source(r), mdT.Source(r), mdR.Source(r), mdCap.Source(r)],
                [hDeductible.Source(r), hRate.Source(r), hCap.Source(r)],
                overall.Source(r),
                [capEnabled.Source(r), capDibao.Source(r), capMarginal.Source(r), capOther.Source(r)]);
            var basic = new BasicMedicalInsuranceTerms(D(dPrimary[r]), D(dSecondary[r]), D(dTertiary[r]), D(repeat[r]), Bands(basicT, basicR, r), D(ceiling[r]));
            var catastrophic = new CatastrophicIllnessTerms(D(cDeductible[r]), Bands(catT, catR, r), D(cCap[r]));
            var vulnerable = catastrophic.ForVulnerable(D(vFactor[r]), D(vRate[r]), vCapped[r] != 0);
            var groups = new MedicalAssistanceSchedule[4];
            for (int g = 0; g < 4; g++)
            {
                var a = assistance[g];
                groups[g] = new MedicalAssistanceSchedule(
                    D(largeBill[r]),
                    new MedicalAssistanceTerms(D(a.Deductible[r]), D(a.Rate[r]), D(a.Cap[r])),
                    new MedicalAssistanceTerms(D(a.Deductible[r]), D(a.RateLarge[r]), D(a.CapLarge[r])));
            }

            var majorDisease = new MajorDiseaseSubsidyTerms(mdEnabled[r] != 0, D(mdThreshold[r]), Bands(mdT, mdR, r), D(mdCap[r]));
            var commercial = new InclusiveCommercialInsuranceTerms(D(hDeductible[r]), D(hRate[r]), D(hCap[r]));
            schedules[r.Index] = new MedicalPayoutSchedule(basic, catastrophic, vulnerable, groups[0], groups[1], groups[2], groups[3], majorDisease, commercial, D(overall[r]));
            caps[r.Index] = new HouseholdBurdenCapTerms(capEnabled[r] != 0, D(capDibao[r]), D(capMarginal[r]), D(capOther[r]));
        }

        return (schedules, caps, sources);
    }

    private static string[] BuildParameterList()
    {
        var list = new List<string>
        {
            BasicDeductiblePrimary, BasicDeductibleSecondary, BasicDeductibleTertiary, BasicRepeatReduction, BasicBandThresholds, BasicBandRates, BasicAnnualCeiling,
            CatastrophicDeductible, CatastrophicBandThresholds, CatastrophicBandRates, CatastrophicCap, VulnerableDeductibleFactor, VulnerableRateIncrease, VulnerableCapped,
            AssistanceLargeBillThreshold,
            MajorDiseaseEnabled, MajorDiseaseAdmissionThreshold, MajorDiseaseBandThresholds, MajorDiseaseBandRates, MajorDiseaseCap,
            CommercialDeductible, CommercialRate, CommercialCap, ReimbursementCeiling,
            HouseholdCapEnabled, HouseholdCapDestituteDibao, HouseholdCapMarginal, HouseholdCapOtherHardship,
        };
        for (int g = 1; g <= 4; g++)
        {
            var n = AssistanceParameters((AssistanceGroup)g);
            list.AddRange([n.Deductible, n.Rate, n.Cap, n.RateLarge, n.CapLarge]);
        }

        return [.. list];
    }

    private sealed class Pass : ProgramPass
    {
        private const int StackMembers = 16;
        private readonly MedicalPayoutSchedule?[] _schedules;
        private readonly HouseholdBurdenCapTerms[] _caps;
        private readonly LayerSources?[] _sources;

        public Pass(ProgramSetup setup) => (_schedules, _caps, _sources) = Resolve(setup);

        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var region = population.HouseholdRegion;
            var within = context.Read(WithinPolicyBillColumn);
            var outside = context.Read(OutOfPolicyBillColumn);
            var level = context.Read(HospitalLevelColumn);
            var admissions = context.Read(AdmissionsColumn);
            var groupColumn = context.Read(AssistanceGroupColumn);
            var enrolled = context.Read(InclusiveCommercialEnrolledColumn);
            var basicOut = context.Write(BasicInsurance.Name);
            var catastrophicOut = context.Write(CatastrophicInsurance.Name);
            var assistanceOut = context.Write(MedicalAssistance.Name);
            var majorOut = context.Write(MajorDiseaseSubsidy.Name);
            var commercialOut = context.Write(InclusiveCommercialInsurance.Name);
            var capOut = context.Write(HouseholdCap.Name);
            var oopOut = context.Write(OutOfPocket.Name);

            Span<MedicalPayout> stack = stackalloc MedicalPayout[StackMembers];
            for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
            {
                var r = region[h];
                var schedule = _schedules[r.Index] ?? throw new InvalidOperationException($"No medical schedule was resolved for region index {r.Index}.");
                int first = start[h], n = start[h + 1] - first;
                MedicalPayout[]? rented = null;
                var members = n <= StackMembers ? stack[..n] : (rented = ArrayPool<MedicalPayout>.Shared.Rent(n)).AsSpan(0, n);
                decimal? cap = null;
                for (int i = 0; i < n; i++)
                {
                    int p = first + i;
                    var group = GroupOf(groupColumn[p], p);
                    if (within[p] == 0 && outside[p] == 0)
                    {
                        members[i] = default; // no bill: every layer pays 0 (most persons in a year)
                    }
                    else
                    {
                        var claim = new MedicalClaim(Amount(within[p], WithinPolicyBillColumn, p), Amount(outside[p], OutOfPolicyBillColumn, p), LevelOf(level[p]), Math.Max(1, (int)Math.Min(admissions[p], 10_000)));
                        members[i] = schedule.Compute(claim, group, enrolled[p] != 0);
                    }

                    cap = HouseholdBurdenCapTerms.Lower(cap, _caps[r.Index].CapFor(group));
                }

                HouseholdBurdenCapTerms.Apply(members, cap);
                for (int i = 0; i < n; i++)
                {
                    int p = first + i;
                    ref readonly var m = ref members[i];
                    basicOut[p] = (double)m.BasicInsurance;
                    catastrophicOut[p] = (double)m.CatastrophicInsurance;
                    assistanceOut[p] = (double)m.MedicalAssistance;
                    majorOut[p] = (double)m.MajorDiseaseSubsidy;
                    commercialOut[p] = (double)m.InclusiveCommercialInsurance;
                    capOut[p] = (double)m.HouseholdCap;
                    oopOut[p] = (double)m.OutOfPocket;
                    if (context.Explanation is { } explain)
                    {
                        Explain(explain, population.PersonId[p], m, cap, schedule, LevelOf(level[p]), GroupOf(groupColumn[p], p), _sources[r.Index]!);
                    }
                }

                if (rented is not null)
                {
                    ArrayPool<MedicalPayout>.Shared.Return(rented);
                }
            }
        }

        private static decimal Amount(double value, string column, int person)
            => double.IsFinite(value) && value >= 0 && value < 7.9e27
                ? (decimal)value
                : throw new InvalidOperationException($"Column '{column}' holds {value.ToString(CultureInfo.InvariantCulture)} for person row {person}; expected a finite amount ≥ 0 yuan per year.");

        private static HospitalLevel LevelOf(double value) => value switch
        {
            1 => HospitalLevel.Primary,
            2 => HospitalLevel.Secondary,
            _ => HospitalLevel.Tertiary,
        };

        private static AssistanceGroup GroupOf(double value, int person)
            => value is >= 0 and <= 4 && value == Math.Floor(value)
                ? (AssistanceGroup)(byte)value
                : throw new InvalidOperationException($"Column '{AssistanceGroupColumn}' holds {value.ToString(CultureInfo.InvariantCulture)} for person row {person}; expected a group code 0–4 (AssistanceGroup).");

        private static void Explain(Explanation explain, long personId, in MedicalPayout m, decimal? cap, in MedicalPayoutSchedule s, HospitalLevel level, AssistanceGroup group, LayerSources sources)
        {
            var c = CultureInfo.InvariantCulture;
            string who = string.Create(c, $"person {personId}");
            bool assisted = group != AssistanceGroup.None;
            var catastrophic = assisted ? s.CatastrophicVulnerable : s.Catastrophic;
            var assistance = s.AssistanceFor(group).For(m.Bill);
            explain.Record("medical", string.Create(c, $"{who}: bill B = within-policy W {m.WithinPolicyBill:0.00} + out-of-policy {m.OutOfPolicyBill:0.00} ({level} hospital, group {group})"), (double)m.Bill, "yuan/year");
            explain.Record("medical", string.Create(c, $"{who}: basic insurance = min(ceiling {s.Basic.AnnualCeiling:0}, bands [{s.Basic.Bands}] on W above the deductible for {level})"), (double)m.BasicInsurance, "yuan/year", [sources.BasicDeductibles[(int)level - 1], .. sources.Basic]);
            explain.Record("medical", string.Create(c, $"{who}: catastrophic insurance{(assisted ? " (vulnerable terms)" : string.Empty)} = min(cap {(catastrophic.Cap is { } k2 ? k2.ToString("0", c) : "none")}, bands [{catastrophic.Bands}] on the self-pay above {catastrophic.Deductible:0.00})"), (double)m.CatastrophicInsurance, "yuan/year", assisted ? [.. sources.Catastrophic, .. sources.Vulnerable] : sources.Catastrophic);
            if (assisted)
            {
                explain.Record("medical", string.Create(c, $"{who}: medical assistance = min(cap {assistance.Cap:0}, {assistance.Rate * 100m:0.##}% × (self-pay left − {assistance.Deductible:0.00}))"), (double)m.MedicalAssistance, "yuan/year", sources.Assistance[(int)group - 1]);
                explain.Record("medical", s.MajorDisease.Enabled
                    ? string.Create(c, $"{who}: major-disease subsidy = min(cap {s.MajorDisease.Cap:0}, bands [{s.MajorDisease.Bands}] on the self-pay left) when the bill per admission exceeds {s.MajorDisease.AdmissionThreshold:0}")
                    : string.Create(c, $"{who}: major-disease subsidy: none where the household lives"), (double)m.MajorDiseaseSubsidy, "yuan/year", sources.MajorDisease);
            }

            explain.Record("medical", string.Create(c, $"{who}: overall ceiling: public layers ≤ {s.ReimbursementCeiling * 100m:0.##}% × B = {s.ReimbursementCeiling * m.Bill:0.00}; amount taken back"), (double)m.CeilingReduction, "yuan/year", sources.Ceiling);
            explain.Record("medical", string.Create(c, $"{who}: inclusive commercial insurance (Huiminbao, private; if enrolled) = min(cap {s.InclusiveCommercial.Cap:0}, {s.InclusiveCommercial.Rate * 100m:0.##}% × (self-pay left − {s.InclusiveCommercial.Deductible:0.00}))"), (double)m.InclusiveCommercialInsurance, "yuan/year", sources.Commercial);
            explain.Record("medical", cap is { } k
                ? string.Create(c, $"{who}: household burden cap: household OOP above K = {k:0.00} paid in full, shared by members' OOP")
                : string.Create(c, $"{who}: household burden cap: none applies"), (double)m.HouseholdCap, "yuan/year", sources.HouseholdCap);
            explain.Record("medical", string.Create(c, $"{who}: out-of-pocket = B − all payments"), (double)m.OutOfPocket, "yuan/year");
        }
    }
}
