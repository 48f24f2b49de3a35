using Orleans.Concurrency;

namespace SocialSecurity.Modeling.Distributed;

/// <summary>A grain that runs one partition of a partitioned run (<see cref="PartitionWorker.Run"/>); one activation per partition and attempt, placed round robin (<see cref="PartitionSpreadPlacement"/>: silos must call <see cref="PartitionedRunSiloExtensions.AddPartitionedRuns"/>).</summary>
[Alias("SocialSecurity.Modeling.Distributed.IPartitionGrain")]
public interface IPartitionGrain : IGrainWithStringKey
{
    /// <summary>Runs the partition and returns its aggregates, or why it failed validation.</summary>
    /// <param name="source">The partition.</param>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    [Alias("Run")]
    Task<PartitionOutcome> Run(PartitionSource source, PartitionedJob job, CancellationToken cancellationToken = default);

    /// <summary>Runs the projection on the partition and returns its yearly aggregates, or why it failed validation.</summary>
    /// <param name="source">The partition.</param>
    /// <param name="job">The projection.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    [Alias("RunProjection")]
    Task<ProjectionOutcome> RunProjection(PartitionSource source, ProjectionJob job, CancellationToken cancellationToken = default);
}

/// <summary>
/// Told on the silo when a partition starts there, before any work: for monitoring, and for tests that stop a silo
/// at a known point (a barrier) rather than by timing. Register one in the silo's services to use it.
/// </summary>
public interface IPartitionObserver
{
    /// <summary>A partition is about to run on <paramref name="silo"/>.</summary>
    /// <param name="partitionId">The partition.</param>
    /// <param name="silo">The silo's name.</param>
    /// <param name="cancellationToken">The run's cancellation.</param>
    Task OnStartingAsync(string partitionId, string silo, CancellationToken cancellationToken);
}

/// <summary>The partition grain: runs the partition off the grain scheduler, on the thread pool, with the engine's own parallelism.</summary>
[PartitionSpreadPlacement]
[Reentrant]
public sealed class PartitionGrain : Grain, IPartitionGrain
{
    private readonly string _silo;
    private readonly IPartitionObserver? _observer;

    /// <summary>Creates the grain.</summary>
    /// <param name="silo">The silo it lives on.</param>
    /// <param name="services">The silo's services (an <see cref="IPartitionObserver"/>, if registered).</param>
    public PartitionGrain(ILocalSiloDetails silo, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(services);
        _silo = silo.Name;
        _observer = services.GetService(typeof(IPartitionObserver)) as IPartitionObserver;
    }

    /// <inheritdoc/>
    public async Task<PartitionOutcome> Run(PartitionSource source, PartitionedJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(job);
        if (_observer is not null)
        {
            await _observer.OnStartingAsync(source.Id, _silo, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);
        }

        try
        {
            var aggregate = await Task.Run(() => PartitionWorker.Run(source, job, cancellationToken), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);
            aggregate.Silo = _silo;
            return new PartitionOutcome { Aggregate = aggregate };
        }
        catch (PartitionFailedException e)
        {
            return new PartitionOutcome { Failure = e.Culprit };
        }
        finally
        {
            DeactivateOnIdle();
        }
    }

    /// <inheritdoc/>
    public async Task<ProjectionOutcome> RunProjection(PartitionSource source, ProjectionJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(job);
        if (_observer is not null)
        {
            await _observer.OnStartingAsync(source.Id, _silo, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);
        }

        try
        {
            var aggregate = await Task.Run(() => PartitionWorker.RunProjection(source, job, cancellationToken), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);
            aggregate.Silo = _silo;
            return new ProjectionOutcome { Aggregate = aggregate };
        }
        catch (PartitionFailedException e)
        {
            return new ProjectionOutcome { Failure = e.Culprit };
        }
        finally
        {
            DeactivateOnIdle();
        }
    }
}
