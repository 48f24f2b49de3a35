using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.PopulationData;

public class PopulationWithColumnTests
{
    [Fact]
    public void A_column_is_added_without_copying_or_changing_the_source()
    {
        var (households, persons) = TestPopulations.Random(50, seed: 1);
        var population = TestPopulations.Build(households, persons);
        var bills = Enumerable.Range(0, population.PersonCount).Select(i => i * 10.0).ToArray();
        var withBills = population.WithPersonColumn("medical.bill_annual", bills).WithHouseholdColumn("household.flag", new double[population.HouseholdCount]);
        withBills.ExtraPersonColumn("medical.bill_annual").ToArray().Should().Equal(bills);
        withBills.ExtraHouseholdColumns.Should().Contain("household.flag");
        population.ExtraPersonColumns.Should().BeEmpty();
        withBills.Weight.ToArray().Should().Equal(population.Weight.ToArray());
    }

    [Fact]
    public void Bad_columns_are_rejected_with_the_reason()
    {
        var (households, persons) = TestPopulations.Random(5, seed: 2);
        var population = TestPopulations.Build(households, persons);
        var ok = new double[population.PersonCount];
        FluentActions.Invoking(() => population.WithPersonColumn("Bad Name", ok)).Should().Throw<ArgumentException>().WithMessage("*lower-case*");
        FluentActions.Invoking(() => population.WithPersonColumn("person.wages_annual", ok)).Should().Throw<ArgumentException>().WithMessage("*already has a column*");
        FluentActions.Invoking(() => population.WithPersonColumn("x.y", new double[1])).Should().Throw<ArgumentException>().WithMessage($"*1 values; the population has {population.PersonCount} persons*");
        var nan = (double[])ok.Clone();
        nan[^1] = double.NaN;
        FluentActions.Invoking(() => population.WithPersonColumn("x.y", nan)).Should().Throw<ArgumentException>().WithMessage($"*column 'x.y', person row {nan.Length - 1} (id {population.PersonId[^1]}): NaN is invalid; expected a finite number*");
    }
}
