using System.Globalization;
using System.Text;

namespace SocialSecurity.Modeling.Distributed;

/// <summary>What a sweep runs: every reform (and the baseline) × every year × every replicate, over the same partitions.</summary>
public sealed record SweepSpec
{
    /// <summary>The policy: a package name of <c>ProgramCatalog.Packages</c>.</summary>
    public string Policy { get; init; } = "Policies.Standard";

    /// <summary>The reforms, each as the JSON of <c>Reform.ToJson</c>.</summary>
    public IReadOnlyList<string> Reforms { get; init; } = [];

    /// <summary>The years; each runs at 1 July of the year.</summary>
    public required IReadOnlyList<int> Years { get; init; }

    /// <summary>Replicates per year: replicate <c>r</c> adds <c>r</c> to each synthetic partition's seed; more than one is rejected for file partitions, which a static run does not draw for (their replicates are those of <see cref="PartitionedProjection"/>).</summary>
    public int Replicates { get; init; } = 1;

    /// <summary>A region catalogue file every silo can read; the built-in catalogue when <see langword="null"/>.</summary>
    public string? RegionCatalogPath { get; init; }

    /// <summary>Parameter files or folders added to the built-in parameters.</summary>
    public IReadOnlyList<string> ParameterFiles { get; init; } = [];

    /// <summary>How many (year, replicate) runs are in flight at once; each fans its partitions out over the cluster.</summary>
    public int MaxConcurrentRuns { get; init; } = 4;

    /// <summary>The jobs of the sweep, in table order: year, then replicate.</summary>
    internal IEnumerable<(int Year, int Replicate, PartitionedJob Job)> Jobs()
    {
        foreach (int year in Years)
        {
            for (int r = 0; r < Replicates; r++)
            {
                yield return (year, r, new PartitionedJob
                {
                    Policy = Policy,
                    Date = new DateOnly(year, 7, 1),
                    Reforms = Reforms,
                    RegionCatalogPath = RegionCatalogPath,
                    ParameterFiles = ParameterFiles,
                    Replicate = (ulong)r,
                });
            }
        }
    }
}

/// <summary>Scenario sweeps: reforms × years × replicates fanned out across the cluster, with progress and cancellation.</summary>
public static class ScenarioSweep
{
    /// <summary>Runs the sweep on the cluster: all (year, replicate) runs, up to <see cref="SweepSpec.MaxConcurrentRuns"/> at once, each partitioned as <see cref="PartitionedRun.RunAsync"/>.</summary>
    /// <param name="grains">The cluster client.</param>
    /// <param name="spec">The sweep.</param>
    /// <param name="partitions">The partitions.</param>
    /// <param name="progress">Receives a report as each partition of each run finishes; <see cref="PartitionProgress.Completed"/> and <see cref="PartitionProgress.Total"/> count over the whole sweep.</param>
    /// <param name="cancellationToken">Cancels the sweep and the partitions in flight.</param>
    /// <returns>The results table.</returns>
    /// <exception cref="PartitionFailedException">A partition failed (the sweep stops; no partial table).</exception>
    /// <exception cref="OperationCanceledException">The sweep was cancelled.</exception>
    public static async Task<SweepResult> RunAsync(IGrainFactory grains, SweepSpec spec, IReadOnlyList<PartitionSource> partitions, IProgress<PartitionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(partitions);
        if (spec.Years.Count == 0 || spec.Replicates < 1 || spec.MaxConcurrentRuns < 1)
        {
            throw new ArgumentException("A sweep needs at least one year, one replicate and one concurrent run.", nameof(spec));
        }

        CheckReplicates(spec, partitions);
        var jobs = spec.Jobs().ToArray();
        int total = jobs.Length * partitions.Count;
        int completed = 0;
        var counting = progress is null ? null : new Relay(r => progress.Report(r with { Completed = r.Rerun ? Volatile.Read(ref completed) : Interlocked.Increment(ref completed), Total = total }));
        using var limit = new SemaphoreSlim(spec.MaxConcurrentRuns);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        async Task<(PartitionedResult Result, int Attempts)> RunOne((int Year, int Replicate, PartitionedJob Job) run, int index)
        {
            await limit.WaitAsync(failed.Token).ConfigureAwait(false);
            try
            {
                var (aggregates, attempts) = await PartitionedRun.RunPartitionsAsync(grains, run.Job, partitions, $"{run.Year} replicate {run.Replicate}", counting, failed.Token, index * partitions.Count).ConfigureAwait(false);
                return (PartitionedResult.Merge(run.Job, aggregates, attempts), attempts);
            }
            finally
            {
                limit.Release();
            }
        }

        var tasks = jobs.Select((j, i) => RunOne(j, i)).ToArray();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch
        {
            await failed.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            var first = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(e => e is PartitionFailedException);
            if (first is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
            }

            throw;
        }

        return SweepResult.From(jobs.Select((j, i) => (j.Year, j.Replicate, tasks[i].Result.Result)).ToArray(), tasks.Sum(t => t.Result.Attempts) - total);
    }

    /// <summary>Runs the sweep in this process, one run after another (the single-machine table, for comparison).</summary>
    /// <param name="spec">The sweep.</param>
    /// <param name="partitions">The partitions.</param>
    /// <param name="cancellationToken">Cancels the sweep.</param>
    /// <returns>The results table.</returns>
    public static SweepResult RunLocal(SweepSpec spec, IReadOnlyList<PartitionSource> partitions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(partitions);
        CheckReplicates(spec, partitions);
        var runs = spec.Jobs().Select(j => (j.Year, j.Replicate, PartitionedRun.RunLocal(j.Job, partitions, cancellationToken))).ToArray();
        return SweepResult.From(runs, 0);
    }

