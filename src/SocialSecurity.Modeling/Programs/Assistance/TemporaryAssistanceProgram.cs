using System.Globalization;
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
public sealed class TemporaryAssistanceProgram : PolicyProgram
{
    /// <summary>Parameter: months of the dibao standard paid per covered member.</summary>
    public const string MonthsOfStandard = "temporary_assistance.months_of_standard";

    /// <summary>Parameter: 1 when residents whose hukou is registered elsewhere are covered where they live.</summary>
    public const string CoversNonHukou = "temporary_assistance.covers_non_hukou";

    /// <summary>Input: person column, 1 when the person is hit by a sudden hardship that threatens basic living.</summary>
    public const string SuddenHardshipColumn = "person.sudden_hardship";

    /// <summary>Output: temporary assistance received in the year, yuan per year (household).</summary>
    public static readonly VariableDefinition Amount = new("temporary_assistance.amount_annual", Entity.Household, AmountPeriod.Year, IncomeRole.DirectTransfer, "Temporary assistance for sudden hardship, yuan in the year");

    /// <summary>Output: members of a household in sudden hardship left out because their hukou is elsewhere (household count).</summary>
    public static readonly VariableDefinition UncoveredPersons = new("temporary_assistance.uncovered_persons", Entity.Household, AmountPeriod.None, IncomeRole.None, "Members of a household in sudden hardship not covered because their hukou is registered elsewhere");

    /// <inheritdoc />
    public override string Name => "temporary_assistance";

    /// <inheritdoc />
    public override string Description => "Temporary assistance for sudden hardship (Decree 649 arts. 47-49); non-hukou residents covered where the local rule says so (Xinjiang).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; } = [SuddenHardshipColumn];

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } = [Amount, UncoveredPersons];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = [.. DibaoRules.StandardParameters, MonthsOfStandard, CoversNonHukou];

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new Pass(this, setup);
    }

    private sealed class Pass(TemporaryAssistanceProgram program, ProgramSetup setup) : ProgramPass
    {
        private readonly DibaoRules _rules = new(setup, withAssetTest: false);
        private readonly RegionalValues _months = setup.Scalar(MonthsOfStandard);
        private readonly RegionalValues _coversNonHukou = setup.Scalar(CoversNonHukou);
        private readonly Regions.RegionCatalog _catalog = setup.Regions;

        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var hukou = population.HukouRegion;
            var hardship = context.Read(SuddenHardshipColumn);
            var amount = context.Write(Amount.Name);
            var uncovered = context.Write(UncoveredPersons.Name);
            for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
            {
                bool hit = false;
                for (int p = start[h]; p < start[h + 1]; p++)
                {
                    hit |= hardship[p] == 1;
                }

                if (!hit)
                {
                    amount[h] = 0;
                    uncovered[h] = 0;
                    continue;
                }

                var region = population.HouseholdRegion[h];
                bool everyone = _coversNonHukou.ByRegion[region.Index] == 1;
                int covered = 0, left = 0;
                for (int p = start[h]; p < start[h + 1]; p++)
                {
                    bool local = _catalog.IsWithin(hukou[p], region) || _catalog.IsWithin(region, hukou[p]);
                    if (local || everyone)
                    {
                        covered++;
                    }
                    else
                    {
                        left++;
                    }
                }

                double s = _rules.AnnualStandard(population, h);
                amount[h] = covered * _months.ByRegion[region.Index] * s / 12.0;
                uncovered[h] = left;
                if (context.Explanation is { } explain)
                {
                    explain.Record(program.Name, string.Create(CultureInfo.InvariantCulture, $"sudden hardship; covered members {covered} (non-hukou residents {(everyone ? "covered" : "not covered")}, {left} left out); amount = {covered} × {_months[region]:0.##} × S/12 = {covered} × {_months[region]:0.##} × {s / 12:0.00}"), amount[h], "yuan/year", _months.Source(region), _coversNonHukou.Source(region), _rules.StandardSource(population, h));
                }
            }
        }
    }
}
