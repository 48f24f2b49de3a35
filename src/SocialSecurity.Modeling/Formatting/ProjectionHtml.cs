using System.Globalization;
using System.Net;
using System.Text;
using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Projection;

namespace SocialSecurity.Modeling.Formatting;

/// <summary>
/// The HTML table of a <see cref="ProjectionResult"/>, as notebooks show it: a summary line (years, replicates, seed,
/// the fund's depletion year, how many parameter values were extrapolated past their last dated value) and one row per
/// year with the headline indicators, each the mean across replicates with its 95% interval below it when there is more
/// than one replicate (docs/projection.md#outputs). Indicators the policy does not produce show as "–". Numbers are
/// rounded half away from zero for display only; the full-precision values are in <see cref="ProjectionResult.Rows"/>
/// and the CSV files.
/// </summary>
public static class ProjectionHtml
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The headline columns: indicator, header with unit, and the scale shown (1 = as is, 1e6 = millions, 1e9 = billions, 100 = percent).</summary>
    private static readonly (string Indicator, string Header, double Scale)[] Columns =
    [
        (ProjectionIndicators.Persons, "persons (million)", 1e6),
        (ProjectionIndicators.Aged65Plus, "aged 65+ (million)", 1e6),
        (ProjectionIndicators.OldAgeDependency, "old-age dependency 65+/15–64 (%)", 0.01),
        (ProjectionIndicators.Contributors, "contributors (million)", 1e6),
        (ProjectionIndicators.Pensioners, "pensioners (million)", 1e6),
        (ProjectionIndicators.SystemDependency, "pensioners per contributor", 1),
        (ProjectionIndicators.ReplacementRate, "replacement rate, new retirees (%)", 0.01),
        (ProjectionIndicators.FundReserve, "fund reserve (billion yuan)", 1e9),
        (ProjectionIndicators.PublicSpending, "public spending (billion yuan/year)", 1e9),
        (ProjectionIndicators.Gini, "Gini, disposable income", 1),
        (ProjectionIndicators.RelativePoverty, "below 50% of median (%)", 0.01),
    ];

    /// <summary>The table as an HTML fragment (a <c>div</c> of class <c>ssm-projection</c>).</summary>
    /// <param name="result">The projection.</param>
    public static string Format(ProjectionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var options = result.Options;
        var years = result.Rows.Select(r => r.Year).Distinct().Order().ToArray();
        int? depletion = result.DepletionYear();
        var html = new StringBuilder();
        html.Append("<div class=\"ssm-projection\">");
        html.Append(Invariant, $"<p><b>Projection {options.StartYear}–{options.EndYear}</b>: {options.Replicates} replicate(s), seed {options.Seed}, run date 1 {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(options.RunMonth)} each year. ");
        html.Append(depletion is { } y ? $"The employee pension fund's reserve runs out in <b>{y}</b> (replicate 0). " : "The employee pension fund's reserve does not run out in the horizon (or no fund is simulated). ");
        int extrapolated = result.Extrapolations.Select(e => e.Parameter).Distinct(StringComparer.Ordinal).Count();
        html.Append(Invariant, $"{extrapolated} parameter(s) extrapolated past their last dated value by declared rules.");
        if (options.Replicates > 1)
        {
            html.Append(" Each cell: mean across replicates, and the 95% interval (2.5%–97.5% empirical quantiles) below it.");
        }

        html.Append("</p><table><thead><tr><th>year</th>");
        foreach (var (_, header, _) in Columns)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (int year in years)
        {
            html.Append(Invariant, $"<tr><td>{year}</td>");
            foreach (var (indicator, _, scale) in Columns)
            {
                var (mean, lower, upper) = result.Summary(year, indicator);
                html.Append("<td style=\"text-align:right\">").Append(Number(mean, scale));
                if (options.Replicates > 1 && !double.IsNaN(mean))
                {
                    html.Append("<br><small>").Append(Number(lower, scale)).Append('–').Append(Number(upper, scale)).Append("</small>");
                }

                html.Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>");
        return html.ToString();
    }

    /// <summary>The value divided by its scale (multiplied by 100 for percentages), with 2 decimals (4 for values below 1), or "–" for NaN.</summary>
    private static string Number(double value, double scale)
    {
        if (double.IsNaN(value))
        {
            return "–";
        }

        double shown = value / scale;
        int decimals = Math.Abs(shown) < 1 ? 4 : 2;
        return Yuan.Shown(shown, decimals).ToString(decimals == 4 ? "#,##0.####" : "#,##0.00", Invariant);
    }
}
