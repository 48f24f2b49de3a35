using System.Runtime.CompilerServices;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Programs.Tax;

/// <summary>
/// Individual income tax on resident individuals (个人所得税): comprehensive income with its deductions and seven-band
/// schedule, the annual one-off bonus taxed separately or with comprehensive income (the cheaper), business income
/// with its five-band schedule and the halving for individual industrial and commercial households, and property
/// income; per person, annual, at the run's date.
/// </summary>
/// <remarks>
/// <para>Basis: 个人所得税法 as amended 2018 (in force 2019-01-01) [N]; special additional deductions 国发〔2018〕41号,
/// 国发〔2022〕8号 and 国发〔2023〕13号 [N]; the bonus option 财税〔2018〕164号 and 财政部 税务总局公告2023年第30号 [N];
/// the halving 公告2021年第12号 and 公告2023年第12号 [U]; farming income 财税〔2004〕30号 [N]
/// (docs/rules/income_tax.md).</para>
/// <para>Rule, per person: comprehensive income = wages + share × (labour remuneration + royalties) + share ×
/// reduction × author's remuneration; taxable = comprehensive − basic deduction − special deductions (the employee's
/// pension, medical and unemployment contributions and housing-fund share, read from other programs' outputs or
/// columns) − special additional deductions, floored at 0, taxed with the annual schedule. The bonus (a part of
/// wages) is, while the option is in force, either taken out and taxed once with the monthly table at bonus ÷ 12, or
/// left in: the cheaper is chosen. The household's children, infant-care, mortgage and rent deductions go to its
/// highest comprehensive-income earner, or are split with the second highest
/// (<c>income_tax.household_share_top_earner</c>), which is why the rule is per household.</para>
/// <para>Exempt income is never an input (个人所得税法 art. 4): pensions, social-insurance benefits, dibao and every
/// assistance payment and subsidy are not read.</para>
/// </remarks>
public sealed class IncomeTaxProgram : RuleProgram
{
    /// <summary>The program's name.</summary>
    public const string ProgramName = "income_tax";

    /// <summary>Parameter: share of labour remuneration, author's remuneration and royalties counted as income (0.8).</summary>
    public const string RemunerationShare = "income_tax.remuneration_income_share";

    /// <summary>Parameter: further share of author's remuneration counted (0.7).</summary>
    public const string AuthorReduction = "income_tax.author_reduction";

    /// <summary>Parameter: the basic deduction, yuan a year.</summary>
    public const string BasicDeduction = "income_tax.basic_deduction";

    /// <summary>Parameter (list): lower bounds of the annual comprehensive-income bands.</summary>
    public const string BandThresholds = "income_tax.comprehensive.band_thresholds";

    /// <summary>Parameter (list): rates of the annual comprehensive-income bands.</summary>
    public const string BandRates = "income_tax.comprehensive.band_rates";

    /// <summary>Parameter (flag): whether the bonus may be taxed separately.</summary>
    public const string BonusSeparateAllowed = "income_tax.bonus.separate_allowed";

    /// <summary>Parameter (list): lower bounds of the monthly table used for the bonus.</summary>
    public const string BonusThresholds = "income_tax.bonus.monthly_band_thresholds";

    /// <summary>Parameter (list): rates of the monthly table used for the bonus.</summary>
    public const string BonusRates = "income_tax.bonus.monthly_band_rates";

    /// <summary>Parameter: children's education deduction per child, yuan a month.</summary>
    public const string ChildrenEducation = "income_tax.deduction.children_education";

    /// <summary>Parameter: infant-care deduction per child under 3, yuan a month.</summary>
    public const string InfantCare = "income_tax.deduction.infant_care";

    /// <summary>Parameter: elderly-parent deduction of an only child, yuan a month.</summary>
    public const string ElderlyOnlyChild = "income_tax.deduction.elderly_only_child";

    /// <summary>Parameter: the most one sibling may claim of the elderly-parent deduction, yuan a month.</summary>
    public const string ElderlySiblingCap = "income_tax.deduction.elderly_sibling_cap";

    /// <summary>Parameter: siblings assumed to share the elderly-parent deduction equally [I].</summary>
    public const string ElderlySiblings = "income_tax.deduction.elderly_siblings";

    /// <summary>Parameter: continuing education in degree study, yuan a month.</summary>
    public const string DegreeEducation = "income_tax.deduction.continuing_education_degree";

    /// <summary>Parameter: continuing education, certificate obtained this year, yuan a year.</summary>
    public const string CertificateEducation = "income_tax.deduction.continuing_education_certificate";

    /// <summary>Parameter: first-home mortgage interest deduction, yuan a month.</summary>
    public const string Mortgage = "income_tax.deduction.mortgage";

    /// <summary>Parameter: rent deduction in major cities, yuan a month.</summary>
    public const string RentMajor = "income_tax.deduction.rent_major_city";

