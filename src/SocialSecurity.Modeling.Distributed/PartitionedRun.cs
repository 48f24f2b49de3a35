namespace SocialSecurity.Modeling.Distributed;

/// <summary>
/// Runs a job over partitions on an Orleans cluster and merges the partitions' aggregates into one result, equal to
/// a single-process run of the whole population (docs/distributed.md). A partition whose silo is lost is run again
/// elsewhere; exactly one result per partition is kept, so nothing is counted twice.
/// </summary>
public static class PartitionedRun
{
    /// <summary>How many times a partition is tried when its silo is lost or unreachable (not when it fails validation).</summary>
    public const int MaxAttempts = 5;

    /// <summary>Runs <paramref name="job"/> over <paramref name="partitions"/> on the cluster.</summary>
    /// <param name="grains">The cluster client (or a grain factory inside a silo).</param>
    /// <param name="job">The job.</param>
    /// <param name="partitions">The partitions, with distinct ids.</param>
    /// <param name="progress">Receives a report as each partition finishes or is re-run.</param>
    /// <param name="cancellationToken">Cancels the run (and the partitions still running).</param>
    /// <returns>The merged result.</returns>
    /// <exception cref="PartitionFailedException">A partition failed validation or was lost on every try; or partitions disagree (region catalogue, parameter store, a household in two partitions).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static async Task<PartitionedResult> RunAsync(
        IGrainFactory grains,
        PartitionedJob job,
        IReadOnlyList<PartitionSource> partitions,
        IProgress<PartitionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var outcome = await RunPartitionsAsync(grains, job, partitions, "run", progress, cancellationToken).ConfigureAwait(false);
        return PartitionedResult.Merge(job, outcome.Aggregates, outcome.Attempts);
    }

    /// <summary>Runs <paramref name="job"/> over <paramref name="partitions"/> in this process, one after another, and merges them as <see cref="RunAsync"/> does.</summary>
    /// <param name="job">The job.</param>
    /// <param name="partitions">The partitions, with distinct ids.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The merged result.</returns>
    /// <exception cref="PartitionFailedException">A partition failed validation, or partitions disagree.</exception>
    public static PartitionedResult RunLocal(PartitionedJob job, IReadOnlyList<PartitionSource> partitions, CancellationToken cancellationToken = default)
    {
        CheckArguments(job, partitions);
        var aggregates = partitions.Select(p => PartitionWorker.Run(p, job, cancellationToken)).ToList();
        return PartitionedResult.Merge(job, aggregates, aggregates.Count);
    }

    internal static Task<(List<PartitionAggregate> Aggregates, int Attempts)> RunPartitionsAsync(
        IGrainFactory grains, PartitionedJob job, IReadOnlyList<PartitionSource> partitions, string stage,
        IProgress<PartitionProgress>? progress, CancellationToken cancellationToken, int firstOrdinal = 0)
    {
        CheckArguments(job, partitions);
        return RunPartitionsAsync<PartitionAggregate>(grains, partitions, stage, async (grain, partition, token) =>
        {
            var answer = await grain.Run(partition, job, token).ConfigureAwait(false);
            return (answer.Aggregate, answer.Failure, answer.Aggregate?.Silo ?? "");
        }, progress, cancellationToken, firstOrdinal);
    }

    /// <summary>
    /// Runs one grain call per partition, each under a key of the run, the partition and the attempt: a call whose silo
    /// is lost is made again under the next attempt's key (so it is placed on a live silo), and exactly one answer per
    /// partition is kept.
    /// </summary>
    internal static async Task<(List<T> Aggregates, int Attempts)> RunPartitionsAsync<T>(
        IGrainFactory grains, IReadOnlyList<PartitionSource> partitions, string stage,
        Func<IPartitionGrain, PartitionSource, CancellationToken, Task<(T? Aggregate, string? Failure, string Silo)>> call,
        IProgress<PartitionProgress>? progress, CancellationToken cancellationToken, int firstOrdinal = 0)
        where T : class
    {
        string runId = Guid.NewGuid().ToString("N");
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var done = new Dictionary<string, T>(StringComparer.Ordinal);
        int attempts = 0;
        int completed = 0;
        var gate = new object();

        async Task RunOne(PartitionSource partition, int ordinal)
        {
            Exception? last = null;
            for (int attempt = 0; attempt < MaxAttempts; attempt++)
            {
                failed.Token.ThrowIfCancellationRequested();
                if (attempt > 0)
                {
                    progress?.Report(new PartitionProgress(stage, Volatile.Read(ref completed), partitions.Count, partition.Id, "", Rerun: true));
                }

                Interlocked.Increment(ref attempts);
                (T? Aggregate, string? Failure, string Silo) answer;
                try
                {
                    var grain = grains.GetGrain<IPartitionGrain>($"{runId}/{ordinal}/{partition.Id.Replace('/', '_')}/{attempt}");
                    answer = await call(grain, partition, failed.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (failed.IsCancellationRequested)
                {
                    throw;
                }
#pragma warning disable CA1031 // A lost silo shows up as many exception types (unavailable silo, broken connection, timeout): each means "run it again elsewhere".
                catch (Exception e)
#pragma warning restore CA1031
                {
                    last = e;
                    continue;
                }

                if (answer.Failure is not null || answer.Aggregate is null)
                {
                    throw new PartitionFailedException(partition.Id, answer.Failure ?? "the silo returned no result.");
                }

                lock (gate)
                {
                    // Exactly one result per partition: a late duplicate (the same partition finished twice) is dropped.
                    if (done.TryAdd(partition.Id, answer.Aggregate))
                    {
                        completed++;
                    }
                }

                progress?.Report(new PartitionProgress(stage, Volatile.Read(ref completed), partitions.Count, partition.Id, answer.Silo));
                return;
            }

            throw new PartitionFailedException(partition.Id, $"it could not be run on any silo in {MaxAttempts} tries; last error: {last?.GetType().Name}: {last?.Message}", last);
        }

        var tasks = partitions.Select((p, i) => RunOne(p, firstOrdinal + i)).ToList();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch
        {
            await failed.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            var first = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(e => e is PartitionFailedException)
                ?? tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault();
            if (first is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
            }

            throw;
        }

        return ([.. partitions.Select(p => done[p.Id])], attempts);
    }

    private static void CheckArguments(PartitionedJob job, IReadOnlyList<PartitionSource> partitions)
    {
        ArgumentNullException.ThrowIfNull(job);
        CheckPartitions(partitions);
        PartitionWorker.CreatePolicy(job.Policy);
    }

    /// <summary>At least one partition, with distinct ids.</summary>
    internal static void CheckPartitions(IReadOnlyList<PartitionSource> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        if (partitions.Count == 0)
        {
            throw new ArgumentException("A partitioned run needs at least one partition.", nameof(partitions));
        }

        var twice = partitions.GroupBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"Partition '{twice.Key}' is given {twice.Count()} times; partition ids must be distinct.", nameof(partitions));
        }
    }
}
