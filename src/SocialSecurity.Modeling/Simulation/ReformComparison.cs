using System.Globalization;
using System.Text;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Simulation;

/// <summary>
/// A reform against its baseline on the same population: the change in each program's annual cost and
/// recipients, the net fiscal cost, and the mean income change by decile of the baseline distribution.
/// </summary>
/// <remarks>
/// Deciles rank persons by baseline household per-capita disposable income (ties broken by weight, then by reform
/// income, never by position in the population) and assign whole persons by the cumulative weight before them:
/// person i is in decile ⌊10 × C_{i−1}/W⌋ + 1. Each decile then holds about, not exactly, a tenth of the weight.
/// Totals, recipients and decile sums are exact sums rounded once (<see cref="ExactSum"/>): every figure is
/// bit-identical whatever the order of the population's rows.
/// </remarks>
[TypeFormatterSource]
public sealed class ReformComparison
{
    private ReformComparison(SimulationResult baseline, SimulationResult reform, IReadOnlyList<ProgramChange> programs, IReadOnlyList<DecileChange> deciles)
    {
        Baseline = baseline;
        Reform = reform;
        Programs = programs;
        Deciles = deciles;
    }

    /// <summary>The baseline run.</summary>
    public SimulationResult Baseline { get; }

    /// <summary>The reform run.</summary>
    public SimulationResult Reform { get; }

    /// <summary>Every monetary program output of either run that is income (transfers, pensions, contributions, taxes) or a public flow, baseline against reform.</summary>
    public IReadOnlyList<ProgramChange> Programs { get; }

    /// <summary>Mean per-capita disposable income change by baseline decile.</summary>
    public IReadOnlyList<DecileChange> Deciles { get; }

    /// <summary>The net annual cost to the public purse: Δ public spending − Δ public revenue, yuan per year.</summary>
    public double NetFiscalCostAnnual
        => (Reform.PublicSpendingAnnual - Baseline.PublicSpendingAnnual) - (Reform.PublicRevenueAnnual - Baseline.PublicRevenueAnnual);

    /// <summary>Compares two runs of the same population (typically the same policy with baseline and reformed parameters).</summary>
    /// <param name="baseline">The baseline run.</param>
    /// <param name="reform">The reform run.</param>
    /// <exception cref="ArgumentException">The runs are of different populations.</exception>
    public static ReformComparison Compare(SimulationResult baseline, SimulationResult reform)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(reform);
        if (!ReferenceEquals(baseline.Population, reform.Population))
        {
            throw new ArgumentException("A reform must be compared with a baseline of the same population object.", nameof(reform));
        }

        if (baseline.Date != reform.Date)
        {
            throw new ArgumentException($"The baseline was run at {baseline.Date:yyyy-MM-dd} and the reform at {reform.Date:yyyy-MM-dd}; compare runs at the same date.", nameof(reform));
        }

        var programs = new List<ProgramChange>();
        var outputs = baseline.Policy.Outputs.Concat(reform.Policy.Outputs).DistinctBy(o => o.Name)
            .Where(o => o.Period != AmountPeriod.None && (o.Role != IncomeRole.None || o.IsPublicSpending || o.IsPublicRevenue));
        foreach (var output in outputs)
        {
            bool inBaseline = baseline.Policy.Outputs.Any(o => o.Name == output.Name);
            bool inReform = reform.Policy.Outputs.Any(o => o.Name == output.Name);
            var source = inBaseline ? baseline : reform;
            int length = output.Entity == Entity.Household ? source.Population.HouseholdCount : source.Population.PersonCount;
            var b = inBaseline ? baseline.Values(output.Name) : new double[length];
            var r = inReform ? reform.Values(output.Name) : new double[length];
            var weights = output.Entity == Entity.Household ? baseline.Population.Weight : baseline.PersonWeights;
            var gained = new ExactSum();
            var lost = new ExactSum();
            for (int i = 0; i < b.Length; i++)
            {
                if (b[i] <= 0 && r[i] > 0)
                {
                    gained.Add(weights[i]);
                }
                else if (b[i] > 0 && r[i] <= 0)
                {
                    lost.Add(weights[i]);
                }
            }

            programs.Add(new ProgramChange(
                output,
                inBaseline ? baseline.AnnualTotal(output.Name) : 0,
                inReform ? reform.AnnualTotal(output.Name) : 0,
                inBaseline ? baseline.Recipients(output.Name) : 0,
                inReform ? reform.Recipients(output.Name) : 0,
                gained.Result(),
                lost.Result()));
        }

