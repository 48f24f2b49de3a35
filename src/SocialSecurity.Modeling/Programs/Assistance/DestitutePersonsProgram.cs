using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Assistance;

/// <summary>
/// Destitute persons support (特困人员救助供养): a basic-living standard and a care standard graded by self-care ability,
/// paid to the person at home or to the institution that supports them.
/// </summary>
/// <remarks>
/// <para>Legal basis: Decree 649 art. 14 [N]: elderly people, disabled people and minors under 16 who have no work
/// capacity, no source of livelihood, and no legal supporter (or one unable to support them); art. 15: basic living,
/// care for those who cannot look after themselves, medical treatment and funeral; art. 19: centralised support in an
/// institution or support at home, at the person's choice (docs/rules/destitute.md).</para>
/// <para>The three "no" conditions are not in the built-in schema; the program reads them from person columns
/// (1 = the condition holds): <see cref="NoWorkCapacityColumn"/>, <see cref="NoLivelihoodColumn"/>,
/// <see cref="NoSupporterColumn"/>, and the chosen form of support from <see cref="CentralisedSupportColumn"/>
/// (1 = centralised in an institution, 0 = at home).</para>
/// <para>Rule, per person in a household whose annual dibao standard is <i>S</i>:</para>
/// <list type="bullet">
/// <item>eligible ⇔ (age ≥ <c>destitute.elderly_age</c> [U: 60] or certified disability of any grade or age &lt;
/// <c>destitute.minor_age</c> [N: 16]) and all three columns are 1;</item>
/// <item>basic living = max(<c>destitute.basic_living.standard_multiple</c> [U: 1.3] × <i>S</i>/12,
/// <c>destitute.basic_living.amount</c>) yuan/month; the amount is Zhejiang's 1,756/month [P, the 2022 average]
/// and 0 (no separate amount) elsewhere;</item>
/// <item>care = <c>destitute.care.shares</c>[self-care grade] × <c>destitute.care.minimum_wage_monthly</c> [I: 0%, 20%,
/// 50% of the local minimum wage for able, partly unable, fully unable];</item>
/// <item>the sum is cash (<see cref="HomeSupport"/>, a direct transfer) for support at home, and an in-kind
/// transfer to the institution (<see cref="CentralisedSupport"/>) for centralised support.</item>
/// </list>
/// <para>Worked example 12: 1.3 × 11,000 = 14,300/year = 1,191.67/month; Zhejiang's 1,756 × 12 = 21,072 ≥ 14,300,
/// about 1.92 × <i>S</i>.</para>
/// </remarks>
public sealed class DestitutePersonsProgram()
    : RuleProgram(
        "destitute",
        "Destitute persons support: elderly, disabled or under-16 persons without work capacity, livelihood or supporter get a basic-living and a care standard, at home or in an institution (Decree 649 arts. 14-19).",
        inputs: [NoWorkCapacityColumn, NoLivelihoodColumn, NoSupporterColumn, CentralisedSupportColumn],
        outputs: [Eligible, OnRoll, BasicLiving, Care, HomeSupport, CentralisedSupport],
        parameters: [.. DibaoRules.StandardParameters, ElderlyAge, MinorAge, StandardMultiple, BasicLivingAmount, CareShares, MinimumWage])
{
    /// <summary>Parameter: the age from which a person counts as elderly.</summary>
    public const string ElderlyAge = "destitute.elderly_age";

    /// <summary>Parameter: persons younger than this count as minors.</summary>
    public const string MinorAge = "destitute.minor_age";

    /// <summary>Parameter: the basic-living floor as a multiple of the dibao standard.</summary>
    public const string StandardMultiple = "destitute.basic_living.standard_multiple";

    /// <summary>Parameter: a local basic-living standard in yuan (0 where there is none beyond the floor).</summary>
    public const string BasicLivingAmount = "destitute.basic_living.amount";

    /// <summary>Parameter: the care standard as shares of the minimum wage by self-care ability (able, partly unable, fully unable).</summary>
    public const string CareShares = "destitute.care.shares";

    /// <summary>Parameter: the local monthly minimum wage the care standard is based on.</summary>
    public const string MinimumWage = "destitute.care.minimum_wage_monthly";

    /// <summary>Input: person column, 1 when the person has no work capacity.</summary>
    public const string NoWorkCapacityColumn = "person.no_work_capacity";

    /// <summary>Input: person column, 1 when the person has no source of livelihood.</summary>
    public const string NoLivelihoodColumn = "person.no_livelihood";

    /// <summary>Input: person column, 1 when the person has no legal supporter or the supporter cannot support them.</summary>
    public const string NoSupporterColumn = "person.no_supporter";

    /// <summary>Input: person column, 1 for centralised support in an institution, 0 for support at home.</summary>
    public const string CentralisedSupportColumn = "person.centralised_support";

    /// <summary>The declarations of the four input columns: person flags, 0 or 1, checked when the population is built.</summary>
    public static IReadOnlyList<ColumnDefinition> Columns { get; } =
    [
        ColumnDefinition.Flag(NoWorkCapacityColumn, Entity.Person, "The person has no work capacity"),
        ColumnDefinition.Flag(NoLivelihoodColumn, Entity.Person, "The person has no source of livelihood"),
        ColumnDefinition.Flag(NoSupporterColumn, Entity.Person, "The person has no legal supporter, or the supporter cannot support them"),
        ColumnDefinition.Flag(CentralisedSupportColumn, Entity.Person, "The person is supported in an institution (centralised support)"),
    ];

    /// <summary>Output: 1 for a destitute person (person flag).</summary>
    public static readonly VariableDefinition Eligible = new("destitute.eligible", Entity.Person, AmountPeriod.None, IncomeRole.None, "1 for a person eligible for destitute support (Decree 649 art. 14)");

    /// <summary>Output: 1 for a person on the destitute-support roll (person flag): <see cref="Eligible"/> by the rule alone, after take-up and identification errors through <c>TargetedProgram</c>.</summary>
    public static readonly VariableDefinition OnRoll = new("destitute.on_roll", Entity.Person, AmountPeriod.None, IncomeRole.None, "1 for a person on the destitute-support roll (the rule's eligibility, after take-up and identification errors when targeted)");

    /// <summary>Output: the basic-living standard, yuan per month (person; a component, counted through the two payment outputs).</summary>
    public static readonly VariableDefinition BasicLiving = new("destitute.basic_living_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.None, "Destitute basic-living standard, yuan per month (component)");

    /// <summary>Output: the care standard, yuan per month (person; a component).</summary>
    public static readonly VariableDefinition Care = new("destitute.care_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.None, "Destitute care standard by self-care ability, yuan per month (component)");

    /// <summary>Output: support paid to a destitute person living at home, yuan per month (person, direct transfer).</summary>
    public static readonly VariableDefinition HomeSupport = new("destitute.home_support_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.DirectTransfer, "Destitute support at home (basic living + care), yuan per month");

    /// <summary>Output: support paid to the institution for a person in centralised support, yuan per month (person, in kind).</summary>
    public static readonly VariableDefinition CentralisedSupport = new("destitute.centralised_support_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.InKindTransfer, "Destitute centralised support in an institution (basic living + care), yuan per month");

    /// <summary>Run by its rule alone, the on-roll flag is the eligibility flag: one column serves both.</summary>
    internal override (string Copy, string Source)? CopiedOutput => (OnRoll.Name, Eligible.Name);

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
        => new OnRollPass(PerHousehold<Rule, Rule.Block>(new Rule(setup)), Eligible.Name, OnRoll.Name, Entity.Person);

    /// <inheritdoc />
    public override IReadOnlyList<ColumnDefinition> InputColumns => Columns;

    // Per household (the basic-living amount depends on the household's standard), then per member.
    private readonly struct Rule(ProgramSetup setup) : IHouseholdRule<Rule.Block>
    {
        private readonly DibaoRules _rules = new(setup, withAssetTest: false);
        private readonly RegionalValues _elderly = setup.Scalar(ElderlyAge);
        private readonly RegionalValues _minor = setup.Scalar(MinorAge);
        private readonly RegionalValues _multiple = setup.Scalar(StandardMultiple);
        private readonly RegionalValues _amount = setup.PerMonth(BasicLivingAmount);
        private readonly RegionalList _careShares = CheckShares(setup.List(CareShares), setup);
        private readonly RegionalValues _wage = setup.PerMonth(MinimumWage);

        public Block Bind(ProgramContext context) => new(context, _rules.Bind(context.Population));

        public void Compute(ref Block block, in HouseholdRow household, Explanation? explanation)
        {
            int h = household.Index;
            var region = household.Region;
            int r = region.Index;
            double s = block.Rules.AnnualStandard(h);
            double basicAmount = Math.Max(_multiple.ByRegion[r] * s / 12.0, _amount.ByRegion[r]);
            var shares = _careShares[region];
            for (int p = household.FirstMember; p < household.EndMember; p++)
            {
                int age = block.Age[p];
                var selfCare = block.SelfCare[p];
                bool allThree = block.NoWork[p] == 1 && block.NoLivelihood[p] == 1 && block.NoSupporter[p] == 1;
                bool category = age >= _elderly.ByRegion[r] || block.Disability[p] != DisabilityGrade.None || age < _minor.ByRegion[r];
                bool qualifies = category && allThree;
                double careAmount = qualifies ? shares[(int)selfCare] * _wage.ByRegion[r] : 0.0;
                double total = qualifies ? basicAmount + careAmount : 0.0;
                bool centralised = block.Centralised[p] == 1;
                block.Eligible[p] = qualifies ? 1.0 : 0.0;
                block.Basic[p] = qualifies ? basicAmount : 0.0;
                block.Care[p] = careAmount;
                block.Home[p] = centralised ? 0.0 : total;
                block.Institution[p] = centralised ? total : 0.0;

                if (explanation is not null)
                {
                    explanation.Record("destitute", StepText.Create($"member {p - household.FirstMember + 1}: elderly (≥ {_elderly[region]:0}), disabled or minor (< {_minor[region]:0}): {(category ? "yes" : "no")}; no work capacity, no livelihood, no supporter: {(allThree ? "all three" : "not all three")} → {(qualifies ? "destitute" : "not destitute")}"), block.Eligible[p], "flag", _elderly.Source(region), _minor.Source(region));
                    if (qualifies)
                    {
                        explanation.Record("destitute", StepText.Create($"basic living = max({_multiple[region]:0.##} × S/12 = {_multiple[region] * s / 12:0.00}, local amount {_amount[region]:0.00})"), basicAmount, "yuan/month", _multiple.Source(region), _amount.Source(region), _rules.StandardSource(block.Population, h));
                        explanation.Record("destitute", StepText.Create($"care ({selfCare}) = {shares[(int)selfCare]:0.##} × minimum wage {_wage[region]:0.00}; paid {(centralised ? "to the institution (centralised support, in kind)" : "to the person (support at home)")}"), careAmount, "yuan/month", _careShares.Source(region), _wage.Source(region));
                    }
                }
            }
        }

        private static RegionalList CheckShares(RegionalList shares, ProgramSetup setup)
        {
            foreach (var region in setup.RegionsPresent)
            {
                if (shares[region].Length != 3)
                {
                    throw new InvalidOperationException($"Parameter '{CareShares}' must list 3 shares (able, partly unable, fully unable) in {setup.Regions[region]}; it lists {shares[region].Length}.");
                }
            }

            return shares;
        }

        public readonly ref struct Block(ProgramContext context, DibaoRules rules)
        {
            public readonly DibaoRules Rules = rules;
            public readonly Population Population = context.Population;
            public readonly ReadOnlySpan<byte> Age = context.Population.Age;
            public readonly ReadOnlySpan<DisabilityGrade> Disability = context.Population.Disability;
            public readonly ReadOnlySpan<SelfCareAbility> SelfCare = context.Population.SelfCare;
            public readonly ReadOnlySpan<double> NoWork = context.Read(NoWorkCapacityColumn);
            public readonly ReadOnlySpan<double> NoLivelihood = context.Read(NoLivelihoodColumn);
            public readonly ReadOnlySpan<double> NoSupporter = context.Read(NoSupporterColumn);
            public readonly ReadOnlySpan<double> Centralised = context.Read(CentralisedSupportColumn);
            public readonly Span<double> Eligible = context.Write(DestitutePersonsProgram.Eligible.Name);
            public readonly Span<double> Basic = context.Write(BasicLiving.Name);
            public readonly Span<double> Care = context.Write(DestitutePersonsProgram.Care.Name);
            public readonly Span<double> Home = context.Write(HomeSupport.Name);
            public readonly Span<double> Institution = context.Write(CentralisedSupport.Name);
        }
    }
}
