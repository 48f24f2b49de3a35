using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Assistance;

/// <summary>
/// Temporary assistance (临时救助) for households in sudden hardship, with the rule on residents whose hukou is
/// registered elsewhere.
/// </summary>
/// <remarks>
/// <para>Legal basis: Decree 649 arts. 47–49 [N]: temporary assistance for families or persons whose basic living is
/// threatened by fire, traffic accident, sudden serious illness or other sudden hardship. Xinjiang's township reserve
/// funds also cover residents without local hukou [P]; Yangzhou has a dedicated fund [P] (docs/rules/temporary_assistance.md).</para>
/// <para>Rule, per household: it is in sudden hardship when any member has 1 in the person column
/// <see cref="SuddenHardshipColumn"/> (the data's flag for a sudden event that threatens basic living). A member is
/// <i>covered</i> when the place of hukou registration and the place of residence are the same area (one lies within
/// the other in the region tree), or when <c>temporary_assistance.covers_non_hukou</c> is 1 where the household lives.
/// Amount = covered members × <c>temporary_assistance.months_of_standard</c> [I: 3] × <i>S</i>/12, once in the
/// year (annual output); members not covered are counted in <see cref="UncoveredPersons"/>.</para>
/// </remarks>
public sealed class TemporaryAssistanceProgram()
    : RuleProgram(
        "temporary_assistance",
        "Temporary assistance for sudden hardship (Decree 649 arts. 47-49); non-hukou residents covered where the local rule says so (Xinjiang).",
        inputs: [SuddenHardshipColumn],
        outputs: [Amount, UncoveredPersons],
        parameters: [.. DibaoRules.StandardParameters, MonthsOfStandard, CoversNonHukou])
{
    /// <summary>Parameter: months of the dibao standard paid per covered member.</summary>
    public const string MonthsOfStandard = "temporary_assistance.months_of_standard";

    /// <summary>Parameter: 1 when residents whose hukou is registered elsewhere are covered where they live.</summary>
    public const string CoversNonHukou = "temporary_assistance.covers_non_hukou";

    /// <summary>Input: person column, 1 when the person is hit by a sudden hardship that threatens basic living.</summary>
    public const string SuddenHardshipColumn = "person.sudden_hardship";

    /// <summary>The declaration of <see cref="SuddenHardshipColumn"/>: a person flag, checked when the population is built.</summary>
    public static readonly ColumnDefinition SuddenHardship = ColumnDefinition.Flag(SuddenHardshipColumn, Entity.Person, "The person is hit by a sudden hardship that threatens basic living");

    /// <summary>Output: temporary assistance received in the year, yuan per year (household).</summary>
    public static readonly VariableDefinition Amount = new("temporary_assistance.amount_annual", Entity.Household, AmountPeriod.Year, IncomeRole.DirectTransfer, "Temporary assistance for sudden hardship, yuan in the year");

    /// <summary>Output: members of a household in sudden hardship left out because their hukou is elsewhere (household count).</summary>
    public static readonly VariableDefinition UncoveredPersons = new("temporary_assistance.uncovered_persons", Entity.Household, AmountPeriod.None, IncomeRole.None, "Members of a household in sudden hardship not covered because their hukou is registered elsewhere");

    /// <inheritdoc />
    public override IReadOnlyList<ColumnDefinition> InputColumns { get; } = [SuddenHardship];

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
        => PerHousehold<Rule, Rule.Block>(new Rule(new DibaoRules(setup, withAssetTest: false), setup.Scalar(MonthsOfStandard), setup.Scalar(CoversNonHukou), setup.Regions));

    private readonly struct Rule(DibaoRules rules, RegionalValues months, RegionalValues coversNonHukou, Regions.RegionCatalog catalog) : IHouseholdRule<Rule.Block>
    {
        public Block Bind(ProgramContext context)
            => new(rules.Bind(context.Population), context.Population, context.Read(SuddenHardshipColumn), context.Write(Amount.Name), context.Write(UncoveredPersons.Name));

        public void Compute(ref Block block, in HouseholdRow household, Explanation? explanation)
        {
            int h = household.Index;
            bool hit = false;
            for (int p = household.FirstMember; p < household.EndMember; p++)
            {
                hit |= block.Hardship[p] == 1;
            }

            if (!hit)
            {
                block.Amount[h] = 0;
                block.Uncovered[h] = 0;
                return;
            }

            var region = household.Region;
            var hukou = block.Population.HukouRegion;
            bool everyone = coversNonHukou.ByRegion[region.Index] == 1;
            int covered = 0, left = 0;
            for (int p = household.FirstMember; p < household.EndMember; p++)
            {
                bool local = catalog.IsWithin(hukou[p], region) || catalog.IsWithin(region, hukou[p]);
                if (local || everyone)
                {
                    covered++;
                }
                else
                {
                    left++;
                }
            }

            double s = block.Rules.AnnualStandard(h);
            block.Amount[h] = covered * months.ByRegion[region.Index] * s / 12.0;
            block.Uncovered[h] = left;
            explanation?.Record("temporary_assistance", StepText.Create($"sudden hardship; covered members {covered} (non-hukou residents {(everyone ? "covered" : "not covered")}, {left} left out); amount = {covered} × {months[region]:0.##} × S/12 = {covered} × {months[region]:0.##} × {s / 12:0.00}"), block.Amount[h], "yuan/year", months.Source(region), coversNonHukou.Source(region), rules.StandardSource(block.Population, h));
        }

        public readonly ref struct Block(DibaoRules bound, Population population, ReadOnlySpan<double> hardship, Span<double> amount, Span<double> uncovered)
        {
            public readonly DibaoRules Rules = bound;
            public readonly Population Population = population;
            public readonly ReadOnlySpan<double> Hardship = hardship;
            public readonly Span<double> Amount = amount;
            public readonly Span<double> Uncovered = uncovered;
        }
    }
}
