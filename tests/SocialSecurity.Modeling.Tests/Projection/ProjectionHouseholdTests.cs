using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.Projection;

/// <summary>
/// Household change (docs/projection.md#households): widowhood, leaving home (8% a year from 18 [I]), couples by
/// matching (12% of singles aged 20–55 a year, preferred gap 2 years, at most 5 from it [I]), order independence.
/// </summary>
public class ProjectionHouseholdTests
{
    private static readonly ProjectionOptions Options = new() { Seed = 3 };

    /// <summary>Households of (weight, members as (age, sex)), ids from 1 in the given order (or reversed), in Hangzhou; birth in January.</summary>
    private static Population Build(IReadOnlyList<(double Weight, (int Age, Sex Sex)[] Members)> households, bool reversed = false)
    {
        var builder = new PopulationBuilder();
        var order = Enumerable.Range(0, households.Count).ToList();
        if (reversed)
        {
            order.Reverse();
        }

        var years = new List<double>();
        foreach (int h in order)
        {
            builder.AddHousehold(new HouseholdRecord { Id = h + 1, Weight = households[h].Weight, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban });
            for (int i = 0; i < households[h].Members.Length; i++)
            {
                var (age, sex) = households[h].Members[i];
                builder.AddPerson(new PersonRecord { Id = ((h + 1) * 10) + i, HouseholdId = h + 1, Age = age, Sex = sex, Hukou = HukouType.Urban });
                years.Add(2026 - age);
            }
        }

        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthYear, [.. years]);
        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthMonth, [.. years.Select(_ => 1.0)]);
        return HouseholdDynamics.Prepare(builder.Build());
    }

    private static Dictionary<long, (long Household, long Partner, double Weight)> People(Population population)
    {
        var partner = population.ExtraPersonColumn(HouseholdDynamics.Partner.Name);
        var result = new Dictionary<long, (long, long, double)>();
        for (int p = 0; p < population.PersonCount; p++)
        {
            int h = population.PersonHousehold[p];
            result[population.PersonId[p]] = (population.HouseholdId[h], (long)partner[p], population.Weight[h]);
        }

        return result;
    }

    [Fact]
    public void Base_couples_are_inferred_and_a_survivor_whose_partner_died_is_widowed()
    {
        var population = Build([(1, [(70, Sex.Male), (68, Sex.Female), (45, Sex.Male), (43, Sex.Female), (20, Sex.Male)])]);
        var partner = People(population);
        partner[10].Partner.Should().Be(11);
        partner[12].Partner.Should().Be(13);
        partner[14].Partner.Should().Be(0, "the grandson has no woman of his generation");

        // The grandmother (id 11) is gone from the next year's population: the grandfather is widowed.
        var builder = new PopulationBuilder();
        builder.AddHousehold(new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban });
        builder.AddPerson(new PersonRecord { Id = 10, HouseholdId = 1, Age = 71, Sex = Sex.Male, Hukou = HukouType.Urban });
        builder.AddColumn(HouseholdDynamics.Partner, [11]);
        var (next, flows) = HouseholdDynamics.Advance(builder.Build(), ParameterStore.Default, 2026, 0, Options);
        People(next)[10].Partner.Should().Be(0);
        flows.Widowed.Should().Be(1);
    }

    [Fact]
    public void About_8_percent_of_unpartnered_adults_living_with_a_parent_leave_home_each_year_keeping_weight_and_region()
    {
        var households = Enumerable.Range(0, 10_000).Select(h => ((double)(1 + (h % 3)), new[] { (52, Sex.Female), (25, h % 2 == 0 ? Sex.Male : Sex.Female) })).ToList();
        var population = Build(households);
        var noUnions = ParameterStore.Default.WithOverrides("test: no unions", [new ParameterOverride(ProjectionParameters.UnionRate, RegionCodes.China, new DateOnly(2015, 1, 1), null, OverrideKind.Set, ParameterValue.Of(0), 0)]);
        var (next, flows) = HouseholdDynamics.Advance(population, noUnions, 2026, 0, Options);
        var before = People(population);
        var after = People(next);
        var leavers = before.Keys.Where(id => id % 10 == 1 && after[id].Household != before[id].Household).ToList();
        ((double)leavers.Count / 10_000).Should().BeApproximately(0.08, 0.01, "8% a year (standard error 0.0027)");
        before.Keys.Where(id => id % 10 == 0).Should().OnlyContain(id => after[id].Household == before[id].Household, "parents stay");
        leavers.Should().OnlyContain(id => after[id].Weight == before[id].Weight);
        flows.LeftHome.Should().Be(leavers.Sum(id => before[id].Weight));
        next.HouseholdCount.Should().Be(10_000 + leavers.Count);
        next.WeightedPersons.Should().Be(population.WeightedPersons, "moves keep every person's weight");
    }

    [Fact]
    public void Couples_form_by_matching_within_the_age_gap_and_weight_and_do_not_depend_on_row_order()
    {
        var random = new Random(4);
        var households = Enumerable.Range(0, 6000).Select(h => (h % 4 < 2 ? 1.0 : 2.0, new[] { (random.Next(20, 56), h % 2 == 0 ? Sex.Male : Sex.Female) })).ToList();
        var (forward, flows) = HouseholdDynamics.Advance(Build(households), ParameterStore.Default, 2026, 0, Options);
        var (backward, _) = HouseholdDynamics.Advance(Build(households, reversed: true), ParameterStore.Default, 2026, 0, Options);
        var a = People(forward);
        var b = People(backward);
        var couples = a.Where(kv => kv.Value.Partner != 0).Select(kv => (kv.Key, kv.Value.Partner)).OrderBy(c => c.Key).ToList();
        couples.Should().Equal(b.Where(kv => kv.Value.Partner != 0).Select(kv => (kv.Key, kv.Value.Partner)).OrderBy(c => c.Key), "the matching does not depend on row order");
        couples.Should().NotBeEmpty();
        flows.Unions.Should().Be(couples.Sum(c => a[c.Key].Weight));

        var age = households.SelectMany((h, i) => h.Item2.Select(m => (Id: (long)((i + 1) * 10), Age: m.Item1, Sex: m.Item2, Weight: h.Item1))).ToDictionary(x => x.Id);
        foreach (var (id, partner) in couples)
        {
            a[id].Household.Should().Be(a[partner].Household, "a couple lives together");
            a[id].Weight.Should().Be(a[partner].Weight, "only households of one weight are matched");
            var man = age[id].Sex == Sex.Male ? age[id] : age[partner];
            var woman = age[id].Sex == Sex.Male ? age[partner] : age[id];
            man.Sex.Should().NotBe(woman.Sex);
            Math.Abs(man.Age - woman.Age - 2).Should().BeLessThanOrEqualTo(5);
        }

        // About 12% of each sex enters the market; the matched share cannot exceed it.
        (couples.Count / 2 / 3000.0).Should().BeInRange(0.05, 0.12);
    }
}
