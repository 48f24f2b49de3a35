using System.Runtime.CompilerServices;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Subsidies;

/// <summary>
/// Yunhe county's nursing subsidy (云和县护理补贴) for disabled people and people with dementia in low-income
/// households, with its exclusion rules: a county rule paid by hukou, not a province-wide benefit.
/// </summary>
/// <remarks>
/// <para>Basis: Xi &amp; Abudurehman (2024) [P] (docs/rules/yunhe_nursing_subsidy.md). Eligibility requires <b>all</b> of:</para>
/// <list type="number">
/// <item>Yunhe hukou: the person's place of hukou registration lies within the county (by default
/// <see cref="RegionCodes.Yunhe"/>);</item>
/// <item>a dibao, low-income or income-marginal household: status 1 in any status variable (by default
/// <c>dibao.on_roll</c> and <c>dibao_marginal.on_roll</c>);</item>
/// <item>a disabled person (disability grade 1–4) or a person with dementia (flag 1 in the dementia column, when one
/// is given);</item>
/// <item><b>not</b> already receiving the living subsidy for disabled people in difficulty, the severe-disability
/// nursing subsidy or the elderly-care service subsidy: every exclusion variable is 0 for the person (by default the
/// outputs of <see cref="DisabilityLivingSubsidyProgram"/>, <see cref="SevereDisabilityNursingSubsidyProgram"/> and
/// <see cref="ElderlyCareServiceSubsidyProgram"/>).</item>
/// </list>
/// <para>The amount is unknown [I]. Because the subsidy follows the county hukou, <c>yunhe_nursing_subsidy.amount</c>
/// is resolved once at the county (where it is defined) and paid wherever the person lives. There is no province-wide
/// Zhejiang elderly nursing subsidy [P].</para>
/// </remarks>
public sealed class YunheNursingSubsidyProgram : RuleProgram
{
    /// <summary>Parameter: the monthly subsidy, defined at the county.</summary>
    public const string AmountParameter = "yunhe_nursing_subsidy.amount";

