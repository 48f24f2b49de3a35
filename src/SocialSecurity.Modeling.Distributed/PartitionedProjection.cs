using System.Globalization;
using System.Text;
using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Projection;

namespace SocialSecurity.Modeling.Distributed;

/// <summary>
/// Partitioned projections: every partition runs the library's projector (<c>Projector.Run</c>) on its households
/// for all replicates and years, and the client merges the partitions' exact yearly sums and sorted income runs into
/// the yearly indicators of one projection of the whole population (docs/distributed.md#projections).
/// </summary>
public static class PartitionedProjection
{
    /// <summary>Runs <paramref name="job"/> over <paramref name="partitions"/> on the cluster, re-running a partition whose silo is lost.</summary>
    /// <param name="grains">The cluster client.</param>
    /// <param name="job">The projection.</param>
    /// <param name="partitions">The partitions, with distinct ids.</param>
    /// <param name="progress">Receives a report as each partition finishes or is re-run.</param>
    /// <param name="cancellationToken">Cancels the run and the partitions still running.</param>
    /// <returns>The merged projection.</returns>
    /// <exception cref="PartitionFailedException">A partition failed validation or was lost on every try, or partitions disagree (region catalogue, parameters, a household in two partitions, a couple-matching group in two partitions).</exception>
    public static async Task<PartitionedProjectionResult> RunAsync(IGrainFactory grains, ProjectionJob job, IReadOnlyList<PartitionSource> partitions, IProgress<PartitionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        Check(job, partitions);
        var (aggregates, attempts) = await PartitionedRun.RunPartitionsAsync<ProjectionAggregate>(grains, partitions, "projection", async (grain, partition, token) =>
        {
            var answer = await grain.RunProjection(partition, job, token).ConfigureAwait(false);
            return (answer.Aggregate, answer.Failure, answer.Aggregate?.Silo ?? "");
        }, progress, cancellationToken).ConfigureAwait(false);
        return Merge(job, aggregates, attempts);
    }

    /// <summary>Runs <paramref name="job"/> over <paramref name="partitions"/> in this process, one after another, and merges them as <see cref="RunAsync"/> does.</summary>
    /// <param name="job">The projection.</param>
    /// <param name="partitions">The partitions, with distinct ids.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The merged projection.</returns>
    public static PartitionedProjectionResult RunLocal(ProjectionJob job, IReadOnlyList<PartitionSource> partitions, CancellationToken cancellationToken = default)
    {
        Check(job, partitions);
        var aggregates = partitions.Select(p => PartitionWorker.RunProjection(p, job, cancellationToken)).ToList();
        return Merge(job, aggregates, aggregates.Count);
    }

    private static void Check(ProjectionJob job, IReadOnlyList<PartitionSource> partitions)
    {
        ArgumentNullException.ThrowIfNull(job);
        PartitionedRun.CheckPartitions(partitions);
        PartitionWorker.CreatePolicy(job.Policy);
        if (job.EndYear < job.StartYear || job.Replicates is < 1 or > 60)
        {
            throw new ArgumentException($"A projection needs an end year not before its start year and 1–60 replicates (got {job.StartYear}–{job.EndYear}, {job.Replicates}).", nameof(job));
        }
    }

    internal static PartitionedProjectionResult Merge(ProjectionJob job, IReadOnlyList<ProjectionAggregate> parts, int attempts)
    {
        PartitionedResult.CheckAgreement([.. parts.Select(p => (p.PartitionId, p.RegionCatalogFingerprint, p.ParametersFingerprint, p.IdSpace, p.HouseholdIds))]);
        if (job.Households)
        {
            var owner = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in parts)
            {
                foreach (var group in p.MatchingGroups)
                {
                    if (!owner.TryAdd(group, p.PartitionId))
                    {
                        throw new PartitionFailedException(p.PartitionId, $"its households of region and weight '{group}' form couples with those of partition '{owner[group]}' (household change matches within one region and household weight): partition by region, or run without household change.");
                    }
                }
            }
        }

        var fund = PensionFundAssumptions.China;
        double basePersons = ExactState.Merge(parts.Select(p => p.BaseWeightedPersons)).Result();
        var rows = new List<PartitionedProjectionRow>();
        int count = parts[0].Years.Count;
        double reserve = 0;
        for (int i = 0; i < count; i++)
        {
            var mine = parts.Select(p => p.Years[i]).ToArray();
            var head = mine[0];
            if (mine.Any(m => m.Scenario != head.Scenario || m.Replicate != head.Replicate || m.Year != head.Year))
            {
                throw new InvalidOperationException("The partitions' projected years are not aligned.");
            }

            if (head.Year == job.StartYear)
            {
                reserve = fund.StartingReserve(basePersons);
            }

            rows.Add(MergeYear(parts[0].Scenarios[head.Scenario], mine, fund, ref reserve));
        }

