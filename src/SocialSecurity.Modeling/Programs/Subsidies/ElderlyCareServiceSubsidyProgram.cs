using System.Runtime.CompilerServices;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Subsidies;

/// <summary>
/// Elderly-care service subsidy (养老服务补贴) for older members of low-income households with hukou in the paying
/// province: a larger amount for those who cannot look after themselves or have dementia, a smaller one for the
/// oldest who can. Paid as care services, so it is an in-kind transfer.
/// </summary>
/// <remarks>
/// <para>Basis: Zhejiang's 2021 subsidy [P] for Zhejiang-hukou members of low-income households aged 60+ and disabled
/// (失能) or with dementia, or aged 80+ and self-caring; amounts unknown [I: 200 and 100 yuan/month] (docs/rules/elderly_care_service_subsidy.md).
/// Elsewhere no subsidy is loaded (amounts 0 [I], structural zeros).</para>
/// <para>Rule, per person in a household with status 1 in any status variable (by default <c>dibao.on_roll</c> and
/// <c>dibao_marginal.on_roll</c>: the low-income households), whose hukou lies in the province where the household
/// lives:</para>
/// <list type="bullet">
/// <item>age ≥ <c>elderly_care_service_subsidy.impaired_min_age</c> and (self-care partly or fully unable, or dementia
/// flag 1 when a dementia column is given) → <c>elderly_care_service_subsidy.impaired_amount</c>;</item>
/// <item>otherwise age ≥ <c>elderly_care_service_subsidy.oldest_min_age</c> and self-caring →
/// <c>elderly_care_service_subsidy.oldest_amount</c>;</item>
/// <item>otherwise 0.</item>
/// </list>
/// </remarks>
public sealed class ElderlyCareServiceSubsidyProgram : RuleProgram
{
    /// <summary>Parameter: the monthly amount for older people who cannot look after themselves or have dementia.</summary>
    public const string ImpairedAmount = "elderly_care_service_subsidy.impaired_amount";

    /// <summary>Parameter: the monthly amount for the oldest who look after themselves.</summary>
    public const string OldestAmount = "elderly_care_service_subsidy.oldest_amount";

    /// <summary>Parameter: the minimum age for the impaired amount.</summary>
    public const string ImpairedMinAge = "elderly_care_service_subsidy.impaired_min_age";

    /// <summary>Parameter: the minimum age for the oldest amount.</summary>
    public const string OldestMinAge = "elderly_care_service_subsidy.oldest_min_age";

    /// <summary>A conventional name for a dementia person column (1 = diagnosed dementia), for use with the two-argument constructor.</summary>
    public const string DementiaColumn = "person.dementia";

