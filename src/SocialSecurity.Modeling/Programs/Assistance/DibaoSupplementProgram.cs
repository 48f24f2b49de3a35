using System.Globalization;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Assistance;

/// <summary>
/// Additional dibao amounts (分类施保) for members of dibao households who are elderly, minors, severely disabled or
/// seriously ill: a fixed share of the standard per such person, on top of the gap-filling benefit.
/// </summary>
/// <remarks>
/// <para>Legal basis: Decree 649 art. 12 requires extra measures for elderly people, minors, severely disabled and
/// seriously ill people in dibao households who remain in hardship [N]; the amount is local and unknown, so
/// <c>dibao_supplement.share_of_standard</c> is illustrative [I: 10% of <i>S</i> per person] (docs/rules/dibao_supplement.md).</para>
/// <para>Rule, per household with status 1 in the eligibility variable (by default <c>dibao.eligible</c> from
/// <see cref="DibaoProgram"/>): a member counts once if any of these holds: age ≥
/// <c>dibao_supplement.elderly_age</c>; age &lt; <c>dibao_supplement.minor_age</c>; disability grade 1 or 2; or,
/// when a serious-illness column is given, a value of 1 in it. Amount = counted members ×
/// share × <i>S</i>/12 yuan/month, with <i>S</i> the household's urban or rural standard.</para>
/// </remarks>
public sealed class DibaoSupplementProgram : PolicyProgram
{
    /// <summary>Parameter: the supplement per counted person as a share of the standard.</summary>
    public const string ShareOfStandard = "dibao_supplement.share_of_standard";

    /// <summary>Parameter: the age from which a member counts as elderly.</summary>
    public const string ElderlyAge = "dibao_supplement.elderly_age";

    /// <summary>Parameter: members younger than this count as minors.</summary>
    public const string MinorAge = "dibao_supplement.minor_age";

    /// <summary>Output: the supplement, yuan per month (household).</summary>
    public static readonly VariableDefinition Amount = new("dibao_supplement.amount_monthly", Entity.Household, AmountPeriod.Month, IncomeRole.DirectTransfer, "Dibao supplement for elderly, minor, severely disabled and seriously ill members, yuan per month");

    /// <summary>Output: the number of members the supplement counts (household).</summary>
    public static readonly VariableDefinition CountedPersons = new("dibao_supplement.persons", Entity.Household, AmountPeriod.None, IncomeRole.None, "Members counted for the dibao supplement");

    private readonly string _eligibility;
    private readonly string? _seriousIllness;

    /// <summary>Creates the supplement for <see cref="DibaoProgram"/> households, without serious-illness data.</summary>
    public DibaoSupplementProgram()
        : this(DibaoProgram.Eligible.Name, null)
    {
    }

    /// <summary>Creates the supplement.</summary>
    /// <param name="eligibilityVariable">The household flag that marks dibao households (for example <c>dibao_tiered.eligible</c>).</param>
    /// <param name="seriousIllnessColumn">An optional person column, 1 for a seriously ill member; <see langword="null"/> when the data have none (then serious illness is not counted).</param>
    public DibaoSupplementProgram(string eligibilityVariable, string? seriousIllnessColumn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eligibilityVariable);
        if (seriousIllnessColumn is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(seriousIllnessColumn);
        }

        _eligibility = eligibilityVariable;
        _seriousIllness = seriousIllnessColumn;
        Inputs = seriousIllnessColumn is null ? [eligibilityVariable] : [eligibilityVariable, seriousIllnessColumn];
    }

    /// <inheritdoc />
    public override string Name => "dibao_supplement";

    /// <inheritdoc />
    public override string Description => "Additional dibao amount per elderly, minor, severely disabled or seriously ill member of a dibao household (Decree 649 art. 12; illustrative share).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; }

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } = [Amount, CountedPersons];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = [.. DibaoRules.StandardParameters, ShareOfStandard, ElderlyAge, MinorAge];

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new Pass(this, setup);
    }

    private sealed class Pass(DibaoSupplementProgram program, ProgramSetup setup) : ProgramPass
    {
        private readonly DibaoRules _rules = new(setup, withAssetTest: false);
        private readonly RegionalValues _share = setup.Scalar(ShareOfStandard);
        private readonly RegionalValues _elderly = setup.Scalar(ElderlyAge);
        private readonly RegionalValues _minor = setup.Scalar(MinorAge);

        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var age = population.Age;
            var disability = population.Disability;
            var status = context.Read(program._eligibility);
            var ill = program._seriousIllness is null ? default : context.Read(program._seriousIllness);
            bool hasIllness = program._seriousIllness is not null;
            var amount = context.Write(Amount.Name);
            var counted = context.Write(CountedPersons.Name);
            for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
            {
                if (status[h] != 1)
                {
                    amount[h] = 0;
                    counted[h] = 0;
                    continue;
                }

                int r = population.HouseholdRegion[h].Index;
                int count = 0;
                for (int p = start[h]; p < start[h + 1]; p++)
                {
                    bool qualifies = age[p] >= _elderly.ByRegion[r] || age[p] < _minor.ByRegion[r]
                        || disability[p] is DisabilityGrade.Grade1 or DisabilityGrade.Grade2
                        || (hasIllness && ill[p] == 1);
                    count += qualifies ? 1 : 0;
                }

                double s = _rules.AnnualStandard(population, h);
                counted[h] = count;
                amount[h] = count * _share.ByRegion[r] * s / 12.0;
                if (context.Explanation is { } explain)
                {
                    var region = population.HouseholdRegion[h];
                    explain.Record(program.Name, string.Create(CultureInfo.InvariantCulture, $"members aged ≥ {_elderly[region]:0} or < {_minor[region]:0}, severely disabled (grade 1–2){(hasIllness ? " or seriously ill" : string.Empty)}: {count}"), count, "persons", _elderly.Source(region), _minor.Source(region));
                    explain.Record(program.Name, string.Create(CultureInfo.InvariantCulture, $"supplement = {count} × {_share[region]:0.###} × S/12 = {count} × {_share[region]:0.###} × {s / 12:0.00}"), amount[h], "yuan/month", _share.Source(region), _rules.StandardSource(population, h));
                }
            }
        }
    }
}
