using System.Globalization;
using System.Text;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Distributed;

/// <summary>
/// The merged result of a partitioned run: per scenario, program totals and recipients, fiscal flows, income-concept
/// totals by province and the distributional indicators; per reform, the comparison with the baseline (program
/// changes, net fiscal cost, deciles) as <see cref="ReformComparison"/> computes it on one machine.
/// </summary>
/// <remarks>
/// Sums are exact sums of the partitions' exact partial sums, rounded once; indicators that need a global order
/// are computed by the library's own functions on the k-way merge of the partitions' sorted runs. Every figure is
/// therefore bit-identical to the single-process run of the whole population (docs/distributed.md lists them).
/// </remarks>
public sealed class PartitionedResult
{
    private readonly IReadOnlyList<PartitionAggregate> _aggregates;

    private PartitionedResult(PartitionedJob job, IReadOnlyList<ScenarioSummary> scenarios, IReadOnlyList<PartitionedComparison> comparisons, IReadOnlyList<PartitionInfo> partitions, int attempts, IReadOnlyList<PartitionAggregate> aggregates)
    {
        _aggregates = aggregates;
        Job = job;
        Scenarios = scenarios;
        Comparisons = comparisons;
        Partitions = partitions;
        Attempts = attempts;
    }

    /// <summary>The job that was run.</summary>
    public PartitionedJob Job { get; }

    /// <summary>The baseline, then each reform.</summary>
    public IReadOnlyList<ScenarioSummary> Scenarios { get; }

    /// <summary>Each reform against the baseline.</summary>
    public IReadOnlyList<PartitionedComparison> Comparisons { get; }

    /// <summary>The partitions, in the order given, with the silo whose result was kept.</summary>
    public IReadOnlyList<PartitionInfo> Partitions { get; }

    /// <summary>Partition runs started, including re-runs after a lost silo.</summary>
    public int Attempts { get; }

    /// <summary>Partition runs that had to be started again because a silo was lost or unreachable.</summary>
    public int Reruns => Attempts - Partitions.Count;

    /// <summary>
    /// The most sorted-run elements (doubles) the client held at once: the runs that came in the partitions' answers,
    /// plus the merge's page buffers. With <see cref="PartitionedJob.SortedRunDirectory"/> only the buffers, at most
    /// (partitions + 3) × <see cref="PartitionedJob.MergePageRows"/> × 3, whatever the population.
    /// </summary>
    public long SortedElementsHeld { get; private init; }

    /// <summary>
    /// The result of one partition alone (for example one province of a run partitioned by province), from the same
    /// aggregates: the single-process run of that partition's population.
    /// </summary>
    /// <param name="partitionId">The partition.</param>
    /// <exception cref="KeyNotFoundException">No such partition.</exception>
    public PartitionedResult OfPartition(string partitionId)
    {
        var aggregate = _aggregates.FirstOrDefault(a => a.PartitionId == partitionId)
            ?? throw new KeyNotFoundException($"The run has no partition '{partitionId}'; its partitions are {string.Join(", ", _aggregates.Select(a => a.PartitionId))}.");
        return Merge(Job, [aggregate], 1);
    }

    /// <summary>A plain-text table: one line per scenario, then each comparison's program and decile tables.</summary>
    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{Partitions.Count} partitions, {Partitions.Sum(p => (long)p.Households):N0} households, {Partitions.Sum(p => (long)p.Persons):N0} sample persons, {Reruns} re-run(s)");
        text.AppendLine(c, $"{"scenario",-28} {"persons (weighted)",20} {"mean",10} {"median",10} {"Gini",8} {"AROP 60%",9} {"spending (m/yr)",16} {"revenue (m/yr)",15}");
        foreach (var s in Scenarios)
        {
            text.AppendLine(c, $"{s.Name,-28} {s.WeightedPersons,20:N0} {s.MeanIncome,10:N2} {s.MedianIncome,10:N2} {s.Gini,8:F4} {s.AtRiskOfPovertyRate * 100,8:F2}% {s.PublicSpendingAnnual / 1e6,16:N2} {s.PublicRevenueAnnual / 1e6,15:N2}");
        }

        foreach (var comparison in Comparisons)
        {
            text.AppendLine();
            text.AppendLine(c, $"Reform: {comparison.Reform}; net fiscal cost {comparison.NetFiscalCostAnnual / 1e6:N2} million yuan per year");
            foreach (var p in comparison.Programs.Where(p => p.BaselineAnnual != 0 || p.ReformAnnual != 0))
            {
                text.AppendLine(c, $"  {p.Variable.Name,-46} {p.BaselineAnnual / 1e6,16:N2} {p.ReformAnnual / 1e6,16:N2} {p.ChangeAnnual / 1e6,12:N2}  gained {p.Gained,10:N0} lost {p.Lost,10:N0}");
            }

            foreach (var d in comparison.Deciles)
            {
                text.AppendLine(c, $"  decile {d.Decile,2} {d.PersonsWeighted,14:N0} {d.BaselineMean,12:N2} {d.ReformMean,12:N2} {d.MeanChange,10:N2}");
            }
        }