        return new ReformComparison(baseline, reform, programs, ComputeDeciles(baseline, reform));
    }

    /// <summary>
    /// A plain-text report: program changes (recipients, gained and lost counted in the unit the "recipients in"
    /// column names: weighted households for household outputs, weighted persons for person outputs), net fiscal cost,
    /// and decile changes; amounts rounded for display, zeros never signed.
    /// </summary>
    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{"program output",-48} {"baseline (m yuan/yr)",21} {"reform (m yuan/yr)",19} {"change",12}  {"recipients in",-13} {"baseline",12} {"reform",12} {"gained",10} {"lost",10}");
        foreach (var p in Programs)
        {
            text.AppendLine(c, $"{p.Variable.Name,-48} {Yuan.Shown(p.BaselineAnnual / 1e6, 2),21:N2} {Yuan.Shown(p.ReformAnnual / 1e6, 2),19:N2} {Yuan.Shown(p.ChangeAnnual / 1e6, 2),12:N2}  {UnitName(p.RecipientUnit),-13} {p.BaselineRecipients,12:N0} {p.ReformRecipients,12:N0} {p.Gained,10:N0} {p.Lost,10:N0}");
        }

        text.AppendLine(c, $"Net fiscal cost: {Yuan.Shown(NetFiscalCostAnnual / 1e6, 2):N2} million yuan per year");
        text.AppendLine(c, $"{"decile",6} {"persons",14} {"baseline mean",14} {"reform mean",14} {"change",10} {"change %",9}");
        foreach (var d in Deciles)
        {
            text.AppendLine(c, $"{d.Decile,6} {d.PersonsWeighted,14:N0} {Yuan.Shown(d.BaselineMean, 2),14:N2} {Yuan.Shown(d.ReformMean, 2),14:N2} {Yuan.Shown(d.MeanChange, 2),10:N2} {Yuan.Shown(d.RelativeChange * 100, 3),8:N3}%");
        }

        return text.ToString();
    }

    private static string UnitName(Entity unit) => unit == Entity.Household ? "households" : "persons";

    private static DecileChange[] ComputeDeciles(SimulationResult baseline, SimulationResult reform)
        => DecileTable(baseline.PerCapitaIncome(IncomeConcept.Disposable), baseline.PersonWeights, reform.PerCapitaIncome(IncomeConcept.Disposable));

    /// <summary>
    /// The decile table of <see cref="Deciles"/> from person-level values: persons in ascending order of (baseline
    /// income, weight, reform income), cut into ten groups of equal weight (a person goes to the group where the
    /// cumulative weight before them falls), each group's mean before and after from exact sums. The result depends
    /// only on the persons' values, never on their order in the spans, so partial results merged from several
    /// processes give the same table as one process.
    /// </summary>
    /// <param name="baseline">Each person's household per-capita disposable income under the baseline, yuan per year.</param>
    /// <param name="weights">Each person's weight.</param>
    /// <param name="reform">Each person's household per-capita disposable income under the reform, yuan per year.</param>
    public static DecileChange[] DecileTable(ReadOnlySpan<double> baseline, ReadOnlySpan<double> weights, ReadOnlySpan<double> reform)
    {
        if (weights.Length != baseline.Length || reform.Length != baseline.Length)
        {
            throw new ArgumentException($"baseline ({baseline.Length}), weights ({weights.Length}) and reform ({reform.Length}) must have one value per person");
        }

        var before = baseline;
        var after = reform;
        int n = before.Length;

        // Persons in ascending order of (baseline income, weight, reform income): the order depends only on the
        // persons' values, never on their position in the population (persons equal in all three are interchangeable).
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        double[] b = before.ToArray(), a = after.ToArray(), w = weights.ToArray();
        Array.Sort(order, (i, j) =>
        {
            int c = b[i].CompareTo(b[j]);
            if (c == 0)
            {
                c = w[i].CompareTo(w[j]);
            }

            return c != 0 ? c : a[i].CompareTo(a[j]);
        });
        return DecileTableOfSorted(order.Select(i => (b[i], w[i], a[i])), ExactSum.Sum(w));
    }

    /// <summary>
    /// <see cref="DecileTable(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double})"/> of persons already in
    /// ascending order of (baseline income, weight, reform income), read once as a stream (for example merged from
    /// sorted partitions without holding them): the same table, bit for bit.
    /// </summary>
    /// <param name="sorted">Each person's (baseline income, weight, reform income), ascending.</param>
    /// <param name="totalWeight">The exact sum of the weights (<see cref="ExactSum"/>).</param>
    /// <exception cref="ArgumentException">The persons are not in that order.</exception>
    public static DecileChange[] DecileTableOfSorted(IEnumerable<(double Baseline, double Weight, double Reform)> sorted, double totalWeight)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        double total = totalWeight;
        var weight = new ExactSum[10];
        var sumBefore = new ExactSum[10];
        var sumAfter = new ExactSum[10];
        for (int d = 0; d < 10; d++)
        {
            weight[d] = new ExactSum();
            sumBefore[d] = new ExactSum();
            sumAfter[d] = new ExactSum();
        }

        double cumulative = 0;
        (double B, double W, double A) last = (double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity);
        foreach (var person in sorted)
        {
            if (person.Baseline < last.B || (person.Baseline == last.B && (person.Weight < last.W || (person.Weight == last.W && person.Reform < last.A))))
            {
                throw new ArgumentException($"The persons are not in ascending order of (baseline, weight, reform): {person} follows {last}.", nameof(sorted));
            }

            last = person;
            int decile = total > 0 ? Math.Min(9, (int)(10 * cumulative / total)) : 0;
            weight[decile].Add(person.Weight);
            sumBefore[decile].Add(person.Weight * person.Baseline);
            sumAfter[decile].Add(person.Weight * person.Reform);
            cumulative += person.Weight;
        }

        return Enumerable.Range(0, 10)
            .Select(d =>
            {
                double wd = weight[d].Result();
                return new DecileChange(d + 1, wd, wd > 0 ? sumBefore[d].Result() / wd : 0, wd > 0 ? sumAfter[d].Result() / wd : 0);
            })
            .ToArray();
    }
}
