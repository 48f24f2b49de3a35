using System.Text.RegularExpressions;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Simulation;

namespace ProvincialComparison.Tests;

/// <summary>report.html is written from the output folder's results.json and charts, whatever tables it holds.</summary>
public sealed partial class HtmlReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("report-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_table_of_results_json_appears_with_its_exact_values_and_a_new_table_needs_no_change()
    {
        // "validation" stands for a table the writer has never heard of.
        File.WriteAllText(Path.Combine(_folder, "results.json"), """
            {
              "note": "Values tagged [I] are illustrative <not facts> & more.",
              "illustrativeParameters": ["dibao.take_up_rate = 0.8 (Zhejiang, Jiangsu)"],
              "rows": [ { "province": "Zhejiang", "scenario": "baseline", "meanDisposable": 52345.678, "gini": 0.31234567, "povertyRate": 0.1234, "dibaoCostAnnual": 2345678901.5 } ],
              "validation": [ { "indicator": "Gini", "simulated": 0.3123, "published": 0.32, "source": "NBS <2023>" }, { "indicator": "mean income", "simulated": 52345.6, "published": 52000 } ]
            }
            """);
        File.WriteAllBytes(Path.Combine(_folder, "chart-a.png"), TinyPng);
        var run = new HtmlReport.RunInfo(new DateOnly(2024, 6, 30), 20_231, 10_000, ["--persons", "10000", "--out", "/tmp/my report"], [Reform.Create("dibao +10%").Describe("Raise <both> standards by 10%.")]);

        string html = File.ReadAllText(HtmlReport.Write(_folder, run));

        html.Should().Contain("<table data-json=\"validation\">").And.Contain("<th data-key=\"published\">published</th>")
            .And.Contain("<td class=\"n\" data-value=\"0.32\">0.3200</td>")
            .And.Contain("<td data-value=\"NBS &lt;2023&gt;\">NBS &lt;2023&gt;</td>");
        html.Should().Contain("<td class=\"n\" data-value=\"52345.678\">52,346</td>", "a mean income shows whole yuan per person per year")
            .And.Contain("<td class=\"n\" data-value=\"2345678901.5\">2.346</td>", "an annual total shows billions")
            .And.Contain("<td class=\"n\" data-value=\"0.1234\">12.34</td>", "a rate shows percent")
            .And.Contain("<th data-key=\"dibaoCostAnnual\">dibao cost annual<span class=\"unit\">billion yuan/year</span></th>");
        html.Should().Contain("<li>[I] dibao.take_up_rate = 0.8 (Zhejiang, Jiangsu)</li>")
            .And.Contain("illustrative &lt;not facts&gt; &amp; more")
            .And.Contain("Raise &lt;both&gt; standards by 10%.")
            .And.Contain($"src=\"data:image/png;base64,{Convert.ToBase64String(TinyPng)}\"")
            .And.Contain("rules date: 2024-06-30; seed: 20231; persons per province: 10000")
            .And.Contain("dotnet run -c Release --project samples/ProvincialComparison -- --persons 10000 --out &#39;/tmp/my report&#39;");
        ExternalReference().IsMatch(html).Should().BeFalse("the report is self-contained: no src or href that leaves the file");
    }

    [Fact]
    public void A_validation_table_given_to_the_writer_replaces_the_generic_one_with_drivers_under_missed_rows()
    {
        File.WriteAllText(Path.Combine(_folder, "results.json"), """
            { "validation": [ { "region": "000000", "name": "gini_disposable_income" } ] }
            """);
        var table = new ValidationTable([
            new("000000", "gini_disposable_income", ValidationKind.Check, 0.465, 0.42, "index", 2023, Provenance.National, "NBS", 0.01, false,
                ValidationStatus.Missed, "[I] the <top> slope", "largest 0.448"),
        ]);
        var run = new HtmlReport.RunInfo(new DateOnly(2023, 7, 1), 1, 10_000, [], [], table);

        string html = File.ReadAllText(HtmlReport.Write(_folder, run));

        html.Should().NotContain("<table data-json=\"validation\">").And.Contain("class=\"ssm-validation\"")
            .And.Contain("driver: [I] the &lt;top&gt; slope").And.Contain("varied: largest 0.448").And.Contain("<b>MISSED</b>")
            .And.Contain("<td style=\"text-align:right\">-9.7%</td>");
    }

    [Theory]
    [InlineData("meanDisposable", 52345.678, "52,346")]
    [InlineData("netFiscalCostAnnual", -1.2e6, "-0.001")]
    [InlineData("netFiscalCostAnnual", -1e5, "0.000")]
    [InlineData("povertyRate", 0.0999, "9.99")]
    [InlineData("gini", 0.312345, "0.3123")]
    [InlineData("meanOutOfPocket", 1234.5, "1,235")]
    public void Numbers_are_shown_in_the_unit_their_column_names(string column, double value, string expected)
        => HtmlReport.Shown(column, value).Should().Be(expected);

    // A 1×1 PNG.
    private static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [GeneratedRegex("""(src|href)\s*=\s*"(?!data:|#)""")]
    private static partial Regex ExternalReference();
}
