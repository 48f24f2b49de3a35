using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Reforms;

public class ReformTests
{
    private static readonly ParameterStore Store = ParameterStore.Default;
    private static readonly DateOnly Date = new(2024, 6, 30);

    [Fact]
    public void Scaling_a_province_applies_below_it_and_is_labelled_as_a_reform()
    {
        var reformed = Store.WithReform(Reform.Create("ZJ +10%").Scale(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 1.10));
        var hangzhou = reformed.Resolve(DibaoProgram.StandardUrban, Date, RegionCodes.Hangzhou);
        hangzhou.Value.Scalar.Should().BeApproximately(12_100, 1e-9);
        hangzhou.Provenance.Should().Be(Provenance.Reform);
        hangzhou.Adjustments.Should().ContainSingle().Which.Should().Contain("ZJ +10%");
        reformed.Resolve(DibaoProgram.StandardUrban, new DateOnly(2023, 12, 31), RegionCodes.Hangzhou).Value.Scalar.Should().Be(11_000, "the reform starts in 2024");
        reformed.Resolve(DibaoProgram.StandardUrban, Date, RegionCodes.Nanjing).Value.Scalar.Should().Be(10_040.71, "Jiangsu is outside the reform (803 × 1.042 × 12 [D])");
        Store.Resolve(DibaoProgram.StandardUrban, Date, RegionCodes.Hangzhou).Value.Scalar.Should().Be(11_000, "the baseline store is unchanged");
    }

    [Fact]
    public void ToString_names_the_reform_and_lists_its_changes_not_a_collection_type()
    {
        var reform = Reform.Create("ZJ +10%").Describe("Raise the standards.")
            .Scale(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 1.1)
            .Add(DibaoProgram.StandardRural, RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 600);
        reform.ToString().Should().Be("Reform 'ZJ +10%' (Raise the standards.): dibao.standard.urban × 1.1 in 330000 from 2024-01-01; dibao.standard.rural + 600 in 330000 from 2024-01-01");
        Reform.Create("empty").ToString().Should().Be("Reform 'empty': no changes");
    }

    [Fact]
    public void Setting_a_value_at_a_province_replaces_it_from_that_date()
    {
        var reformed = Store.WithReform(Reform.Create("XJ unified").Set(DibaoProgram.StandardRural, RegionCodes.Xinjiang, new DateOnly(2024, 1, 1), 6_960));
        reformed.Resolve(DibaoProgram.StandardRural, Date, RegionCodes.Kashgar).Value.Scalar.Should().Be(6_960);
        reformed.Resolve(DibaoProgram.StandardRural, new DateOnly(2023, 1, 1), RegionCodes.Kashgar).Value.Scalar.Should().Be(4_832.83, "Xinjiang's derived rural standard [D] before the reform");
    }

    [Fact]
    public void Reforms_stack_in_order()
    {
        var reformed = Store
            .WithReform(Reform.Create("a").Add(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 1_000))
            .WithReform(Reform.Create("b").Scale(DibaoProgram.StandardUrban, RegionCodes.Hangzhou, new DateOnly(2024, 1, 1), 2));
        reformed.Resolve(DibaoProgram.StandardUrban, Date, RegionCodes.Hangzhou).Value.Scalar.Should().Be(24_000);
        reformed.ReformNames.Should().Equal("a", "b");
    }

    [Fact]
    public void An_invalid_reform_is_rejected_before_running_with_every_problem_listed()
    {
        var reform = Reform.Create("broken")
            .Scale("dibao.standard.urbn", RegionCodes.Zhejiang, Date, 1.1)
            .Set(DibaoProgram.StandardUrban, "999999", Date, 1)
            .Set(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, Date, -5)
            .SetList(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, Date, [1, 2])
            .Scale(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, Date, -1);
        var error = FluentActions.Invoking(() => Store.WithReform(reform)).Should().Throw<ReformValidationException>().Which;
        error.Problems.Should().HaveCount(5);
        error.Message.Should().Contain("did you mean 'dibao.standard.urban'").And.Contain("unknown region code '999999'")
            .And.Contain("-5 is outside the allowed range").And.Contain("expected a single number").And.Contain("scale factor");
    }

    [Fact]
    public void A_scaled_value_outside_the_range_is_rejected()
        => FluentActions.Invoking(() => Store.WithReform(Reform.Create("too much").Scale(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, Date, 100)))
            .Should().Throw<ReformValidationException>().WithMessage("*outside the allowed range*");

    [Fact]
    public void Reforms_read_from_json_are_the_same_as_fluent_ones()
    {
        var json = Reform.Parse("""
            { "name": "ZJ +10%", "description": "Raise Zhejiang's standard",
              "changes": [ { "parameter": "dibao.standard.urban", "region": "330000", "from": "2024-01-01", "scale": 1.1, "note": "test" } ] }
            """);
        json.Overrides.Should().ContainSingle().Which.Should().BeEquivalentTo(new ParameterOverride(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), null, OverrideKind.Scale, default, 1.1, "test"));
        Store.WithReform(json).Resolve(DibaoProgram.StandardUrban, Date, RegionCodes.Lishui).Value.Scalar.Should().BeApproximately(12_100, 1e-9);
    }

    [Fact]
    public void A_value_set_by_a_reform_beats_later_dated_file_values_at_its_level()
    {
        var store = Store.WithJson("""
            { "authority": "test", "region": "330000",
              "parameters": { "dibao.standard.urban": { "unit": "yuan", "period": "year",
                "values": [ { "from": "2024-03-01", "value": 11500, "provenance": "I", "source": "test" } ] } } }
            """, "later.json");
        var reformed = store.WithReform(Reform.Create("set").Set(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 12_000));
        reformed.Resolve(DibaoProgram.StandardUrban, new DateOnly(2024, 6, 30), RegionCodes.Hangzhou).Value.Scalar.Should().Be(12_000);
        store.Resolve(DibaoProgram.StandardUrban, new DateOnly(2024, 6, 30), RegionCodes.Hangzhou).Value.Scalar.Should().Be(11_500);
    }

    [Fact]
    public void An_adjustment_that_leaves_the_range_below_its_own_region_is_rejected_when_applied_naming_region_and_date()
        // Valid at the nation (6,985.2 − 6,000 > 0) but negative in Xinjiang's rural areas (5,400 − 6,000).
        => FluentActions.Invoking(() => Store.WithReform(Reform.Create("cut").Add(DibaoProgram.StandardRural, RegionCodes.China, new DateOnly(2022, 1, 1), -6_000)))
            .Should().Throw<ReformValidationException>().WithMessage("*cut*dibao.standard.rural in Kashgar*2022-01-01*outside the allowed range*");

    [Theory]
    [InlineData("""{ "name": "x", "changes": [ { "parameter": "p", "region": "330000", "from": "2024-01-01", "scale": 1, "add": 2 } ] }""", "*$.changes[0]*exactly one of*")]
    [InlineData("""{ "name": "x", "changes": [ { "parameter": "p", "region": "330000", "from": "2024-01-01", "scael": 1 } ] }""", "*$.changes[0].scael*unknown property*")]
    [InlineData("""{ "name": "x", "changes": [ { "parameter": "p", "region": "330000", "from": "2024/01/01", "scale": 1 } ] }""", "*$.changes[0].from*")]
    [InlineData("""{ "changes": [] }""", "*$.name*required*")]
    public void Malformed_reform_json_names_the_path(string json, string expected)
        => FluentActions.Invoking(() => Reform.Parse(json, "r.json")).Should().Throw<DataFormatException>().WithMessage("r.json at " + expected);
}