        var infos = parts.Select(p => new PartitionInfo(p.PartitionId, p.Silo, p.HouseholdIds.Length, p.Persons)).ToArray();
        return new PartitionedProjectionResult(job, parts[0].Scenarios, rows, infos, attempts);
    }

    /// <summary>One year's indicators from the partitions' exact sums, as the projector summarises a year.</summary>
    private static PartitionedProjectionRow MergeYear(string scenario, ProjectionYearAggregate[] mine, PensionFundAssumptions fund, ref double reserve)
    {
        int year = mine[0].Year;
        var females = new double[121];
        var males = new double[121];
        for (int a = 0; a <= 120; a++)
        {
            females[a] = Merged(mine, m => m.Cells[a]);
            males[a] = Merged(mine, m => m.Cells[121 + a]);
        }

        double Sum(int from, int to) => ExactSum.Sum([.. females[from..(to + 1)], .. males[from..(to + 1)]]);
        var v = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in ProjectionIndicators.All)
        {
            v[name] = double.NaN;
        }

        v[ProjectionIndicators.Males] = ExactSum.Sum(males);
        v[ProjectionIndicators.Females] = ExactSum.Sum(females);
        v[ProjectionIndicators.Persons] = ExactSum.Sum(males) + ExactSum.Sum(females);
        double young = Sum(0, 14), working = Sum(15, 64), old = Sum(65, 120);
        v[ProjectionIndicators.Aged0To14] = young;
        v[ProjectionIndicators.Aged15To64] = working;
        v[ProjectionIndicators.Aged65Plus] = old;
        v[ProjectionIndicators.OldAgeDependency] = working > 0 ? old / working : double.NaN;
        v[ProjectionIndicators.Deaths] = Merged(mine, m => m.Deaths[0]) + Merged(mine, m => m.Deaths[1]);
        v[ProjectionIndicators.Births] = Merged(mine, m => m.Births[0]) + Merged(mine, m => m.Births[1]);

        double? Named(string name)
        {
            int k = Array.IndexOf(mine[0].SumNames, name);
            return k < 0 ? null : Merged(mine, m => m.SumStates[Array.IndexOf(m.SumNames, name)]) * mine[0].SumFactors[k];
        }

        double contributors = Named(PartitionWorker.YearSums.Contributors) ?? double.NaN;
        double pensioners = Named(PartitionWorker.YearSums.Pensioners) ?? double.NaN;
        v[ProjectionIndicators.Contributors] = contributors;
        v[ProjectionIndicators.Pensioners] = pensioners;
        v[ProjectionIndicators.SystemDependency] = contributors > 0 ? pensioners / contributors : double.NaN;

        // Public spending and revenue: each output's annual total, added in the policy's order.
        var outputs = mine[0].Outputs;
        double spending = 0, revenueTotal = 0;
        for (int k = 0; k < outputs.Length; k++)
        {
            double total = Merged(mine, m => m.OutputSums[k]) * mine[0].OutputFactors[k];
            if ((mine[0].OutputKinds[k] & 1) != 0)
            {
                spending += total;
            }

            if ((mine[0].OutputKinds[k] & 2) != 0)
            {
                revenueTotal += total;
            }
        }

        v[ProjectionIndicators.PublicSpending] = spending;
        v[ProjectionIndicators.PublicRevenue] = revenueTotal;

        double revenue = double.NaN, expenditure = double.NaN;
        if (Named(PartitionWorker.YearSums.FundExpenditure) is { } paid)
        {
            // The fund is national: flows are summed over the partitions, and the reserve is carried here with the
            // projector's own fund arithmetic from the summed flows.
            expenditure = paid;
            revenue = fund.Revenue(year, Named(PartitionWorker.YearSums.FundEmployee)!.Value, Named(PartitionWorker.YearSums.FundEmployer)!.Value, expenditure);
            reserve = fund.NextReserve(reserve, year, revenue, expenditure);
        }

        double accountPensions = !double.IsNaN(expenditure) && Named(PartitionWorker.YearSums.AccountPensions) is { } account ? 12 * account : double.NaN;
        v[ProjectionIndicators.FundAccountExpenditure] = accountPensions;
        v[ProjectionIndicators.FundPooledExpenditure] = expenditure - accountPensions;
        v[ProjectionIndicators.EmployeeAccountBalances] = Named(PartitionWorker.YearSums.EmployeeBalances) ?? double.NaN;
        v[ProjectionIndicators.ResidentAccountBalances] = Named(PartitionWorker.YearSums.ResidentBalances) ?? double.NaN;
        double workers = Named(PartitionWorker.YearSums.Workers)!.Value;
        v[ProjectionIndicators.Workers] = workers;
        v[ProjectionIndicators.AverageWage] = workers > 0 ? Named(PartitionWorker.YearSums.Wages)!.Value / workers : double.NaN;
        v[ProjectionIndicators.Households] = Named(PartitionWorker.YearSums.Households)!.Value;
        v[ProjectionIndicators.FundRevenue] = revenue;
        v[ProjectionIndicators.FundExpenditure] = expenditure;
        v[ProjectionIndicators.FundReserve] = double.IsNaN(revenue) ? double.NaN : reserve;

        double gini = double.NaN, poverty = double.NaN;
        if (Named(PartitionWorker.YearSums.Income)!.Value > 0)
        {
            var merge = new StreamedMerge([.. mine.Select(m => SortedRun.Of(m.SortedIncome, m.SortedWeight))], 65_536);
            gini = SortedStreams.Gini(merge.Pairs);
            double median = SortedStreams.WeightedMedian(merge.Pairs);
            poverty = median > 0 ? SortedStreams.HeadcountRatio(merge.Pairs, 0.5 * median) : double.NaN;
        }

        v[ProjectionIndicators.Gini] = gini;
        v[ProjectionIndicators.RelativePoverty] = poverty;
        return new PartitionedProjectionRow(scenario, year, mine[0].Replicate, v, females, males);
    }

    private static double Merged(ProjectionYearAggregate[] mine, Func<ProjectionYearAggregate, byte[]> state)
    {
        var total = new ExactSum();
        foreach (var m in mine)
        {
            var bytes = state(m);
            if (bytes.Length > 0)
            {
                total.Merge(ExactSum.FromBytes(bytes));
            }
        }

        return total.Result();
    }
}