    /// <summary>Output: the subsidy, yuan per month (person, in kind).</summary>
    public static readonly VariableDefinition Amount = new("elderly_care_service_subsidy.amount_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.InKindTransfer, "Elderly-care service subsidy for older members of low-income households, yuan per month (services)");

    private readonly string[] _statusVariables;
    private readonly string? _dementia;

    /// <summary>Creates the subsidy for dibao and dibao-marginal households, without dementia data.</summary>
    public ElderlyCareServiceSubsidyProgram()
        : this([DibaoProgram.OnRoll.Name, DibaoMarginalProgram.OnRoll.Name], null)
    {
    }

    /// <summary>Creates the subsidy.</summary>
    /// <param name="lowIncomeStatusVariables">Household flags whose union is the low-income households.</param>
    /// <param name="dementiaColumn">An optional person column, 1 for dementia (for example <see cref="DementiaColumn"/>); <see langword="null"/> when the data have none.</param>
    public ElderlyCareServiceSubsidyProgram(IEnumerable<string> lowIncomeStatusVariables, string? dementiaColumn)
        : this(RuleArguments.StatusVariables(lowIncomeStatusVariables, nameof(lowIncomeStatusVariables)), RuleArguments.Optional(dementiaColumn, nameof(dementiaColumn)))
    {
    }

    private ElderlyCareServiceSubsidyProgram(string[] statusVariables, string? dementia)
        : base(
            "elderly_care_service_subsidy",
            "Elderly-care service subsidy for older members of low-income households with provincial hukou (Zhejiang 2021 [P]; illustrative amounts).",
            inputs: dementia is null ? statusVariables : [.. statusVariables, dementia],
            outputs: [Amount],
            parameters: [ImpairedAmount, OldestAmount, ImpairedMinAge, OldestMinAge])
    {
        _statusVariables = statusVariables;
        _dementia = dementia;
    }

    /// <inheritdoc />
    internal override bool WritesEveryRow => true;

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
        => PerPerson<Rule, Rule.Block>(new Rule(this, setup));

    private readonly struct Rule(ElderlyCareServiceSubsidyProgram program, ProgramSetup setup) : IPersonRule<Rule.Block>
    {
        private readonly RegionalValues _impaired = setup.PerMonth(ImpairedAmount);
        private readonly RegionalValues _oldest = setup.PerMonth(OldestAmount);
        private readonly RegionalValues _impairedAge = setup.Scalar(ImpairedMinAge);
        private readonly RegionalValues _oldestAge = setup.Scalar(OldestMinAge);
        private readonly RegionId[] _province = HukouRules.Provinces(setup);
        private readonly RegionCatalog _catalog = setup.Regions;
        private readonly string[] _statusVariables = program._statusVariables;
        private readonly string? _dementia = program._dementia;

        public Block Bind(ProgramContext context)
        {
            var population = context.Population;
            return new(
                context.FirstHousehold,
                BlockFlags.AnyHousehold(context, _statusVariables),
                population.Age,
                population.SelfCare,
                population.HukouRegion,
                _dementia is null ? default : context.Read(_dementia),
                context.Write(Amount.Name));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Compute(ref Block block, in PersonRow person, Explanation? explanation)
        {
            int p = person.Index;
            if (!block.LowIncome[person.Household - block.FirstHousehold])
            {
                block.Amount[p] = 0.0;
                return;
            }

            int r = person.Region.Index;
            bool localHukou = _catalog.IsWithin(block.Hukou[p], _province[r]);
            bool impaired = block.SelfCare[p] != SelfCareAbility.Able || (_dementia is not null && block.Dementia[p] == 1);
            int age = block.Age[p];
            block.Amount[p] = !localHukou ? 0.0
                : age >= _impairedAge.ByRegion[r] && impaired ? _impaired.ByRegion[r]
                : age >= _oldestAge.ByRegion[r] && !impaired ? _oldest.ByRegion[r]
                : 0.0;
            if (explanation is not null)
            {
                explanation.Record("elderly_care_service_subsidy", StepText.Create($"member {person.Member}: low-income household; provincial hukou {(localHukou ? "yes" : "no")}; age {age}; {(impaired ? "disabled (失能) or dementia" : "self-caring")}"), block.Amount[p], "yuan/month", _impaired.Source(person.Region), _oldest.Source(person.Region), _impairedAge.Source(person.Region), _oldestAge.Source(person.Region));
            }
        }

        public void Release(ref Block block) => BlockFlags.Return(block.LowIncome);

        public readonly ref struct Block(int firstHousehold, bool[] lowIncome, ReadOnlySpan<byte> age, ReadOnlySpan<SelfCareAbility> selfCare, ReadOnlySpan<RegionId> hukou, ReadOnlySpan<double> dementia, Span<double> amount)
        {
            public readonly int FirstHousehold = firstHousehold;
            public readonly bool[] LowIncome = lowIncome;
            public readonly ReadOnlySpan<byte> Age = age;
            public readonly ReadOnlySpan<SelfCareAbility> SelfCare = selfCare;
            public readonly ReadOnlySpan<RegionId> Hukou = hukou;
            public readonly ReadOnlySpan<double> Dementia = dementia;
            public readonly Span<double> Amount = amount;
        }
    }
}
