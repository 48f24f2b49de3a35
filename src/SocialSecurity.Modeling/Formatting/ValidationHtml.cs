using System.Globalization;
using System.Net;
using System.Text;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Formatting;

/// <summary>
/// The HTML table of a <see cref="ValidationTable"/>, as notebooks show it and reports embed it: one row per target or
/// check (region, statistic, target or check, year, provenance tag, published, simulated, relative error, tolerance,
/// status, source), and under every missed or unsimulated row the assumption that drives it and, when varied, the
/// result. Text is HTML-escaped; numbers are rounded half away from zero for display only.
/// </summary>
public static class ValidationHtml
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The table as an HTML fragment (a <c>div</c> of class <c>ssm-validation</c>).</summary>
    /// <param name="table">The validation table.</param>
    public static string Format(ValidationTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var html = new StringBuilder();
        html.Append("<div class=\"ssm-validation\">");
        html.Append(Invariant, $"<p><b>{E(table.ToString())}</b>. Targets are calibrated to; checks never are.</p>");
        html.Append("<table><thead><tr><th>region</th><th>statistic</th><th>kind</th><th>year</th><th>tag</th><th>published</th><th>simulated</th><th>relative error</th><th>tolerance</th><th>status</th><th>source</th></tr></thead><tbody>");
        foreach (var row in table)
        {
            string status = row.Status switch
            {
                ValidationStatus.Met => "met",
                ValidationStatus.Missed => "MISSED",
                ValidationStatus.NotPublished => "not published",
                _ => "not simulated",
            };
            string error = double.IsNaN(row.Simulated) ? string.Empty : Yuan.Shown(row.RelativeError * 100, 1).ToString("+0.0;-0.0;0.0", Invariant) + "%";
            html.Append(Invariant, $"<tr data-status=\"{row.Status}\"><td>{E(row.Region)}</td><td><code>{E(row.Name)}</code></td><td>{(row.Kind == ValidationKind.Target ? "target" : "check")}</td><td>{row.Year}</td><td>[{row.Provenance.Tag()}]</td>");
            html.Append(Invariant, $"<td style=\"text-align:right\">{Number(row.Published)}</td><td style=\"text-align:right\">{Number(row.Simulated)}</td><td style=\"text-align:right\">{error}</td><td>{E(row.ToleranceText)}</td><td>{(row.Status == ValidationStatus.Met ? status : $"<b>{status}</b>")}</td><td>{E(row.Source)}</td></tr>");
            if (row.Driver.Length > 0 || row.Sensitivity.Length > 0)
            {
                html.Append("<tr class=\"ssm-driver\"><td></td><td colspan=\"10\">");
                if (row.Driver.Length > 0)
                {
                    html.Append("driver: ").Append(E(row.Driver));
                }

                if (row.Sensitivity.Length > 0)
                {
                    html.Append(row.Driver.Length > 0 ? "<br>" : string.Empty).Append("varied: ").Append(E(row.Sensitivity));
                }

                html.Append("</td></tr>");
            }
        }

        html.Append("</tbody></table></div>");
        return html.ToString();
    }

    /// <summary>Thousands to whole units, smaller values to 4 significant decimals; empty when not simulated.</summary>
    private static string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return string.Empty;
        }

        return Math.Abs(value) >= 1000 ? Yuan.Shown(value, 0).ToString("N0", Invariant) : Yuan.Shown(value, 4).ToString("0.####", Invariant);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
