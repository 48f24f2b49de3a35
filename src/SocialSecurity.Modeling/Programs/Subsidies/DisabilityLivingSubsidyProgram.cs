using System.Runtime.CompilerServices;
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
/// grade is 1–4 and the household has status 1 in any status variable (by default <c>dibao.on_roll</c>), else 0.</para>
/// </remarks>
public sealed class DisabilityLivingSubsidyProgram : RuleProgram
{
    /// <summary>Parameter: the monthly subsidy.</summary>
    public const string AmountParameter = "disability_living_subsidy.amount";

    /// <summary>Output: the subsidy, yuan per month (person).</summary>
    public static readonly VariableDefinition Amount = new("disability_living_subsidy.amount_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.DirectTransfer, "Living subsidy for disabled people in difficulty, yuan per month");

    /// <summary>Creates the subsidy for disabled members of <see cref="DibaoProgram"/> households.</summary>
    public DisabilityLivingSubsidyProgram()
        : this([DibaoProgram.OnRoll.Name])
    {
    }

    /// <summary>Creates the subsidy for disabled members of households flagged in any of <paramref name="statusVariables"/>.</summary>
    /// <param name="statusVariables">Household flags (for example <c>dibao.on_roll</c> and <c>dibao_marginal.on_roll</c>).</param>
    public DisabilityLivingSubsidyProgram(IEnumerable<string> statusVariables)
        : base(
            "disability_living_subsidy",
            "Living subsidy for certified disabled members of dibao households (national two-subsidies scheme from 2016; illustrative amount).",
            inputs: RuleArguments.StatusVariables(statusVariables, nameof(statusVariables)),
            outputs: [Amount],
            parameters: [AmountParameter])
    {
    }

    /// <inheritdoc />
    internal override bool WritesEveryRow => true;

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
        => PerPerson<Rule, Rule.Block>(new Rule(Inputs, setup.PerMonth(AmountParameter)));

    private readonly struct Rule(IReadOnlyList<string> statusVariables, RegionalValues amount) : IPersonRule<Rule.Block>
    {
        private readonly double[] _amount = amount.Array;

        public Block Bind(ProgramContext context)
            => new(context.FirstHousehold, BlockFlags.AnyHousehold(context, statusVariables), context.Population.Disability, context.Write(Amount.Name));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Compute(ref Block block, in PersonRow person, Explanation? explanation)
        {
            int p = person.Index;
            bool status = block.Status[person.Household - block.FirstHousehold];
            bool qualifies = status && block.Disability[p] != DisabilityGrade.None;
            block.Amount[p] = qualifies ? _amount[person.Region.Index] : 0.0;
            if (explanation is not null)
            {
                explanation.Record("disability_living_subsidy", StepText.Create($"member {person.Member}: disability {block.Disability[p]}, assistance household {(status ? "yes" : "no")}"), block.Amount[p], "yuan/month", amount.Source(person.Region));
            }
        }

        public void Release(ref Block block) => BlockFlags.Return(block.Status);

        public readonly ref struct Block(int firstHousehold, bool[] status, ReadOnlySpan<DisabilityGrade> disability, Span<double> amount)
        {
            public readonly int FirstHousehold = firstHousehold;
            public readonly bool[] Status = status;
            public readonly ReadOnlySpan<DisabilityGrade> Disability = disability;
            public readonly Span<double> Amount = amount;
        }
    }
}