        return text.ToString();
    }

    internal static PartitionedResult Merge(PartitionedJob job, IReadOnlyList<PartitionAggregate> parts, int attempts)
    {
        CheckAgreement([.. parts.Select(p => (p.PartitionId, p.RegionCatalogFingerprint, p.ParametersFingerprint, p.IdSpace, p.HouseholdIds))]);
        var policy = PartitionWorker.CreatePolicy(job.Policy);
        var outputs = policy.Outputs.Where(o => o.Period != AmountPeriod.None).ToArray();
        int scenarioCount = parts[0].Scenarios.Count;
        var scenarios = new List<ScenarioSummary>();
        long held = 0;
        for (int s = 0; s < scenarioCount; s++)
        {
            var mine = parts.Select(p => p.Scenarios[s]).ToArray();
            var totals = new Dictionary<string, double>(StringComparer.Ordinal);
            var recipients = new Dictionary<string, double>(StringComparer.Ordinal);
            for (int k = 0; k < outputs.Length; k++)
            {
                totals[outputs[k].Name] = ExactState.Merge(mine.Select(m => m.WeightedSums[k])).Result() * outputs[k].ToAnnualFactor;
                recipients[outputs[k].Name] = ExactState.Merge(mine.Select(m => m.Recipients[k])).Result();
            }

            var income = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var group in mine.SelectMany(m => m.IncomeGroups.Select((g, i) => (Group: g, State: m.IncomeTotals[i]))).GroupBy(x => x.Group, StringComparer.Ordinal))
            {
                income[group.Key] = ExactState.Merge(group.Select(x => x.State)).Result();
            }

            var merge = new StreamedMerge([.. mine.Select(m => m.SortedRunFile is { } file ? SortedRun.OfFile(file, 2, m.SortedRows) : SortedRun.Of(m.SortedIncome, m.SortedWeight))], job.MergePageRows);
            double weighted = ExactState.Merge(mine.Select(m => m.WeightedPersons)).Result();
            double median = SortedStreams.WeightedMedian(merge.Pairs);
            scenarios.Add(new ScenarioSummary(
                mine[0].Name,
                totals,
                recipients,
                policy.Outputs.Where(o => o.IsPublicSpending).Sum(o => totals[o.Name]),
                policy.Outputs.Where(o => o.IsPublicRevenue).Sum(o => totals[o.Name]),
                income,
                weighted,
                weighted > 0 ? ExactState.Merge(mine.Select(m => m.WeightedIncome)).Result() / weighted : 0,
                median,
                SortedStreams.Gini(merge.Pairs),
                SortedStreams.HeadcountRatio(merge.Pairs, 0.6 * median),
                SortedStreams.QuantileGroupShares(merge.Pairs, 10)));
            held = Math.Max(held, merge.PeakHeld);
        }

        var comparisons = new List<PartitionedComparison>();
        var baseline = scenarios[0];
        for (int s = 1; s < scenarioCount; s++)
        {
            var mine = parts.Select(p => p.Scenarios[s]).ToArray();
            var reform = scenarios[s];
            var programs = new List<ProgramChange>();
            for (int k = 0; k < outputs.Length; k++)
            {
                var o = outputs[k];
                if (o.Role == IncomeRole.None && !o.IsPublicSpending && !o.IsPublicRevenue)
                {
                    continue;
                }

                programs.Add(new ProgramChange(o, baseline.AnnualTotals[o.Name], reform.AnnualTotals[o.Name], baseline.Recipients[o.Name], reform.Recipients[o.Name],
                    ExactState.Merge(mine.Select(m => m.Gained[k])).Result(), ExactState.Merge(mine.Select(m => m.Lost[k])).Result()));
            }

            var merge = new StreamedMerge([.. mine.Select(m => m.DecileRunFile is { } file ? SortedRun.OfFile(file, 3, m.SortedRows) : SortedRun.Of(m.DecileBaseline, m.DecileWeight, m.DecileReform))], job.MergePageRows);
            double net = (reform.PublicSpendingAnnual - baseline.PublicSpendingAnnual) - (reform.PublicRevenueAnnual - baseline.PublicRevenueAnnual);
            comparisons.Add(new PartitionedComparison(reform.Name, programs, ReformComparison.DecileTableOfSorted(merge.Triples(), reform.WeightedPersons), net));
            held = Math.Max(held, merge.PeakHeld);
        }

        var infos = parts.Select(p => new PartitionInfo(p.PartitionId, p.Silo, p.HouseholdIds.Length, p.Persons)).ToArray();
        long inAnswers = parts.Sum(p => p.Scenarios.Sum(s => (long)s.SortedIncome.Length + s.SortedWeight.Length + s.DecileBaseline.Length + s.DecileWeight.Length + s.DecileReform.Length));
        return new PartitionedResult(job, scenarios, comparisons, infos, attempts, parts) { SortedElementsHeld = inAnswers + held };
    }

    /// <summary>Every partition must have run over the same region catalogue and parameter store, and no household may be in two partitions.</summary>
    internal static void CheckAgreement(IReadOnlyList<(string PartitionId, string RegionCatalogFingerprint, string ParametersFingerprint, string IdSpace, long[] HouseholdIds)> parts)
    {
        var first = parts[0];
        foreach (var p in parts.Skip(1))
        {
            if (p.RegionCatalogFingerprint != first.RegionCatalogFingerprint)
            {
                throw new PartitionFailedException(p.PartitionId, $"it ran over another region catalogue ({p.RegionCatalogFingerprint}) than partition '{first.PartitionId}' ({first.RegionCatalogFingerprint}).");
            }

            if (p.ParametersFingerprint != first.ParametersFingerprint)
            {
                throw new PartitionFailedException(p.PartitionId, $"it ran with another parameter store ({p.ParametersFingerprint}) than partition '{first.PartitionId}' ({first.ParametersFingerprint}): the parameter files on its silo differ.");
            }
        }

        foreach (var space in parts.GroupBy(p => p.IdSpace, StringComparer.Ordinal))
        {
            var members = space.ToArray();
            if (members.Length < 2)
            {
                continue;
            }

            var ids = members.SelectMany((p, index) => p.HouseholdIds.Select(id => (Id: id, Part: index))).ToArray();
            Array.Sort(ids);
            for (int i = 1; i < ids.Length; i++)
            {
                if (ids[i].Id == ids[i - 1].Id)
                {
                    var a = members[ids[i - 1].Part].PartitionId;
                    var b = members[ids[i].Part].PartitionId;
                    throw new PartitionFailedException(b, a == b
                        ? $"household {ids[i].Id} appears twice in it."
                        : $"household {ids[i].Id} is also in partition '{a}'; a household must be in exactly one partition.");
                }
            }
        }
    }
}

