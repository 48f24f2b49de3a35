using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.PopulationData;

public class ProvinceStatisticsTests
{
    [Fact]
    public void Every_built_in_value_has_a_source_a_year_and_a_tag()
    {
        ProvinceStatistics.BuiltInRegions.Should().BeEquivalentTo([RegionCodes.China, RegionCodes.Zhejiang, RegionCodes.Jiangsu, RegionCodes.Xinjiang, RegionCodes.InnerMongolia]);
        foreach (var code in ProvinceStatistics.BuiltInRegions)
        {
            ProvinceStatistics.AvailableYears(code).Should().Equal(2022, 2023);
            foreach (var year in ProvinceStatistics.AvailableYears(code))
            {
                var statistics = ProvinceStatistics.Load(code, year);
                statistics.RegionCode.Should().Be(code);
                statistics.Year.Should().Be(year);
                foreach (var (name, value) in statistics.Values)
                {
                    value.Source.Should().NotBeNullOrWhiteSpace($"{code} {name}");
                    value.Year.Should().BeInRange(2019, year, $"{code} {name}: a target never uses a later year's data");
                    value.Provenance.Should().NotBe(Provenance.Reform);
                    if (value.Year != year && name != "household_size" && !name.StartsWith("pension_", StringComparison.Ordinal) && !name.StartsWith("dibao_", StringComparison.Ordinal))
                    {
                        value.Note.Should().Contain($"{year} value not found", $"{code} {name} uses an earlier year and must say so");
                    }
                }

                // Caveat 3: the household survey's implied urban weight is below the year-end urbanization rate.
                statistics.SurveyUrbanShare.Value.Should().BeLessThan(statistics.UrbanizationRate.Value, code);
            }
        }
    }

    [Fact]
    public void Provincial_Gini_targets_are_labelled_illustrative_and_the_national_one_unverified()
    {
        ProvinceStatistics.Load(RegionCodes.China).Gini.Provenance.Should().Be(Provenance.Unverified);
        foreach (var code in RegionCodes.StudyProvinces)
        {
            var gini = ProvinceStatistics.Load(code).Gini;
            gini.Provenance.Should().Be(Provenance.Illustrative);
            gini.Note.Should().Contain("ILLUSTRATIVE");
        }

        // Zhejiang's urban and rural means are recalled, not seen: carried as unverified.
        ProvinceStatistics.Load(RegionCodes.Zhejiang).DisposableIncomeUrban.Provenance.Should().Be(Provenance.Unverified);
    }

    [Fact]
    public void Places_are_prefectures_of_the_province_and_shares_sum_to_one()
    {
        var catalog = RegionCatalog.Default;
        foreach (var code in RegionCodes.StudyProvinces)
        {
            var statistics = ProvinceStatistics.Load(code);
            var province = catalog.GetId(code);
            statistics.Places.Sum(p => p.Share).Should().BeApproximately(1, 1e-3);
            foreach (var place in statistics.Places)
            {
                catalog.IsWithin(catalog.GetId(place.RegionCode), province).Should().BeTrue(place.RegionCode);
            }
        }

        ProvinceStatistics.Load(RegionCodes.China).Places.Should().BeEmpty();
    }

    [Fact]
    public void A_malformed_statistics_file_is_reported_with_its_path()
    {
        var builtIn = System.Text.Encoding.UTF8.GetString(SocialSecurity.Modeling.Internal.EmbeddedData.Read("statistics/330000.json"));
        var path = Path.Combine(Path.GetTempPath(), $"stats-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, builtIn.Replace("\"value\": 65770000", "\"value\": 10", StringComparison.Ordinal));
            var tooSmall = () => ProvinceStatistics.LoadFile(path, 2022);
            tooSmall.Should().Throw<DataFormatException>().WithMessage($"{path} at $.years.2022.targets.resident_population.value: 10 is outside the expected range*");

            File.WriteAllText(path, builtIn.Replace("\"age_share_0_15\"", "\"age_share_0_16\"", StringComparison.Ordinal));
            var misspelt = () => ProvinceStatistics.LoadFile(path, 2022);
            misspelt.Should().Throw<DataFormatException>().WithMessage("*$.years.2022.targets.age_share_0_16: unknown property*");

            File.WriteAllText(path, builtIn);
            ProvinceStatistics.LoadFile(path, 2023).Should().BeEquivalentTo(ProvinceStatistics.Load(RegionCodes.Zhejiang, 2023));
            var missingYear = () => ProvinceStatistics.LoadFile(path, 2030);
            missingYear.Should().Throw<ArgumentException>().WithMessage("*no statistics for 2030; years available: 2022, 2023*");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Unknown_built_in_region_names_the_choices()
    {
        var act = () => ProvinceStatistics.Load("110000");
        act.Should().Throw<ArgumentException>().WithMessage("*110000*000000, 150000, 320000, 330000, 650000*");
    }

    [Fact]
    public void A_target_file_with_a_negative_total_a_group_mean_out_of_order_or_an_unknown_region_is_rejected_naming_file_and_field()
    {
        var builtIn = System.Text.Encoding.UTF8.GetString(SocialSecurity.Modeling.Internal.EmbeddedData.Read("statistics/000000.json"));
        var path = Path.Combine(Path.GetTempPath(), $"stats-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, builtIn.Replace("\"value\": 1409670000", "\"value\": -1409670000", StringComparison.Ordinal));
            var negative = () => ProvinceStatistics.LoadFile(path, 2023);
            negative.Should().Throw<DataFormatException>().WithMessage($"{path} at $.years.2023.targets.resident_population.value: -1409670000 is outside the expected range*");

            File.WriteAllText(path, builtIn.Replace("\"value\": 20442.0", "\"value\": 8000.0", StringComparison.Ordinal));
            var order = () => ProvinceStatistics.LoadFile(path, 2023);
            order.Should().Throw<DataFormatException>().WithMessage($"{path} at $.years.2023.targets.quintile_mean_lower_middle: income-group means must not decrease*");

            File.WriteAllText(path, builtIn.Replace("\"region\": \"000000\"", "\"region\": \"990000\"", StringComparison.Ordinal));
            var region = () => ProvinceStatistics.LoadFile(path, 2023);
            region.Should().Throw<DataFormatException>().WithMessage($"{path} at $.region: unknown region '990000'*");

            File.WriteAllText(path, builtIn.Replace("\"value\": 33036.0", "\"value\": -1.0", StringComparison.Ordinal));
            var check = () => ProvinceStatistics.LoadFile(path, 2023);
            check.Should().Throw<DataFormatException>().WithMessage($"{path} at $.years.2023.targets.disposable_income_median.value: -1 must be positive*");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Checks_are_loaded_apart_from_the_targets()
    {
        var china = ProvinceStatistics.Load(RegionCodes.China, 2023);
        china.Checks.Should().ContainSingle(kv => kv.Key == "disposable_income_median").Which.Value.Value.Should().Be(33036);
        china.Values.Select(kv => kv.Key).Should().NotContain("disposable_income_median");
        var zhejiang = ProvinceStatistics.Load(RegionCodes.Zhejiang, 2023);
        zhejiang.Checks.Select(kv => kv.Key).Should().BeEquivalentTo("one_time_living_subsidy_total", "destitute_persons", "destitute_persons_rural");
        zhejiang.Checks.Should().OnlyContain(kv => kv.Value.Provenance == Provenance.Paper && kv.Value.Year == 2022);
        ProvinceStatistics.Load(RegionCodes.Jiangsu, 2022).Checks.Single().Value.Value.Should().Be(2.11);
    }
}
