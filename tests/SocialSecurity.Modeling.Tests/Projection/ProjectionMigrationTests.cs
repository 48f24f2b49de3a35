using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.Projection;

/// <summary>Net migration (docs/projection.md#migration): bookkeeping by sex, the cells' totals, immigrant households, order independence, bad input.</summary>
public class ProjectionMigrationTests
{
    private const int Start = 2025;

    /// <summary>Random households with birth months drawn and the birth year that gives each age on 1 July 2025.</summary>
    private static Population Random(int households, int seed, bool reversed = false)
    {
        var (hh, persons) = TestPopulations.Random(households, seed);
        var random = new Random(seed + 1);
        var builder = new PopulationBuilder();
        var years = new List<double>();
        var months = new List<double>();
        foreach (var h in reversed ? hh.Reverse() : hh)
        {
            builder.AddHousehold(h);
            foreach (var p in persons.Where(p => p.HouseholdId == h.Id))
            {
                int month = 1 + (int)(p.Id % 12);
                builder.AddPerson(p);
                months.Add(month);
                years.Add(Start - p.Age - (month > 7 ? 1 : 0));
            }
        }

        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthYear, [.. years]);
        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthMonth, [.. months]);
        return builder.Build();
    }

    /// <summary>3,000 one-person households of weight 10 in Hangzhou, ages 0–89 evenly, women and men in alternate blocks of 90, born in January.</summary>
    private static Population Even()
    {
        var builder = new PopulationBuilder();
        var years = new List<double>();
        for (int i = 1; i <= 3000; i++)
        {
            int age = i % 90;
            builder.AddHousehold(new HouseholdRecord { Id = i, Weight = 10, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban });
            builder.AddPerson(new PersonRecord { Id = i, HouseholdId = i, Age = age, Sex = (i / 90) % 2 == 0 ? Sex.Male : Sex.Female, Hukou = HukouType.Urban });
            years.Add(Start - age);
        }

        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthYear, [.. years]);
        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthMonth, [.. years.Select(_ => 1.0)]);
        return builder.Build();
    }

    /// <summary>The illustrative profile with a given rate every year 2025–2040.</summary>
    private static MigrationAssumptions Rates(params double[] rates)
        => MigrationAssumptions.IllustrativeChina with { NetRate = new DatedSeries([.. Enumerable.Range(Start, 16)], [.. Enumerable.Range(0, 16).Select(i => rates[i % rates.Length])], "I", "test rates") };

    private static Dictionary<long, (Sex Sex, int Age, long Household, double Weight)> Persons(Population population)
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
    public void Bookkeeping_with_migration_holds_exactly_every_year_by_sex()
    {
        var populations = new List<Population>();
        // Net immigration of 3% in even years from 2025, net emigration of 3% in odd ones.
        var options = new ProjectionOptions { StartYear = Start, EndYear = Start + 8, Migration = Rates(0.03, -0.03), OnYear = y => populations.Add(y.Result.Population) };
        var result = Projector.Run(Random(400, 5), Policy.Create(new RetirementAgeProgram()), ParameterStore.Default, options);

        double allImmigrants = 0, allLeft = 0;
        for (int i = 1; i < populations.Count; i++)
        {
            var before = Persons(populations[i - 1]);
            var after = Persons(populations[i]);
            var row = result.Row(Start + i);
            double[] gone = [0, 0], born = [0, 0], arrived = [0, 0];
            foreach (var (id, p) in before.Where(b => !after.ContainsKey(b.Key)))
            {
                gone[p.Sex == Sex.Male ? 1 : 0] += p.Weight;
            }

            foreach (var (id, q) in after.Where(a => !before.ContainsKey(a.Key)))
            {
                (q.Age == 0 ? born : arrived)[q.Sex == Sex.Male ? 1 : 0] += q.Weight;
            }

            foreach (int s in new[] { 0, 1 })
            {
                var sex = s == 1 ? Sex.Male : Sex.Female;
                double last = before.Values.Where(p => p.Sex == sex).Sum(p => p.Weight);
                double now = after.Values.Where(p => p.Sex == sex).Sum(p => p.Weight);
                now.Should().BeApproximately(last + born[s] + arrived[s] - gone[s], 1e-6, "persons of sex {0} in {1}", sex, Start + i);
            }

            row[ProjectionIndicators.Births].Should().BeApproximately(born.Sum(), 1e-6);
            row[ProjectionIndicators.Immigrants].Should().BeApproximately(arrived.Sum(), 1e-6);
            (row[ProjectionIndicators.Deaths] + row[ProjectionIndicators.Emigrants]).Should().BeApproximately(gone.Sum(), 1e-6);
            row[ProjectionIndicators.Persons].Should().BeApproximately(result.Row(Start + i - 1)[ProjectionIndicators.Persons] + row[ProjectionIndicators.Births]
                + row[ProjectionIndicators.Immigrants] - row[ProjectionIndicators.Deaths] - row[ProjectionIndicators.Emigrants], 1e-6);
            // The year before this one set the direction: immigration after even offsets, emigration after odd ones.
            (i % 2 == 1 ? row[ProjectionIndicators.Emigrants] : row[ProjectionIndicators.Immigrants]).Should().Be(0, "the rate of {0} has one sign", Start + i - 1);
            allImmigrants += row[ProjectionIndicators.Immigrants];
            allLeft += row[ProjectionIndicators.Emigrants];
        }

        allImmigrants.Should().BeGreaterThan(0);
        allLeft.Should().BeGreaterThan(0);
        result.Row(Start)[ProjectionIndicators.Immigrants].Should().Be(0);
        Projector.Run(Random(5, 1), Policy.Create(new RetirementAgeProgram()), ParameterStore.Default, new ProjectionOptions { StartYear = Start, EndYear = Start + 1 })
            .Row(Start + 1)[ProjectionIndicators.Immigrants].Should().Be(double.NaN, "no migration: the indicator is not produced");
    }

    [Fact]
    public void Emigrants_of_each_age_and_sex_match_the_rate_times_the_profile_within_half_a_weight()
    {
        var populations = new List<Population>();
        var options = new ProjectionOptions { StartYear = Start, EndYear = Start + 1, Mortality = false, Fertility = false, Households = false, WorkingLives = false, Migration = Rates(-0.02), OnYear = y => populations.Add(y.Result.Population) };
        var result = Projector.Run(Even(), Policy.Create(new RetirementAgeProgram()), ParameterStore.Default, options);
        var before = Persons(populations[0]);
        var after = Persons(populations[1]);
        // 30,000 persons × 2% = 600 net emigrants; the illustrative profile gives each sex half of a group's percentage,
        // spread over its 5 ages: at 25–29, 20% ÷ 2 ÷ 5 = 2% per single year and sex, 12 persons.
        double[] percent = [4, 3, 3, 5, 15, 20, 15, 10, 7, 5, 4, 3, 3, 2, 1];
        double left = 0;
        for (int age = 0; age < 90; age++)
        {
            foreach (var sex in new[] { Sex.Female, Sex.Male })
            {
                double expected = age < 75 ? 600 * (percent[age / 5] / 100 / 2 / 5) : 0;
                double cell = before.Where(b => b.Value.Sex == sex && b.Value.Age == age && !after.ContainsKey(b.Key)).Sum(b => b.Value.Weight);
                cell.Should().BeInRange(expected - 5, expected + 5, "age {0}, {1}: within half a weight (10) of the cell's net emigrants", age, sex);
                left += cell;
            }
        }

        result.Row(Start + 1)[ProjectionIndicators.Emigrants].Should().Be(left);
        after.Values.Should().OnlyContain(p => p.Weight == 10);
    }

    [Fact]
    public void Immigrants_arrive_in_new_households_headed_by_adults_with_the_mean_weight()
    {
        var populations = new List<Population>();
        var options = new ProjectionOptions { StartYear = Start, EndYear = Start + 1, Mortality = false, Fertility = false, Households = false, WorkingLives = false, Migration = Rates(0.02), OnYear = y => populations.Add(y.Result.Population) };
        var result = Projector.Run(Even(), Policy.Create(new RetirementAgeProgram()), ParameterStore.Default, options);
        var before = Persons(populations[0]);
        var after = Persons(populations[1]);
        var arrived = after.Where(a => !before.ContainsKey(a.Key)).ToArray();
        // 600 net immigrants at the mean weight 10: 60 persons, 30 women and 30 men.
        arrived.Should().HaveCount(60);
        arrived.Count(a => a.Value.Sex == Sex.Female).Should().Be(30);
        arrived.Should().OnlyContain(a => a.Value.Weight == 10);
        arrived.Select(a => a.Key).Min().Should().BeGreaterThan(3000, "new ids follow the base ones");
        // Ages one more than the profile's age at the earlier run date: 20–39 at arrival hold 60% (36 persons), give or take rounding.
        arrived.Count(a => a.Value.Age is >= 21 and <= 40).Should().BeInRange(34, 38);
        arrived.Should().OnlyContain(a => a.Value.Age >= 1 && a.Value.Age <= 75);
        var households = arrived.GroupBy(a => a.Value.Household).ToArray();
        households.Should().OnlyContain(g => g.Any(a => a.Value.Age >= 18), "each immigrant household has an adult");
        households.Should().HaveCount(arrived.Count(a => a.Value.Age >= 18), "every adult heads one");
        before.Values.Select(b => b.Household).Should().NotIntersectWith(households.Select(g => g.Key), "immigrants form new households");
        result.Row(Start + 1)[ProjectionIndicators.Immigrants].Should().Be(600);
        populations[1].HukouRegion.ToArray().Distinct().Should().HaveCount(1, "immigrants live and are registered in the only region");
    }

    [Fact]
    public void Migration_does_not_depend_on_row_order_or_threads()
    {
        ProjectionResult Run(bool reversed, int threads) => Projector.Run(Random(200, 9, reversed), Policy.Create(new RetirementAgeProgram()), ParameterStore.Default,
            new ProjectionOptions { StartYear = Start, EndYear = Start + 5, Migration = Rates(0.02, -0.02), Simulation = new SimulationOptions { MaxDegreeOfParallelism = threads, BlockSize = 37 } });
        var reference = Run(false, 1);
        var other = Run(true, 3);
        for (int i = 0; i < reference.Rows.Count; i++)
        {
            other.Rows[i].Values.Should().Equal(reference.Rows[i].Values, "year {0}", reference.Rows[i].Year);
            other.Rows[i].FemalesByAge.Should().Equal(reference.Rows[i].FemalesByAge);
        }
    }

    [Fact]
    public void A_migration_profile_with_a_gap_or_a_negative_share_is_rejected_naming_it()
    {
        ProjectionOptions With(MigrationAssumptions m) => new() { StartYear = Start, EndYear = Start + 1, Migration = m };
        var illustrative = MigrationAssumptions.IllustrativeChina;
        var gap = () => Projector.Run(Even(), Policy.Create(new RetirementAgeProgram()), ParameterStore.Default,
            With(illustrative with { AgeStarts = [0, 5, 10, 15, 20, 25, 35, 40, 45, 50, 55, 60, 65, 70, 75] }));
        gap.Should().Throw<ArgumentException>().WithMessage("*migration profile has a gap: ages 25–29 are followed by 35–39*");
        var negative = () => Projector.Run(Even(), Policy.Create(new RetirementAgeProgram()), ParameterStore.Default,
            With(illustrative with { MaleShares = [.. illustrative.MaleShares.Select((s, g) => g == 3 ? -0.01 : s)] }));
        negative.Should().Throw<ArgumentException>().WithMessage("*migration profile has a negative or non-finite male share at ages 15–19: -0.01*");
        var unsourced = () => Projector.Run(Even(), Policy.Create(new RetirementAgeProgram()), ParameterStore.Default, With(illustrative with { Source = "" }));
        unsourced.Should().Throw<ArgumentException>().WithMessage("*migration profile has no source*");
        var uncovered = () => Projector.Run(Even(), Policy.Create(new RetirementAgeProgram()), ParameterStore.Default, new ProjectionOptions { StartYear = Start, EndYear = 2042, Migration = Rates(0.01) });
        uncovered.Should().Throw<ArgumentException>().WithMessage("*net migration rate path covers 2025–2040, not the projection's 2025–2042*");
    }
}
