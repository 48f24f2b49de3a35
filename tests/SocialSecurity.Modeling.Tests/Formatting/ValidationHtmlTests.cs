using System.Text.RegularExpressions;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Formatting;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Formatting;

/// <summary>The validation table (docs/baseline.md#validation-table) and its HTML form for notebooks and reports.</summary>
public class ValidationHtmlTests
{
    private static readonly ValidationTable Table = new(
    [
        new("000000", "disposable_income_all", ValidationKind.Target, 39_218, 39_218.4, "yuan_per_person_year", 2023, Provenance.National, "NBS 2023", 0.01, true, ValidationStatus.Met, "", ""),
        new("000000", "gini_disposable_income", ValidationKind.Check, 0.465, 0.4216, "index", 2023, Provenance.National, "NBS <2023> & co", 0.01, false, ValidationStatus.Missed, "[I] the top slope", "largest Gini 0.448"),
        new("330000", "destitute_persons", ValidationKind.Check, 35_200, double.NaN, "persons", 2022, Provenance.Paper, "Xi & Abudurehman (2024)", 0.1, true, ValidationStatus.NotSimulated, "needs condition columns", ""),
    ]);

    [Fact]
    public void The_table_counts_its_rows_and_names_the_missed_ones()
    {
        Table.Count.Should().Be(3);
        Table[1].Name.Should().Be("gini_disposable_income");
        Table.Missed.Should().ContainSingle().Which.Name.Should().Be("gini_disposable_income");
        Table.NotSimulated.Should().ContainSingle().Which.Region.Should().Be("330000");
        Table.AllMet.Should().BeFalse();
        Table.ToString().Should().Be("Validation: 3 rows (1 targets, 2 checks): 1 met, 1 missed (000000 gini_disposable_income), 1 not simulated");
        new ValidationTable([Table[0]]).AllMet.Should().BeTrue();
        // A row without a published figure (an [I] reference value) is reported, neither met nor missed.
        var provincialGini = new ValidationRow("330000", "gini_disposable_income", ValidationKind.Check, 0.42, 0.39, "coefficient", 2023, Provenance.Illustrative, "illustrative", 0.01, false, ValidationStatus.NotPublished, "no Gini is published", "");
        var withUnpublished = new ValidationTable([Table[0], provincialGini]);
        withUnpublished.AllMet.Should().BeTrue();
        withUnpublished.NotPublished.Should().ContainSingle().Which.Region.Should().Be("330000");
        withUnpublished.ToString().Should().Be("Validation: 2 rows (1 targets, 1 checks): 1 met, 0 missed, 0 not simulated, 1 not published");
        ValidationHtml.Format(withUnpublished).Should().Contain("<td><b>not published</b></td>");
        var act = () => new ValidationTable([Table[0], null!]);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Html_shows_every_row_with_its_error_and_tolerance_and_the_driver_under_missed_and_unsimulated_rows()
    {
        string html = ValidationHtml.Format(Table);

        Regex.Count(html, "<tr data-status=").Should().Be(3);
        // (39,218.4 − 39,218)/39,218 = +0.001% → +0.0%; (0.4216 − 0.465)/0.465 = −9.33% → −9.3%.
        html.Should().Contain("<td style=\"text-align:right\">39,218</td><td style=\"text-align:right\">39,218</td><td style=\"text-align:right\">0.0%</td><td>&#177;1%</td><td>met</td>");
        html.Should().Contain("<td style=\"text-align:right\">0.465</td><td style=\"text-align:right\">0.4216</td><td style=\"text-align:right\">-9.3%</td><td>&#177;0.01</td><td><b>MISSED</b></td><td>NBS &lt;2023&gt; &amp; co</td>");
        html.Should().Contain("driver: [I] the top slope<br>varied: largest Gini 0.448");
        html.Should().Contain("<td style=\"text-align:right\">35,200</td><td style=\"text-align:right\"></td><td style=\"text-align:right\"></td>")
            .And.Contain("<b>not simulated</b>").And.Contain("driver: needs condition columns</td>");
        html.Should().Contain("<td>target</td>").And.Contain("<td>check</td>").And.Contain("<td>[N]</td>").And.Contain("<td>[P]</td>");
    }
}
