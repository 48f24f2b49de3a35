using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace SocialSecurity.Modeling.Distributed.Tests.Support;

/// <summary>An in-process TestingHost cluster of N silos with the partition grain, shared by the tests of one class.</summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    private readonly short _silos;

    protected ClusterFixture(short silos) => _silos = silos;

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(_silos);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddPartitionedRuns().Services.AddSingleton<IPartitionObserver>(SiloBarrier.Instance);
    }
}

public sealed class OneSilo() : ClusterFixture(1);

public sealed class TwoSilos() : ClusterFixture(2);

public sealed class ThreeSilos() : ClusterFixture(3);

/// <summary>
/// A barrier on the silos: when armed, the first partition that starts on a silo other than the primary holds that
/// silo's partitions there until released, so a test can stop the silo at a known point of the run.
/// </summary>
public sealed class SiloBarrier : IPartitionObserver
{
    public static readonly SiloBarrier Instance = new();
    private readonly object _gate = new();
    private TaskCompletionSource<string>? _reached;
    private TaskCompletionSource? _release;
    private string? _held;

    public Task<string> Arm()
    {
        lock (_gate)
        {
            _reached = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _held = null;
            return _reached.Task;
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _release?.TrySetResult();
            _reached = null;
            _release = null;
        }
    }

    public Task OnStartingAsync(string partitionId, string silo, CancellationToken cancellationToken)
    {
        Task wait;
        lock (_gate)
        {
            if (_reached is null || _release is null || silo.Contains("Primary", StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            _held ??= silo;
            if (_held != silo)
            {
                return Task.CompletedTask;
            }

            _reached.TrySetResult(silo);
            wait = _release.Task;
        }

        return wait;
    }
}
