using System.Runtime.CompilerServices;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Subsidies;

/// <summary>
/// Nursing subsidy for severely disabled people (重度残疾人护理补贴): a flat monthly amount for persons whose
/// certified disability grade is at or above a severity threshold, whatever their household income.
/// </summary>
/// <remarks>
/// <para>Basis: the national "two subsidies" scheme, in force from 1 January 2016 (State Council 国发〔2015〕52号): a
/// nursing subsidy for grade-1 and grade-2 disabled people who need long-term care [U: general knowledge, not among
/// the sources listed in docs/rules/README.md#sources]. Amounts are set by provinces and are unknown [I: 100 yuan/month]. The need for
/// long-term care is not in the data, so every grade-1 or grade-2 person is counted (an upper bound). The subsidy is
/// one of the benefits that exclude Yunhe's nursing subsidy (docs/rules/severe_disability_nursing_subsidy.md).</para>
/// <para>Rule, per person: amount = <c>severe_disability_nursing_subsidy.amount</c> yuan/month when 1 ≤ disability
/// grade ≤ <c>severe_disability_nursing_subsidy.max_grade</c> [U: 2], else 0.</para>
/// </remarks>
public sealed class SevereDisabilityNursingSubsidyProgram()
    : RuleProgram(
        "severe_disability_nursing_subsidy",
        "Nursing subsidy for grade-1 and grade-2 disabled people (national two-subsidies scheme from 2016; illustrative amount).",
        inputs: [],
        outputs: [Amount],
        parameters: [AmountParameter, MaxGrade])
{
    /// <summary>Parameter: the monthly subsidy.</summary>
    public const string AmountParameter = "severe_disability_nursing_subsidy.amount";

    /// <summary>Parameter: the least severe grade that qualifies (grade 1 is the most severe).</summary>
    public const string MaxGrade = "severe_disability_nursing_subsidy.max_grade";

    /// <summary>Output: the subsidy, yuan per month (person).</summary>
    public static readonly VariableDefinition Amount = new("severe_disability_nursing_subsidy.amount_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.DirectTransfer, "Nursing subsidy for severely disabled people, yuan per month");

    /// <inheritdoc />
    internal override bool WritesEveryRow => true;

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
        => PerPerson<Rule, Rule.Block>(new Rule(setup.PerMonth(AmountParameter), setup.Scalar(MaxGrade)));

    private readonly struct Rule(RegionalValues amount, RegionalValues maxGrade) : IPersonRule<Rule.Block>
    {
        private readonly double[] _amount = amount.Array;
        private readonly double[] _maxGrade = maxGrade.Array;

        public Block Bind(ProgramContext context) => new(context.Population.Disability, context.Write(Amount.Name));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Compute(ref Block block, in PersonRow person, Explanation? explanation)
        {
            int p = person.Index, r = person.Region.Index;
            int grade = (int)block.Disability[p];
            bool qualifies = grade >= 1 && grade <= _maxGrade[r];
            block.Amount[p] = qualifies ? _amount[r] : 0.0;
            if (explanation is not null)
            {
                explanation.Record("severe_disability_nursing_subsidy", StepText.Create($"member {person.Member}: disability {block.Disability[p]} (qualifying grades 1–{_maxGrade[r]:0})"), block.Amount[p], "yuan/month", amount.Source(person.Region), maxGrade.Source(person.Region));
            }
        }

        public readonly ref struct Block(ReadOnlySpan<DisabilityGrade> disability, Span<double> amount)
        {
            public readonly ReadOnlySpan<DisabilityGrade> Disability = disability;
            public readonly Span<double> Amount = amount;
        }
    }
}
