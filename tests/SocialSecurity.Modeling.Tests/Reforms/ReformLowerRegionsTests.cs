using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Reforms;

/// <summary>
/// A reform's set value reaches every region below its own while in force, including regions that set their own value,
/// unless the change keeps them; scale and add apply to each lower region's own value; every lower-level value a
/// change meets is reported in <see cref="ParameterStore.ReformWarnings"/> (docs/parameter-files.md#reforms).
/// </summary>
public class ReformLowerRegionsTests
{
    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly Mid2024 = new(2024, 6, 30);

    /// <summary>The built-in store plus an illustrative Hangzhou urban dibao standard of 12,000 yuan/year (Zhejiang's is 11,000).</summary>
    private static readonly ParameterStore WithCity = ParameterStore.Default.WithJson("""
        { "authority": "test", "region": "330100",
          "parameters": { "dibao.standard.urban": { "unit": "yuan", "period": "year",
            "values": [ { "from": "2023-01-01", "value": 12000, "provenance": "I", "source": "test: an illustrative city value" } ] } } }
        """, "hangzhou-test.json");

    private static double Urban(ParameterStore store, string region, DateOnly? date = null)
        => store.Resolve(DibaoProgram.StandardUrban, date ?? Mid2024, region).Value.Scalar;

    [Fact]
    public void A_provincial_set_reaches_a_city_with_its_own_value_and_says_so()
    {
        Urban(WithCity, RegionCodes.Hangzhou).Should().Be(12_000, "the city's own value beats the province's in the baseline");
        var reformed = WithCity.WithReform(Reform.Create("ZJ 13,200").Set(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, From, 13_200));
        Urban(reformed, RegionCodes.Hangzhou).Should().Be(13_200, "the provincial set replaces the city's own value while in force");
        Urban(reformed, RegionCodes.Lishui).Should().Be(13_200, "a city without its own value inherits it");
        Urban(reformed, RegionCodes.Zhejiang).Should().Be(13_200);
        Urban(reformed, RegionCodes.Hangzhou, new DateOnly(2023, 12, 31)).Should().Be(12_000, "before the reform starts the city keeps its value");
        Urban(reformed, RegionCodes.Nanjing).Should().Be(10_040.71, "Jiangsu is outside the reform");
        reformed.Resolve(DibaoProgram.StandardUrban, Mid2024, RegionCodes.Hangzhou).Provenance.Should().Be(Provenance.Reform);

        var warning = reformed.ReformWarnings.Should().ContainSingle().Which;
        warning.Should().Match<ReformWarning>(w => w.ReformName == "ZJ 13,200" && w.Change == 0 && w.Parameter == DibaoProgram.StandardUrban
            && w.RegionCode == RegionCodes.Zhejiang && w.LowerRegionCode == RegionCodes.Hangzhou && w.Replaced);
        warning.LowerValue.Value.Scalar.Should().Be(12_000);
        warning.Message.Should().Contain("replaces").And.Contain("Hangzhou").And.Contain("12000").And.Contain("hangzhou-test.json").And.Contain("lower_regions: keep");
        WithCity.ReformWarnings.Should().BeEmpty("the baseline has no reform");
    }

    [Fact]
    public void A_set_that_keeps_lower_regions_leaves_the_city_value_and_warns_naming_it()
    {
        var reformed = WithCity.WithReform(Reform.Create("ZJ keep").Set(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, From, 13_200, keepLowerRegions: true));
        Urban(reformed, RegionCodes.Hangzhou).Should().Be(12_000, "the city keeps its own value");
        Urban(reformed, RegionCodes.Lishui).Should().Be(13_200, "a city without its own value inherits the new provincial value");
        var warning = reformed.ReformWarnings.Should().ContainSingle().Which;
        warning.Replaced.Should().BeFalse();
        warning.LowerRegionCode.Should().Be(RegionCodes.Hangzhou);
        warning.Message.Should().Contain("does not reach Hangzhou").And.Contain("keeps its own value 12000 from 2023-01-01");
    }

