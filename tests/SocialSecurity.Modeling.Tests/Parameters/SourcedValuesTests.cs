using System.Globalization;
using System.Text.Json.Nodes;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.Parameters;

/// <summary>
/// The sourced values are in force (docs/parameter-derivations.md). <c>Parameters/Data/policy-values-expected.json</c>
/// copies, verbatim, every record of the project's list of sourced policy values (value, unit, period, tag, quote,
/// source) and says where the library holds each one: every record with a value is found in force at its date and
/// region with that value, its provenance tag and its source; rule records are documented derivations with the
/// [D] values built from them; the few values the library cannot hold are documented with the reason. The copy
/// keeps the test independent of the shared folder; a second test checks the copy against it when it is present.
/// </summary>
public class SourcedValuesTests
{
    private const string SharedRecords = "domain/policy-values.json";
    private static readonly ParameterStore Store = ParameterStore.Default;
    private static readonly Lazy<JsonObject> Expected = new(() =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Parameters", "Data", "policy-values-expected.json")))!);

    private static JsonArray Entries => Expected.Value["records"]!.AsArray();

    private static bool HasValue(JsonNode entry) => entry["record"]!["value"] is not null;

    [Fact]
    public void The_copy_holds_all_89_records_and_72_carry_a_value()
    {
        Entries.Should().HaveCount(89);
        Entries.Count(e => HasValue(e!)).Should().Be(72);
        Entries.Select(e => (int)e!["index"]!).Should().Equal(Enumerable.Range(0, 89));
    }

    [Fact]
    public void Every_record_with_a_value_is_held_derived_or_documented_and_records_without_one_are_not_claimed()
    {
        foreach (var entry in Entries)
        {
            bool handled = entry!["checks"] is not null || entry["derived"] is not null || entry["documented"] is not null;
            handled.Should().Be(HasValue(entry), $"record {entry["index"]} ({entry["record"]!["key"]}, {entry["record"]!["meaning"]})");
        }
    }

    [Fact]
    public void Every_sourced_value_is_in_force_at_its_date_and_region_with_its_value_tag_and_source()
    {
        var problems = new List<string>();
        int checkedValues = 0;
        foreach (var entry in Entries.Where(e => e!["checks"] is not null))
        {
            var record = entry!["record"]!;
            foreach (var check in entry["checks"]!.AsArray())
            {
                var value = record["value"]!;
                double expected = check!["field"] is { } field ? (double)value[(string)field!]! : (double)value;
                checkedValues++;
                Check(entry, check, expected, TagOf(record), problems);
            }
        }

        problems.Should().BeEmpty();
        checkedValues.Should().BeGreaterThanOrEqualTo(60);
    }

    [Fact]
    public void Rule_records_give_derived_values_that_are_in_force_with_their_formula_in_the_source()
    {
        var problems = new List<string>();
        foreach (var entry in Entries.Where(e => e!["derived"] is not null))
        {
            foreach (var check in entry!["derived"]!.AsArray())
            {
                Check(entry, check!, (double)check!["value"]!, "D", problems);
            }
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Documented_records_are_explained_on_the_derivations_page()
    {
        var root = RepositoryRoot();
        var problems = new List<string>();
        foreach (var entry in Entries.Where(e => e!["documented"] is not null))
        {
            var documented = entry!["documented"]!;
            var text = File.ReadAllText(Path.Combine(root, (string)documented["page"]!));
            foreach (var s in documented["contains"]!.AsArray())
            {
                if (!text.Contains((string)s!, StringComparison.Ordinal))
                {
                    problems.Add($"record {entry["index"]} ({entry["record"]!["key"]}): {documented["page"]} does not contain '{s}'");
                }
            }
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Derived_values_follow_from_the_sourced_ones_by_the_documented_arithmetic()
    {
        // Hand arithmetic of docs/parameter-derivations.md, from the published inputs (not from the files).
        double At(string name, string region, string per) => Read(Store.Resolve(name, new DateOnly(2023, 7, 1), region), per);

        // National averages: geometric interpolation between Q3 2021 and end 2024, 1.25 of 3.25 years in.
        double urban2022 = 706.6 * Math.Pow(798.1 / 706.6, 1.25 / 3.25);
        double rural2022 = 6298.8 / 12 * Math.Pow(593.9 / (6298.8 / 12), 1.25 / 3.25);
        At("dibao.standard.urban", RegionCodes.China, "month").Should().BeApproximately(urban2022, 0.01);
        At("dibao.standard.rural", RegionCodes.China, "month").Should().BeApproximately(rural2022, 0.01);
        urban2022.Should().BeInRange(706.6, 798.1);

        // Xinjiang: 2022 local consumption × the national ratio of standard to consumption.
        At("dibao.standard.urban", RegionCodes.Xinjiang, "year").Should().BeApproximately(24142 * (Math.Round(urban2022, 2) * 12 / 30391), 0.02);
        At("dibao.standard.rural", RegionCodes.InnerMongolia, "year").Should().BeApproximately(15444 * (Math.Round(rural2022, 2) * 12 / 16632), 0.02);

        // Jiangsu: the 2021 average 803 grown by its published 4.2%.
        At("dibao.standard.urban", RegionCodes.Jiangsu, "month").Should().BeApproximately(803 * 1.042, 0.005);

        // Wages brought back to 2023 by the NBS growth 114,029 → 120,698.
        double g = 120698.0 / 114029.0;
        At("pension.employee.average_wage", RegionCodes.Zhejiang, "year").Should().BeApproximately(99720 / g, 0.01);
        At("pension.employee.average_wage", RegionCodes.InnerMongolia, "year").Should().BeApproximately(98148 / (g * g), 0.01);
        At("destitute.care.minimum_wage_monthly", RegionCodes.Jiangsu, "month").Should().BeApproximately(2660 / (g * g * g), 0.01);

        // The Minister's growth since 2020 agrees with the end-2024 averages within 1%.
        (665 * 1.196).Should().BeApproximately(Read(Store.Resolve("dibao.standard.urban", new DateOnly(2025, 6, 1), RegionCodes.China), "month"), 0.01 * 798.1);
        (5842 * 1.213 / 12).Should().BeApproximately(Read(Store.Resolve("dibao.standard.rural", new DateOnly(2025, 6, 1), RegionCodes.China), "month"), 0.01 * 593.9);
    }

    [Theory]
    [InlineData("dibao.standard.urban")]
    [InlineData("dibao.standard.rural")]
    [InlineData("pension.employee.average_wage")]
    [InlineData("pension.employee.benefit_base")]
    [InlineData("destitute.care.minimum_wage_monthly")]
    public void At_the_baseline_date_no_study_province_runs_on_an_illustrative_value_of(string name)
    {
        var baseline = new DateOnly(2023, 7, 1);
        foreach (var province in RegionCodes.StudyProvinces)
        {
            var resolved = Store.Resolve(name, baseline, province);
            resolved.IsIllustrative.Should().BeFalse($"{name} in {province} on {baseline:yyyy-MM-dd} is {resolved.Value} from {resolved.Entry.File}");
            resolved.IsExtrapolated.Should().BeFalse();
        }
    }

    [SharedFileFact(SharedRecords)]
    public void The_copy_matches_the_shared_record_list_record_for_record()
    {
        var shared = JsonNode.Parse(File.ReadAllText(ExternalResource.RequireSharedFile(SharedRecords)))!.AsArray();
        shared.Should().HaveCount(Entries.Count);
        for (int i = 0; i < shared.Count; i++)
        {
            JsonNode.DeepEquals(shared[i], Entries[i]!["record"]).Should().BeTrue($"record {i} ({shared[i]!["key"]}) differs from the copy");
        }
    }

    // The record's tag in the library's vocabulary: an official text (L) is N for a national value, L for a local one.
    private static string TagOf(JsonNode record)
    {
        var tag = (string)record["tag"]!;
        return tag == "L" && (string)record["region"]! == RegionCodes.China ? "N" : tag;
    }

    private static void Check(JsonNode entry, JsonNode check, double expected, string tag, List<string> problems)
    {
        string name = (string)check["parameter"]!;
        string region = (string)check["region"]!;
        var date = DateOnly.ParseExact((string)check["date"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        string where = $"record {entry["index"]} → {name} in {region} on {date:yyyy-MM-dd}";
        var resolved = Store.TryResolve(name, date, Store.Regions.GetId(region));
        if (resolved is null)
        {
            problems.Add($"{where}: no value in force");
            return;
        }

        double actual = Read(resolved, (string)check["per"]!);
        if (Math.Abs(actual - expected) > 0.005)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: {actual} ≠ {expected}"));
        }

        if (Store.Regions[resolved.Entry.Region].Code != region)
        {
            problems.Add($"{where}: set at {Store.Regions[resolved.Entry.Region].Code}, not at {region} itself");
        }

        if (resolved.Provenance.Tag() != tag)
        {
            problems.Add($"{where}: tag {resolved.Provenance.Tag()} ≠ {tag}");
        }

        string contains = (string)check["source_contains"]!;
        if (!resolved.Entry.Source.Contains(contains, StringComparison.Ordinal))
        {
            problems.Add($"{where}: source '{resolved.Entry.Source}' does not contain '{contains}'");
        }
    }

    private static double Read(ResolvedParameter resolved, string per) => per switch
    {
        "month" => resolved.PerMonth(),
        "year" => resolved.PerYear(),
        _ => resolved.Scalar(),
    };

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialSecurity.Modeling.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (SocialSecurity.Modeling.sln) not found above " + AppContext.BaseDirectory);
    }
}