    /// <summary>Parameter: rent deduction in other large cities, yuan a month.</summary>
    public const string RentLarge = "income_tax.deduction.rent_large_city";

    /// <summary>Parameter: rent deduction elsewhere, yuan a month.</summary>
    public const string RentOther = "income_tax.deduction.rent_other";

    /// <summary>Parameter: self-paid medical costs above this are deductible, yuan a year.</summary>
    public const string IllnessThreshold = "income_tax.deduction.serious_illness_threshold";

    /// <summary>Parameter: the most deductible for serious illness, yuan a year.</summary>
    public const string IllnessCap = "income_tax.deduction.serious_illness_cap";

    /// <summary>Parameter: share of the household deductions claimed by the highest earner [I].</summary>
    public const string TopEarnerShare = "income_tax.household_share_top_earner";

    /// <summary>Parameter (list): lower bounds of the business-income bands.</summary>
    public const string BusinessThresholds = "income_tax.business.band_thresholds";

    /// <summary>Parameter (list): rates of the business-income bands.</summary>
    public const string BusinessRates = "income_tax.business.band_rates";

    /// <summary>Parameter: taxable business income up to this pays the reduced tax (individual industrial and commercial households), yuan a year.</summary>
    public const string HalvingThreshold = "income_tax.business.halving_threshold";

    /// <summary>Parameter: share of the tax up to the threshold that is remitted (0.5).</summary>
    public const string HalvingShare = "income_tax.business.halving_share";

    /// <summary>Parameter (flag): business income of agricultural persons is not taxed.</summary>
    public const string FarmingExempt = "income_tax.business.farming_exempt";

    /// <summary>Parameter: the rate on property income.</summary>
    public const string PropertyRate = "income_tax.property.rate";

    /// <summary>Parameter: share of property income assumed to be exempt deposit interest [I].</summary>
    public const string PropertyInterestShare = "income_tax.property.interest_share";

    /// <summary>Input (default): the employee's pension contribution, yuan a year.</summary>
    public const string PensionContribution = "social_insurance.employee_pension_annual";

    /// <summary>Input (default): the employee's medical contribution, yuan a year.</summary>
    public const string MedicalContribution = "social_insurance.employee_medical_annual";

    /// <summary>Input (default): the employee's unemployment contribution, yuan a year.</summary>
    public const string UnemploymentContribution = "social_insurance.employee_unemployment_annual";

    /// <summary>Input (default): the employee's housing-fund contribution, yuan a year.</summary>
    public const string HousingFundContribution = "housing_fund.employee_annual";

    /// <summary>Output: taxable comprehensive income in the option chosen (without the bonus when it is taxed separately), yuan a year.</summary>
    public static readonly VariableDefinition TaxableComprehensive = new("income_tax.taxable_comprehensive_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Taxable comprehensive income after every deduction, in the bonus option chosen, yuan per year");

    /// <summary>Output: the tax on comprehensive income (without a separately taxed bonus), yuan a year.</summary>
    public static readonly VariableDefinition ComprehensiveTax = new("income_tax.comprehensive_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Income tax on comprehensive income (a separately taxed bonus excluded), yuan per year; a part of income_tax.total_annual");

    /// <summary>Output: the tax on the annual bonus when it is taxed separately (0 when it is taxed with comprehensive income), yuan a year.</summary>
    public static readonly VariableDefinition BonusTax = new("income_tax.bonus_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Income tax on the annual one-off bonus taxed separately (0 when it is taxed with comprehensive income), yuan per year; a part of income_tax.total_annual");

    /// <summary>Output: the tax on business income, after any halving, yuan a year.</summary>
    public static readonly VariableDefinition BusinessTax = new("income_tax.business_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Income tax on business income after the halving for individual industrial and commercial households, yuan per year; a part of income_tax.total_annual");

    /// <summary>Output: the tax on property income, yuan a year.</summary>
    public static readonly VariableDefinition PropertyTax = new("income_tax.property_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Income tax on property income, yuan per year; a part of income_tax.total_annual");

    /// <summary>Output: the person's total income tax, yuan a year (a direct tax, public revenue).</summary>
    public static readonly VariableDefinition Total = new("income_tax.total_annual", Entity.Person, AmountPeriod.Year, IncomeRole.DirectTax, "Individual income tax, all parts, yuan per year");

    /// <summary>Creates the program reading the default contribution variables.</summary>
    public IncomeTaxProgram()
        : this(PensionContribution, MedicalContribution, UnemploymentContribution, HousingFundContribution)
    {
    }