    [Fact]
    public void A_built_in_city_value_is_reached_by_a_provincial_set_unless_kept()
    {
        // dibao_marginal.income_multiple: 1.5 nationally, 2 in Hangzhou (330100); none for Zhejiang itself.
        const string multiple = "dibao_marginal.income_multiple";
        double At(ParameterStore s, string region) => s.Resolve(multiple, Mid2024, region).Value.Scalar;
        At(ParameterStore.Default, RegionCodes.Hangzhou).Should().Be(2);
        var reach = ParameterStore.Default.WithReform(Reform.Create("ZJ 1.8").Set(multiple, RegionCodes.Zhejiang, From, 1.8));
        At(reach, RegionCodes.Hangzhou).Should().Be(1.8);
        At(reach, RegionCodes.Lishui).Should().Be(1.8);
        var keep = ParameterStore.Default.WithReform(Reform.Create("ZJ 1.8 keep").Set(multiple, RegionCodes.Zhejiang, From, 1.8, keepLowerRegions: true));
        At(keep, RegionCodes.Hangzhou).Should().Be(2);
        At(keep, RegionCodes.Lishui).Should().Be(1.8);
        keep.ReformWarnings.Should().ContainSingle().Which.LowerValue.Value.Scalar.Should().Be(2);

        // A national set reaches Zhejiang's own provincial standard (11,000) and so every Zhejiang city.
        var nation = ParameterStore.Default.WithReform(Reform.Create("nation").Set(DibaoProgram.StandardUrban, RegionCodes.China, From, 12_500));
        Urban(nation, RegionCodes.Yunhe).Should().Be(12_500);
        nation.ReformWarnings.Select(w => w.LowerRegionCode).Should().Contain([RegionCodes.Zhejiang, RegionCodes.Xinjiang]);
    }

    [Fact]
    public void Scale_and_add_still_apply_to_each_lower_region_own_value_and_warn()
    {
        var scaled = WithCity.WithReform(Reform.Create("ZJ +10%").Scale(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, From, 1.1));
        Urban(scaled, RegionCodes.Hangzhou).Should().BeApproximately(13_200, 1e-9, "12,000 × 1.1: the city's own value is scaled");
        Urban(scaled, RegionCodes.Lishui).Should().BeApproximately(12_100, 1e-9, "11,000 × 1.1");
        scaled.ReformWarnings.Should().ContainSingle().Which.Message.Should().Contain("multiplies the own value of Hangzhou");

        var added = WithCity.WithReform(Reform.Create("ZJ +600").Add(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, From, 600));
        Urban(added, RegionCodes.Hangzhou).Should().Be(12_600);
        Urban(added, RegionCodes.Lishui).Should().Be(11_600);
        added.ReformWarnings.Should().ContainSingle().Which.Replaced.Should().BeFalse();
    }

