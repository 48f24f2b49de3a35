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
/// <para>Rule, per household with status 1 in the eligibility variable (by default <c>dibao.on_roll</c> from
/// <see cref="DibaoProgram"/>): a member counts once if any of these holds: age ≥
/// <c>dibao_supplement.elderly_age</c>; age &lt; <c>dibao_supplement.minor_age</c>; disability grade 1 or 2; or,
/// when a serious-illness column is given, a value of 1 in it. Amount = counted members ×
/// share × <i>S</i>/12 yuan/month, with <i>S</i> the household's urban or rural standard.</para>
/// </remarks>
public sealed class DibaoSupplementProgram : RuleProgram
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
        : this(DibaoProgram.OnRoll.Name, null)
    {
    }

    /// <summary>Creates the supplement.</summary>
    /// <param name="eligibilityVariable">The household flag that marks dibao households (for example <c>dibao_tiered.on_roll</c>).</param>
    /// <param name="seriousIllnessColumn">An optional person column, 1 for a seriously ill member; <see langword="null"/> when the data have none (then serious illness is not counted).</param>
    public DibaoSupplementProgram(string eligibilityVariable, string? seriousIllnessColumn)
        : base(
            "dibao_supplement",
            "Additional dibao amount per elderly, minor, severely disabled or seriously ill member of a dibao household (Decree 649 art. 12; illustrative share).",
            inputs: RuleArguments.Optional(seriousIllnessColumn, nameof(seriousIllnessColumn)) is null
                ? [RuleArguments.Required(eligibilityVariable, nameof(eligibilityVariable))]
                : [RuleArguments.Required(eligibilityVariable, nameof(eligibilityVariable)), seriousIllnessColumn!],
            outputs: [Amount, CountedPersons],
            parameters: [.. DibaoRules.StandardParameters, ShareOfStandard, ElderlyAge, MinorAge])
    {
        _eligibility = eligibilityVariable;
        _seriousIllness = seriousIllnessColumn;
    }

    /// <inheritdoc />
    internal override bool WritesEveryRow => true;

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
        => PerHousehold<Rule, Rule.Block>(new Rule(_eligibility, _seriousIllness, new DibaoRules(setup, withAssetTest: false), setup.Scalar(ShareOfStandard), setup.Scalar(ElderlyAge), setup.Scalar(MinorAge)));

    private readonly struct Rule(string eligibility, string? seriousIllness, DibaoRules rules, RegionalValues share, RegionalValues elderly, RegionalValues minor) : IHouseholdRule<Rule.Block>
    {
        public Block Bind(ProgramContext context)
            => new(rules.Bind(context.Population), context.Population, context.Read(eligibility), seriousIllness is null ? default : context.Read(seriousIllness), context.Write(Amount.Name), context.Write(CountedPersons.Name));

        public void Compute(ref Block block, in HouseholdRow household, Explanation? explanation)
        {
            int h = household.Index;
            if (block.Status[h] != 1)
            {
                block.Amount[h] = 0;
                block.Counted[h] = 0;
                return;
            }

            int r = household.Region.Index;
            bool hasIllness = seriousIllness is not null;
            var age = block.Population.Age;
            var disability = block.Population.Disability;
            int count = 0;
            for (int p = household.FirstMember; p < household.EndMember; p++)
            {
                bool qualifies = age[p] >= elderly.ByRegion[r] || age[p] < minor.ByRegion[r]
                    || disability[p] is DisabilityGrade.Grade1 or DisabilityGrade.Grade2
                    || (hasIllness && block.Ill[p] == 1);
                count += qualifies ? 1 : 0;
            }

            double s = block.Rules.AnnualStandard(h);
            block.Counted[h] = count;
            block.Amount[h] = count * share.ByRegion[r] * s / 12.0;
            if (explanation is not null)
            {
                var region = household.Region;
                explanation.Record("dibao_supplement", StepText.Create($"members aged ≥ {elderly[region]:0} or < {minor[region]:0}, severely disabled (grade 1–2){(hasIllness ? " or seriously ill" : string.Empty)}: {count}"), count, "persons", elderly.Source(region), minor.Source(region));
                explanation.Record("dibao_supplement", StepText.Create($"supplement = {count} × {share[region]:0.###} × S/12 = {count} × {share[region]:0.###} × {s / 12:0.00}"), block.Amount[h], "yuan/month", share.Source(region), rules.StandardSource(block.Population, h));
            }
        }

        public readonly ref struct Block(DibaoRules bound, Population population, ReadOnlySpan<double> status, ReadOnlySpan<double> ill, Span<double> amount, Span<double> counted)
        {
            public readonly DibaoRules Rules = bound;
            public readonly Population Population = population;
            public readonly ReadOnlySpan<double> Status = status;
            public readonly ReadOnlySpan<double> Ill = ill;
            public readonly Span<double> Amount = amount;
            public readonly Span<double> Counted = counted;
        }
    }
}
