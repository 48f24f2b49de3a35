using System.Globalization;
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
/// <c>work_for_relief.daily_wage</c>, yuan/year. Days outside 0–366 are data errors and stop the run.</para>
/// </remarks>
public sealed class WorkForReliefProgram : PolicyProgram
{
    /// <summary>Parameter: the wage per day worked, yuan (per day; the parameter has no month or year period).</summary>
    public const string DailyWage = "work_for_relief.daily_wage";

    /// <summary>Input: person column, days worked on work-for-relief projects in the year.</summary>
    public const string DaysColumn = "person.work_for_relief_days";

    /// <summary>Output: work-for-relief wages, yuan per year (person).</summary>
    public static readonly VariableDefinition Wages = new("work_for_relief.wages_annual", Entity.Person, AmountPeriod.Year, IncomeRole.DirectTransfer, "Work-for-relief wages, yuan per year");

    /// <inheritdoc />
    public override string Name => "work_for_relief";

    /// <inheritdoc />
    public override string Description => "Work-for-relief wages: days worked on public works × the daily wage (illustrative wage).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; } = [DaysColumn];

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } = [Wages];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = [DailyWage];

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new Pass(this, setup);
    }

    private sealed class Pass(WorkForReliefProgram program, ProgramSetup setup) : ProgramPass
    {
        private readonly RegionalValues _dailyWage = setup.Scalar(DailyWage);

        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var days = context.Read(DaysColumn);
            var wages = context.Write(Wages.Name);
            for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
            {
                var region = population.HouseholdRegion[h];
                for (int p = start[h]; p < start[h + 1]; p++)
                {
                    if (!(days[p] >= 0 && days[p] <= 366))
                    {
                        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Person {population.PersonId[p]} has {days[p]} work-for-relief days in column '{DaysColumn}'; expected 0–366."));
                    }

                    wages[p] = days[p] * _dailyWage.ByRegion[region.Index];
                    if (context.Explanation is { } explain && days[p] > 0)
                    {
                        explain.Record(program.Name, string.Create(CultureInfo.InvariantCulture, $"member {p - start[h] + 1}: {days[p]:0.#} days × {_dailyWage[region]:0.00} yuan/day"), wages[p], "yuan/year", _dailyWage.Source(region));
                    }
                }
            }
        }
    }
}
