using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Subsidies;

/// <summary>
/// Work-for-relief wages (以工代赈劳务报酬): pay for days worked on public works projects, counted as a direct transfer
/// (workfare wages are public spending on the poor, as in the CEQ method).
/// </summary>
/// <remarks>
/// <para>Basis: Inner Mongolia uses work-for-relief with a higher labour-pay share [P], without numbers (docs/rules/work_for_relief.md).
/// The daily wage is unknown [I: 150 yuan/day]. The labour-pay share governs how much of a project budget becomes
/// wages; with days worked observed per person it does not enter the wage itself.</para>
/// <para>Rule, per person: wages = days worked (person column <see cref="DaysColumn"/>, days in the year, 0–366) ×
/// <c>work_for_relief.daily_wage</c>, yuan/year. Days outside 0–366 are rejected when the population is built (<see cref="Days"/>).</para>
/// </remarks>
public sealed class WorkForReliefProgram()
    : RuleProgram(
        "work_for_relief",
        "Work-for-relief wages: days worked on public works × the daily wage (illustrative wage).",
        inputs: [DaysColumn],
        outputs: [Wages],
        parameters: [DailyWage])
{
    /// <summary>Parameter: the wage per day worked, yuan (per day; the parameter has no month or year period).</summary>
    public const string DailyWage = "work_for_relief.daily_wage";

    /// <summary>Input: person column, days worked on work-for-relief projects in the year.</summary>
    public const string DaysColumn = "person.work_for_relief_days";

    /// <summary>The declaration of <see cref="DaysColumn"/>: days in the year, 0–366.</summary>
    public static readonly ColumnDefinition Days = ColumnDefinition.Quantity(DaysColumn, Entity.Person, "days", 0, 366, "Days worked on work-for-relief projects in the year");

    /// <summary>Output: work-for-relief wages, yuan per year (person).</summary>
    public static readonly VariableDefinition Wages = new("work_for_relief.wages_annual", Entity.Person, AmountPeriod.Year, IncomeRole.DirectTransfer, "Work-for-relief wages, yuan per year");

    /// <inheritdoc />
    public override IReadOnlyList<ColumnDefinition> InputColumns { get; } = [Days];

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
        => PerPerson<Rule, Rule.Block>(new Rule(setup.Scalar(DailyWage)));

    private readonly struct Rule(RegionalValues dailyWage) : IPersonRule<Rule.Block>
    {
        public Block Bind(ProgramContext context) => new(context.Population.PersonId, context.Person(Days), context.Write(Wages.Name));

        public void Compute(ref Block block, in PersonRow person, Explanation? explanation)
        {
            int p = person.Index;
            double days = block.Days[p];

            block.Wages[p] = days * dailyWage.ByRegion[person.Region.Index];
            if (days > 0)
            {
                explanation?.Record("work_for_relief", StepText.Create($"member {person.Member}: {days:0.#} days × {dailyWage[person.Region]:0.00} yuan/day"), block.Wages[p], "yuan/year", dailyWage.Source(person.Region));
            }
        }

        public readonly ref struct Block(ReadOnlySpan<long> ids, ReadOnlySpan<double> days, Span<double> wages)
        {
            public readonly ReadOnlySpan<long> Ids = ids;
            public readonly ReadOnlySpan<double> Days = days;
            public readonly Span<double> Wages = wages;
        }
    }
}
