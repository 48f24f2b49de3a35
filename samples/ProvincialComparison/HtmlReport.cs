using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Formatting;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Simulation;

namespace ProvincialComparison;

/// <summary>
/// report.html: one self-contained file (inline style, charts embedded as data: URIs, no script and no network access)
/// that ties the run together. It is written from the files already in the output folder, so it shows what they
/// hold and nothing else: every table of results.json (any array of records becomes a table, so a table added to
/// results.json appears here without a change), its notes and its list of illustrative values, every PNG chart, the
/// reforms, and how to reproduce the run. Each table cell carries the exact JSON value in <c>data-value</c>.
/// </summary>
internal static class HtmlReport
{
    public const string FileName = "report.html";

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>How the run was made, for the "reproduce" section.</summary>
    /// <param name="Date">The rules date.</param>
    /// <param name="Seed">The seed.</param>
    /// <param name="PersonsPerProvince">Synthetic persons per province.</param>
    /// <param name="Arguments">The command-line arguments, for the reproduce command.</param>
    /// <param name="Reforms">The reforms run.</param>
    /// <param name="Validation">The validation table; when given, its section is the library's HTML table (driver and varied results under each missed row) in place of the generic one read from results.json.</param>
    public sealed record RunInfo(DateOnly Date, ulong Seed, int PersonsPerProvince, IReadOnlyList<string> Arguments, IReadOnlyList<Reform> Reforms, ValidationTable? Validation = null);

    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["rows"] = "The four provinces: baseline and reforms",
        ["health"] = "Financial protection against medical bills [I: illustrative spending model]",
        ["illustrativeParameters"] = "Illustrative values [I] used: not facts",
        ["validation"] = "Validation of the baselines: published against simulated",
    };

    /// <summary>Writes report.html into <paramref name="folder"/>, from its results.json and *.png files.</summary>
    /// <returns>The path written.</returns>
    public static string Write(string folder, RunInfo run)
    {
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        string path = Path.Combine(folder, FileName);
        File.WriteAllText(path, Render(results.RootElement, Directory.GetFiles(folder, "*.png").Order(StringComparer.Ordinal).ToList(), run));
        return path;
    }

    private static string Render(JsonElement results, IReadOnlyList<string> charts, RunInfo run)
    {
        string version = typeof(ParameterStore).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>SocialSecurity.Modeling: four-province comparison</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:1.5rem auto;max-width:1200px;padding:0 1rem;color:#222}
            table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.85rem}
            th,td{border:1px solid #ccc;padding:.25rem .45rem}th{background:#f2f2f2;text-align:left;vertical-align:bottom}
            td.n{text-align:right;font-variant-numeric:tabular-nums}.unit{font-weight:normal;color:#555;display:block}
            figure{margin:1rem 0}img{max-width:100%;border:1px solid #ddd}.i{background:#fff3cd}
            </style></head><body>
            <h1>Four-province comparison</h1>
            """);
        html.Append(C, $"<p>Rules at {run.Date:yyyy-MM-dd}; {run.PersonsPerProvince:N0} synthetic persons per province; seed {run.Seed}; SocialSecurity.Modeling {E(version)}.</p>");
        html.Append("<p class=\"i\">Values tagged [I] are illustrative defaults, not facts (see the list below). Populations are synthetic, calibrated to published provincial statistics.</p>");

        var strings = new List<(string Key, string Text)>();
        var lists = new List<JsonProperty>();
        foreach (var property in results.EnumerateObject())
        {
            if (property.Name == "validation" && run.Validation is { } validation)
            {
                html.Append(C, $"<section><h2>{E(Title(property.Name))}</h2>").Append(ValidationHtml.Format(validation)).Append("</section>");
                continue;
            }

            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String:
                    strings.Add((property.Name, property.Value.GetString()!));
                    break;
                case JsonValueKind.Array when property.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object) && property.Value.GetArrayLength() > 0:
                    Table(html, property.Name, property.Value);
                    break;
                case JsonValueKind.Array:
                    lists.Add(property);
                    break;
                case JsonValueKind.Object:
                    Table(html, property.Name, JsonDocument.Parse($"[{property.Value.GetRawText()}]").RootElement);
                    break;
                default:
                    strings.Add((property.Name, property.Value.GetRawText()));
                    break;
            }
        }

        html.Append("<section><h2>Reforms</h2><table><thead><tr><th>reform</th><th>what it changes</th></tr></thead><tbody>");
        foreach (var reform in run.Reforms)
        {
            html.Append(C, $"<tr><td>{E(reform.Name)}</td><td>{E(reform.Description ?? string.Empty)}</td></tr>");
        }

        html.Append("</tbody></table></section><section><h2>Charts</h2>");
        foreach (var chart in charts)
        {
            string name = Path.GetFileName(chart);
            html.Append(C, $"<figure><img alt=\"{E(name)}\" data-file=\"{E(name)}\" src=\"data:image/png;base64,{Convert.ToBase64String(File.ReadAllBytes(chart))}\"><figcaption>{E(name)}</figcaption></figure>");
        }

        html.Append("</section>");
        foreach (var list in lists)
        {
            html.Append(C, $"<section><h2>{E(Title(list.Name))}</h2><ul data-json=\"{E(list.Name)}\">");
            foreach (var item in list.Value.EnumerateArray())
            {
                html.Append(C, $"<li>{(list.Name.Contains("illustrative", StringComparison.OrdinalIgnoreCase) ? "[I] " : string.Empty)}{E(item.ToString())}</li>");
            }

            html.Append("</ul></section>");
        }

        foreach (var (key, text) in strings)
        {
            html.Append(C, $"<p data-json=\"{E(key)}\"><b>{E(Title(key))}:</b> {E(text)}</p>");
        }

        string command = "dotnet run -c Release --project samples/ProvincialComparison --" + string.Concat(run.Arguments.Select(a => " " + Quote(a)));
        html.Append("<section><h2>How to reproduce</h2><ul>");
        html.Append(C, $"<li>library: SocialSecurity.Modeling {E(version)}</li>");
        html.Append(C, $"<li>rules date: {run.Date:yyyy-MM-dd}; seed: {run.Seed}; persons per province: {run.PersonsPerProvince}</li>");
        html.Append(C, $"<li>run on: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC</li>");
        html.Append(C, $"<li>command, from the repository root: <code>{E(command)}</code></li>");
        html.Append("</ul></section></body></html>\n");
        return html.ToString();
    }

    private static void Table(StringBuilder html, string key, JsonElement records)
    {
        var columns = new List<string>();
        foreach (var record in records.EnumerateArray())
        {
            foreach (var field in record.EnumerateObject())
            {
                if (!columns.Contains(field.Name))
                {
                    columns.Add(field.Name);
                }
            }
        }

        html.Append(C, $"<section><h2>{E(Title(key))}</h2><table data-json=\"{E(key)}\"><thead><tr>");
        foreach (var column in columns)
        {
            string unit = Unit(column);
            html.Append(C, $"<th data-key=\"{E(column)}\">{E(Words(column))}{(unit.Length > 0 ? $"<span class=\"unit\">{E(unit)}</span>" : string.Empty)}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var record in records.EnumerateArray())
        {
            html.Append("<tr>");
            foreach (var column in columns)
            {
                if (!record.TryGetProperty(column, out var value))
                {
                    html.Append("<td></td>");
                    continue;
                }

                string raw = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                html.Append(value.ValueKind == JsonValueKind.Number
                    ? string.Create(C, $"<td class=\"n\" data-value=\"{E(raw)}\">{E(Shown(column, value.GetDouble()))}</td>")
                    : string.Create(C, $"<td data-value=\"{E(raw)}\">{E(raw)}</td>"));
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></section>");
    }

    /// <summary>A number as the report shows it: yuan amounts to whole yuan (billions for annual totals), shares in percent, indices to 4 decimals.</summary>
    internal static string Shown(string column, double value)
    {
        string unit = Unit(column);
        double shown = unit switch
        {
            "billion yuan/year" => value / 1e9,
            "%" => value * 100,
            _ => value,
        };
        int decimals = unit switch
        {
            "billion yuan/year" => 3,
            "%" => 2,
            "yuan/person/year" or "yuan/household/year" => 0,
            _ => 4,
        };

        // Half away from zero, as every output of the project rounds (docs/money.md).
        string text = Math.Round(shown, decimals, MidpointRounding.AwayFromZero).ToString(decimals == 4 ? "0.0000" : "N" + decimals.ToString(C), C);
        return text.TrimStart('-').All(ch => ch is '0' or '.' or ',') ? text.TrimStart('-') : text;
    }

    /// <summary>The unit of a results.json field, from its name.</summary>
    internal static string Unit(string column)
    {
        string c = column.ToLowerInvariant();
        return c switch
        {
            _ when c.EndsWith("annual", StringComparison.Ordinal) && c.StartsWith("mean", StringComparison.Ordinal) => "yuan/household/year",
            _ when c.EndsWith("annual", StringComparison.Ordinal) => "billion yuan/year",
            "meandisposable" or "povertyline" => "yuan/person/year",
            "meanoutofpocket" or "meanpublicpayment" => "yuan/household/year",
            _ when c.Contains("share", StringComparison.Ordinal) || c.Contains("rate", StringComparison.Ordinal) || c.Contains("coverage", StringComparison.Ordinal) => "%",
            _ => string.Empty,
        };
    }

    private static string Title(string key) => Titles.TryGetValue(key, out var title) ? title : char.ToUpperInvariant(Words(key)[0]) + Words(key)[1..];

    /// <summary>camelCase → words: "dibaoCostAnnual" → "dibao cost annual".</summary>
    private static string Words(string key)
    {
        var words = new StringBuilder();
        foreach (char ch in key)
        {
            if (char.IsUpper(ch) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(ch));
        }

        return words.ToString();
    }

    private static string Quote(string argument) => argument.Length > 0 && argument.All(ch => char.IsAsciiLetterOrDigit(ch) || "-_./:=".Contains(ch, StringComparison.Ordinal)) ? argument : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
