using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using SocialSecurity.Modeling.WebCalculator.Tests.Support;

namespace ProvincialComparison.Tests;

/// <summary>
/// The main job's report.html opened in headless Chromium (the system's browser, driven by Playwright): every chart
/// loads, the tables show the values of results.json, and the page requests nothing from the network.
/// A screenshot is saved next to the test assembly (report-screenshot.png).
/// </summary>
public sealed class ReportInBrowserTests
{
    [BrowserFact]
    public async Task The_report_renders_offline_with_every_chart_and_the_values_of_results_json()
    {
        string browser = Browser.RequireChromium();
        string folder = Path.Combine(Directory.CreateTempSubdirectory("report-browser-").FullName, "out");
        try
        {
            // The real main job, small: its own entry point, in this process.
            int exit = (int)typeof(HtmlReport).Assembly.EntryPoint!.Invoke(null, [new[] { "--persons", "10000", "--replicates", "2", "--out", folder }])!;
            exit.Should().Be(0);
            string report = Path.Combine(folder, HtmlReport.FileName);
            File.Exists(report).Should().BeTrue();

            using var playwright = await Playwright.CreateAsync();
            await using var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = browser, Headless = true, Args = ["--no-sandbox"] });
            var page = await chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var requested = new List<string>();
            await page.RouteAsync("**/*", async route =>
            {
                string url = route.Request.Url;
                if (url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal))
                {
                    await route.ContinueAsync();
                }
                else
                {
                    requested.Add(url);
                    await route.AbortAsync();
                }
            });
            page.Request += (_, request) =>
            {
                if (!request.Url.StartsWith("file:", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                {
                    requested.Add(request.Url);
                }
            };
            await page.GotoAsync(new Uri(report).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

            // Every chart of the folder is in the page, and loaded (a broken image has naturalWidth 0).
            var images = await page.EvaluateAsync<string[]>("() => [...document.images].map(i => i.dataset.file + '|' + (i.complete && i.naturalWidth > 0))");
            images.Select(i => i.Split('|')[0]).Should().BeEquivalentTo(Directory.GetFiles(folder, "*.png").Select(Path.GetFileName));
            images.Should().OnlyContain(i => i.EndsWith("|true", StringComparison.Ordinal), "every chart loads (a broken image has naturalWidth 0)");

            // The four-province table holds the values of results.json, cell by cell.
            using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
            var rows = results.RootElement.GetProperty("rows");
            var cells = await page.EvaluateAsync<string[][]>("""() => [...document.querySelectorAll('table[data-json="rows"] tbody tr')].map(tr => [...tr.cells].map(td => td.dataset.value + '\u0001' + td.textContent))""");
            var keys = await page.EvaluateAsync<string[]>("""() => [...document.querySelectorAll('table[data-json="rows"] th')].map(th => th.dataset.key)""");
            cells.Should().HaveCount(rows.GetArrayLength());
            var provinces = new HashSet<string>();
            for (int r = 0; r < cells.Length; r++)
            {
                var row = rows[r];
                provinces.Add(row.GetProperty("Province").GetString()!);
                for (int k = 0; k < keys.Length; k++)
                {
                    var parts = cells[r][k].Split('\u0001');
                    var expected = row.GetProperty(keys[k]);
                    if (expected.ValueKind == JsonValueKind.Number)
                    {
                        double.Parse(parts[0], CultureInfo.InvariantCulture).Should().Be(expected.GetDouble(), "row {0}, {1}", r, keys[k]);
                        parts[1].Should().Be(HtmlReport.Shown(keys[k], expected.GetDouble()), "row {0}, {1}", r, keys[k]);
                    }
                    else
                    {
                        parts[0].Should().Be(expected.GetString());
                        parts[1].Should().Be(expected.GetString());
                    }
                }
            }

            provinces.Should().HaveCount(4, "the table covers the four provinces");
            (await page.Locator("ul[data-json=\"illustrativeParameters\"] li").CountAsync()).Should().Be(results.RootElement.GetProperty("illustrativeParameters").GetArrayLength());
            (await page.ContentAsync()).Should().Contain("How to reproduce").And.Contain("seed: 20231");

            string screenshot = Path.Combine(AppContext.BaseDirectory, "report-screenshot.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            new FileInfo(screenshot).Length.Should().BeGreaterThan(10_000);
            requested.Should().BeEmpty("the report must not touch the network");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