    /// <summary>Output: the subsidy, yuan per month (person).</summary>
    public static readonly VariableDefinition Amount = new("yunhe_nursing_subsidy.amount_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.DirectTransfer, "Yunhe county nursing subsidy, yuan per month");

    private readonly string[] _statusVariables;
    private readonly string[] _exclusions;
    private readonly string? _dementia;
    private readonly string _countyCode;

    /// <summary>Creates the subsidy with the default status and exclusion variables, without dementia data, for Yunhe county.</summary>
    public YunheNursingSubsidyProgram()
        : this(
            [DibaoProgram.OnRoll.Name, DibaoMarginalProgram.OnRoll.Name],
            [DisabilityLivingSubsidyProgram.Amount.Name, SevereDisabilityNursingSubsidyProgram.Amount.Name, ElderlyCareServiceSubsidyProgram.Amount.Name],
            null,
            RegionCodes.Yunhe)
    {
    }

    /// <summary>Creates the subsidy.</summary>
    /// <param name="lowIncomeStatusVariables">Household flags whose union is the dibao, low-income and marginal households.</param>
    /// <param name="exclusionVariables">Person variables; a value above 0 in any of them excludes the person.</param>
    /// <param name="dementiaColumn">An optional person column, 1 for dementia; <see langword="null"/> when the data have none.</param>
    /// <param name="countyCode">The GB/T 2260 code of the county whose hukou qualifies and where the amount is defined.</param>
    public YunheNursingSubsidyProgram(IEnumerable<string> lowIncomeStatusVariables, IEnumerable<string> exclusionVariables, string? dementiaColumn, string countyCode)
        : this(
            RuleArguments.StatusVariables(lowIncomeStatusVariables, nameof(lowIncomeStatusVariables)),
            RuleArguments.Check(exclusionVariables, nameof(exclusionVariables), allowEmpty: true),
            RuleArguments.Optional(dementiaColumn, nameof(dementiaColumn)),
            RuleArguments.Required(countyCode, nameof(countyCode)))
    {
    }

    private YunheNursingSubsidyProgram(string[] statusVariables, string[] exclusions, string? dementia, string countyCode)
        : base(
            "yunhe_nursing_subsidy",
            "Yunhe county nursing subsidy for disabled people or people with dementia in low-income households with Yunhe hukou, unless they receive the disability or elderly-care subsidies (illustrative amount).",
            inputs: [.. statusVariables, .. exclusions, .. dementia is null ? Array.Empty<string>() : [dementia]],
            outputs: [Amount],
            parameters: [AmountParameter])
    {
        _statusVariables = statusVariables;
        _exclusions = exclusions;
        _dementia = dementia;
        _countyCode = countyCode;
    }

    /// <inheritdoc />
    internal override bool WritesEveryRow => true;

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
    {
        var county = setup.Regions.GetId(_countyCode);
        return PerPerson<Rule, Rule.Block>(new Rule(this, county, setup.Parameters.Resolve(AmountParameter, setup.Date, county), setup.Regions));
    }

    private readonly struct Rule(YunheNursingSubsidyProgram program, RegionId county, ResolvedParameter amountSource, RegionCatalog catalog) : IPersonRule<Rule.Block>
    {
        private readonly double _amount = amountSource.PerMonth();
        private readonly string[] _statusVariables = program._statusVariables;
        private readonly string[] _exclusions = program._exclusions;
        private readonly string? _dementia = program._dementia;

        // Whether a hukou region lies within the county, by region index: one array read per person instead of a walk up the hierarchy.
        private readonly bool[] _inCounty = [.. Enumerable.Range(0, catalog.Count).Select(i => catalog.IsWithin(new RegionId((ushort)i), county))];

        public Block Bind(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            int firstPerson = start[context.FirstHousehold], endPerson = start[context.EndHousehold];

            // Only members with the county's hukou can qualify: a block without any (most blocks outside the county)
            // needs neither the roll nor the exclusions, whose columns are then not read (every flag stays false). An
            // explanation reports every flag, so a household calculation reads them all.
            bool anyInCounty = context.Explanation is not null;
            var hukou = population.HukouRegion;
            for (int p = firstPerson; p < endPerson && !anyInCounty; p++)
            {
                anyInCounty = _inCounty[hukou[p].Index];
            }

            string[] none = [];
            return new(
                context.FirstHousehold,
                firstPerson,
                BlockFlags.AnyHousehold(context, anyInCounty ? _statusVariables : none),
                BlockFlags.AnyPositivePerson(context, anyInCounty ? _exclusions : none),
                hukou,
                population.Disability,
                _dementia is null ? default : context.Read(_dementia),
                context.Write(Amount.Name));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Compute(ref Block block, in PersonRow person, Explanation? explanation)
        {
            int p = person.Index;
            bool lowIncome = block.LowIncome[person.Household - block.FirstHousehold];
            bool countyHukou = _inCounty[block.Hukou[p].Index];
            bool condition = block.Disability[p] != DisabilityGrade.None || (_dementia is not null && block.Dementia[p] == 1);
            bool excluded = block.Excluded[p - block.FirstPerson];
            bool qualifies = countyHukou && lowIncome && condition && !excluded;
            block.Amount[p] = qualifies ? _amount : 0.0;
            if (explanation is not null)
            {
                explanation.Record("yunhe_nursing_subsidy", StepText.Create($"member {person.Member}: county hukou {Yes(countyHukou)}; low-income household {Yes(lowIncome)}; disabled or dementia {Yes(condition)}; already receives an excluding subsidy {Yes(excluded)}"), block.Amount[p], "yuan/month", amountSource);
            }
        }

        public void Release(ref Block block)
        {
            BlockFlags.Return(block.LowIncome);
            BlockFlags.Return(block.Excluded);
        }

        private static string Yes(bool value) => value ? "yes" : "no";

        public readonly ref struct Block(int firstHousehold, int firstPerson, bool[] lowIncome, bool[] excluded, ReadOnlySpan<RegionId> hukou, ReadOnlySpan<DisabilityGrade> disability, ReadOnlySpan<double> dementia, Span<double> amount)
        {
            public readonly int FirstHousehold = firstHousehold;
            public readonly int FirstPerson = firstPerson;
            public readonly bool[] LowIncome = lowIncome;
            public readonly bool[] Excluded = excluded;
            public readonly ReadOnlySpan<RegionId> Hukou = hukou;
            public readonly ReadOnlySpan<DisabilityGrade> Disability = disability;
            public readonly ReadOnlySpan<double> Dementia = dementia;
            public readonly Span<double> Amount = amount;
        }
    }
}
