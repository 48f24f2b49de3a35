using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.Parameters;

/// <summary>
/// A value looked up long after the last date its parameter's values are known to (docs/parameter-validation.md) is
/// flagged as extrapolated, shown as such in explanations, and listed by ExtrapolatedAt.
/// </summary>
public class ExtrapolationTests
{
    private static readonly ParameterStore Store = ParameterStore.Default;

    [Fact]
    public void A_run_in_2099_flags_the_dibao_standard_as_extrapolated_and_says_so_in_its_description()
    {
        var resolved = Store.Resolve(DibaoProgram.StandardUrban, new DateOnly(2099, 1, 1), Store.Regions.GetId(RegionCodes.Hangzhou));
        resolved.Value.Scalar.Should().Be(11_000, "the latest value is still carried forward");
        resolved.IsExtrapolated.Should().BeTrue();
        // Newest dibao.standard.urban start date anywhere is the national 2025-01-01 (the end-2024 average), later than the built-in values' as-of date 2024-12-31.
        resolved.ExtrapolatedBeyond.Should().Be(new DateOnly(2025, 1, 1));
        resolved.Describe(Store.Regions).Should().Contain("EXTRAPOLATED to 2099-01-01, values known to 2025-01-01");
    }

    [Fact]
    public void The_horizon_is_five_years_after_the_date_values_are_known_to()
    {
        var hangzhou = Store.Regions.GetId(RegionCodes.Hangzhou);
        Store.ExtrapolationYears.Should().Be(5);
        Store.Resolve(DibaoProgram.StandardUrban, new DateOnly(2030, 1, 1), hangzhou).IsExtrapolated.Should().BeFalse();
        Store.Resolve(DibaoProgram.StandardUrban, new DateOnly(2030, 1, 2), hangzhou).IsExtrapolated.Should().BeTrue();
        Store.Resolve(DibaoProgram.StandardUrban, new DateOnly(2024, 6, 30), hangzhou).Describe(Store.Regions).Should().NotContain("EXTRAPOLATED");
    }

    [Fact]
    public void An_old_value_still_in_force_within_the_horizon_is_not_extrapolated()
        // dibao.asset_test.financial_assets_months has one value, from 2014-05-01; it is known to hold at 2024-12-31.
        => Store.Resolve(DibaoProgram.AssetMonths, new DateOnly(2026, 1, 1), Store.Regions.GetId(RegionCodes.Kashgar)).IsExtrapolated.Should().BeFalse();

    [Fact]
    public void A_parameter_with_scheduled_future_values_is_known_to_its_last_scheduled_date()
    {
        var store = ParameterStore.Empty(RegionCatalog.Default).WithJson("""
            { "authority": "test", "region": "000000",
              "parameters": { "test.age": { "unit": "years", "period": "none", "max": 120,
                "values": [ { "from": "2020-01-01", "value": 60, "provenance": "I", "source": "t" },
                            { "from": "2040-01-01", "value": 63, "provenance": "I", "source": "t" } ] } } }
            """, "schedule.json");
        store.ValuesAsOf.Should().Be(DateOnly.MinValue);
        var nation = store.Regions.Root;
        store.Resolve("test.age", new DateOnly(2045, 1, 1), nation).IsExtrapolated.Should().BeFalse();
        store.Resolve("test.age", new DateOnly(2045, 1, 2), nation).ExtrapolatedBeyond.Should().Be(new DateOnly(2040, 1, 1));
        var tighter = store.WithExtrapolationHorizon(0);
        tighter.Resolve("test.age", new DateOnly(2040, 1, 2), nation).IsExtrapolated.Should().BeTrue();
        tighter.WithExtrapolationHorizon(0, new DateOnly(2050, 1, 1)).Resolve("test.age", new DateOnly(2050, 1, 1), nation).IsExtrapolated.Should().BeFalse();
        FluentActions.Invoking(() => store.WithExtrapolationHorizon(-1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ExtrapolatedAt_lists_the_extrapolated_parameters_of_a_run_sorted_by_name()
    {
        var hangzhou = Store.Regions.GetId(RegionCodes.Hangzhou);
        string[] names = [DibaoProgram.StandardUrban, DibaoProgram.StandardRural, DibaoProgram.AssetMonths];
        Store.ExtrapolatedAt(new DateOnly(2024, 6, 30), hangzhou, names).Should().BeEmpty();
        Store.ExtrapolatedAt(new DateOnly(2099, 1, 1), hangzhou, names).Select(r => r.Name).Should()
            .Equal(DibaoProgram.AssetMonths, DibaoProgram.StandardRural, DibaoProgram.StandardUrban);
        Store.ExtrapolatedAt(new DateOnly(2099, 1, 1), hangzhou).Should().Contain(r => r.Name == DibaoProgram.StandardUrban);
    }

    [Fact]
    public void A_value_a_reform_sets_for_a_late_date_is_known_from_that_date_and_the_horizon_survives_reforms_and_files()
    {
        var store = Store.WithExtrapolationHorizon(2)
            .WithReform(Reform.Create("2090").Set(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2090, 1, 1), 20_000));
        store.ExtrapolationYears.Should().Be(2);
        store.ValuesAsOf.Should().Be(ParameterStore.BuiltInValuesAsOf);
        var hangzhou = store.Regions.GetId(RegionCodes.Hangzhou);
        store.Resolve(DibaoProgram.StandardUrban, new DateOnly(2091, 1, 1), hangzhou).IsExtrapolated.Should().BeFalse();
        store.Resolve(DibaoProgram.StandardUrban, new DateOnly(2093, 1, 1), hangzhou).ExtrapolatedBeyond.Should().Be(new DateOnly(2090, 1, 1));
        store.Resolve(DibaoProgram.StandardRural, new DateOnly(2028, 1, 1), hangzhou).IsExtrapolated.Should().BeTrue("the horizon is 2 years after 2024-12-31");
    }
}
