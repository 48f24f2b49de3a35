using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.Projection;

/// <summary>The projection's checks (docs/projection.md#checks): bookkeeping, equivalence with static runs, determinism, bad input.</summary>
public class ProjectionTests
{
    private const int Start = 2025;

    /// <summary>Random households (ages 0–89) with birth months drawn and the birth year that gives each age on 1 July 2025, aged by <paramref name="years"/>.</summary>
    private static Population Base(int households, int seed, int years = 0, bool reversed = false)
    {
        var (hh, persons) = TestPopulations.Random(households, seed);
        var random = new Random(seed + 1);
        var months = persons.Select(_ => random.Next(1, 13)).ToArray();
        var builder = new PopulationBuilder();
        var order = Enumerable.Range(0, hh.Length).ToArray();
        if (reversed)
        {
            Array.Reverse(order);
        }

        var birthYear = new List<double>();
        var birthMonth = new List<double>();
        foreach (int h in order)
        {
            builder.AddHousehold(hh[h]);
            for (int p = 0; p < persons.Length; p++)
            {
                if (persons[p].HouseholdId == hh[h].Id)
                {
                    builder.AddPerson(persons[p] with { Age = persons[p].Age + years });
                    birthMonth.Add(months[p]);
                    birthYear.Add(Start - persons[p].Age - (months[p] > 7 ? 1 : 0));
                }
            }
        }

        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthYear, [.. birthYear]);
        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthMonth, [.. birthMonth]);
        return builder.Build();
    }

    [Fact]
    public void Without_deaths_and_births_year_t_equals_a_static_run_on_the_base_population_aged_t_years()
    {
        var policy = Policies.Standard();
        var projected = new Dictionary<int, SimulationResult>();
        var options = new ProjectionOptions { StartYear = Start, EndYear = Start + 7, Mortality = false, Fertility = false, WorkingLives = false, Households = false, OnYear = y => projected[y.Year] = y.Result };
        var result = Projector.Run(Base(300, 11), policy, ParameterStore.Default, options);

        foreach (int t in new[] { 0, 3, 7 })
        {
            var aged = Base(300, 11, years: t);
            // The same parameters: the store with the projection's extrapolation rules (checked in ProjectionRetirementTests).
            var expected = Microsimulation.Run(aged, policy, result.Parameters, new DateOnly(Start + t, 7, 1));
            var actual = projected[Start + t];
            actual.Population.PersonCount.Should().Be(aged.PersonCount);
            actual.Population.PersonId.ToArray().Should().Equal(aged.PersonId.ToArray());
            actual.Population.Age.ToArray().Should().Equal(aged.Age.ToArray(), "ages come from the birth dates, {0} years on", t);
            foreach (var output in policy.Outputs)
            {
                actual.Values(output.Name).ToArray().Should().Equal(expected.Values(output.Name).ToArray(), "output {0} in year {1}", output.Name, Start + t);
            }
        }
    }

    [Fact]
    public void Cohort_bookkeeping_holds_exactly_every_year_by_sex()
    {
        var populations = new List<Population>();
        var options = new ProjectionOptions { StartYear = Start, EndYear = Start + 10, OnYear = y => populations.Add(y.Result.Population) };
        var result = Projector.Run(Base(400, 5), Policy.Create(new RetirementAgeProgram()), ParameterStore.Default, options);

        int totalDeaths = 0, totalBirths = 0, moved = 0;
        var households = populations.Select(p => p.HouseholdId.ToArray().ToHashSet()).ToList();
        for (int i = 1; i < populations.Count; i++)
        {
            var before = Persons(populations[i - 1]);
            var after = Persons(populations[i]);
            var row = result.Row(Start + i);
            double[] deaths = [0, 0], births = [0, 0];
            foreach (var (id, p) in before)
            {
                if (after.TryGetValue(id, out var q))
                {
                    q.Sex.Should().Be(p.Sex);
                    q.Age.Should().Be(p.Age + 1, "a survivor is one year older");
                    if (q.HouseholdId != p.HouseholdId)
                    {
                        households[i - 1].Should().NotContain(q.HouseholdId, "a survivor keeps the household or moves to a new one (leaving home, a new couple)");
                        moved++;
                    }

                    q.Weight.Should().Be(p.Weight);
                }
                else
                {
                    deaths[p.Sex == Sex.Male ? 1 : 0] += p.Weight;
                    totalDeaths++;
                }
            }

            foreach (var (id, q) in after.Where(a => !before.ContainsKey(a.Key)))
            {
                q.Age.Should().Be(0, "a new person is a newborn");
                births[q.Sex == Sex.Male ? 1 : 0] += q.Weight;
                totalBirths++;
            }

            foreach (int s in new[] { 0, 1 })
            {
                var sex = s == 1 ? Sex.Male : Sex.Female;
                double last = before.Values.Where(p => p.Sex == sex).Sum(p => p.Weight);
                double now = after.Values.Where(p => p.Sex == sex).Sum(p => p.Weight);
                now.Should().BeApproximately(last + births[s] - deaths[s], 1e-6, "persons of sex {0} in {1}", sex, Start + i);
            }

            row[ProjectionIndicators.Deaths].Should().BeApproximately(deaths[0] + deaths[1], 1e-6);
            row[ProjectionIndicators.Births].Should().BeApproximately(births[0] + births[1], 1e-6);
            row[ProjectionIndicators.Persons].Should().BeApproximately(result.Row(Start + i - 1)[ProjectionIndicators.Persons] + births.Sum() - deaths.Sum(), 1e-6);
        }

        totalDeaths.Should().BeGreaterThan(0, "ten years of deaths in about a thousand people");
        totalBirths.Should().BeGreaterThan(0);
        moved.Should().BeGreaterThan(0, "ten years of young adults leaving home");
    }

    private static Dictionary<long, (Sex Sex, int Age, long HouseholdId, double Weight)> Persons(Population population)
    {
        var result = new Dictionary<long, (Sex, int, long, double)>();
        for (int p = 0; p < population.PersonCount; p++)
        {
            int h = population.PersonHousehold[p];
            result.Add(population.PersonId[p], (population.Sex[p], population.Age[p], population.HouseholdId[h], population.Weight[h]));
        }

        return result;
    }

    [Fact]
    public void One_replicate_with_a_fixed_seed_is_bit_identical_across_thread_counts_and_row_orders()
    {
        var policy = Policies.Standard();
        ProjectionResult Run(bool reversed, int threads, int block) => Projector.Run(Base(250, 3, reversed: reversed), policy, ParameterStore.Default,
            new ProjectionOptions { StartYear = Start, EndYear = Start + 6, Simulation = new SimulationOptions { MaxDegreeOfParallelism = threads, BlockSize = block } });

        var reference = Run(false, 1, 16_384);
        foreach (var other in new[] { Run(false, 4, 7), Run(true, 2, 33) })
        {
            for (int i = 0; i < reference.Rows.Count; i++)
            {
                other.Rows[i].Values.Should().Equal(reference.Rows[i].Values, "year {0}", reference.Rows[i].Year);
                other.Rows[i].MalesByAge.Should().Equal(reference.Rows[i].MalesByAge);
            }
        }
    }

    [Fact]
    public void Recycling_the_yearly_output_arrays_changes_nothing()
    {
        // Without a per-year callback each year's run writes into the arrays of the year before (longer ones once the
        // population shrinks, their values left over); with one, every year's arrays are new. Two replicates: the
        // second starts again from the base population's size.
        var policy = Policies.Standard();
        ProjectionResult Run(Action<ProjectionYear>? onYear) => Projector.Run(Base(300, 11), policy, ParameterStore.Default,
            new ProjectionOptions { StartYear = Start, EndYear = Start + 8, Replicates = 2, OnYear = onYear });

        var recycled = Run(null);
        var fresh = Run(_ => { });
        recycled.Rows.Should().HaveCount(fresh.Rows.Count);
        for (int i = 0; i < fresh.Rows.Count; i++)
        {
            recycled.Rows[i].Values.Should().Equal(fresh.Rows[i].Values, "year {0}, replicate {1}", fresh.Rows[i].Year, fresh.Rows[i].Replicate);
            recycled.Rows[i].FemalesByAge.Should().Equal(fresh.Rows[i].FemalesByAge);
        }
    }

    [Fact]
    public void Replicates_differ_and_the_summary_interval_contains_the_mean()
    {
        var result = Projector.Run(Base(200, 8), Policy.Create(new RetirementAgeProgram()), ParameterStore.Default, new ProjectionOptions { StartYear = Start, EndYear = Start + 5, Replicates = 5 });
        result.Rows.Should().HaveCount(30);
        var deaths = result.Rows.Where(r => r.Year == Start + 5).Select(r => r[ProjectionIndicators.Deaths]).ToArray();
        deaths.Distinct().Should().HaveCountGreaterThan(1, "replicates draw independently");
        var (mean, lower, upper) = result.Summary(Start + 5, ProjectionIndicators.Deaths);
        mean.Should().BeApproximately(deaths.Average(), 1e-9);
        lower.Should().BeLessThanOrEqualTo(mean);
        upper.Should().BeGreaterThanOrEqualTo(mean);
        lower.Should().BeGreaterThanOrEqualTo(deaths.Min());
        upper.Should().BeLessThanOrEqualTo(deaths.Max());

        var directory = Path.Combine(Path.GetTempPath(), "projection-" + Guid.NewGuid().ToString("N"));
        try
        {
            result.WriteCsv(directory);
            File.ReadLines(Path.Combine(directory, "projection_years.csv")).Should().HaveCount(31);
            File.ReadLines(Path.Combine(directory, "projection_summary.csv")).Should().HaveCount(1 + (6 * ProjectionIndicators.All.Count));
            File.ReadLines(Path.Combine(directory, "projection_age_sex.csv")).Should().HaveCount(1 + (30 * 242));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_horizon_before_the_start_is_rejected()
    {
        var act = () => Projector.Run(Base(5, 1), Policy.Create(new RetirementAgeProgram()), ParameterStore.Default, new ProjectionOptions { StartYear = 2030, EndYear = 2029 });
        act.Should().Throw<ArgumentException>().WithMessage("*horizon 2029 is before its start year 2030*");
    }

    [Fact]
    public void Years_beyond_the_assumptions_are_rejected_naming_the_series()
    {
        var act = () => Projector.Run(Base(5, 1), Policy.Create(new RetirementAgeProgram()), ParameterStore.Default, new ProjectionOptions { StartYear = Start, EndYear = 2070 });
        act.Should().Throw<ArgumentException>().WithMessage("*No male mortality table covers 2065*");
    }

    private static MortalityTable Table(Sex sex, MortalityMeasure measure, double at40, string source = "test table")
    {
        int[] starts = [0, 1, .. Enumerable.Range(1, 20).Select(i => i * 5)];
        var values = starts.Select(a => a == 40 ? at40 : 0.001 * Math.Exp(0.08 * a)).ToArray();
        return new MortalityTable(sex, 2020, 2024, starts, values, measure, "I", source);
    }

    private static readonly FertilityPattern Pattern = new(2025, [15, 20, 25, 30, 35, 40, 45], [5, 25, 35, 20, 10, 4, 1], "I", "test pattern");

    private static DatedSeries Series(params int[] years) => new(years, [.. years.Select(_ => 1.1)], "I", "test series");

    [Fact]
    public void A_mortality_table_with_a_probability_above_one_is_rejected_naming_it()
    {
        var act = () => new DemographicAssumptions([Table(Sex.Male, MortalityMeasure.Probability, 1.2), Table(Sex.Female, MortalityMeasure.Probability, 0.01)], [Pattern], Series(2025, 2026), Series(2025, 2026));
        act.Should().Throw<ArgumentException>().WithMessage("*male mortality 2020–2024 has a death probability q > 1 at age 40: 1.2*");
    }

    [Fact]
    public void A_negative_rate_is_rejected_naming_the_table_and_age()
    {
        var act = () => new DemographicAssumptions([Table(Sex.Male, MortalityMeasure.CentralRate, 0.01), Table(Sex.Female, MortalityMeasure.CentralRate, -0.002)], [Pattern], Series(2025, 2026), Series(2025, 2026));
        act.Should().Throw<ArgumentException>().WithMessage("*female mortality 2020–2024 has a negative or non-finite rate at age 40*");
    }

    [Fact]
    public void A_fertility_path_with_a_gap_is_rejected_naming_the_years()
    {
        var act = () => new DemographicAssumptions([Table(Sex.Male, MortalityMeasure.CentralRate, 0.01), Table(Sex.Female, MortalityMeasure.CentralRate, 0.01)], [Pattern], Series(2025, 2026, 2028), Series(2025, 2026, 2027, 2028));
        act.Should().Throw<ArgumentException>().WithMessage("*total fertility rate path has a gap: 2026 is followed by 2028*");
    }

    [Fact]
    public void An_assumption_without_a_source_is_rejected()
    {
        var act = () => new DemographicAssumptions([Table(Sex.Male, MortalityMeasure.CentralRate, 0.01, source: " "), Table(Sex.Female, MortalityMeasure.CentralRate, 0.01)], [Pattern], Series(2025), Series(2025));
        act.Should().Throw<ArgumentException>().WithMessage("*male mortality 2020–2024 has no source*");
    }

    [Fact]
    public void A_base_population_whose_ages_disagree_with_its_birth_dates_is_rejected_naming_the_person()
    {
        var population = Base(3, 2);
        var wrong = population.ExtraPersonColumn(RetirementAgeProgram.Columns.BirthYear).ToArray();
        wrong[0] -= 2;
        var builder = new PopulationBuilder();
        var (hh, persons) = TestPopulations.Random(3, 2);
        foreach (var h in hh)
        {
            builder.AddHousehold(h);
        }

        foreach (var p in persons)
        {
            builder.AddPerson(p);
        }

        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthYear, wrong);
        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthMonth, population.ExtraPersonColumn(RetirementAgeProgram.Columns.BirthMonth).ToArray());
        var act = () => Projector.Run(builder.Build(), Policy.Create(new RetirementAgeProgram()), ParameterStore.Default, new ProjectionOptions { StartYear = Start, EndYear = Start });
        act.Should().Throw<ArgumentException>().WithMessage($"Person {persons[0].Id}: born *");
    }
}
