using System.Globalization;
using System.Net;
using System.Text;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Formatting;

/// <summary>
/// HTML tables of the result types, as notebooks show them (.NET Interactive finds them by convention when a cell ends
/// with a result) and as any report may embed them: every amount with its unit and period, every explanation step
/// with the parameters it used and their sources, illustrative values flagged [I]. Text is HTML-escaped; amounts are
/// rounded half away from zero for display only.
/// </summary>
public static class ResultHtml
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// A household result: one row per output (a person output has one value per member, in the order given),
    /// the household's income under each concept, then the explanation (program, step, result with unit, and each
    /// parameter used with its value, provenance tag, region, date and source).
    /// </summary>
    /// <param name="result">The household result.</param>
    public static string Format(HouseholdResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var run = result.Result;
        var html = new StringBuilder();
        html.Append("<div class=\"ssm-household\">");
        html.Append(Invariant, $"<p><b>Household result</b> at {run.Date:yyyy-MM-dd}, {run.Population.PersonCount} member(s)</p>");
        html.Append("<table><thead><tr><th>output</th><th>value</th><th>unit</th><th>description</th></tr></thead><tbody>");
        foreach (var output in run.Policy.Outputs)
        {
            var values = run.Values(output.Name).ToArray();
            var shown = output.Entity == Entity.Household
                ? Amount(values[0], output.Period)
                : string.Join(", ", values.Select(v => Amount(v, output.Period)));
            html.Append(Invariant, $"<tr><td><code>{E(output.Name)}</code></td><td style=\"text-align:right\">{E(shown)}</td><td>{E(Unit(output.Period))}{(output.Entity == Entity.Person ? " per member" : string.Empty)}</td><td>{E(output.Description)}</td></tr>");
        }

        foreach (var concept in Enum.GetValues<IncomeConcept>())
        {
            html.Append(Invariant, $"<tr><td><code>income.{E(concept.ToString())}</code></td><td style=\"text-align:right\">{E(Amount(run.HouseholdIncome(concept)[0], AmountPeriod.Year))}</td><td>yuan/year</td><td>household income, {E(concept.ToString())} concept (docs/indicators.md#income-concepts)</td></tr>");
        }

        html.Append("</tbody></table>");
        html.Append(Explanation(result.Explanation, run));
        html.Append("</div>");
        return html.ToString();
    }

    /// <summary>
    /// A population run's summary: date, households and persons (records and weighted), public spending and revenue,
    /// mean per-capita income under each concept, and every monetary output's weighted annual total and recipients.
    /// </summary>
    /// <param name="result">The run.</param>
    public static string Format(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var population = result.Population;
        double persons = ExactSum.Sum(result.PersonWeights);
        var html = new StringBuilder();
        html.Append("<div class=\"ssm-run\">");
        html.Append(Invariant, $"<p><b>Simulation result</b> at {result.Date:yyyy-MM-dd}: {population.HouseholdCount:N0} household records ({population.WeightedHouseholds:N0} weighted), {population.PersonCount:N0} person records ({persons:N0} weighted)</p>");
        html.Append("<table><thead><tr><th>total</th><th>value</th><th>unit</th></tr></thead><tbody>");
        html.Append(Invariant, $"<tr><td>public spending</td><td style=\"text-align:right\">{Yuan.Shown(result.PublicSpendingAnnual / 1e6, 2):N2}</td><td>million yuan/year</td></tr>");
        html.Append(Invariant, $"<tr><td>public revenue</td><td style=\"text-align:right\">{Yuan.Shown(result.PublicRevenueAnnual / 1e6, 2):N2}</td><td>million yuan/year</td></tr>");
        if (persons > 0)
        {
            var weights = result.PersonWeights;
            foreach (var concept in Enum.GetValues<IncomeConcept>())
            {
                double total = ExactSum.SumOfProducts(result.PerCapitaIncome(concept), weights);
                html.Append(Invariant, $"<tr><td>mean per-capita income, {E(concept.ToString())}</td><td style=\"text-align:right\">{Yuan.Shown(total / persons, 2):N2}</td><td>yuan/person/year</td></tr>");
            }
        }

        html.Append("</tbody></table>");
        html.Append("<table><thead><tr><th>output</th><th>period</th><th>annual total (million yuan/year)</th><th>recipients (weighted)</th><th>counted in</th></tr></thead><tbody>");
        foreach (var output in result.Policy.Outputs.Where(o => o.Period != AmountPeriod.None))
        {
            html.Append(Invariant, $"<tr><td><code>{E(output.Name)}</code></td><td>{E(Unit(output.Period))}</td><td style=\"text-align:right\">{Yuan.Shown(result.AnnualTotal(output.Name) / 1e6, 2):N2}</td><td style=\"text-align:right\">{result.Recipients(output.Name):N0}</td><td>{(output.Entity == Entity.Household ? "households" : "persons")}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        return html.ToString();
    }

    /// <summary>
    /// A reform comparison: each program output's annual total in the baseline and under the reform (million yuan per
    /// year), recipients gained and lost (in the unit named), the net fiscal cost, and the mean change of per-capita
    /// disposable income by baseline decile (yuan per person per year).
    /// </summary>
    /// <param name="comparison">The comparison.</param>
    public static string Format(ReformComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var html = new StringBuilder();
        html.Append("<div class=\"ssm-reform\">");
        html.Append(Invariant, $"<p><b>Reform comparison</b> at {comparison.Baseline.Date:yyyy-MM-dd}: net fiscal cost {Yuan.Shown(comparison.NetFiscalCostAnnual / 1e6, 2):N2} million yuan/year</p>");
        html.Append("<table><thead><tr><th>program output</th><th>baseline (million yuan/year)</th><th>reform (million yuan/year)</th><th>change (million yuan/year)</th><th>recipients in</th><th>baseline</th><th>reform</th><th>gained</th><th>lost</th></tr></thead><tbody>");
        foreach (var p in comparison.Programs)
        {
            html.Append(Invariant, $"<tr><td><code>{E(p.Variable.Name)}</code></td><td style=\"text-align:right\">{Yuan.Shown(p.BaselineAnnual / 1e6, 2):N2}</td><td style=\"text-align:right\">{Yuan.Shown(p.ReformAnnual / 1e6, 2):N2}</td><td style=\"text-align:right\">{Yuan.Shown(p.ChangeAnnual / 1e6, 2):N2}</td><td>{(p.RecipientUnit == Entity.Household ? "households" : "persons")}</td><td style=\"text-align:right\">{p.BaselineRecipients:N0}</td><td style=\"text-align:right\">{p.ReformRecipients:N0}</td><td style=\"text-align:right\">{p.Gained:N0}</td><td style=\"text-align:right\">{p.Lost:N0}</td></tr>");
        }

        html.Append("</tbody></table>");
        html.Append("<table><thead><tr><th>decile</th><th>persons (weighted)</th><th>baseline mean (yuan/person/year)</th><th>reform mean (yuan/person/year)</th><th>change (yuan/person/year)</th><th>change (%)</th></tr></thead><tbody>");
        foreach (var d in comparison.Deciles)
        {
            string relative = double.IsNaN(d.RelativeChange) ? "n/a" : Yuan.Shown(d.RelativeChange * 100, 3).ToString("N3", Invariant);
            html.Append(Invariant, $"<tr><td>{d.Decile}</td><td style=\"text-align:right\">{d.PersonsWeighted:N0}</td><td style=\"text-align:right\">{Yuan.Shown(d.BaselineMean, 2):N2}</td><td style=\"text-align:right\">{Yuan.Shown(d.ReformMean, 2):N2}</td><td style=\"text-align:right\">{Yuan.Shown(d.MeanChange, 2):N2}</td><td style=\"text-align:right\">{relative}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        return html.ToString();
    }

    private static string Explanation(Explanation explanation, SimulationResult run)
    {
        var html = new StringBuilder();
        html.Append("<details open><summary>Explanation: each step with the parameters it used</summary>");
        html.Append("<table><thead><tr><th>program</th><th>step</th><th>result</th><th>unit</th><th>parameters used (value, unit, provenance tag, region, date, source)</th></tr></thead><tbody>");
        foreach (var step in explanation.Steps)
        {
            var value = step.Value is { } v ? Yuan.Shown(v, 2).ToString("N2", Invariant) : string.Empty;
            html.Append(Invariant, $"<tr><td>{E(step.Program)}</td><td>{E(step.Text)}</td><td style=\"text-align:right\">{E(value)}</td><td>{E(step.Unit)}</td><td>");
            if (step.Parameters.Count > 0)
            {
                html.Append("<ul>");
                foreach (var parameter in step.Parameters)
                {
                    var flag = parameter.IsIllustrative ? "<b>[I] illustrative, not a fact:</b> " : string.Empty;
                    html.Append(Invariant, $"<li>{flag}{E(parameter.Describe(run.Parameters.Regions))}</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</td></tr>");
        }

        html.Append("</tbody></table></details>");
        return html.ToString();
    }

    private static string Unit(AmountPeriod period) => period switch
    {
        AmountPeriod.Month => "yuan/month",
        AmountPeriod.Year => "yuan/year",
        _ => string.Empty,
    };

    private static string Amount(double value, AmountPeriod period)
    {
        if (period == AmountPeriod.None)
        {
            return (value == 0 ? 0.0 : value).ToString("G", Invariant);
        }

        decimal rounded = Yuan.Round(value);
        return (rounded == 0 ? 0m : rounded).ToString("N2", Invariant);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
