using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Parameters;

public class ParameterStoreTests
{
    private static readonly ParameterStore Store = ParameterStore.Default;
    private static readonly DateOnly Mid2023 = new(2023, 6, 30);

    [Fact]
    public void A_city_inherits_its_province_value_and_says_where_it_came_from()
    {
        var resolved = Store.Resolve(DibaoProgram.StandardUrban, Mid2023, RegionCodes.Hangzhou);
        resolved.Value.Scalar.Should().Be(11_000);
        Store.Regions[resolved.Entry.Region].Code.Should().Be(RegionCodes.Zhejiang);
        resolved.Provenance.Should().Be(Provenance.Paper);
        resolved.Entry.From.Should().Be(new DateOnly(2022, 12, 1));
        resolved.Entry.Source.Should().Contain("Xi & Abudurehman");
    }

    [Fact]
    public void National_values_apply_where_no_local_rule_is_loaded_and_are_marked_illustrative()
    {
        var resolved = Store.Resolve(DibaoProgram.AssetMonths, Mid2023, RegionCodes.Kashgar);
        resolved.Value.Scalar.Should().Be(24);
        resolved.IsIllustrative.Should().BeTrue();
        resolved.Describe(Store.Regions).Should().Contain("ILLUSTRATIVE");
    }

    [Fact]
    public void Other_provinces_dibao_standards_are_labelled_derived_with_their_formula_not_presented_as_published()
    {
        // docs/parameter-derivations.md: Jiangsu's 2021 average grown by its own 4.2%; Xinjiang and Inner Mongolia from consumption × the national ratio.
        foreach (var province in new[] { RegionCodes.Jiangsu, RegionCodes.Xinjiang, RegionCodes.InnerMongolia })
        {
            var resolved = Store.Resolve(DibaoProgram.StandardUrban, Mid2023, province);
            resolved.Provenance.Should().Be(Provenance.Derived);
            resolved.Entry.Source.Should().StartWith("Derived (docs/parameter-derivations.md#");
        }
    }

    [Fact]
    public void Before_any_value_takes_effect_the_lookup_fails_and_names_the_dates_and_regions()
        => FluentActions.Invoking(() => Store.Resolve(DibaoProgram.StandardUrban, new DateOnly(2020, 6, 30), RegionCodes.Hangzhou))
            .Should().Throw<ParameterNotFoundException>().WithMessage("*dibao.standard.urban*2020-06-30*Hangzhou*2022-12-01 in 330000*");

    [Fact]
    public void Before_a_province_value_takes_effect_the_next_level_up_applies_and_says_so()
    {
        var resolved = Store.Resolve(DibaoProgram.StandardUrban, new DateOnly(2022, 11, 30), RegionCodes.Hangzhou);
        Store.Regions[resolved.Entry.Region].Code.Should().Be(RegionCodes.China);
        resolved.Provenance.Should().Be(Provenance.Derived, "the national average at the end of 2021 is interpolated between published stocks");
        resolved.Describe(Store.Regions).Should().Contain("[D]").And.Contain("(000000)");
    }

    [Fact]
    public void An_unknown_parameter_suggests_close_names()
        => FluentActions.Invoking(() => Store.Definition("dibao.standard.urbn"))
            .Should().Throw<ParameterNotFoundException>().WithMessage("*did you mean 'dibao.standard.urban'*");

    [Fact]
    public void Period_conversion_is_explicit_and_exact()
    {
        var annual = Store.Resolve(DibaoProgram.StandardUrban, Mid2023, RegionCodes.Zhejiang);
        annual.PerYear().Should().Be(11_000);
        annual.PerMonth().Should().Be(11_000 / 12.0);
        FluentActions.Invoking(() => annual.Scalar()).Should().Throw<InvalidOperationException>().WithMessage("*PerMonth()*PerYear()*");
        var months = Store.Resolve(DibaoProgram.AssetMonths, Mid2023, RegionCodes.Zhejiang);
        FluentActions.Invoking(() => months.PerMonth()).Should().Throw<InvalidOperationException>().WithMessage("*no period*");
    }

