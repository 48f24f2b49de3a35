using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.Parameters;

/// <summary>
/// Parameter files that would silently change results are rejected when loaded, naming the file, the JSON path, the
/// parameter, the region and the date (docs/parameter-validation.md).
/// </summary>
public class ParameterFileValidationTests
{
    private static readonly ParameterStore Store = ParameterStore.Default;

    private static string File(string region, string parameters)
        => $$"""{ "authority": "test", "region": "{{region}}", "parameters": { {{parameters}} } }""";

    private static string Value(string from, string value, string? region = null)
        => $$"""{ "from": "{{from}}", "value": {{value}}, "provenance": "I", "source": "test"{{(region is null ? "" : $", \"region\": \"{region}\"")}} }""";

    // ---- 1. one value per parameter, region and start date ----

    [Fact]
    public void The_same_start_date_twice_for_one_parameter_and_region_is_rejected_naming_file_path_parameter_region_and_date()
    {
        var json = File(RegionCodes.Zhejiang, $$"""
            "dibao.standard.urban": { "unit": "yuan", "period": "year",
              "values": [ {{Value("2030-01-01", "12000")}}, {{Value("2030-01-01", "15000")}} ] }
            """);
        FluentActions.Invoking(() => Store.WithJson(json, "twice.json")).Should().Throw<DataFormatException>()
            .WithMessage("twice.json at $.parameters['dibao.standard.urban'].values[1]*'dibao.standard.urban'*region 330000 from 2030-01-01*");
    }

    [Fact]
    public void A_repeated_date_is_caught_for_a_new_parameter_and_when_one_value_names_the_files_region_explicitly()
    {
        var json = File(RegionCodes.Hangzhou, $$"""
            "test.amount": { "unit": "yuan", "period": "month",
              "values": [ {{Value("2020-01-01", "1")}}, {{Value("2021-01-01", "2")}}, {{Value("2020-01-01", "3", RegionCodes.Hangzhou)}} ] }
            """);
        FluentActions.Invoking(() => Store.WithJson(json, "new.json")).Should().Throw<DataFormatException>()
            .WithMessage("new.json at $.parameters['test.amount'].values[2]*'test.amount'*region 330100 from 2020-01-01*values[0]*");
    }

    [Fact]
    public void The_same_date_in_different_regions_is_fine()
    {
        var json = File(RegionCodes.Zhejiang, $$"""
            "test.amount": { "unit": "yuan", "period": "month",
              "values": [ {{Value("2020-01-01", "1")}}, {{Value("2020-01-01", "2", RegionCodes.Hangzhou)}} ] }
            """);
        var store = Store.WithJson(json, "ok.json");
        store.Resolve("test.amount", new DateOnly(2020, 6, 1), RegionCodes.Hangzhou).Value.Scalar.Should().Be(2);
        store.Resolve("test.amount", new DateOnly(2020, 6, 1), RegionCodes.Ningbo).Value.Scalar.Should().Be(1);
    }

    // ---- 2. built-in definitions cannot be loosened ----

    [Theory]
    [InlineData("dibao.standard.urban", "\"unit\": \"yuan\", \"period\": \"year\", \"min\": -100000", "-50", "*$.parameters['dibao.standard.urban'].min*min -100000*widens*[0, 200000]*Data/parameters/*")]
    [InlineData("dibao.standard.urban", "\"unit\": \"yuan\", \"period\": \"year\", \"max\": 1000000", "500000", "*$.parameters['dibao.standard.urban'].max*max 1000000*widens*[0, 200000]*Data/parameters/*")]
    [InlineData("targeting.dibao.take_up_rate", "\"unit\": \"fraction\", \"period\": \"none\", \"max\": 2", "1.7", "*$.parameters['targeting.dibao.take_up_rate'].max*max 2*widens*[0, 1]*Data/parameters/cn/targeting.json*")]
    [InlineData("dibao.standard.urban", "\"unit\": \"yuan\", \"period\": \"month\"", "1000", "*$.parameters['dibao.standard.urban']*yuan per month here but as yuan per year*")]
    [InlineData("dibao.standard.urban", "\"unit\": \"count\", \"period\": \"none\"", "1", "*$.parameters['dibao.standard.urban']*count per none here but as yuan per year*")]
    [InlineData("pension.resident.tiers", "\"unit\": \"yuan\", \"period\": \"year\", \"list\": true, \"items\": \"ascending\"", "[100, 100]", "*$.parameters['pension.resident.tiers'].items*drops strictly_ascending*")]
    public void A_user_file_cannot_loosen_a_built_in_definition(string name, string declaration, string value, string expected)
    {
        var json = File(RegionCodes.Zhejiang, $$"""
            "{{name}}": { {{declaration}}, "values": [ {{Value("2031-01-01", value)}} ] }
            """);
        FluentActions.Invoking(() => Store.WithJson(json, "loose.json")).Should().Throw<DataFormatException>().WithMessage("loose.json at " + expected);
    }

