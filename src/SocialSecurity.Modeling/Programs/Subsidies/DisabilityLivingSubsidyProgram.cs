using System.Globalization;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Subsidies;

/// <summary>
/// Living subsidy for disabled people in difficulty (困难残疾人生活补贴): a flat monthly amount for every member with a
/// disability certificate in a dibao household.
/// </summary>
/// <remarks>
/// <para>Basis: the national "two subsidies" scheme for disabled people, in force from 1 January 2016 (State Council
/// 国发〔2015〕52号) [U: general knowledge, not among the sources listed in docs/rules/README.md#sources]; some provinces extend it to
/// dibao-marginal households (pass their flag as a status variable). Amounts are set by provinces and are unknown
/// [I: 100 yuan/month]. The subsidy is one of the benefits that exclude Yunhe's nursing subsidy (docs/rules/disability_living_subsidy.md).</para>
/// <para>Rule, per person: amount = <c>disability_living_subsidy.amount</c> yuan/month when the person's disability
/// grade is 1–4 and the household has status 1 in any status variable (by default <c>dibao.eligible</c>), else 0.</para>
/// </remarks>
public sealed class DisabilityLivingSubsidyProgram : PolicyProgram
{
    /// <summary>Parameter: the monthly subsidy.</summary>
    public const string AmountParameter = "disability_living_subsidy.amount";

    /// <summary>Output: the subsidy, yuan per month (person).</summary>
    public static readonly VariableDefinition Amount = new("disability_living_subsidy.amount_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.DirectTransfer, "Living subsidy for disabled people in difficulty, yuan per month");

    private readonly string[] _statusVariables;

    /// <summary>Creates the subsidy for disabled members of <see cref="DibaoProgram"/> households.</summary>
    public DisabilityLivingSubsidyProgram()
        : this([DibaoProgram.Eligible.Name])
    {
    }

    /// <summary>Creates the subsidy for disabled members of households flagged in any of <paramref name="statusVariables"/>.</summary>
    /// <param name="statusVariables">Household flags (for example <c>dibao.eligible</c> and <c>dibao_marginal.eligible</c>).</param>
    public DisabilityLivingSubsidyProgram(IEnumerable<string> statusVariables)
    {
        ArgumentNullException.ThrowIfNull(statusVariables);
        _statusVariables = statusVariables.Distinct(StringComparer.Ordinal).ToArray();
        if (_statusVariables.Length == 0 || _statusVariables.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one non-empty household status variable.", nameof(statusVariables));
        }

        Inputs = _statusVariables;
    }

    /// <inheritdoc />
    public override string Name => "disability_living_subsidy";

    /// <inheritdoc />
    public override string Description => "Living subsidy for certified disabled members of dibao households (national two-subsidies scheme from 2016; illustrative amount).";

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
        return new Pass(this, setup);
    }

    private sealed class Pass(DisabilityLivingSubsidyProgram program, ProgramSetup setup) : ProgramPass
    {
        private readonly RegionalValues _amount = setup.PerMonth(AmountParameter);

        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var disability = population.Disability;
            var amount = context.Write(Amount.Name);
            var statusFlags = BlockFlags.AnyHousehold(context, program._statusVariables);
            try
            {
                for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
                {
                    bool status = statusFlags[h - context.FirstHousehold];

                    var region = population.HouseholdRegion[h];
                    for (int p = start[h]; p < start[h + 1]; p++)
                    {
                        bool qualifies = status && disability[p] != DisabilityGrade.None;
                        amount[p] = qualifies ? _amount.ByRegion[region.Index] : 0.0;
                        if (context.Explanation is { } explain)
                        {
                            explain.Record(program.Name, string.Create(CultureInfo.InvariantCulture, $"member {p - start[h] + 1}: disability {disability[p]}, assistance household {(status ? "yes" : "no")}"), amount[p], "yuan/month", _amount.Source(region));
                        }
                    }
                }
            }
            finally
            {
                BlockFlags.Return(statusFlags);
            }
        }
    }
}