    [Fact]
    public void A_city_file_overrides_its_province_from_its_own_date_only()
    {
        var store = Store.WithJson("""
            { "authority": "Hangzhou Civil Affairs Bureau", "region": "330100",
              "parameters": { "dibao.standard.urban": { "unit": "yuan", "period": "year",
                "values": [ { "from": "2023-07-01", "value": 13000, "provenance": "I", "source": "test" } ] } } }
            """, "hangzhou-test.json");
        store.Resolve(DibaoProgram.StandardUrban, new DateOnly(2023, 6, 30), RegionCodes.Hangzhou).Value.Scalar.Should().Be(11_000);
        store.Resolve(DibaoProgram.StandardUrban, new DateOnly(2023, 7, 1), RegionCodes.Hangzhou).Value.Scalar.Should().Be(13_000);
        store.Resolve(DibaoProgram.StandardUrban, new DateOnly(2023, 7, 1), RegionCodes.Ningbo).Value.Scalar.Should().Be(11_000);
    }

    [Theory]
    [InlineData("""{ "authority": "x", "region": "330000", "parameters": { "dibao.standard.urban": { "unit": "yuan", "period": "month", "values": [ { "from": "2030-01-01", "value": 1, "provenance": "I", "source": "s" } ] } } }""", "*$.parameters['dibao.standard.urban']*yuan per month here but as yuan per year*")]
    [InlineData("""{ "authority": "x", "region": "330000", "parameters": { "dibao.standard.urban": { "unit": "yuan", "period": "year", "values": [ { "from": "2022-12-01", "value": 1, "provenance": "I", "source": "s" } ] } } }""", "*already has a value for region 330000 from 2022-12-01*")]
    [InlineData("""{ "authority": "x", "region": "330000", "parameters": { "new.rate": { "unit": "fraction", "period": "none", "values": [ { "from": "2020-01-01", "value": 1.5, "provenance": "I", "source": "s" } ] } } }""", "*outside the allowed range [0, 1]*")]
    [InlineData("""{ "authority": "x", "region": "330000", "parameters": { "new.rate": { "unit": "fraction", "period": "none", "values": [ { "from": "2020-13-01", "value": 0.5, "provenance": "I", "source": "s" } ] } } }""", "*$.parameters['new.rate'].values[0].from*yyyy-MM-dd*")]
    [InlineData("""{ "authority": "x", "region": "330000", "parameters": { "new.rate": { "unit": "fraction", "period": "none", "values": [ { "from": "2020-01-01", "value": 0.5, "provenance": "X", "source": "s" } ] } } }""", "*values[0].provenance*P, N, L, D, U, I*")]
    [InlineData("""{ "authority": "x", "region": "339999", "parameters": {} }""", "*$.region*unknown region code '339999'*")]
    [InlineData("""{ "authority": "x", "region": "330000", "parameters": { "new.rate": { "unit": "fraction", "period": "none", "valeus": [] } } }""", "*valeus*unknown property*")]
    [InlineData("""{ "authority": "x", "region": "330000", "parameters": { "new.amount": { "unit": "fraction", "period": "year", "values": [ { "from": "2020-01-01", "value": 0.5, "provenance": "I", "source": "s" } ] } } }""", "*period*must be 'none'*")]
    [InlineData("""{ "authority": "x", "region": "330000", "parameters": { """, "*malformed JSON*")]
    public void Malformed_files_fail_with_the_file_and_json_path(string json, string expected)
        => FluentActions.Invoking(() => Store.WithJson(json, "bad.json"))
            .Should().Throw<DataFormatException>().WithMessage("bad.json at " + expected);

    [Fact]
    public void User_folders_load_recursively()
    {
        var folder = Directory.CreateTempSubdirectory();
        File.WriteAllText(Path.Combine(folder.FullName, "extra.json"), """
            { "authority": "test", "region": "000000",
              "parameters": { "test.tiers": { "unit": "yuan", "period": "year", "list": true,
                "values": [ { "from": "2020-01-01", "value": [100, 200, 300], "provenance": "I", "source": "test" } ] } } }
            """);
        var store = Store.WithFiles(folder.FullName);
        store.Resolve("test.tiers", new DateOnly(2024, 1, 1), RegionCodes.Kashgar).Value.Items.Should().Equal(100, 200, 300);
        Store.Contains("test.tiers").Should().BeFalse("stores are immutable");
    }

    [Fact]
    public void Every_built_in_value_has_a_source_and_a_known_provenance()
    {
        foreach (var definition in Store.Definitions)
        {
            definition.Label.Should().NotBeNullOrWhiteSpace(definition.Name);
            foreach (var entry in definition.Entries)
            {
                entry.Source.Should().NotBeNullOrWhiteSpace($"{definition.Name} from {entry.From}");
                entry.Provenance.Should().NotBe(Provenance.Reform);
                entry.File.Should().StartWith("Data/parameters/");
            }
        }
    }
}