/// <summary>One projected year of one replicate and scenario, merged over all partitions.</summary>
/// <param name="Scenario">"baseline" or the reform's name.</param>
/// <param name="Year">The year.</param>
/// <param name="Replicate">The replicate.</param>
/// <param name="Values">Every indicator of <c>ProjectionIndicators.All</c>; NaN where the projection cannot produce it (<see cref="PartitionedProjectionResult.NotMerged"/>) or the policy does not.</param>
/// <param name="FemalesByAge">Weighted women by age 0–120.</param>
/// <param name="MalesByAge">Weighted men by age 0–120.</param>
public sealed record PartitionedProjectionRow(string Scenario, int Year, int Replicate, IReadOnlyDictionary<string, double> Values, IReadOnlyList<double> FemalesByAge, IReadOnlyList<double> MalesByAge)
{
    /// <summary>One indicator by name (<c>ProjectionIndicators</c>).</summary>
    /// <param name="indicator">The indicator.</param>
    public double this[string indicator] => Values[indicator];
}

/// <summary>The merged result of a partitioned projection: one row per scenario, replicate and year.</summary>
public sealed class PartitionedProjectionResult
{
    internal PartitionedProjectionResult(ProjectionJob job, IReadOnlyList<string> scenarios, IReadOnlyList<PartitionedProjectionRow> rows, IReadOnlyList<PartitionInfo> partitions, int attempts)
    {
        Job = job;
        Scenarios = scenarios;
        Rows = rows;
        Partitions = partitions;
        Attempts = attempts;
    }

    /// <summary>
    /// The indicators a partitioned projection does not produce (NaN): flows the projector counts inside a year's
    /// step rather than in the year's static result — the new retirees and their replacement rate, the account
    /// credits and with them the pooled revenue, and the household flows (left home, unions, widowed).
    /// </summary>
    public static IReadOnlyList<string> NotMerged { get; } =
    [
        ProjectionIndicators.NewRetirees, ProjectionIndicators.ReplacementRate, ProjectionIndicators.FundAccountCredits, ProjectionIndicators.FundPooledRevenue,
        ProjectionIndicators.LeftHome, ProjectionIndicators.Unions, ProjectionIndicators.Widowed,
    ];

    /// <summary>The projection that was run.</summary>
    public ProjectionJob Job { get; }

    /// <summary>"baseline", then each reform's name.</summary>
    public IReadOnlyList<string> Scenarios { get; }

    /// <summary>The rows, by scenario, replicate, then year.</summary>
    public IReadOnlyList<PartitionedProjectionRow> Rows { get; }

    /// <summary>The partitions, with the silo whose result was kept.</summary>
    public IReadOnlyList<PartitionInfo> Partitions { get; }

    /// <summary>Partition runs started, including re-runs after a lost silo.</summary>
    public int Attempts { get; }

    /// <summary>Partition runs started again because a silo was lost.</summary>
    public int Reruns => Attempts - Partitions.Count;

    /// <summary>The row of a scenario, year and replicate.</summary>
    /// <param name="year">The year.</param>
    /// <param name="replicate">The replicate.</param>
    /// <param name="scenario">"baseline" (default) or a reform's name.</param>
    /// <exception cref="KeyNotFoundException">No such row.</exception>
    public PartitionedProjectionRow Row(int year, int replicate = 0, string scenario = "baseline")
        => Rows.FirstOrDefault(r => r.Year == year && r.Replicate == replicate && r.Scenario == scenario)
            ?? throw new KeyNotFoundException($"The projection has no row for {scenario}, {year}, replicate {replicate}.");

    /// <summary>The rows as CSV: scenario, year, replicate, then every indicator (invariant culture, round-trip numbers).</summary>
    public string ToCsv()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder("scenario,year,replicate," + string.Join(',', ProjectionIndicators.All) + "\n");
        foreach (var r in Rows)
        {
            text.Append(c, $"\"{r.Scenario.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{r.Year},{r.Replicate}");
            foreach (var name in ProjectionIndicators.All)
            {
                text.Append(c, $",{r.Values[name]:R}");
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
