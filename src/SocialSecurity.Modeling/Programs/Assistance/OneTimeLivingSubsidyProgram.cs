using System.Globalization;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Assistance;

/// <summary>
/// One-time living subsidy (一次性生活补贴) to assistance households: a lump sum per member, expressed in months of the
/// dibao standard.
/// </summary>
/// <remarks>
/// <para>Basis: Zhejiang paid 388 million yuan of one-time living subsidies in 2022 [P]; the per-head rule is unknown
/// (docs/rules/one_time_living_subsidy.md). <c>one_time_living_subsidy.months_of_standard</c> is illustrative: 1 month of <i>S</i> per member in
/// Zhejiang for 2022 [I] and 0 elsewhere and in other years (no rule loaded) [I].</para>
/// <para>Rule: a household with status 1 in any of the status variables (by default <c>dibao.eligible</c>) receives
/// <i>n</i> × months × <i>S</i>/12 yuan, once in the year; the output is an annual amount.</para>
/// </remarks>
public sealed class OneTimeLivingSubsidyProgram : PolicyProgram
{
    /// <summary>Parameter: months of the dibao standard paid per member.</summary>
    public const string MonthsOfStandard = "one_time_living_subsidy.months_of_standard";

    /// <summary>Output: the one-time subsidy received in the year, yuan per year (household).</summary>
    public static readonly VariableDefinition Amount = new("one_time_living_subsidy.amount_annual", Entity.Household, AmountPeriod.Year, IncomeRole.DirectTransfer, "One-time living subsidy to assistance households, yuan in the year");

    private readonly string[] _statusVariables;

    /// <summary>Creates the subsidy for <see cref="DibaoProgram"/> households.</summary>
    public OneTimeLivingSubsidyProgram()
        : this([DibaoProgram.Eligible.Name])
    {
    }

    /// <summary>Creates the subsidy for households flagged in any of <paramref name="statusVariables"/>.</summary>
    /// <param name="statusVariables">Household flags (for example <c>dibao.eligible</c> and <c>dibao_marginal.eligible</c>).</param>
    public OneTimeLivingSubsidyProgram(IEnumerable<string> statusVariables)
    {
        _statusVariables = DibaoRules.CheckNames(statusVariables, nameof(statusVariables));
        Inputs = _statusVariables;
    }

    /// <inheritdoc />
    public override string Name => "one_time_living_subsidy";

    /// <inheritdoc />
    public override string Description => "One-time living subsidy to assistance households: members × months × the monthly dibao standard (illustrative rule; Zhejiang 2022).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; }

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } = [Amount];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = [.. DibaoRules.StandardParameters, MonthsOfStandard];

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new Pass(this, setup);
    }

    private sealed class Pass(OneTimeLivingSubsidyProgram program, ProgramSetup setup) : ProgramPass
    {
        private readonly DibaoRules _rules = new(setup, withAssetTest: false);
        private readonly RegionalValues _months = setup.Scalar(MonthsOfStandard);

        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var amount = context.Write(Amount.Name);
            amount[context.FirstHousehold..context.EndHousehold].Clear();
            foreach (var name in program._statusVariables)
            {
                var status = context.Read(name);
                for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
                {
                    if (status[h] == 1 && amount[h] == 0)
                    {
                        int n = start[h + 1] - start[h];
                        amount[h] = n * _months.ByRegion[population.HouseholdRegion[h].Index] * _rules.AnnualStandard(population, h) / 12.0;
                    }
                }
            }

            if (context.Explanation is { } explain)
            {
                for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
                {
                    var region = population.HouseholdRegion[h];
                    explain.Record(program.Name, amount[h] > 0
                        ? string.Create(CultureInfo.InvariantCulture, $"one-time subsidy = n × months × S/12 = {start[h + 1] - start[h]} × {_months[region]:0.##} × {_rules.AnnualStandard(population, h) / 12:0.00}")
                        : string.Create(CultureInfo.InvariantCulture, $"one-time subsidy = 0 (not an assistance household, or {_months[region]:0.##} months in force)"), amount[h], "yuan/year", _months.Source(region));
                }
            }
        }
    }
}