    /// <summary>Creates the program reading the employee contributions (the special deductions) from the given variables.</summary>
    /// <param name="pensionContribution">The employee's pension contribution, yuan a year (person).</param>
    /// <param name="medicalContribution">The employee's medical contribution, yuan a year (person).</param>
    /// <param name="unemploymentContribution">The employee's unemployment contribution, yuan a year (person).</param>
    /// <param name="housingFundContribution">The employee's housing-fund contribution, yuan a year (person).</param>
    public IncomeTaxProgram(string pensionContribution, string medicalContribution, string unemploymentContribution, string housingFundContribution)
        : base(
            ProgramName,
            "Individual income tax (个人所得税法 2018): comprehensive income with deductions and the seven-band schedule, the annual bonus taxed separately or not (the cheaper), business income with the halving for individual businesses, property income.",
            inputs:
            [
                RuleArguments.Required(pensionContribution, nameof(pensionContribution)),
                RuleArguments.Required(medicalContribution, nameof(medicalContribution)),
                RuleArguments.Required(unemploymentContribution, nameof(unemploymentContribution)),
                RuleArguments.Required(housingFundContribution, nameof(housingFundContribution)),
            ],
            outputs: [TaxableComprehensive, ComprehensiveTax, BonusTax, BusinessTax, PropertyTax, Total],
            parameters:
            [
                RemunerationShare, AuthorReduction, BasicDeduction, BandThresholds, BandRates, BonusSeparateAllowed, BonusThresholds, BonusRates,
                ChildrenEducation, InfantCare, ElderlyOnlyChild, ElderlySiblingCap, ElderlySiblings, DegreeEducation, CertificateEducation,
                Mortgage, RentMajor, RentLarge, RentOther, IllnessThreshold, IllnessCap, TopEarnerShare,
                BusinessThresholds, BusinessRates, HalvingThreshold, HalvingShare, FarmingExempt, PropertyRate, PropertyInterestShare,
            ])
    {
    }

    /// <inheritdoc />
    internal override bool WritesEveryRow => true;

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
        => new Pass(new Rule(Inputs, new Terms(setup).Gather(setup)));

    /// <summary>
    /// The loop of the rule: in population runs <see cref="Rule.Run"/> over each chunk (the household deductions'
    /// claims, then one flat loop over persons); in household calculations, which record every step, household by household.
    /// </summary>
    private sealed class Pass(Rule rule) : ProgramPass
    {
        private readonly Rule _rule = rule;

        public override void Execute(ProgramContext context)
        {
            var rule = _rule; // a local copy: calls on a readonly field would copy the struct per call
            var block = rule.Bind(context);
            if (context.Explanation is not { } explanation)
            {
                rule.Run(ref block, context);
                return;
            }

            var start = context.Population.MemberStart;
            var regions = context.Population.HouseholdRegion;
            for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
            {
                rule.Explained(ref block, new HouseholdRow(h, start[h], start[h + 1], regions[h]), explanation);
            }
        }
    }

    /// <summary>The parameters resolved for the run.</summary>
    private sealed class Terms(ProgramSetup setup)
    {
        public readonly RegionalValues RemunerationShare = setup.Scalar(IncomeTaxProgram.RemunerationShare);
        public readonly RegionalValues AuthorReduction = setup.Scalar(IncomeTaxProgram.AuthorReduction);
        public readonly RegionalValues Basic = setup.PerYear(BasicDeduction);
        public readonly RegionalList Thresholds = setup.List(BandThresholds);
        public readonly RegionalList Rates = setup.List(BandRates);
        public readonly RegionalValues BonusSeparate = setup.Scalar(BonusSeparateAllowed);
        public readonly RegionalList BonusThresholds = setup.List(IncomeTaxProgram.BonusThresholds);
        public readonly RegionalList BonusRates = setup.List(IncomeTaxProgram.BonusRates);
        public readonly RegionalValues Children = setup.PerYear(ChildrenEducation);
        public readonly RegionalValues Infants = setup.PerYear(InfantCare);
        public readonly RegionalValues OnlyChild = setup.PerYear(ElderlyOnlyChild);
        public readonly RegionalValues SiblingCap = setup.PerYear(ElderlySiblingCap);
        public readonly RegionalValues Siblings = setup.Scalar(ElderlySiblings);
        public readonly RegionalValues Degree = setup.PerYear(DegreeEducation);
        public readonly RegionalValues Certificate = setup.PerYear(CertificateEducation);
        public readonly RegionalValues Mortgage = setup.PerYear(IncomeTaxProgram.Mortgage);
        public readonly RegionalValues RentMajor = setup.PerYear(IncomeTaxProgram.RentMajor);
        public readonly RegionalValues RentLarge = setup.PerYear(IncomeTaxProgram.RentLarge);
        public readonly RegionalValues RentOther = setup.PerYear(IncomeTaxProgram.RentOther);
        public readonly RegionalValues IllnessThreshold = setup.PerYear(IncomeTaxProgram.IllnessThreshold);
        public readonly RegionalValues IllnessCap = setup.PerYear(IncomeTaxProgram.IllnessCap);
        public readonly RegionalValues TopShare = setup.Scalar(TopEarnerShare);
        public readonly RegionalList BusinessThresholds = setup.List(IncomeTaxProgram.BusinessThresholds);
        public readonly RegionalList BusinessRates = setup.List(IncomeTaxProgram.BusinessRates);
        public readonly RegionalValues HalvingThreshold = setup.PerYear(IncomeTaxProgram.HalvingThreshold);
        public readonly RegionalValues HalvingShare = setup.Scalar(IncomeTaxProgram.HalvingShare);
        public readonly RegionalValues FarmingExempt = setup.Scalar(IncomeTaxProgram.FarmingExempt);
        public readonly RegionalValues PropertyRate = setup.Scalar(IncomeTaxProgram.PropertyRate);
        public readonly RegionalValues InterestShare = setup.Scalar(PropertyInterestShare);

