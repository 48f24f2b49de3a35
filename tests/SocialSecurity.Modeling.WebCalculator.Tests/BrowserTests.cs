using System.Globalization;
using Microsoft.Playwright;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.WebCalculator.Tests.Support;
using Xunit.Abstractions;

namespace SocialSecurity.Modeling.WebCalculator.Tests;

/// <summary>
/// The page in a real headless Chromium (Debian's package, driven by Playwright): fill a household, submit, read every
/// amount shown and compare it with the library's; toggle the dibao +10% reform and compare the side-by-side columns;
/// check the phone-sized layout; save screenshots under the test output (screenshots/).
/// </summary>
public sealed class BrowserTests(LiveServer server, ITestOutputHelper output) : IClassFixture<LiveServer>
{
    private static readonly DateOnly Date = new(2023, 6, 30);

    private static readonly HouseholdRecord Household = new() { Id = 1, RegionCode = "330100", Area = AreaType.Urban, FinancialAssets = 5000, HousingUnits = 1 };

    private static readonly PersonRecord[] Members =
    [
        new() { Id = 1, HouseholdId = 1, Age = 52, Sex = Sex.Male, WagesAnnual = 9000, BusinessIncomeAnnual = 3000 },
        new() { Id = 2, HouseholdId = 1, Age = 49, Sex = Sex.Female, Disability = (DisabilityGrade)2 },
        new() { Id = 3, HouseholdId = 1, Age = 75, Sex = Sex.Female, PensionIncomeAnnual = 2400 },
    ];

