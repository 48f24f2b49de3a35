using System.Globalization;
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
public sealed class DestitutePersonsProgram : PolicyProgram
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

    /// <summary>Output: 1 for a destitute person (person flag).</summary>
    public static readonly VariableDefinition Eligible = new("destitute.eligible", Entity.Person, AmountPeriod.None, IncomeRole.None, "1 for a person eligible for destitute support (Decree 649 art. 14)");

    /// <summary>Output: the basic-living standard, yuan per month (person; a component, counted through the two payment outputs).</summary>
    public static readonly VariableDefinition BasicLiving = new("destitute.basic_living_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.None, "Destitute basic-living standard, yuan per month (component)");

    /// <summary>Output: the care standard, yuan per month (person; a component).</summary>
    public static readonly VariableDefinition Care = new("destitute.care_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.None, "Destitute care standard by self-care ability, yuan per month (component)");

    /// <summary>Output: support paid to a destitute person living at home, yuan per month (person, direct transfer).</summary>
    public static readonly VariableDefinition HomeSupport = new("destitute.home_support_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.DirectTransfer, "Destitute support at home (basic living + care), yuan per month");

    /// <summary>Output: support paid to the institution for a person in centralised support, yuan per month (person, in kind).</summary>
    public static readonly VariableDefinition CentralisedSupport = new("destitute.centralised_support_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.InKindTransfer, "Destitute centralised support in an institution (basic living + care), yuan per month");

    /// <inheritdoc />
    public override string Name => "destitute";

    /// <inheritdoc />
    public override string Description => "Destitute persons support: elderly, disabled or under-16 persons without work capacity, livelihood or supporter get a basic-living and a care standard, at home or in an institution (Decree 649 arts. 14-19).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; } = [NoWorkCapacityColumn, NoLivelihoodColumn, NoSupporterColumn, CentralisedSupportColumn];

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } = [Eligible, BasicLiving, Care, HomeSupport, CentralisedSupport];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = [.. DibaoRules.StandardParameters, ElderlyAge, MinorAge, StandardMultiple, BasicLivingAmount, CareShares, MinimumWage];

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new Pass(this, setup);
    }

    private sealed class Pass(DestitutePersonsProgram program, ProgramSetup setup) : ProgramPass
    {
        private readonly DibaoRules _rules = new(setup, withAssetTest: false);
        private readonly RegionalValues _elderly = setup.Scalar(ElderlyAge);
        private readonly RegionalValues _minor = setup.Scalar(MinorAge);
        private readonly RegionalValues _multiple = setup.Scalar(StandardMultiple);
        private readonly RegionalValues _amount = setup.PerMonth(BasicLivingAmount);
        private readonly RegionalList _careShares = CheckShares(setup.List(CareShares), setup);
        private readonly RegionalValues _wage = setup.PerMonth(MinimumWage);

        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var age = population.Age;
            var disability = population.Disability;
            var selfCare = population.SelfCare;
            var noWork = context.Read(NoWorkCapacityColumn);
            var noLivelihood = context.Read(NoLivelihoodColumn);
            var noSupporter = context.Read(NoSupporterColumn);
            var centralised = context.Read(CentralisedSupportColumn);
            var eligible = context.Write(Eligible.Name);
            var basic = context.Write(BasicLiving.Name);
            var care = context.Write(Care.Name);
            var home = context.Write(HomeSupport.Name);
            var institution = context.Write(CentralisedSupport.Name);
            for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
            {
                var region = population.HouseholdRegion[h];
                int r = region.Index;
                double s = _rules.AnnualStandard(population, h);
                double basicAmount = Math.Max(_multiple.ByRegion[r] * s / 12.0, _amount.ByRegion[r]);
                var shares = _careShares[region];
                for (int p = start[h]; p < start[h + 1]; p++)
                {
                    bool category = age[p] >= _elderly.ByRegion[r] || disability[p] != DisabilityGrade.None || age[p] < _minor.ByRegion[r];
                    bool qualifies = category && noWork[p] == 1 && noLivelihood[p] == 1 && noSupporter[p] == 1;
                    double careAmount = qualifies ? shares[(int)selfCare[p]] * _wage.ByRegion[r] : 0.0;
                    double total = qualifies ? basicAmount + careAmount : 0.0;
                    eligible[p] = qualifies ? 1.0 : 0.0;
                    basic[p] = qualifies ? basicAmount : 0.0;
                    care[p] = careAmount;
                    home[p] = centralised[p] == 1 ? 0.0 : total;
                    institution[p] = centralised[p] == 1 ? total : 0.0;

                    if (context.Explanation is { } explain)
                    {
                        var c = CultureInfo.InvariantCulture;
                        explain.Record(program.Name, string.Create(c, $"member {p - start[h] + 1}: elderly (≥ {_elderly[region]:0}), disabled or minor (< {_minor[region]:0}): {(category ? "yes" : "no")}; no work capacity, no livelihood, no supporter: {(noWork[p] == 1 && noLivelihood[p] == 1 && noSupporter[p] == 1 ? "all three" : "not all three")} → {(qualifies ? "destitute" : "not destitute")}"), eligible[p], "flag", _elderly.Source(region), _minor.Source(region));
                        if (qualifies)
                        {
                            explain.Record(program.Name, string.Create(c, $"basic living = max({_multiple[region]:0.##} × S/12 = {_multiple[region] * s / 12:0.00}, local amount {_amount[region]:0.00})"), basicAmount, "yuan/month", _multiple.Source(region), _amount.Source(region), _rules.StandardSource(population, h));
                            explain.Record(program.Name, string.Create(c, $"care ({selfCare[p]}) = {shares[(int)selfCare[p]]:0.##} × minimum wage {_wage[region]:0.00}; paid {(centralised[p] == 1 ? "to the institution (centralised support, in kind)" : "to the person (support at home)")}"), careAmount, "yuan/month", _careShares.Source(region), _wage.Source(region));
                        }
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
    }
}
