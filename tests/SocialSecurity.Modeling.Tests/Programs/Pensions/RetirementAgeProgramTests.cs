using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Programs.Pensions;

/// <summary>The retirement-age rule's input checks (docs/rules/retirement_age.md); its values are checked by the declarative cases.</summary>
public class RetirementAgeProgramTests
{
    private static readonly DateOnly Date = new(2026, 6, 30);

    private static Population One(int age, Sex sex, double? birthYear, double birthMonth, double category)
    {
        var builder = new PopulationBuilder();
        builder.AddHousehold(new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban });
        builder.AddPerson(new PersonRecord { Id = 7, HouseholdId = 1, Age = age, Sex = sex });
        if (birthYear is { } year)
        {
            builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthYear, [year]);
            builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthMonth, [birthMonth]);
        }

        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.FemaleCategory, [category]);
        return builder.Build();
    }

    private static SimulationResult Run(Population population) => Microsimulation.Run(population, Policy.Create(new RetirementAgeProgram()), ParameterStore.Default, Date);

    [Fact]
    public void A_population_without_birth_dates_is_rejected_naming_the_column()
    {
        var act = () => Run(One(61, Sex.Male, null, 1, 0));
        act.Should().Throw<Exception>().Which.Message.Should().Contain(RetirementAgeProgram.Columns.BirthYear);
    }

    [Fact]
    public void An_age_that_disagrees_with_the_birth_date_is_rejected_naming_the_person()
    {
        var act = () => Run(One(50, Sex.Male, 1965, 1, 0));
        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("Person 7").And.Contain("aged 61");
    }

    [Fact]
    public void A_category_other_than_0_50_or_55_is_rejected()
    {
        var act = () => Run(One(61, Sex.Female, 1965, 1, 52));
        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain(RetirementAgeProgram.Columns.FemaleCategory).And.Contain("52");
    }

    [Fact]
    public void Either_age_is_accepted_in_the_birth_month_since_the_day_is_unknown()
    {
        // Born 1965-06: on 2026-06-30 aged 61 if born by the 30th, 60 if born on the 31st (no such day, but the day is not known).
        Run(One(61, Sex.Male, 1965, 6, 0)).Values(RetirementAgeProgram.StatutoryAgeMonths.Name)[0].Should().Be((60 * 12) + 2, "born 1965-06 reaches 60 in 2025-06, 5 months after 2025-01: ⌊5/4⌋ + 1 = 2 months of delay");
        Run(One(60, Sex.Male, 1965, 6, 0)).Values(RetirementAgeProgram.Reached.Name)[0].Should().Be(1, "1965-06 + 722 months = 2025-08, before 2026-06");
    }
}
