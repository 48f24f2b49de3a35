using System.Reflection;
using System.Text.RegularExpressions;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Formatting;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.Formatting;

/// <summary>
/// The HTML tables that notebooks show for the result types, and the convention by which .NET Interactive finds them
/// (an attribute named TypeFormatterSourceAttribute on the type; no kernel assembly referenced).
/// </summary>
public partial class ResultHtmlTests
{
    private static readonly DateOnly Date = new(2023, 6, 30);

    /// <summary>docs/worked-examples.md#example-8: two adults and a child in urban Hangzhou, 18,000 yuan of wages a year.</summary>
    private static readonly PersonRecord[] Members =
    [
        new PersonRecord { Id = 1, HouseholdId = 1, Age = 40, WagesAnnual = 18_000 },
        new PersonRecord { Id = 2, HouseholdId = 1, Age = 38 },
        new PersonRecord { Id = 3, HouseholdId = 1, Age = 10 },
    ];

    private static HouseholdResult HangzhouFamily() => new HouseholdCalculator(Policies.Standard(), ParameterStore.Default).Calculate(
        new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban }, Members, Date);

    /// <summary>The example-8 family as a population run, the one household standing for <paramref name="weight"/>.</summary>
    private static SimulationResult HangzhouRun(double weight, ParameterStore store, Population? population = null) => Microsimulation.Run(
        population ?? TestPopulations.Build([new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban, Weight = weight }], Members),
        Policies.Standard(),
        store,
        Date);

    [Fact]
    public void A_household_result_shows_each_output_with_its_value_and_unit()
    {
        // Example 8: 3 × 11,000 − 18,000 = 15,000 a year = 1,250.00 yuan a month.
        var html = ResultHtml.Format(HangzhouFamily());
        html.Should().Contain($"<tr><td><code>{DibaoProgram.Benefit.Name}</code></td><td style=\"text-align:right\">1,250.00</td><td>yuan/month</td>");
        html.Should().Contain("<th>unit</th>");
        var result = HangzhouFamily();
        foreach (var output in result.Result.Policy.Outputs)
        {
            string unit = output.Period switch { AmountPeriod.Month => "yuan/month", AmountPeriod.Year => "yuan/year", _ => string.Empty }
                + (output.Entity == Entity.Person ? " per member" : string.Empty);
            Rows(html).Single(r => r.StartsWith($"<tr><td><code>{output.Name}</code></td>", StringComparison.Ordinal))
                .Should().Contain($"</td><td>{unit}</td><td>", "the row of {0} names its unit", output.Name);
        }
    }

    [Fact]
    public void The_explanation_lists_each_step_with_the_sources_of_its_parameters_and_flags_illustrative_values()
    {
        // Kashgar, 4 persons, no income, class 2: 4 × 70% [I] × S/12 with Xinjiang's urban S = 7,058.67 [D] (Xinjiang's
        // urban consumption × the national standard-to-consumption ratio) → 1,647.02/month.
        var result = new HouseholdCalculator(Policy.Create(new TieredDibaoProgram()), ParameterStore.Default).Calculate(
            new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Kashgar, Area = AreaType.Urban },
            Enumerable.Range(1, 4).Select(i => new PersonRecord { Id = i, HouseholdId = 1, Age = 30 + i }).ToArray(),
            Date,
            extraHouseholdColumns: new Dictionary<string, double> { [TieredDibaoProgram.ClassColumn] = 2 });
        var html = ResultHtml.Format(result);
        html.Should().Contain(">1,647.02</td><td>yuan/month");
        var parameters = result.Explanation.Steps.SelectMany(s => s.Parameters).ToList();
        parameters.Should().Contain(p => p.IsIllustrative, "the class share is illustrative");
        foreach (var parameter in parameters)
        {
            html.Should().Contain(System.Net.WebUtility.HtmlEncode(parameter.Entry.Source), "each parameter's source is shown");
        }

        Regex.Count(html, @"<li><b>\[I\] illustrative, not a fact:</b> ").Should().Be(parameters.Count(p => p.IsIllustrative));
    }

    [Fact]
    public void Text_is_html_escaped()
    {
        var result = HangzhouFamily();
        result.Explanation.Record("test <program>", "<script>alert('x')</script> & \"co\"", 1, "yuan/<month>");
        var html = ResultHtml.Format(result);
        html.Should().Contain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;")
            .And.Contain("test &lt;program&gt;")
            .And.Contain("yuan/&lt;month&gt;")
            .And.NotContain("<script>");
        BareAmpersand().IsMatch(html).Should().BeFalse("every & starts an entity");
    }

    [Fact]
    public void A_run_summary_shows_weighted_totals_in_million_yuan_per_year()
    {
        // One example-8 household standing for 2,000: dibao 15,000 yuan a year × 2,000 = 30.00 million yuan a year.
        var run = HangzhouRun(2_000, ParameterStore.Default);
        var html = ResultHtml.Format(run);
        html.Should().Contain("1 household records (2,000 weighted), 3 person records (6,000 weighted)");
        html.Should().Contain($"<tr><td><code>{DibaoProgram.Benefit.Name}</code></td><td>yuan/month</td><td style=\"text-align:right\">30.00</td><td style=\"text-align:right\">2,000</td><td>households</td></tr>");
        html.Should().Contain("<th>annual total (million yuan/year)</th>");
    }

    [Fact]
    public void A_reform_comparison_shows_costs_recipients_and_deciles_with_units()
    {
        // Hangzhou's urban standard +10% (11,000 → 12,100 a year): the example-8 family's dibao rises by
        // 3 × 1,100 = 3,300 yuan a year; with weight 1,000 that is 3.30 million yuan a year.
        var baseline = HangzhouRun(1_000, ParameterStore.Default);
        var reformed = ParameterStore.Default.WithReform(Reform.Create("Hangzhou +10%").Scale(DibaoProgram.StandardUrban, RegionCodes.Hangzhou, new DateOnly(2023, 1, 1), 1.1));
        var reform = HangzhouRun(1_000, reformed, baseline.Population);
        var html = ResultHtml.Format(ReformComparison.Compare(baseline, reform));
        html.Should().Contain($"<tr><td><code>{DibaoProgram.Benefit.Name}</code></td><td style=\"text-align:right\">15.00</td><td style=\"text-align:right\">18.30</td><td style=\"text-align:right\">3.30</td><td>households</td>");
        html.Should().Contain("<th>change (million yuan/year)</th>").And.Contain("<th>change (yuan/person/year)</th>");
        Regex.Count(html, @"<tr><td>\d+</td>").Should().Be(10, "one row per decile");
    }

    [Fact]
    public void The_kernel_finds_the_html_formatter_by_convention()
    {
        // What .NET Interactive does: an attribute *named* TypeFormatterSourceAttribute on the type, its
        // FormatterSourceType, CreateTypeFormatters(), then the formatter whose MimeType is text/html.
        var household = HangzhouFamily();
        var baseline = HangzhouRun(10, ParameterStore.Default);
        var comparison = ReformComparison.Compare(baseline, HangzhouRun(10, ParameterStore.Default, baseline.Population));
        ConventionHtml(household).Should().Be(ResultHtml.Format(household));
        ConventionHtml(baseline).Should().Be(ResultHtml.Format(baseline));
        ConventionHtml(comparison).Should().Be(ResultHtml.Format(comparison));
        var table = new ValidationTable([new("000000", "weighted_population", ValidationKind.Target, 100, 100, "persons", 2023, Provenance.National, "NBS", 0.01, true, ValidationStatus.Met, "", "")]);
        ConventionHtml(table).Should().Be(ValidationHtml.Format(table));
        typeof(ResultHtml).Assembly.GetReferencedAssemblies().Should().NotContain(a => a.Name!.StartsWith("Microsoft.DotNet.Interactive", StringComparison.Ordinal));
    }

    private static string ConventionHtml(object value)
    {
        var attribute = value.GetType().GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = ((System.Collections.IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).Cast<object>();
        var html = formatters.Single(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)! == "text/html");
        var format = html.GetType().GetMethod("Format", BindingFlags.Public | BindingFlags.Instance, [typeof(object), typeof(TextWriter)])!;
        using var writer = new StringWriter();
        ((bool)format.Invoke(html, [value, writer])!).Should().BeTrue();
        ((bool)format.Invoke(html, ["not a result", new StringWriter()])!).Should().BeFalse("other types keep their own formatters");
        return writer.ToString();
    }

    private static IEnumerable<string> Rows(string html) => Regex.Matches(html, "<tr>.*?</tr>").Select(m => m.Value);

    [GeneratedRegex("&(?!(?:[a-z]+|#[0-9]+);)")]
    private static partial Regex BareAmpersand();
}