        /// <summary>The values above gathered per region index (null where no household lives), read once per household.</summary>
        public RegionTerms[] ByRegion { get; private set; } = [];

        public Terms Gather(ProgramSetup setup)
        {
            ByRegion = new RegionTerms[setup.Regions.Count];
            foreach (var region in setup.RegionsPresent)
            {
                ByRegion[region.Index] = new RegionTerms(this, region.Index, region);
            }

            return this;
        }
    }

    /// <summary>One region's terms, with the schedules prepared (<see cref="PreparedSchedule"/>) and the derived values computed as the rule computes them.</summary>
    private sealed class RegionTerms
    {
        public readonly double Share, AuthorShare, AuthorZero, Basic, Children, Infants, OnlyChild, SharedElderly, Degree, Certificate;
        public readonly double Mortgage, RentMajor, RentLarge, RentOther, IllnessThreshold, IllnessCap, TopShare;
        public readonly double HalvingThreshold, HalvingShare, PropertyRate, InterestShare;
        public readonly bool BonusSeparate, FarmingExempt;

        /// <summary>
        /// Whether household deductions of +0.0 give every member a claim of +0.0 whoever ranks first: the top and second
        /// claimants' shares times +0.0 are +0.0 (a share that is negative or not finite would give −0.0 or NaN).
        /// </summary>
        public readonly bool ZeroClaimsAreZero;
        public readonly PreparedSchedule Comprehensive, Bonus, Business;

        /// <summary>The elderly-parent and continuing-education deductions by the code of the claim (every code not named is 0).</summary>
        public readonly double[] ElderlyByClaim = new double[256], EducationByKind = new double[256];

        public RegionTerms(Terms t, int r, RegionId region)
        {
            Share = t.RemunerationShare.ByRegion[r];
            AuthorShare = Share * t.AuthorReduction.ByRegion[r];
            AuthorZero = AuthorShare * 0.0;
            Basic = t.Basic.ByRegion[r];
            Children = t.Children.ByRegion[r];
            Infants = t.Infants.ByRegion[r];
            OnlyChild = t.OnlyChild.ByRegion[r];
            SharedElderly = Math.Min(t.SiblingCap.ByRegion[r], t.OnlyChild.ByRegion[r] / t.Siblings.ByRegion[r]);
            Degree = t.Degree.ByRegion[r];
            Certificate = t.Certificate.ByRegion[r];
            Mortgage = t.Mortgage.ByRegion[r];
            RentMajor = t.RentMajor.ByRegion[r];
            RentLarge = t.RentLarge.ByRegion[r];
            RentOther = t.RentOther.ByRegion[r];
            IllnessThreshold = t.IllnessThreshold.ByRegion[r];
            IllnessCap = t.IllnessCap.ByRegion[r];
            TopShare = t.TopShare.ByRegion[r];
            ZeroClaimsAreZero = BitConverter.DoubleToInt64Bits(TopShare * 0.0) == 0 && BitConverter.DoubleToInt64Bits((1 - TopShare) * 0.0) == 0;
            HalvingThreshold = t.HalvingThreshold.ByRegion[r];
            HalvingShare = t.HalvingShare.ByRegion[r];
            PropertyRate = t.PropertyRate.ByRegion[r];
            InterestShare = t.InterestShare.ByRegion[r];
            BonusSeparate = t.BonusSeparate.ByRegion[r] > 0;
            FarmingExempt = t.FarmingExempt.ByRegion[r] > 0;
            Comprehensive = new PreparedSchedule(t.Thresholds[region], t.Rates[region]);
            Bonus = new PreparedSchedule(t.BonusThresholds[region], t.BonusRates[region]);
            Business = new PreparedSchedule(t.BusinessThresholds[region], t.BusinessRates[region]);
            ElderlyByClaim[(int)ElderlyParentClaim.OnlyChild] = OnlyChild;
            ElderlyByClaim[(int)ElderlyParentClaim.Shared] = SharedElderly;
            EducationByKind[(int)ContinuingEducation.Degree] = Degree;
            EducationByKind[(int)ContinuingEducation.Certificate] = Certificate;
        }
    }