    [Fact]
    public void Changes_meeting_no_lower_value_give_no_warning()
    {
        // Zhejiang's urban standard has no value below the province in the built-in files.
        ParameterStore.Default.WithReform(Reform.Create("ZJ").Set(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, From, 13_200)).ReformWarnings.Should().BeEmpty();
        // Hangzhou's value starts after the change ends: never in force together.
        WithCity.WithReform(Reform.Create("ZJ 2022").Set(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2022, 1, 1), 13_200, until: new DateOnly(2022, 12, 31)))
            .ReformWarnings.Should().BeEmpty();
    }

    [Fact]
    public void Set_values_apply_in_order_between_regions_and_by_start_date_at_one_region()
    {
        var city = Reform.Create("city").Set(DibaoProgram.StandardUrban, RegionCodes.Hangzhou, From, 12_500);
        var province = Reform.Create("province").Set(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, From, 13_200);
        Urban(ParameterStore.Default.WithReform(city).WithReform(province), RegionCodes.Hangzhou).Should().Be(13_200, "the later provincial set replaces the city's");
        Urban(ParameterStore.Default.WithReform(province).WithReform(city), RegionCodes.Hangzhou).Should().Be(12_500, "the later city set replaces the province's there");
        Urban(ParameterStore.Default.WithReform(province).WithReform(city), RegionCodes.Lishui).Should().Be(13_200);

        // At one region the latest start date wins, whatever the order of the changes.
        var reversed = ParameterStore.Default.WithReform(Reform.Create("two steps")
            .Set(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2025, 1, 1), 14_000)
            .Set(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, From, 13_200));
        Urban(reversed, RegionCodes.Hangzhou).Should().Be(13_200);
        Urban(reversed, RegionCodes.Hangzhou, new DateOnly(2025, 6, 30)).Should().Be(14_000);
    }

    [Fact]
    public void A_set_reaching_a_city_is_range_checked_there_with_the_city_adjustments()
    {
        // Hangzhou's own 12,000 × 10 = 120,000 (within the 200,000 maximum). A provincial set of 30,000 reaches
        // Hangzhou and, under the city's ×10, makes 300,000: rejected when applied, naming Hangzhou. Kept, the city
        // stays at 120,000 and the reform applies.
        var scaled = WithCity.WithReform(Reform.Create("HZ ×10").Scale(DibaoProgram.StandardUrban, RegionCodes.Hangzhou, From, 10));
        FluentActions.Invoking(() => scaled.WithReform(Reform.Create("ZJ 30,000").Set(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, From, 30_000)))
            .Should().Throw<ReformValidationException>().WithMessage("*change 0*Hangzhou (330100) on 2024-01-01*300000 is outside the allowed range*");
        var kept = scaled.WithReform(Reform.Create("ZJ 30,000 keep").Set(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, From, 30_000, keepLowerRegions: true));
        Urban(kept, RegionCodes.Hangzhou).Should().Be(120_000);
        Urban(kept, RegionCodes.Lishui).Should().Be(30_000);
        kept.ReformWarnings.Should().ContainSingle("the kept set met Hangzhou's own value; the scale at Hangzhou itself has no region below it").Which.Replaced.Should().BeFalse();
    }

    [Fact]
    public void Keeping_lower_regions_is_only_for_a_set()
    {
        var change = new ParameterOverride(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, From, null, OverrideKind.Scale, default, 1.1) { KeepLowerRegions = true };
        FluentActions.Invoking(() => ParameterStore.Default.WithReform(Reform.Create("bad").With(change)))
            .Should().Throw<ReformValidationException>().WithMessage("*change 0*only to a set value*");
    }

    [Fact]
    public void The_json_format_reads_lower_regions_and_round_trips()
    {
        var parsed = Reform.Parse("""
            { "name": "keep", "changes": [
              { "parameter": "dibao.standard.urban", "region": "330000", "from": "2024-01-01", "value": 13200, "lower_regions": "keep" },
              { "parameter": "dibao.standard.rural", "region": "330000", "from": "2024-01-01", "value": 13200, "lower_regions": "override" } ] }
            """);
        parsed.Overrides[0].KeepLowerRegions.Should().BeTrue();
        parsed.Overrides[1].KeepLowerRegions.Should().BeFalse();
        parsed.Overrides[0].Describe().Should().EndWith("lower regions keep their own values");

        var reform = Reform.Create("round trip").Describe("every kind of change")
            .Set(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, From, 13_200, until: new DateOnly(2025, 12, 31), keepLowerRegions: true)
            .Set(DibaoProgram.StandardRural, RegionCodes.Zhejiang, From, 12_345.5)
            .SetList("pension.resident.tiers", RegionCodes.Zhejiang, From, [100, 200, 300])
            .Scale(DibaoProgram.StandardUrban, RegionCodes.Hangzhou, From, 1.1)
            .Add(DibaoProgram.StandardRural, RegionCodes.China, From, -600)
            .With(new ParameterOverride(DibaoProgram.StandardUrban, RegionCodes.Lishui, From, null, OverrideKind.Set, ParameterValue.Of(12_000), 0, "a note, 中文"));
        var json = reform.ToJson();
        json.Should().Contain("\"lower_regions\": \"keep\"").And.Contain("中文");
        var back = Reform.Parse(json);
        back.Name.Should().Be(reform.Name);
        back.Description.Should().Be(reform.Description);
        back.Overrides.Should().Equal(reform.Overrides);
        back.ToJson().Should().Be(json);
    }

    [Theory]
    [InlineData("""{ "name": "x", "changes": [ { "parameter": "p", "region": "330000", "from": "2024-01-01", "value": 1, "lower_regions": "sometimes" } ] }""", "*$.changes[0].lower_regions*\"override\" or \"keep\"*")]
    [InlineData("""{ "name": "x", "changes": [ { "parameter": "p", "region": "330000", "from": "2024-01-01", "scale": 1.1, "lower_regions": "keep" } ] }""", "*$.changes[0].lower_regions*only to a change with 'value'*")]
    public void Malformed_lower_regions_names_the_path(string json, string expected)
        => FluentActions.Invoking(() => Reform.Parse(json, "r.json")).Should().Throw<DataFormatException>().WithMessage("r.json at " + expected);
}