    [Fact]
    public void An_equal_or_narrower_range_is_allowed_and_then_applies_to_reforms_too()
    {
        var equal = File(RegionCodes.Zhejiang, $$"""
            "dibao.standard.urban": { "unit": "yuan", "period": "year", "min": 0, "max": 200000, "values": [ {{Value("2031-01-01", "13000")}} ] }
            """);
        Store.WithJson(equal, "equal.json").Definition(DibaoProgram.StandardUrban).Maximum.Should().Be(200_000);

        var narrower = File(RegionCodes.Zhejiang, $$"""
            "dibao.standard.urban": { "unit": "yuan", "period": "year", "min": 1000, "max": 50000, "values": [ {{Value("2031-01-01", "13000")}} ] }
            """);
        var store = Store.WithJson(narrower, "narrow.json");
        store.Definition(DibaoProgram.StandardUrban).Minimum.Should().Be(1000);
        store.Definition(DibaoProgram.StandardUrban).Maximum.Should().Be(50_000);
        FluentActions.Invoking(() => store.WithReform(Reform.Create("big").Set(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2032, 1, 1), 60_000)))
            .Should().Throw<ReformValidationException>().WithMessage("*60000 is outside the allowed range [1000, 50000]*");
    }

    [Fact]
    public void A_narrower_range_that_excludes_an_existing_value_is_rejected_naming_that_value()
    {
        // Zhejiang's built-in urban standard is 11,000 yuan/year from 2022-12-01; Hangzhou's 2017 standard (11,004) is above 11,000 too.
        var json = File(RegionCodes.Zhejiang, $$"""
            "dibao.standard.urban": { "unit": "yuan", "period": "year", "max": 10900, "values": [ {{Value("2031-01-01", "9000")}} ] }
            """);
        FluentActions.Invoking(() => Store.WithJson(json, "tight.json")).Should().Throw<DataFormatException>()
            .WithMessage("tight.json at $.parameters['dibao.standard.urban']*Data/parameters/cn-zj/dibao.json*is outside the allowed range [0, 10900]*");
    }

    // ---- 3. structured (list) parameters ----

    [Theory]
    [InlineData("pension.resident.tiers", ListConstraints.StrictlyAscending)]
    [InlineData("pension.resident.subsidy.schedule_thresholds", ListConstraints.StrictlyAscending)]
    [InlineData("pension.resident.subsidy.floor_thresholds", ListConstraints.StrictlyAscending)]
    [InlineData("medical.basic.band_thresholds", ListConstraints.StrictlyAscending | ListConstraints.StartsAtZero)]
    [InlineData("medical.catastrophic.band_thresholds", ListConstraints.StrictlyAscending | ListConstraints.StartsAtZero)]
    [InlineData("medical.major_disease.band_thresholds", ListConstraints.StrictlyAscending | ListConstraints.StartsAtZero)]
    public void Built_in_tier_and_threshold_lists_declare_their_order(string name, ListConstraints expected)
        => Store.Definition(name).Items.Should().Be(expected);

    [Theory]
    [InlineData("[100, 300, 200]", "*values[0].value*region 330000 from 2031-01-01*item 2 = 200 is not above item 1 = 300*strictly ascending*")]
    [InlineData("[100, 100, 200]", "*values[0].value*item 1 = 100 is not above item 0 = 100*")]
    public void A_tier_list_that_is_not_ascending_is_rejected_at_load_even_when_the_file_does_not_repeat_the_constraint(string tiers, string expected)
    {
        var json = File(RegionCodes.Zhejiang, $$"""
            "pension.resident.tiers": { "unit": "yuan", "period": "year", "list": true, "values": [ {{Value("2031-01-01", tiers)}} ] }
            """);
        FluentActions.Invoking(() => Store.WithJson(json, "tiers.json")).Should().Throw<DataFormatException>()
            .WithMessage("tiers.json at $.parameters['pension.resident.tiers']." + expected.TrimStart('*'));
    }

    [Theory]
    [InlineData("medical.basic.band_thresholds", "yuan", "[1200, 30000]", "*item 0 = 1200 must be 0*")]
    [InlineData("medical.basic.band_thresholds", "yuan", "[0, 70000, 30000]", "*item 2 = 30000 is not above item 1 = 70000*")]
    [InlineData("medical.basic.band_rates", "fraction", "[0.65, 1.2]", "*item 1 = 1.2 is outside the allowed range [0, 1]*")]
    public void Co_insurance_bands_are_checked_at_load_naming_file_path_region_and_date(string name, string unit, string value, string expected)
    {
        var json = File(RegionCodes.Ulanqab, $$"""
            "{{name}}": { "unit": "{{unit}}", "period": "none", "list": true, "values": [ {{Value("2031-01-01", value)}} ] }
            """);
        FluentActions.Invoking(() => Store.WithJson(json, "bands.json")).Should().Throw<DataFormatException>()
            .WithMessage($"bands.json at $.parameters['{name}'].values[0].value*region 150900 from 2031-01-01{expected}");
    }

    [Fact]
    public void A_new_list_parameter_can_declare_its_own_constraints()
    {
        var good = File("000000", $$"""
            "test.thresholds": { "unit": "yuan", "period": "year", "list": true, "items": ["ascending", "starts_at_zero"],
              "values": [ {{Value("2020-01-01", "[0, 10, 10, 20]")}} ] }
            """);
        Store.WithJson(good, "good.json").Definition("test.thresholds").Items.Should().Be(ListConstraints.Ascending | ListConstraints.StartsAtZero);

        var bad = good.Replace("[0, 10, 10, 20]", "[0, 10, 5]", StringComparison.Ordinal);
        FluentActions.Invoking(() => Store.WithJson(bad, "bad.json")).Should().Throw<DataFormatException>()
            .WithMessage("bad.json at $.parameters['test.thresholds'].values[0].value*item 2 = 5 is below item 1 = 10*ascending*");
    }

    [Theory]
    [InlineData("\"list\": true, \"items\": \"sorted\"", "*$.parameters['test.x'].items*expected one of ascending, strictly_ascending, starts_at_zero; found 'sorted'*")]
    [InlineData("\"list\": true, \"items\": [\"ascending\", 3]", "*$.parameters['test.x'].items[1]*expected a constraint name*")]
    [InlineData("\"items\": \"ascending\"", "*$.parameters['test.x'].items*not a list*")]
    public void Malformed_item_constraints_name_the_path(string declaration, string expected)
    {
        var json = File("000000", $$"""
            "test.x": { "unit": "yuan", "period": "year", {{declaration}}, "values": [ {{Value("2020-01-01", "[1]")}} ] }
            """);
        FluentActions.Invoking(() => Store.WithJson(json, "c.json")).Should().Throw<DataFormatException>().WithMessage("c.json at " + expected);
    }

    [Fact]
    public void A_reform_cannot_set_or_scale_a_tier_list_out_of_order()
    {
        var from = new DateOnly(2025, 1, 1);
        var error = FluentActions.Invoking(() => Store.WithReform(Reform.Create("tiers")
                .SetList("pension.resident.tiers", RegionCodes.Zhejiang, from, [500, 100])
                .Scale("medical.basic.band_thresholds", RegionCodes.China, from, 0)))
            .Should().Throw<ReformValidationException>().Which;
        error.Problems.Should().Contain(p => p.Contains("change 0", StringComparison.Ordinal) && p.Contains("item 1 = 100 is not above item 0 = 500", StringComparison.Ordinal));
        error.Problems.Should().Contain(p => p.Contains("change 1", StringComparison.Ordinal) && p.Contains("item 1 = 0 is not above item 0 = 0", StringComparison.Ordinal));
    }
    [Theory]
    [InlineData("medical.basic")]
    [InlineData("medical.catastrophic")]
    [InlineData("medical.major_disease")]
    public void Built_in_band_rates_declare_one_rate_per_threshold(string prefix)
        => Store.Definition(prefix + ".band_rates").SameLengthAs.Should().Be(prefix + ".band_thresholds");

    [Fact]
    public void Band_thresholds_without_matching_rates_are_rejected_at_load_naming_the_newer_file_region_and_date()
    {
        // Ulanqab's built-in bands: thresholds [0, 30000, 70000, 200000] and four rates, from 2019-01-01.
        var thresholdsOnly = File(RegionCodes.Ulanqab, $$"""
            "medical.basic.band_thresholds": { "unit": "yuan", "period": "none", "list": true,
              "values": [ {{Value("2031-01-01", "[0, 30000, 70000, 200000, 400000]")}} ] }
            """);
        FluentActions.Invoking(() => Store.WithJson(thresholdsOnly, "bands.json")).Should().Throw<DataFormatException>()
            .WithMessage("bands.json at $.parameters['medical.basic.band_thresholds']*'medical.basic.band_rates' has 4 item(s) but 'medical.basic.band_thresholds' has 5 in *150900) on 2031-01-01*same length*");

        var both = thresholdsOnly.Replace("} } }", $$"""
            }, "medical.basic.band_rates": { "unit": "fraction", "period": "none", "list": true,
              "values": [ {{Value("2031-01-01", "[0.65, 0.7, 0.75, 0.8, 0.85]")}} ] } } }
            """, StringComparison.Ordinal);
        var store = Store.WithJson(both, "bands.json");
        store.Resolve("medical.basic.band_rates", new DateOnly(2031, 6, 1), RegionCodes.Ulanqab).Value.Items.Should().HaveCount(5);
    }

    [Fact]
    public void A_reform_that_adds_a_band_threshold_without_a_rate_is_rejected()
    {
        var reform = Reform.Create("bands").SetList("medical.basic.band_thresholds", RegionCodes.Ulanqab, new DateOnly(2025, 1, 1), [0, 30000, 70000, 200000, 400000]);
        FluentActions.Invoking(() => Store.WithReform(reform)).Should().Throw<ReformValidationException>()
            .WithMessage("*change 0*'medical.basic.band_rates' has 4 item(s) but 'medical.basic.band_thresholds' has 5*2025-01-01*");
        Store.WithReform(reform.SetList("medical.basic.band_rates", RegionCodes.Ulanqab, new DateOnly(2025, 1, 1), [0.6, 0.65, 0.7, 0.75, 0.8]))
            .Resolve("medical.basic.band_rates", new DateOnly(2025, 1, 1), RegionCodes.Ulanqab).Value.Items.Should().HaveCount(5);
    }

    [Fact]
    public void Same_length_as_must_name_another_list()
    {
        var json = File("000000", $$"""
            "test.rates": { "unit": "fraction", "period": "none", "list": true, "same_length_as": "test.missing",
              "values": [ {{Value("2020-01-01", "[0.5]")}} ] }
            """);
        FluentActions.Invoking(() => Store.WithJson(json, "s.json")).Should().Throw<DataFormatException>()
            .WithMessage("s.json at $.parameters['test.rates'].same_length_as*'test.missing'*not a parameter*");
    }
}
