using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.Reforms;

/// <summary>
/// A reform is validated when it is applied, in every region at or below the region it names and on every date
/// where the value it changes can change, so that a problem anywhere is reported by WithReform and not in a run.
/// </summary>
public class ReformRegionValidationTests
{
    // dibao.standard.urban: range [0, 200000] yuan/year; Zhejiang 11,000 from 2022-12-01 (built-in).
    private static readonly ParameterStore Store = ParameterStore.Default.WithJson("""
        { "authority": "test", "region": "330100",
          "parameters": { "dibao.standard.urban": { "unit": "yuan", "period": "year",
            "values": [ { "from": "2023-07-01", "value": 190000, "provenance": "I", "source": "test: a city near the top of the range" } ] } } }
        """, "hangzhou.json");

    [Fact]
    public void A_scale_that_is_out_of_range_only_in_a_city_is_rejected_by_WithReform_naming_the_city()
    {
        // Zhejiang: 11,000 × 1.1 = 12,100 (fine); Hangzhou: 190,000 × 1.1 = 209,000 > 200,000.
        var reform = Reform.Create("ZJ +10%").Scale(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 1.1);
        var error = FluentActions.Invoking(() => Store.WithReform(reform)).Should().Throw<ReformValidationException>().Which;
        // One problem per date on which the value in force is checked (2024-01-01, and 2025-01-01 when the national average changes).
        error.Problems[0].Should().Match("change 0 (dibao.standard.urban in 330000)*Hangzhou (330100) on 2024-01-01*209000* is outside the allowed range [0, 200000]*");
        error.Problems.Should().OnlyContain(p => p.Contains("Hangzhou (330100)", StringComparison.Ordinal) && p.Contains("209000", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reform_read_from_a_file_is_rejected_naming_the_file_and_the_change_path()
    {
        var reform = Reform.Parse("""
            { "name": "ZJ +10%", "changes": [ { "parameter": "dibao.standard.urban", "region": "330000", "from": "2024-01-01", "scale": 1.1 } ] }
            """, "reforms/zj-dibao.json");
        reform.Source.Should().Be("reforms/zj-dibao.json");
        reform.Describe("kept through edits").Source.Should().Be("reforms/zj-dibao.json");
        Reform.Create("in code").Source.Should().BeNull();

        var error = FluentActions.Invoking(() => Store.WithReform(reform)).Should().Throw<ReformValidationException>().Which;
        error.ReformFile.Should().Be("reforms/zj-dibao.json");
        error.Message.Should().StartWith("Reform 'ZJ +10%' (read from reforms/zj-dibao.json; change i is $.changes[i] there) is invalid");
        error.Problems[0].Should().StartWith("change 0 (dibao.standard.urban in 330000)");
    }

    [Fact]
    public void A_change_that_goes_out_of_range_only_at_a_later_date_inside_its_interval_is_rejected_naming_that_date()
    {
        // Zhejiang's value becomes 190,000 from 2026-03-01; a +10% from 2024 is fine until then and 209,000 after.
        var store = ParameterStore.Default.WithJson("""
            { "authority": "test", "region": "330000",
              "parameters": { "dibao.standard.urban": { "unit": "yuan", "period": "year",
                "values": [ { "from": "2026-03-01", "value": 190000, "provenance": "I", "source": "test" } ] } } }
            """, "later.json");
        var reform = Reform.Create("ZJ +10%").Scale(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 1.1);
        FluentActions.Invoking(() => store.WithReform(reform)).Should().Throw<ReformValidationException>()
            .WithMessage("*on 2026-03-01*209000* is outside the allowed range*");

        // The same change ending before that date is accepted.
        var bounded = Reform.Create("ZJ +10% to 2025").Scale(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 1.1, until: new DateOnly(2026, 2, 28));
        store.WithReform(bounded).Resolve(DibaoProgram.StandardUrban, new DateOnly(2025, 1, 1), RegionCodes.Hangzhou).Value.Scalar.Should().BeApproximately(12_100, 1e-9);
    }

    [Fact]
    public void A_national_cut_is_rejected_in_every_region_where_it_goes_negative_all_problems_together()
    {
        // Nation 2022-01-01: 6,985.2 rural (fine after −6,000: 985.2); Xinjiang rural 5,400 (negative). A city set by a
        // second change is also reported; every problem is in one exception.
        var reform = Reform.Create("cut")
            .Add(DibaoProgram.StandardRural, RegionCodes.China, new DateOnly(2022, 1, 1), -6_000)
            .Scale(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 1.1);
        var error = FluentActions.Invoking(() => Store.WithReform(reform)).Should().Throw<ReformValidationException>().Which;
        error.Problems.Should().Contain(p => p.StartsWith("change 0 ", StringComparison.Ordinal) && p.Contains("Kashgar (653100)", StringComparison.Ordinal) && p.Contains("outside the allowed range", StringComparison.Ordinal));
        error.Problems.Should().Contain(p => p.StartsWith("change 1 ", StringComparison.Ordinal) && p.Contains("Hangzhou (330100)", StringComparison.Ordinal));
        error.Problems.Should().NotContain(p => p.Contains("Hangzhou", StringComparison.Ordinal) && p.StartsWith("change 0 ", StringComparison.Ordinal), "Zhejiang's rural standard is 11,000");
    }

    [Fact]
    public void A_later_reform_is_checked_against_an_earlier_one_in_the_regions_below_it()
    {
        // The first reform adds 100,000 in Zhejiang (111,000). A second that sets the nation's value to 150,000 from
        // 2025 but keeps the lower regions' own values leaves Zhejiang's 11,000 (plus the addition) alone, so nothing
        // goes out of range there; the same set reaching every region (the default) replaces Zhejiang's value too and
        // makes 250,000 with the earlier addition, as does setting Zhejiang itself to 150,000.
        var first = ParameterStore.Default.WithReform(Reform.Create("add").Add(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 100_000));
        first.WithReform(Reform.Create("nation").Set(DibaoProgram.StandardUrban, RegionCodes.China, new DateOnly(2025, 1, 1), 150_000, keepLowerRegions: true))
            .Resolve(DibaoProgram.StandardUrban, new DateOnly(2025, 6, 30), RegionCodes.Hangzhou).Value.Scalar.Should().Be(111_000);
        FluentActions.Invoking(() => first.WithReform(Reform.Create("nation").Set(DibaoProgram.StandardUrban, RegionCodes.China, new DateOnly(2025, 1, 1), 150_000)))
            .Should().Throw<ReformValidationException>().WithMessage("*change 0*Zhejiang (330000) on 2025-01-01*250000 is outside the allowed range*");
        FluentActions.Invoking(() => first.WithReform(Reform.Create("zj").Set(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2025, 1, 1), 150_000)))
            .Should().Throw<ReformValidationException>().WithMessage("*change 0*Zhejiang (330000) on 2025-01-01*250000 is outside the allowed range*");
    }
}
