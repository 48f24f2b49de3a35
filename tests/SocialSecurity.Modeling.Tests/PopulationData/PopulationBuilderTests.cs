using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.PopulationData;

public class PopulationBuilderTests
{
    private static HouseholdRecord Household(long id, double weight = 10, string region = RegionCodes.Hangzhou)
        => new() { Id = id, Weight = weight, RegionCode = region };

    [Fact]
    public void Members_are_stored_contiguously_whatever_the_order_they_were_added_in()
    {
        var builder = new PopulationBuilder();
        builder.AddHousehold(Household(7));
        builder.AddHousehold(Household(3));
        builder.AddPerson(new PersonRecord { Id = 1, HouseholdId = 3, Age = 30 });
        builder.AddPerson(new PersonRecord { Id = 2, HouseholdId = 7, Age = 40 });
        builder.AddPerson(new PersonRecord { Id = 3, HouseholdId = 3, Age = 5 });
        var population = builder.Build();
        population.HouseholdCount.Should().Be(2);
        population.MemberStart.ToArray().Should().Equal(0, 1, 3);
        population.PersonId.ToArray().Should().Equal(2, 1, 3);
        population.Age.ToArray().Should().Equal(40, 30, 5);
        population.PersonHousehold.ToArray().Should().Equal(0, 1, 1);
        population.WeightedPersons.Should().Be(30);
        population.HukouRegion[0].Should().Be(population.HouseholdRegion[0], "hukou defaults to the place of residence");
    }

    [Theory]
    [InlineData(-1.0, "*column 'weight', household row 0 (id 1): -1 is invalid; expected a finite number ≥ 0*")]
    [InlineData(double.NaN, "*column 'weight', household row 0 (id 1): NaN is invalid*")]
    public void Bad_weights_are_rejected_naming_column_and_row(double weight, string expected)
    {
        var builder = new PopulationBuilder();
        builder.AddHousehold(Household(1, weight));
        builder.AddPerson(new PersonRecord { Id = 1, HouseholdId = 1 });
        FluentActions.Invoking(builder.Build).Should().Throw<PopulationValidationException>().WithMessage(expected);
    }

    [Fact]
    public void An_infinite_single_weight_is_rejected_naming_its_household()
    {
        var builder = new PopulationBuilder();
        builder.AddHousehold(Household(1));
        builder.AddHousehold(Household(5, double.PositiveInfinity));
        builder.AddPerson(new PersonRecord { Id = 1, HouseholdId = 1 });
        builder.AddPerson(new PersonRecord { Id = 2, HouseholdId = 5 });
        FluentActions.Invoking(builder.Build).Should().Throw<PopulationValidationException>()
            .WithMessage("*column 'weight', household row 1 (id 5)*");
    }

    [Fact]
    public void A_zero_total_weight_is_rejected_because_every_weighted_result_would_be_zero()
    {
        var builder = new PopulationBuilder();
        builder.AddHousehold(Household(1, 0));
        builder.AddHousehold(Household(2, 0));
        builder.AddPerson(new PersonRecord { Id = 1, HouseholdId = 1 });
        builder.AddPerson(new PersonRecord { Id = 2, HouseholdId = 2 });
        FluentActions.Invoking(builder.Build).Should().Throw<PopulationValidationException>()
            .WithMessage("*column 'weight': the total weight of the 2 households is 0; expected a positive total*");
    }

    [Fact]
    public void A_total_weight_that_overflows_is_rejected_although_each_weight_is_finite()
    {
        // 1e308 + 1e308 exceeds double.MaxValue (about 1.8e308): every weighted total would be infinite and the Gini NaN.
        var builder = new PopulationBuilder();
        builder.AddHousehold(Household(1, 1e308));
        builder.AddHousehold(Household(2, 1e308));
        builder.AddPerson(new PersonRecord { Id = 1, HouseholdId = 1 });
        builder.AddPerson(new PersonRecord { Id = 2, HouseholdId = 2 });
        FluentActions.Invoking(builder.Build).Should().Throw<PopulationValidationException>()
            .WithMessage("*column 'weight': the total weight of the 2 households overflows*");
    }

    [Fact]
    public void Orphans_unknown_regions_bad_ages_empty_households_and_nan_incomes_are_all_reported()
    {
        var builder = new PopulationBuilder();
        builder.AddHousehold(Household(1, region: "123456"));
        builder.AddHousehold(Household(2));
        builder.AddHousehold(Household(2));
        builder.AddPerson(new PersonRecord { Id = 1, HouseholdId = 1, Age = 130 });
        builder.AddPerson(new PersonRecord { Id = 2, HouseholdId = 99 });
        builder.AddPerson(new PersonRecord { Id = 3, HouseholdId = 2, WagesAnnual = double.NaN });
        builder.AddPerson(new PersonRecord { Id = 3, HouseholdId = 2, HukouRegionCode = "000001" });
        var error = FluentActions.Invoking(builder.Build).Should().Throw<PopulationValidationException>().Which;
        error.Message.Should()
            .Contain("column 'region', household row 0 (id 1): unknown region code '123456'")
            .And.Contain("column 'household_id', household row 2: id 2 is used by household row 1 too")
            .And.Contain("column 'age', person row 0 (id 1): 130 is invalid; expected a whole number in 0–120 years")
            .And.Contain("person row 1 (id 2): household 99 was never added (orphan person)")
            .And.Contain("column 'wages_annual', person row 2 (id 3): NaN is invalid")
            .And.Contain("column 'person_id', person row 3: id 3 is used twice")
            .And.Contain("column 'hukou_region', person row 3 (id 3): unknown region code '000001'")
            .And.Contain("household row 2 (id 2) has no members");
    }

    [Fact]
    public void Extra_columns_follow_the_member_order_and_must_be_complete()
    {
        var builder = new PopulationBuilder();
        builder.AddHousehold(Household(2));
        builder.AddHousehold(Household(1));
        builder.AddPerson(new PersonRecord { Id = 10, HouseholdId = 1 });
        builder.AddPerson(new PersonRecord { Id = 20, HouseholdId = 2 });
        builder.AddPersonColumn("pension.tier_annual", [100, 200]);
        var population = builder.Build();
        population.ExtraPersonColumn("pension.tier_annual").ToArray().Should().Equal(200, 100);

        var incomplete = new PopulationBuilder();
        incomplete.AddHousehold(Household(1));
        incomplete.AddPerson(new PersonRecord { Id = 1, HouseholdId = 1 });
        incomplete.AddPersonColumn("x.y", [1, 2]);
        FluentActions.Invoking(incomplete.Build).Should().Throw<PopulationValidationException>().WithMessage("*column 'x.y': has 2 values but 1 persons were added*");
    }

    [Fact]
    public void Resident_memory_is_the_declared_storage_and_stays_under_150_bytes_per_person()
    {
        // The storage by hand: person columns 2 ids (8 + 4), 16 one-byte codes and counts, 1 region handle (2) and
        // 12 amounts (8 each) = 126 bytes; household columns 8 + 8 + 2 + 1 + 8 + 1 + 1 + 5 × 1 bytes plus a 4-byte member
        // start = 38 bytes, spread over the members. The income-chain columns (tax deductions, unemployment and work
        // injury) raised the person share from 60 to 126 bytes.
        var (households, persons) = TestPopulations.Random(2_000, seed: 5);
        var population = TestPopulations.Build(households, persons);
        long expected = 126L * population.PersonCount + 38L * population.HouseholdCount + 4;
        population.ResidentBytes.Should().Be(expected);
        ((double)population.ResidentBytes / population.PersonCount).Should().BeLessThan(150);
    }
}
