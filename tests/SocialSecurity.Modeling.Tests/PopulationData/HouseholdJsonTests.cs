using System.Text.Json;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Parameters;

namespace SocialSecurity.Modeling.Tests.PopulationData;

public sealed class HouseholdJsonTests
{
    private static HouseholdInput Read(string household, string members)
    {
        using var h = JsonDocument.Parse(household);
        using var m = JsonDocument.Parse(members);
        return HouseholdJson.Read(h.RootElement.Clone(), m.RootElement.Clone(), ParameterStore.Default.Regions, "test.json");
    }

    [Fact]
    public void Reads_named_properties_built_in_columns_and_extra_columns()
    {
        var input = Read(
            """{ "region": "330100", "area": "rural", "financial_assets": 5000, "homes": 1, "vehicle": true, "columns": { "household.children_in_education": 2, "household.dibao_class": 3 } }""",
            """[ { "age": 40, "sex": "male", "employment": "employee", "wages_annual": 60000, "columns": { "person.annual_bonus": 12000, "person.sudden_hardship": 1 } }, { "age": 10 } ]""");

        input.Household.Area.Should().Be(AreaType.Rural);
        input.Household.FinancialAssets.Should().Be(5000);
        input.Household.HousingUnits.Should().Be(1);
        input.Household.HasNonEssentialVehicle.Should().BeTrue();
        input.Household.ChildrenInEducation.Should().Be(2);
        input.HouseholdColumns.Should().Equal(new Dictionary<string, double> { ["household.dibao_class"] = 3 });
        input.Members.Select(p => p.Id).Should().Equal(1, 2);
        input.Members[0].Sex.Should().Be(Sex.Male);
        input.Members[0].AnnualBonus.Should().Be(12000);
        input.Members[1].Sex.Should().Be(Sex.Female, "female is the documented default");
        input.PersonColumns["person.sudden_hardship"].Should().Equal(1, 0);
    }

    [Theory]
    [InlineData("""{ "region": "339999" }""", """[ { "age": 1 } ]""", "$.household.region", "unknown region code '339999'")]
    [InlineData("""{ "region": "330100", "garden": 1 }""", """[ { "age": 1 } ]""", "$.household.garden", "unknown property 'garden'")]
    [InlineData("""{ "region": "330100" }""", """[ { "age": 121 } ]""", "$.members[0].age", "121 is out of range")]
    [InlineData("""{ "region": "330100" }""", """[ { "age": 30, "wages_annual": -1 } ]""", "$.members[0].wages_annual", "-1 is out of range")]
    [InlineData("""{ "region": "330100" }""", """[ { "age": 30, "sex": "x" } ]""", "$.members[0].sex", "expected one of female, male")]
    [InlineData("""{ "region": "330100" }""", """[ { "age": 30, "columns": { "person.unemployment_months": 13 } } ]""", "$.members[0].columns.person.unemployment_months", "out of range for built-in column")]
    [InlineData("""{ "region": "330100" }""", """[ { "age": 30, "columns": { "person.id": 7 } } ]""", "$.members[0].columns.person.id", "set by the reader")]
    [InlineData("""{ "region": "330100", "columns": { "household.weight": 2 } }""", """[ { "age": 30 } ]""", "$.household.columns.household.weight", "set by the reader")]
    [InlineData("""{ "region": "330100" }""", """[]""", "$.members", "non-empty array")]
    public void Rejects_bad_input_naming_the_file_and_path(string household, string members, string path, string problem)
    {
        var act = () => Read(household, members);
        var e = act.Should().Throw<DataFormatException>().Which;
        e.Location.Should().Be(path);
        e.Problem.Should().Contain(problem);
        e.Message.Should().Contain("test.json");
    }
}
