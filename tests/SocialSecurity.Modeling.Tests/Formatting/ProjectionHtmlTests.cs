using System.Reflection;
using System.Text.RegularExpressions;
using SocialSecurity.Modeling.Formatting;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Tests.Programs.Pensions;

namespace SocialSecurity.Modeling.Tests.Formatting;

/// <summary>The projection table as notebooks show it (docs/projection.md#outputs).</summary>
public class ProjectionHtmlTests
{
    private static readonly ProjectionResult Result = Projector.Run(SyntheticEmployeePopulation.Build(150, 21), PensionPolicies.EmployeePensionOnly(), ParameterStore.Default,
        new ProjectionOptions { StartYear = 2025, EndYear = 2027, Replicates = 2, Seed = 5 });

    [Fact]
    public void One_row_per_year_with_the_replicate_mean_and_its_interval()
    {
        string html = ProjectionHtml.Format(Result);

        Regex.Count(html, "<tr><td>20").Should().Be(3);
        html.Should().Contain("<b>Projection 2025–2027</b>: 2 replicate(s), seed 5, run date 1 July each year.");
        html.Should().Contain("95% interval");

        // The persons column of 2026: the mean of the two replicates' weighted persons, in millions, 4 decimals below 1.
        double persons = (Result.Row(2026, 0)[ProjectionIndicators.Persons] + Result.Row(2026, 1)[ProjectionIndicators.Persons]) / 2 / 1e6;
        string expected = Math.Round(persons, persons < 1 ? 4 : 2, MidpointRounding.AwayFromZero).ToString(persons < 1 ? "#,##0.####" : "#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
        html.Should().Contain($"<tr><td>2026</td><td style=\"text-align:right\">{expected}<br><small>");

        // The year column and the eleven headline indicators.
        Regex.Count(html, "<th>").Should().Be(12);
    }

    [Fact]
    public void Notebooks_find_the_formatter_through_the_result_type()
    {
        typeof(ProjectionResult).GetCustomAttribute<TypeFormatterSourceAttribute>().Should().NotBeNull();
        var writer = new StringWriter();
        new NotebookFormatterSource.HtmlFormatter().Format(Result, writer).Should().BeTrue();
        writer.ToString().Should().Be(ProjectionHtml.Format(Result));
    }
}