    private readonly struct Rule(IReadOnlyList<string> contributions, Terms t)
    {
        private const string Name = ProgramName;

        public Block Bind(ProgramContext context)
        {
            var pop = context.Population;

            // The rows the pass indexes: the chunk's persons and households (checked once here, not per row).
            int persons = pop.MemberStart[context.EndHousehold], households = context.EndHousehold;
            return new Block
            {
                PersonId = new(pop.PersonId, persons),
                Wages = new(pop.WagesAnnual, persons),
                Labour = new(pop.LabourRemunerationAnnual, persons),
                Author = new(pop.AuthorRemunerationAnnual, persons),
                Royalties = new(pop.RoyaltiesAnnual, persons),
                NoAuthorRoyalties = ZeroColumns.Holds(pop.AuthorRemunerationAnnual) && ZeroColumns.Holds(pop.RoyaltiesAnnual),
                Bonus = new(pop.AnnualBonus, persons),
                Business = new(pop.BusinessIncomeAnnual, persons),
                Property = new(pop.PropertyIncomeAnnual, persons),
                Employment = new(pop.Employment, persons),
                Contract = new(pop.Contract, persons),
                ParentClaim = new(pop.ElderlyParentClaim, persons),
                Education = new(pop.ContinuingEducation, persons),
                MedicalSelfPay = new(pop.MedicalSelfPayAnnual, persons),
                ChildrenInEducation = new(pop.ChildrenInEducation, households),
                ChildrenUnder3 = new(pop.ChildrenUnder3, households),
                Housing = new(pop.Housing, households),
                City = new(pop.CityClass, households),
                Pension = new(context.Read(contributions[0]), persons),
                Medical = new(context.Read(contributions[1]), persons),
                Unemployment = new(context.Read(contributions[2]), persons),
                HousingFund = new(context.Read(contributions[3]), persons),
                Taxable = new(context.Write(TaxableComprehensive.Name), persons),
                Comprehensive = new(context.Write(ComprehensiveTax.Name), persons),
                BonusTax = new(context.Write(IncomeTaxProgram.BonusTax.Name), persons),
                BusinessTax = new(context.Write(IncomeTaxProgram.BusinessTax.Name), persons),
                PropertyTax = new(context.Write(IncomeTaxProgram.PropertyTax.Name), persons),
                Total = new(context.Write(IncomeTaxProgram.Total.Name), persons),
            };
        }

        /// <summary>
        /// A population run's chunk: first the claims of the household deductions, household by household, written to
        /// the taxable-income column (cleared, then the top and second claimants' shares); then every person's tax in one
        /// flat loop over the chunk's persons, which reads the claim back and overwrites it with the taxable income. A
        /// loop over households and their members mispredicts its exit once per household; the ranking, which only
        /// households with deductions need, is kept out of the persons' loop.
        /// </summary>
        public void Run(ref Block b, ProgramContext context)
        {
            var pop = context.Population;
            var start = pop.MemberStart;
            var regions = pop.HouseholdRegion;
            int firstPerson = start[context.FirstHousehold], endPerson = start[context.EndHousehold];
            b.Taxable.Clear(firstPerson, endPerson);
            for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
            {
                var k = t.ByRegion[regions[h].Index];
                double householdDeductions = HouseholdDeductions(ref b, h, k, out _);

                // When the household deductions are +0.0 every member's claim is +0.0 whoever ranks first (see
                // RegionTerms.ZeroClaimsAreZero): the cleared rows already hold it, and the household is not ranked.
                if (BitConverter.DoubleToInt64Bits(householdDeductions) == 0 && k.ZeroClaimsAreZero)
                {
                    continue;
                }

                Rank(ref b, start[h], start[h + 1], k, out int top, out int second);
                double topShare = second < 0 ? 1.0 : k.TopShare;
                if (top >= 0)
                {
                    b.Taxable[top] = topShare * householdDeductions;
                }

                if (second >= 0)
                {
                    b.Taxable[second] = (1 - topShare) * householdDeductions;
                }
            }

            var household = pop.PersonHousehold;
            for (int p = firstPerson; p < endPerson; p++)
            {
                var region = regions[household[p]];
                var k = t.ByRegion[region.Index];
                Person<Silent>(ref b, p, member: 0, region, k, ComprehensiveIncome(ref b, p, k), claimed: b.Taxable[p], null);
            }
        }

        /// <summary>The household's children, infant-care and housing deductions, yuan a year (<paramref name="housing"/>: the housing part).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double HouseholdDeductions(ref Block b, int h, RegionTerms k, out double housing)
        {
            double children = b.ChildrenInEducation[h] * k.Children;
            double infants = b.ChildrenUnder3[h] * k.Infants;
            housing = b.Housing[h] switch
            {
                HousingCost.FirstHomeMortgage => k.Mortgage,
                HousingCost.Rent => b.City[h] switch
                {
                    CityClass.Major => k.RentMajor,
                    CityClass.Large => k.RentLarge,
                    _ => k.RentOther,
                },
                _ => 0.0,
            };
            return children + infants + housing;
        }

        /// <summary>
        /// Who claims the household's deductions: the highest comprehensive-income earner, ties to the higher business
        /// income, then to the lowest person id; the second highest takes the rest when the share is below 1 (-1: none).
        /// The ranking keeps the two leaders' incomes in locals; each member's tax recomputes its comprehensive income
        /// with the same expression, so the value is the same, bit for bit, with no per-household buffer.
        /// </summary>
        private static void Rank(ref Block b, int first, int endMember, RegionTerms k, out int top, out int second)
        {
            top = -1;
            second = -1;
            double topIncome = 0.0, secondIncome = 0.0;
            if (first < endMember)
            {
                top = first;
                topIncome = ComprehensiveIncome(ref b, first, k);
            }

            for (int p = first + 1; p < endMember; p++)
            {
                double income = ComprehensiveIncome(ref b, p, k);
                if (Ranks(ref b, p, top, income, topIncome))
                {
                    second = top;
                    secondIncome = topIncome;
                    top = p;
                    topIncome = income;
                }
                else if (second < 0 || Ranks(ref b, p, second, income, secondIncome))
                {
                    second = p;
                    secondIncome = income;
                }
            }
        }

        /// <summary>One household computed with every step recorded (household calculations only).</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public void Explained(ref Block b, in HouseholdRow household, Explanation explanation)
        {
            int h = household.Index, first = household.FirstMember;
            var region = household.Region;
            var k = t.ByRegion[region.Index];
            double householdDeductions = HouseholdDeductions(ref b, h, k, out double housing);
            Rank(ref b, first, household.EndMember, k, out int top, out int second);
            double topShare = second < 0 ? 1.0 : k.TopShare;
            explanation.Record(Name, StepText.Create($"household deductions: {b.ChildrenInEducation[h]} child(ren) in education × {t.Children[region]:0.##} + {b.ChildrenUnder3[h]} child(ren) under 3 × {t.Infants[region]:0.##} + housing ({b.Housing[h]}, city {b.City[h]}) {housing:0.##} = {householdDeductions:0.##}; claimed {topShare:0.##} by member {top - household.FirstMember} (highest comprehensive income){(second >= 0 && topShare < 1 ? StepText.Create($", {1 - topShare:0.##} by member {second - household.FirstMember}") : string.Empty)}"), householdDeductions, "yuan/year", t.Children.Source(region), t.Infants.Source(region), t.Mortgage.Source(region), t.RentMajor.Source(region), t.RentLarge.Source(region), t.RentOther.Source(region), t.TopShare.Source(region));
            for (int p = first; p < household.EndMember; p++)
            {
                double claimed = p == top ? topShare * householdDeductions : p == second ? (1 - topShare) * householdDeductions : 0.0;
                Person<Explaining>(ref b, p, p - first, region, k, ComprehensiveIncome(ref b, p, k), claimed, explanation);
            }
        }

        /// <summary>
        /// The comprehensive income of person <paramref name="p"/>. When the author's remuneration and royalties columns
        /// are the shared arrays of zeros (a block-constant choice), they are not read: the same expression with the
        /// zeros written in (x + 0.0 and a × 0.0 are computed, not dropped, so −0.0 and the signs come out bit for bit).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double ComprehensiveIncome(ref Block b, int p, RegionTerms k)
            => b.NoAuthorRoyalties
                ? b.Wages[p] + (k.Share * (b.Labour[p] + 0.0)) + k.AuthorZero
                : b.Wages[p] + (k.Share * (b.Labour[p] + b.Royalties[p])) + (k.AuthorShare * b.Author[p]);

        /// <summary>Whether person <paramref name="p"/> ranks above person <paramref name="q"/> as a claimant of the household deductions.</summary>
        /// <param name="b">The block's columns.</param>
        /// <param name="p">A member's row.</param>
        /// <param name="q">Another member's row.</param>
        /// <param name="cp">The comprehensive income of <paramref name="p"/>.</param>
        /// <param name="cq">The comprehensive income of <paramref name="q"/>.</param>
        /// <remarks>
        /// Higher comprehensive income first; when equal, higher business income; when that is equal too, the lower id.
        /// Written without branches (members with equal incomes, often none, are common and unpredictable): each
        /// comparison is computed and combined with non-short-circuit operators, the same answer as comparing in
        /// turn, NaN included (a NaN income is neither above, below nor equal, so it never ranks above).
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool Ranks(ref Block b, int p, int q, double cp, double cq)
        {
            double bp = b.Business[p], bq = b.Business[q];
            return (cp > cq) | ((cp == cq) & ((bp > bq) | ((bp == bq) & (b.PersonId[p] < b.PersonId[q]))));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Person<TExplain>(ref Block b, int p, int member, RegionId region, RegionTerms k, double comprehensive, double claimed, Explanation? explanation)
            where TExplain : struct, IExplaining
        {
            double share = k.Share, authorShare = k.AuthorShare;
            double bonus = Math.Min(Math.Max(b.Bonus[p], 0.0), b.Wages[p]);

            // Special deductions: the employee's own social-insurance contributions and housing-fund share.
            double special = b.Pension[p] + b.Medical[p] + b.Unemployment[p] + b.HousingFund[p];

            // Personal special additional deductions.
            double elderly = k.ElderlyByClaim[(byte)b.ParentClaim[p]];
            double education = k.EducationByKind[(byte)b.Education[p]];
            double illness = Math.Min(Math.Max(b.MedicalSelfPay[p] - k.IllnessThreshold, 0.0), k.IllnessCap);
            double deductions = k.Basic + special + elderly + education + illness + claimed;

            var schedule = k.Comprehensive;
            if (TExplain.On)
            {
                explanation!.Record(Name, StepText.Create($"member {member}: comprehensive income = wages {b.Wages[p]:0.##} (bonus {bonus:0.##} included) + {share:0.##} × (labour {b.Labour[p]:0.##} + royalties {b.Royalties[p]:0.##}) + {authorShare:0.####} × author's {b.Author[p]:0.##}"), comprehensive, "yuan/year", t.RemunerationShare.Source(region), t.AuthorReduction.Source(region));
                explanation!.Record(Name, StepText.Create($"member {member}: deductions = basic {t.Basic[region]:0.##} + contributions {special:0.##} + elderly parents {elderly:0.##} + continuing education {education:0.##} + serious illness {illness:0.##} + household share {claimed:0.##}"), deductions, "yuan/year", t.Basic.Source(region), t.OnlyChild.Source(region), t.SiblingCap.Source(region), t.Siblings.Source(region), t.Degree.Source(region), t.Certificate.Source(region), t.IllnessThreshold.Source(region), t.IllnessCap.Source(region));
            }

            // Option 1: the bonus with comprehensive income.
            double taxableCombined = Math.Max(comprehensive - deductions, 0.0);
            double taxCombined = schedule.Tax(taxableCombined);
            double taxable = taxableCombined, comprehensiveTax = taxCombined, bonusTax = 0.0;
            if (k.BonusSeparate && bonus > 0)
            {
                // Option 2: the bonus taxed once, with the rate and quick deduction of the monthly table at bonus ÷ 12.
                // Computed for every person, the cheaper chosen without a branch (both are unpredictable per person):
                // with no bonus (0 or NaN) the option is never cheaper, its rest is taxed as the combined amount
                // ((c − 0) − d is c − d bit for bit) and its bonus tax is not negative (or NaN, and NaN is not less).
                var monthly = k.Bonus;
                var monthlyRates = monthly.Rates;
                int band = monthly.Band(bonus / 12);
                double quick = monthly.QuickDeduction(band);
                double separateBonusTax = Math.Max((bonus * monthlyRates[band]) - quick, 0.0);
                double taxableSeparate = Math.Max(comprehensive - bonus - deductions, 0.0);
                double taxSeparate = schedule.Tax(taxableSeparate);
                bool separate = taxSeparate + separateBonusTax < taxCombined;
                if (TExplain.On && bonus > 0)
                {
                    explanation!.Record(Name, StepText.Create($"member {member}: bonus {bonus:0.##} taxed separately: {bonus:0.##} ÷ 12 = {bonus / 12:0.##} in monthly band {band + 1} → {bonus:0.##} × {monthlyRates[band]:0.##} − {quick:0.##} = {separateBonusTax:0.##}, plus {taxSeparate:0.##} on the rest ({taxableSeparate:0.##} taxable) = {taxSeparate + separateBonusTax:0.##}; with comprehensive income: {taxCombined:0.##} → {(separate ? "taxed separately (cheaper)" : "taxed with comprehensive income (not dearer)")}"), separate ? separateBonusTax : 0.0, "yuan/year", t.BonusSeparate.Source(region), t.BonusThresholds.Source(region), t.BonusRates.Source(region));
                }

                taxable = PreparedSchedule.Select(separate, taxableSeparate, taxableCombined);
                comprehensiveTax = PreparedSchedule.Select(separate, taxSeparate, taxCombined);
                bonusTax = PreparedSchedule.Select(separate, separateBonusTax, 0.0);
            }
            else if (TExplain.On && bonus > 0)
            {
                explanation!.Record(Name, StepText.Create($"member {member}: bonus {bonus:0.##} taxed with comprehensive income (the separate option is not in force)"), 0.0, "yuan/year", t.BonusSeparate.Source(region));
            }

            if (TExplain.On)
            {
                int comprehensiveBand = schedule.Band(taxable);
                explanation!.Record(Name, StepText.Create($"member {member}: tax on taxable comprehensive income {taxable:0.##} (band {comprehensiveBand + 1}: {taxable:0.##} × {schedule.Rates[comprehensiveBand]:0.##} − {schedule.QuickDeduction(comprehensiveBand):0.##})"), comprehensiveTax, "yuan/year", t.Thresholds.Source(region), t.Rates.Source(region));
            }

            // Business income: its own schedule; a person without comprehensive income deducts the deductions here.
            double businessIncome = Math.Max(b.Business[p], 0.0);
            double businessTax = 0.0;
            if (businessIncome > 0 && b.Employment[p] == EmploymentStatus.Agricultural && k.FarmingExempt)
            {
                if (TExplain.On)
                {
                    explanation!.Record(Name, StepText.Create($"member {member}: business income {businessIncome:0.##} of an agricultural person is farming income, not taxed"), 0.0, "yuan/year", t.FarmingExempt.Source(region));
                }
            }
            else if (businessIncome > 0)
            {
                bool deductsHere = comprehensive <= 0;
                double businessTaxable = Math.Max(businessIncome - (deductsHere ? deductions : 0.0), 0.0);
                var business = k.Business;
                double full = business.Tax(businessTaxable);
                double remitted = b.Contract[p] == WorkContract.IndividualBusiness
                    ? k.HalvingShare * business.Tax(Math.Min(businessTaxable, k.HalvingThreshold))
                    : 0.0;
                businessTax = full - remitted;
                if (TExplain.On)
                {
                    explanation!.Record(Name, StepText.Create($"member {member}: business income {businessIncome:0.##}{(deductsHere ? StepText.Create($" − deductions {deductions:0.##} (no comprehensive income)") : string.Empty)} = taxable {businessTaxable:0.##}; tax {full:0.##} − remitted {remitted:0.##} ({(b.Contract[p] == WorkContract.IndividualBusiness ? StepText.Create($"individual business: {t.HalvingShare[region]:0.##} of the tax on the part up to {t.HalvingThreshold[region]:0.##}") : "not an individual business")})"), businessTax, "yuan/year", t.BusinessThresholds.Source(region), t.BusinessRates.Source(region), t.HalvingThreshold.Source(region), t.HalvingShare.Source(region));
                }
            }

            // Property income: the rate on the part that is not exempt deposit interest.
            double property = Math.Max(b.Property[p], 0.0);
            double propertyTax = property * (1 - k.InterestShare) * k.PropertyRate;
            if (TExplain.On && property > 0)
            {
                explanation!.Record(Name, StepText.Create($"member {member}: property income {property:0.##} × (1 − interest share {t.InterestShare[region]:0.##}) × {t.PropertyRate[region]:0.##}"), propertyTax, "yuan/year", t.InterestShare.Source(region), t.PropertyRate.Source(region));
            }

            b.Taxable[p] = taxable;
            b.Comprehensive[p] = comprehensiveTax;
            b.BonusTax[p] = bonusTax;
            b.BusinessTax[p] = businessTax;
            b.PropertyTax[p] = propertyTax;
            b.Total[p] = comprehensiveTax + bonusTax + businessTax + propertyTax;
            if (TExplain.On)
            {
                explanation!.Record(Name, StepText.Create($"member {member}: income tax = comprehensive {comprehensiveTax:0.##} + bonus {bonusTax:0.##} + business {businessTax:0.##} + property {propertyTax:0.##}; pensions, benefits, assistance and subsidies are exempt (个人所得税法 art. 4)"), b.Total[p], "yuan/year");
            }
        }

        public ref struct Block
        {
            public Rows<long> PersonId;
            public Rows<double> Wages;
            public Rows<double> Labour;
            public Rows<double> Author;
            public Rows<double> Royalties;

            /// <summary>Whether the author's remuneration and royalties columns are the shared arrays of zeros (not read).</summary>
            public bool NoAuthorRoyalties;
            public Rows<double> Bonus;
            public Rows<double> Business;
            public Rows<double> Property;
            public Rows<EmploymentStatus> Employment;
            public Rows<WorkContract> Contract;
            public Rows<ElderlyParentClaim> ParentClaim;
            public Rows<ContinuingEducation> Education;
            public Rows<double> MedicalSelfPay;
            public Rows<byte> ChildrenInEducation;
            public Rows<byte> ChildrenUnder3;
            public Rows<HousingCost> Housing;
            public Rows<CityClass> City;
            public Rows<double> Pension;
            public Rows<double> Medical;
            public Rows<double> Unemployment;
            public Rows<double> HousingFund;
            public WritableRows<double> Taxable;
            public WritableRows<double> Comprehensive;
            public WritableRows<double> BonusTax;
            public WritableRows<double> BusinessTax;
            public WritableRows<double> PropertyTax;
            public WritableRows<double> Total;
        }
    }

    /// <summary>Whether a formula instantiation records explanation steps: a constant per instantiation, so the JIT drops the text from the population loop.</summary>
    private interface IExplaining
    {
        static abstract bool On { get; }
    }

    private readonly struct Explaining : IExplaining
    {
        public static bool On => true;
    }

    private readonly struct Silent : IExplaining
    {
        public static bool On => false;
    }
}
