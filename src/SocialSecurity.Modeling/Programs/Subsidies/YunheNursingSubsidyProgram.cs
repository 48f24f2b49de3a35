using System.Globalization;
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
/// <c>dibao.eligible</c> and <c>dibao_marginal.eligible</c>);</item>
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
public sealed class YunheNursingSubsidyProgram : PolicyProgram
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
            [DibaoProgram.Eligible.Name, DibaoMarginalProgram.Eligible.Name],
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
    {
        ArgumentNullException.ThrowIfNull(lowIncomeStatusVariables);
        ArgumentNullException.ThrowIfNull(exclusionVariables);
        ArgumentException.ThrowIfNullOrWhiteSpace(countyCode);
        _statusVariables = lowIncomeStatusVariables.Distinct(StringComparer.Ordinal).ToArray();
        _exclusions = exclusionVariables.Distinct(StringComparer.Ordinal).ToArray();
        if (_statusVariables.Length == 0 || _statusVariables.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one non-empty household status variable.", nameof(lowIncomeStatusVariables));
        }

        if (_exclusions.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Exclusion variable names cannot be empty.", nameof(exclusionVariables));
        }

        if (dementiaColumn is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(dementiaColumn);
        }

        _dementia = dementiaColumn;
        _countyCode = countyCode;
        Inputs = [.. _statusVariables, .. _exclusions, .. dementiaColumn is null ? Array.Empty<string>() : [dementiaColumn]];
    }

    /// <inheritdoc />
    public override string Name => "yunhe_nursing_subsidy";

    /// <inheritdoc />
    public override string Description => "Yunhe county nursing subsidy for disabled people or people with dementia in low-income households with Yunhe hukou, unless they receive the disability or elderly-care subsidies (illustrative amount).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; }

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } = [Amount];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = [AmountParameter];

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var county = setup.Regions.GetId(_countyCode);
        return new Pass(this, county, setup.Parameters.Resolve(AmountParameter, setup.Date, county), setup.Regions);
    }

    private sealed class Pass(YunheNursingSubsidyProgram program, RegionId county, ResolvedParameter amountSource, RegionCatalog catalog) : ProgramPass
    {
        private readonly double _amount = amountSource.PerMonth();

        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var hukou = population.HukouRegion;
            var disability = population.Disability;
            var dementia = program._dementia is null ? default : context.Read(program._dementia);
            bool hasDementia = program._dementia is not null;
            var amount = context.Write(Amount.Name);
            int first = context.FirstHousehold, firstPerson = start[first];
            var lowIncomeFlags = BlockFlags.AnyHousehold(context, program._statusVariables);
            var excludedFlags = BlockFlags.AnyPositivePerson(context, program._exclusions);
            try
            {
                for (int h = first; h < context.EndHousehold; h++)
                {
                    bool lowIncome = lowIncomeFlags[h - first];
                    for (int p = start[h]; p < start[h + 1]; p++)
                    {
                        bool countyHukou = catalog.IsWithin(hukou[p], county);
                        bool condition = disability[p] != DisabilityGrade.None || (hasDementia && dementia[p] == 1);
                        bool excluded = excludedFlags[p - firstPerson];
                        bool qualifies = countyHukou && lowIncome && condition && !excluded;
                        amount[p] = qualifies ? _amount : 0.0;
                        if (context.Explanation is { } explain)
                        {
                            explain.Record(program.Name, string.Create(CultureInfo.InvariantCulture, $"member {p - start[h] + 1}: county hukou {Yes(countyHukou)}; low-income household {Yes(lowIncome)}; disabled or dementia {Yes(condition)}; already receives an excluding subsidy {Yes(excluded)}"), amount[p], "yuan/month", amountSource);
                        }
                    }
                }
            }
            finally
            {
                BlockFlags.Return(lowIncomeFlags);
                BlockFlags.Return(excludedFlags);
            }
        }

        private static string Yes(bool value) => value ? "yes" : "no";
    }
}
