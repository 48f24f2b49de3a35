using System.Globalization;

namespace SocialSecurity.Modeling.Tests.Cases;

/// <summary>
/// Declarative household cases (OpenFisca-style): each JSON file under Cases/Households is a household, a policy, an
/// optional reform and, for one or more dates, the expected outputs with the hand arithmetic behind each one, naming
/// the rule it checks and where that rule is written down. Add a case by adding a file; no code (see Cases/README.md).
/// </summary>
public class HouseholdCaseTests
{
    /// <summary>The folder of case files in the test output.</summary>
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Cases", "Households");

    private const string NoFiles = "(no case files)";

    /// <summary>The case files, by name; a sentinel when there are none, so that the theory fails instead of running nothing.</summary>
    public static TheoryData<string> Files() => FilesIn(Folder);

    /// <summary>The case files of <paramref name="folder"/>, or the sentinel when it holds none.</summary>
    /// <param name="folder">The folder.</param>
    public static TheoryData<string> FilesIn(string folder)
    {
        var data = new TheoryData<string>();
        var files = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList() : [];
        foreach (var file in files)
        {
            data.Add(file!);
        }

        if (files.Count == 0)
        {
            data.Add(NoFiles);
        }

        return data;
    }

    /// <summary>Every case file, loaded (fails on the first invalid one, naming it).</summary>
    public static IReadOnlyList<HouseholdCase> LoadAll()
        => [.. Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal).Select(HouseholdCase.Load)];

    [Fact]
    public void The_cases_folder_holds_at_least_100_cases()
    {
        Directory.Exists(Folder).Should().BeTrue($"the case files are copied to {Folder}");
        Directory.EnumerateFiles(Folder, "*.json").Count().Should().BeGreaterThanOrEqualTo(100);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Case_gives_the_expected_outputs(string file)
    {
        file.Should().NotBe(NoFiles, $"the folder {Folder} must hold case files");
        var c = HouseholdCase.Load(Path.Combine(Folder, file));
        var parameters = c.Parameters();
        var failures = new List<string>();
        foreach (var period in c.Periods)
        {
            foreach (var (check, actual) in c.Run(period, parameters))
            {
                if (!check.Matches(actual))
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{file} at {check.Path} ({period.Date:yyyy-MM-dd}, {check.Variable}{(check.Member is { } m ? $", member {m}" : string.Empty)}): expected {check.Value:R} ± {check.Tolerance:G3} [{check.Why}], computed {actual:R}"));
                }
            }
        }

        failures.Should().BeEmpty($"case '{c.Name}' checks {string.Join(", ", c.Rules)}");
    }

    [Fact]
    public void An_empty_cases_folder_fails_instead_of_passing()
    {
        var empty = Directory.CreateTempSubdirectory("no-cases-");
        try
        {
            var files = FilesIn(empty.FullName);
            files.Should().ContainSingle();
            var only = files.Cast<object[]>().Single();
            var act = () => Case_gives_the_expected_outputs((string)only[0]);
            act.Should().Throw<Exception>();
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void Every_program_has_at_least_three_cases()
    {
        var counts = CaseCatalog.ProgramTypes.ToDictionary(t => t, _ => 0);
        foreach (var c in LoadAll())
        {
            var programs = c.Policy().Programs;
            foreach (var type in c.Rules.Select(rule => programs.First(p => p.Name == rule).GetType()).Distinct())
            {
                counts[type]++;
            }
        }

        counts.Where(kv => kv.Value < 3).Select(kv => $"{kv.Key.Name}: {kv.Value}").Should().BeEmpty("every program's rule is checked by at least three cases");
    }

    [Fact]
    public void Every_named_package_of_the_library_can_be_used_by_a_case()
        => CaseCatalog.Packages.Keys.Should().Contain(["Policies.Standard", "AssistancePolicies.Extended", "AssistancePolicies.ExtendedWithTargeting", "PensionPolicies.WithResidentPension", "PensionPolicies.WithEmployeeAndResidentPensions"]);

    [Theory]
    [InlineData("""{ "name": "x", "rules": ["dibao"], "sources": ["docs/rules/dibao.md"], "policy": ["dibao"], "household": { "region": "330100" }, "members": [ { "age": "forty" } ], "periods": [ { "date": "2023-06-30", "expected": [ { "variable": "dibao.eligible", "value": 0, "why": "x = 0" } ] } ] }""", "$.members[0].age")]
    [InlineData("""{ "name": "x", "rules": ["dibao"], "sources": ["docs/rules/dibao.md"], "policy": ["dibao"], "household": { "region": "330100" }, "members": [ { "age": 40 } ], "periods": [ { "date": "2023-06-30", "expected": [ { "variable": "dibao.eligible", "value": 0, "why": "no arithmetic" } ] } ] }""", "$.periods[0].expected[0].why")]
    [InlineData("""{ "name": "x", "rules": ["dibao"], "sources": ["docs/rules/dibao.md"], "policy": ["dibao"], "household": { "region": "330100" }, "members": [ { "age": 40 } ], "periods": [ { "date": "2023-06-30", "expected": [ { "variable": "dibao.benefit", "value": 0, "why": "x = 0" } ] } ] }""", "$.periods[0].expected[0].variable")]
    [InlineData("""{ "name": "x", "rules": ["dibao"], "sources": ["docs/rules/dibao.md"], "policy": ["dibao"], "household": { "region": "330100", "assets": 5 }, "members": [ { "age": 40 } ], "periods": [ { "date": "2023-06-30", "expected": [ { "variable": "dibao.eligible", "value": 0, "why": "x = 0" } ] } ] }""", "$.household.assets")]
    [InlineData("""{ "name": "x", "rules": ["dibao"], "sources": ["the study, chapter 3"], "policy": ["dibao"], "household": { "region": "330100" }, "members": [ { "age": 40 } ], "periods": [ { "date": "2023-06-30", "expected": [ { "variable": "dibao.eligible", "value": 0, "why": "x = 0" } ] } ] }""", "$.sources[0]")]
    [InlineData("""{ "name": "x", "rules": ["dibao_marginal"], "sources": ["docs/rules/dibao.md"], "policy": ["dibao"], "household": { "region": "330100" }, "members": [ { "age": 40 } ], "periods": [ { "date": "2023-06-30", "expected": [ { "variable": "dibao.eligible", "value": 0, "why": "x = 0" } ] } ] }""", "$.rules[0]")]
    [InlineData("""{ "name": "x", "rules": ["dibao"], "sources": ["docs/rules/dibao.md"], "policy": ["dibao"], "household": { "region": "330100" }, "members": [ { "age": 40 } ], "periods": [ { "date": "2023-06-30", "expected": [ { "variable": "dibao.eligible", "member": 0, "value": 0, "why": "x = 0" } ] } ] }""", "$.periods[0].expected[0].member")]
    [InlineData("""{ "name": "x", "rules": ["dibao"], "sources": ["docs/rules/dibao.md"], "policy": "Policies.Nothing", "household": { "region": "330100" }, "members": [ { "age": 40 } ], "periods": [ { "date": "2023-06-30", "expected": [ { "variable": "dibao.eligible", "value": 0, "why": "x = 0" } ] } ] }""", "$.policy")]
    [InlineData("""{ "name": "x", "rules": ["dibao"], "sources": ["docs/rules/dibao.md"], "policy": ["dibao"], "reform": { "name": "r", "changes": [ { "parameter": "dibao.standard.urban", "region": "330000", "from": "2024-01-01", "scale": 1.1, "value": 3 } ] }, "household": { "region": "330100" }, "members": [ { "age": 40 } ], "periods": [ { "date": "2023-06-30", "expected": [ { "variable": "dibao.eligible", "value": 0, "why": "x = 0" } ] } ] }""", "$.reform.changes[0]")]
    [InlineData("""{ "name": "x", "rules": ["dibao"], "sources": ["docs/rules/dibao.md"], "policy": ["dibao"], "household": { "region": "330100" }, "members": [ { "age": 40 } ], "periods": [ { "date": "2023-02-30", "expected": [ { "variable": "dibao.eligible", "value": 0, "why": "x = 0" } ] } ] }""", "$.periods[0].date")]
    [InlineData("""{ "name": "x", "rules": ["dibao"], "sources": ["docs/rules/dibao.md"], "policy": ["dibao"], "household": { "region": "330100" }, "members": [ { "age": 40 } ] """, "$")]
    public void An_invalid_case_file_fails_naming_the_file_and_the_json_path(string json, string path)
    {
        var act = () => HouseholdCase.Parse(json, "broken-case.json");
        act.Should().Throw<DataFormatException>().Where(e => e.File == "broken-case.json" && e.Location == path && e.Message.StartsWith("broken-case.json at " + path, StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_expectation_fails_the_case()
    {
        // The runner itself must be able to fail: 3 × 11,000 − 18,000 = 15,000 a year is 1,250 a month, not 1,250.01.
        var c = HouseholdCase.Parse("""
            { "name": "x", "rules": ["dibao"], "sources": ["docs/rules/dibao.md"], "policy": ["dibao"], "household": { "region": "330100" },
              "members": [ { "age": 40, "wages_annual": 18000 }, { "age": 38 }, { "age": 10 } ],
              "periods": [ { "date": "2023-06-30", "expected": [ { "variable": "dibao.benefit_monthly", "value": 1250.01, "why": "wrong on purpose = 1250.01" } ] } ] }
            """, "wrong.json");
        var (check, actual) = c.Run(c.Periods[0], c.Parameters()).Single();
        check.Matches(actual).Should().BeFalse();
        actual.Should().BeApproximately(1250, 1e-9);
    }
}