    /// <summary>
    /// A static run of a file partition draws nothing, so its replicates would be copies: replicates of file partitions
    /// are projection replicates (<see cref="PartitionedProjection"/>, whose draws are keyed by seed, person id, year and
    /// replicate). A sweep with more than one replicate is rejected when a partition is a file partition.
    /// </summary>
    private static void CheckReplicates(SweepSpec spec, IReadOnlyList<PartitionSource> partitions)
    {
        if (spec.Replicates > 1 && partitions.FirstOrDefault(p => p.IsFiles) is { } file)
        {
            throw new ArgumentException($"Partition '{file.Id}' is read from files: a static run of it is the same in every replicate. Run replicates of file partitions as a partitioned projection (PartitionedProjection), whose draws differ by replicate and person id, or sweep with one replicate.", nameof(spec));
        }
    }

    private sealed class Relay(Action<PartitionProgress> report) : IProgress<PartitionProgress>
    {
        public void Report(PartitionProgress value) => report(value);
    }
}

/// <summary>One row of a sweep: a scenario in one year and replicate, merged over all partitions.</summary>
/// <param name="Year">The year (run at 1 July).</param>
/// <param name="Replicate">The replicate.</param>
/// <param name="Scenario">"baseline" or the reform's name.</param>
/// <param name="MeanIncome">Mean household per-capita disposable income, yuan per year.</param>
/// <param name="MedianIncome">Its weighted median.</param>
/// <param name="Gini">Its Gini coefficient.</param>
/// <param name="AtRiskOfPovertyRate">The share of persons below 60% of the median.</param>
/// <param name="PublicSpendingAnnual">Public spending on the simulated programs, yuan per year.</param>
/// <param name="PublicRevenueAnnual">Public revenue from them, yuan per year.</param>
/// <param name="NetFiscalCostAnnual">Against the same year and replicate's baseline; 0 for the baseline.</param>
public sealed record SweepRow(int Year, int Replicate, string Scenario, double MeanIncome, double MedianIncome, double Gini, double AtRiskOfPovertyRate, double PublicSpendingAnnual, double PublicRevenueAnnual, double NetFiscalCostAnnual);

/// <summary>The results table of a sweep, ordered by year, replicate, then scenario (baseline first).</summary>
public sealed class SweepResult
{
    private SweepResult(IReadOnlyList<SweepRow> rows, IReadOnlyList<PartitionedResult> runs, int reruns)
    {
        Rows = rows;
        Runs = runs;
        Reruns = reruns;
    }

    /// <summary>The rows.</summary>
    public IReadOnlyList<SweepRow> Rows { get; }

    /// <summary>The full result of each (year, replicate) run, in row order.</summary>
    public IReadOnlyList<PartitionedResult> Runs { get; }

    /// <summary>Partition runs started again because a silo was lost.</summary>
    public int Reruns { get; }

    /// <summary>The table as text, one line per row.</summary>
    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{"year",4} {"rep",3} {"scenario",-28} {"mean inc.",10} {"median",10} {"Gini",7} {"AROP 60%",9} {"spending",14} {"revenue",14} {"net cost",12}");
        text.AppendLine(c, $"{"",4} {"",3} {"",-28} {"yuan/yr",10} {"yuan/yr",10} {"",7} {"",9} {"m yuan/yr",14} {"m yuan/yr",14} {"m yuan/yr",12}");
        foreach (var r in Rows)
        {
            text.AppendLine(c, $"{r.Year,4} {r.Replicate,3} {r.Scenario,-28} {r.MeanIncome,10:N0} {r.MedianIncome,10:N0} {r.Gini,7:0.0000} {r.AtRiskOfPovertyRate,9:P2} {r.PublicSpendingAnnual / 1e6,14:N2} {r.PublicRevenueAnnual / 1e6,14:N2} {r.NetFiscalCostAnnual / 1e6,12:N2}");
        }

        return text.ToString();
    }

    /// <summary>The table as CSV (invariant culture, round-trip numbers).</summary>
    public string ToCsv()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder("year,replicate,scenario,mean_income,median_income,gini,at_risk_of_poverty_rate,public_spending_annual,public_revenue_annual,net_fiscal_cost_annual\n");
        foreach (var r in Rows)
        {
            text.AppendLine(c, $"{r.Year},{r.Replicate},\"{r.Scenario.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{r.MeanIncome:R},{r.MedianIncome:R},{r.Gini:R},{r.AtRiskOfPovertyRate:R},{r.PublicSpendingAnnual:R},{r.PublicRevenueAnnual:R},{r.NetFiscalCostAnnual:R}");
        }

        return text.ToString();
    }

    internal static SweepResult From(IReadOnlyList<(int Year, int Replicate, PartitionedResult Result)> runs, int reruns)
    {
        var rows = new List<SweepRow>();
        foreach (var (year, replicate, result) in runs)
        {
            foreach (var (s, i) in result.Scenarios.Select((s, i) => (s, i)))
            {
                double net = i == 0 ? 0 : result.Comparisons[i - 1].NetFiscalCostAnnual;
                rows.Add(new SweepRow(year, replicate, s.Name, s.MeanIncome, s.MedianIncome, s.Gini, s.AtRiskOfPovertyRate, s.PublicSpendingAnnual, s.PublicRevenueAnnual, net));
            }
        }

        return new SweepResult(rows, [.. runs.Select(r => r.Result)], reruns);
    }
}