    private static string ScreenshotFolder => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    private static async Task<IBrowser> LaunchAsync(IPlaywright playwright) => await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Browser.RequireChromium(),
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });

    private static async Task FillAsync(IPage page)
    {
        await page.WaitForSelectorAsync("body[data-state=ready]");
        await page.SelectOptionAsync("#region", "330100");
        await page.SelectOptionAsync("#area", "urban");
        await page.FillAsync("#date", "2023-06-30");
        await page.SelectOptionAsync("#policy", "Policies.Standard");
        await page.FillAsync("#financial-assets", "5000");
        await page.FillAsync("#homes", "1");
        var cards = page.Locator("#members .member");
        (await cards.CountAsync()).Should().Be(3, "the page starts with three members");
        string[][] values =
        [
            ["52", "male", "0", "9000", "3000", "0"],
            ["49", "female", "2", "0", "0", "0"],
            ["75", "female", "0", "0", "0", "2400"],
        ];
        for (int i = 0; i < values.Length; i++)
        {
            var card = cards.Nth(i);
            await card.Locator(".m-age").FillAsync(values[i][0]);
            await card.Locator(".m-sex").SelectOptionAsync(values[i][1]);
            await card.Locator(".m-hukou").SelectOptionAsync("urban");
            await card.Locator(".m-disability_grade").SelectOptionAsync(values[i][2]);
            await card.Locator(".m-wages_annual").FillAsync(values[i][3]);
            await card.Locator(".m-business_income_annual").FillAsync(values[i][4]);
            await card.Locator(".m-property_income_annual").FillAsync("0");
            await card.Locator(".m-private_transfers_annual").FillAsync("0");
            await card.Locator(".m-pension_income_annual").FillAsync(values[i][5]);
        }
    }

    private static async Task SubmitAsync(IPage page)
    {
        await page.EvaluateAsync("() => { document.body.dataset.state = 'waiting'; }");
        await page.ClickAsync("#calculate");
        await page.WaitForSelectorAsync("body[data-state=done], body[data-state=error]");
        var error = await page.Locator("#error").TextContentAsync();
        (await page.GetAttributeAsync("body", "data-state")).Should().Be("done", error);
    }

    /// <summary>Every amount row of the page: output name, member ("" for a household output), and the shown text of a column.</summary>
    private static async Task<List<(string Name, string Member, string Text)>> RowsAsync(IPage page, string column)
    {
        var rows = new List<(string, string, string)>();
        foreach (var row in await page.Locator("#amounts tbody tr").AllAsync())
        {
            rows.Add(((await row.GetAttributeAsync("data-output"))!, (await row.GetAttributeAsync("data-member"))!, (await row.Locator($"td.{column}").TextContentAsync())!.Trim()));
        }

        return rows;
    }

    private static string Shown(double value, AmountPeriod period)
    {
        decimal rounded = Yuan.Round(value);
        var unit = period == AmountPeriod.Month ? " yuan/month" : " yuan/year";
        return (rounded == 0 ? 0m : rounded).ToString("0.00", CultureInfo.InvariantCulture) + unit;
    }

    private static void ShouldMatchLibrary(List<(string Name, string Member, string Text)> rows, HouseholdResult library)
    {
        var amounts = library.Result.Policy.Outputs
            .Where(o => o.Role is IncomeRole.DirectTransfer or IncomeRole.DirectTax or IncomeRole.PensionContribution or IncomeRole.OtherContribution
                or IncomeRole.ContributoryPension or IncomeRole.InKindTransfer or IncomeRole.CoPayment)
            .ToList();
        var expected = amounts.SelectMany(o => o.Entity == Entity.Household
            ? [(o.Name, string.Empty, Shown(library.HouseholdValue(o.Name), o.Period))]
            : Enumerable.Range(0, Members.Length).Select(m => (o.Name, m.ToString(CultureInfo.InvariantCulture), Shown(library.PersonValue(o.Name, m), o.Period)))).ToList();
        rows.Should().Equal(expected);
    }

    [BrowserFact]
    public async Task The_page_shows_the_library_amounts_with_sources_and_a_reform_side_by_side()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        await page.GotoAsync("/");
        await FillAsync(page);
        await SubmitAsync(page);

        var baseline = new HouseholdCalculator(Policies.Standard(), ParameterStore.Default).Calculate(Household, Members, Date);
        var shown = await RowsAsync(page, "baseline");
        ShouldMatchLibrary(shown, baseline);
        shown.Should().Contain(r => r.Name == "dibao.benefit_monthly" && r.Text != "0.00 yuan/month", "this low-income family gets dibao");
        var disposable = await page.Locator("#incomes tr[data-income=Disposable] td.baseline").TextContentAsync();
        disposable.Should().Be(Yuan.Round(baseline.Income(IncomeConcept.Disposable).Value).ToString("0.00", CultureInfo.InvariantCulture));
        (await page.Locator("#explanation .parameter .source").CountAsync()).Should().BeGreaterThan(0, "every parameter line names its source");
        (await page.Locator("#explanation details[data-program=dibao]").TextContentAsync()).Should().Contain("dibao.standard.urban").And.Contain("[P]");

        // Toggle the reform: dibao standards +10% in the household's region from the date chosen.
        await page.CheckAsync("#reform-on");
        await page.CheckAsync("input[name=reform-kind][value=dibao10]");
        await SubmitAsync(page);
        var reform = Reform.Create("dibao +10%").Scale("dibao.standard.urban", "330100", Date, 1.1).Scale("dibao.standard.rural", "330100", Date, 1.1);
        var reformed = new HouseholdCalculator(Policies.Standard(), ParameterStore.Default.WithReform(reform)).Calculate(Household, Members, Date);
        ShouldMatchLibrary(await RowsAsync(page, "baseline"), baseline);
        ShouldMatchLibrary(await RowsAsync(page, "reform"), reformed);
        reformed.HouseholdValue("dibao.benefit_monthly").Should().BeGreaterThan(baseline.HouseholdValue("dibao.benefit_monthly"));
        (await page.Locator("#amounts tr[data-output='dibao.benefit_monthly'] td.change").TextContentAsync()).Should().StartWith("+");
        (await page.Locator("#amounts th.reform-col").First.IsVisibleAsync()).Should().BeTrue("the reform column is shown beside the baseline");
        await page.Locator("#explanation details[data-program=dibao] summary").ClickAsync();
        var path = Path.Combine(ScreenshotFolder, "calculator-reform.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        await page.Locator("#results").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "calculator-reform-results.png") });
        output.WriteLine($"screenshot: {path}");

        // A pasted JSON reform that is wrong shows the problem, naming the path.
        await page.CheckAsync("input[name=reform-kind][value=json]");
        await page.FillAsync("#reform-json", """{ "name": "bad", "changes": [ { "parameter": "dibao.standrad.urban", "region": "330000", "from": "2023-01-01", "scale": 1.1 } ] }""");
        await page.EvaluateAsync("() => { document.body.dataset.state = 'waiting'; }");
        await page.ClickAsync("#calculate");
        await page.WaitForSelectorAsync("body[data-state=error]");
        (await page.Locator("#error").TextContentAsync()).Should().Contain("$.reform").And.Contain("dibao.standrad.urban");
    }

    [BrowserFact]
    public async Task Illustrative_values_are_flagged_on_the_page_and_it_fits_a_phone()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true });
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body[data-state=ready]");
        // Kashgar: the built-in dibao values there are illustrative [I] (src/SocialSecurity.Modeling/Data/parameters/cn-xj/dibao.json).
        await page.SelectOptionAsync("#region", "653100");
        await page.SelectOptionAsync("#area", "rural");
        await page.FillAsync("#date", "2024-06-30");
        await SubmitAsync(page);
        (await page.Locator("#illustrative-warning").IsVisibleAsync()).Should().BeTrue();
        (await page.Locator("#explanation .parameter.illustrative .tag-I").CountAsync()).Should().BeGreaterThan(0);
        (await page.Locator("#explanation .illustrative-flag").First.TextContentAsync()).Should().Contain("illustrative");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.Should().BeLessThanOrEqualTo(0, "nothing runs off a phone-sized screen");
        await page.Locator("#explanation details[data-program=dibao] summary").ClickAsync();
        var path = Path.Combine(ScreenshotFolder, "calculator-phone.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
