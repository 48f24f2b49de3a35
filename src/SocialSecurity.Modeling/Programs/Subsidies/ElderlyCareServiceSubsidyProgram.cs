using System.Globalization;
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
/// <para>Rule, per person in a household with status 1 in any status variable (by default <c>dibao.eligible</c> and
/// <c>dibao_marginal.eligible</c>: the low-income households), whose hukou lies in the province where the household
/// lives:</para>
/// <list type="bullet">
/// <item>age ≥ <c>elderly_care_service_subsidy.impaired_min_age</c> and (self-care partly or fully unable, or dementia
/// flag 1 when a dementia column is given) → <c>elderly_care_service_subsidy.impaired_amount</c>;</item>
/// <item>otherwise age ≥ <c>elderly_care_service_subsidy.oldest_min_age</c> and self-caring →
/// <c>elderly_care_service_subsidy.oldest_amount</c>;</item>
/// <item>otherwise 0.</item>
/// </list>
/// </remarks>
public sealed class ElderlyCareServiceSubsidyProgram : PolicyProgram
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
        : this([DibaoProgram.Eligible.Name, DibaoMarginalProgram.Eligible.Name], null)
    {
    }

    /// <summary>Creates the subsidy.</summary>
    /// <param name="lowIncomeStatusVariables">Household flags whose union is the low-income households.</param>
    /// <param name="dementiaColumn">An optional person column, 1 for dementia (for example <see cref="DementiaColumn"/>); <see langword="null"/> when the data have none.</param>
    public ElderlyCareServiceSubsidyProgram(IEnumerable<string> lowIncomeStatusVariables, string? dementiaColumn)
    {
        ArgumentNullException.ThrowIfNull(lowIncomeStatusVariables);
        _statusVariables = lowIncomeStatusVariables.Distinct(StringComparer.Ordinal).ToArray();
        if (_statusVariables.Length == 0 || _statusVariables.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one non-empty household status variable.", nameof(lowIncomeStatusVariables));
        }

        if (dementiaColumn is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(dementiaColumn);
        }

        _dementia = dementiaColumn;
        Inputs = dementiaColumn is null ? _statusVariables : [.. _statusVariables, dementiaColumn];
    }

    /// <inheritdoc />
    public override string Name => "elderly_care_service_subsidy";

    /// <inheritdoc />
    public override string Description => "Elderly-care service subsidy for older members of low-income households with provincial hukou (Zhejiang 2021 [P]; illustrative amounts).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; }

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } = [Amount];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = [ImpairedAmount, OldestAmount, ImpairedMinAge, OldestMinAge];

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new Pass(this, setup);
    }

    private sealed class Pass(ElderlyCareServiceSubsidyProgram program, ProgramSetup setup) : ProgramPass
    {
        private readonly RegionalValues _impaired = setup.PerMonth(ImpairedAmount);
        private readonly RegionalValues _oldest = setup.PerMonth(OldestAmount);
        private readonly RegionalValues _impairedAge = setup.Scalar(ImpairedMinAge);
        private readonly RegionalValues _oldestAge = setup.Scalar(OldestMinAge);
        private readonly RegionId[] _province = HukouRules.Provinces(setup);
        private readonly RegionCatalog _catalog = setup.Regions;

        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var age = population.Age;
            var selfCare = population.SelfCare;
            var hukou = population.HukouRegion;
            var dementia = program._dementia is null ? default : context.Read(program._dementia);
            bool hasDementia = program._dementia is not null;
            var amount = context.Write(Amount.Name);
            int first = context.FirstHousehold, end = context.EndHousehold;
            amount[start[first]..start[end]].Clear();
            var lowIncomeFlags = BlockFlags.AnyHousehold(context, program._statusVariables);
            try
            {
                for (int h = first; h < end; h++)
                {
                    if (!lowIncomeFlags[h - first])
                    {
                        continue;
                    }

                    var region = population.HouseholdRegion[h];
                    int r = region.Index;
                    for (int p = start[h]; p < start[h + 1]; p++)
                    {
                        bool localHukou = _catalog.IsWithin(hukou[p], _province[r]);
                        bool impaired = selfCare[p] != SelfCareAbility.Able || (hasDementia && dementia[p] == 1);
                        amount[p] = !localHukou ? 0.0
                            : age[p] >= _impairedAge.ByRegion[r] && impaired ? _impaired.ByRegion[r]
                            : age[p] >= _oldestAge.ByRegion[r] && !impaired ? _oldest.ByRegion[r]
                            : 0.0;
                        if (context.Explanation is { } explain)
                        {
                            explain.Record(program.Name, string.Create(CultureInfo.InvariantCulture, $"member {p - start[h] + 1}: low-income household; provincial hukou {(localHukou ? "yes" : "no")}; age {age[p]}; {(impaired ? "disabled (失能) or dementia" : "self-caring")}"), amount[p], "yuan/month", _impaired.Source(region), _oldest.Source(region), _impairedAge.Source(region), _oldestAge.Source(region));
                        }
                    }
                }
            }
            finally
            {
                BlockFlags.Return(lowIncomeFlags);
            }
        }
    }
}