/// <summary>One scenario of a partitioned run, merged over all partitions.</summary>
/// <param name="Name">"baseline" or the reform's name.</param>
/// <param name="AnnualTotals">Each monetary program output's weighted annual total, yuan per year (as <see cref="SimulationResult.AnnualTotal"/>).</param>
/// <param name="Recipients">Each monetary output's weighted recipients, households or persons by the output's entity (as <see cref="SimulationResult.Recipients"/>).</param>
/// <param name="PublicSpendingAnnual">As <see cref="SimulationResult.PublicSpendingAnnual"/>.</param>
/// <param name="PublicRevenueAnnual">As <see cref="SimulationResult.PublicRevenueAnnual"/>.</param>
/// <param name="IncomeTotals">Σ household weight × household income by <c>concept|province code</c>, yuan per year.</param>
/// <param name="WeightedPersons">The weighted persons.</param>
/// <param name="MeanIncome">Mean household per-capita disposable income over persons, yuan per year.</param>
/// <param name="MedianIncome">Its weighted median (<see cref="Quantiles.WeightedMedian(ReadOnlySpan{double}, ReadOnlySpan{double}, QuantileRule)"/>).</param>
/// <param name="Gini">Its Gini coefficient (<see cref="Inequality.Gini(ReadOnlySpan{double}, ReadOnlySpan{double})"/>).</param>
/// <param name="AtRiskOfPovertyRate">The share of persons below 60% of the median (<see cref="Poverty.AtRiskOfPovertyRate(ReadOnlySpan{double}, ReadOnlySpan{double}, double, QuantileRule, PovertyBoundary)"/>).</param>
/// <param name="DecileShares">Income shares of the ten quantile groups (<see cref="Lorenz.QuantileGroupShares"/>).</param>
public sealed record ScenarioSummary(
    string Name,
    IReadOnlyDictionary<string, double> AnnualTotals,
    IReadOnlyDictionary<string, double> Recipients,
    double PublicSpendingAnnual,
    double PublicRevenueAnnual,
    IReadOnlyDictionary<string, double> IncomeTotals,
    double WeightedPersons,
    double MeanIncome,
    double MedianIncome,
    double Gini,
    double AtRiskOfPovertyRate,
    IReadOnlyList<double> DecileShares);

/// <summary>A reform against the baseline, merged over all partitions (as <see cref="ReformComparison"/>).</summary>
/// <param name="Reform">The reform's name.</param>
/// <param name="Programs">As <see cref="ReformComparison.Programs"/>.</param>
/// <param name="Deciles">As <see cref="ReformComparison.Deciles"/>.</param>
/// <param name="NetFiscalCostAnnual">As <see cref="ReformComparison.NetFiscalCostAnnual"/>.</param>
public sealed record PartitionedComparison(string Reform, IReadOnlyList<ProgramChange> Programs, IReadOnlyList<DecileChange> Deciles, double NetFiscalCostAnnual);

/// <summary>A partition of a run.</summary>
/// <param name="Id">The partition's name.</param>
/// <param name="Silo">The silo whose result was kept.</param>
/// <param name="Households">Sample households.</param>
/// <param name="Persons">Sample persons.</param>
public sealed record PartitionInfo(string Id, string Silo, int Households, int Persons);
