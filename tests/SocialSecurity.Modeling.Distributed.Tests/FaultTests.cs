using SocialSecurity.Modeling.Distributed.Tests.Support;

namespace SocialSecurity.Modeling.Distributed.Tests;

/// <summary>A cluster of its own: the test kills one of its silos.</summary>
public sealed class SiloLossCluster() : ClusterFixture(3);

public sealed class FaultTests(SiloLossCluster fixture) : IClassFixture<SiloLossCluster>
{
    [Fact]
    public async Task A_silo_killed_at_a_barrier_mid_run_loses_no_partition_and_counts_none_twice()
    {
        using var population = new PartitionedPopulation(households: 1_200, partitions: 6, seed: 21);
        var reached = SiloBarrier.Instance.Arm();
        var reports = new List<PartitionProgress>();
        try
        {
            var run = PartitionedRun.RunAsync(fixture.Cluster.Client, Reference.Job, population.Partitions, new SynchronousProgress<PartitionProgress>(reports.Add));

            // The first partition to start on a secondary silo holds there (with any other partition placed on that
            // silo): the run is in the middle, deterministically. Kill that silo, then let its held work go.
            string held = await reached.WaitAsync(TimeSpan.FromMinutes(1));
            var silo = fixture.Cluster.Silos.Single(s => s.Name == held);
            await fixture.Cluster.KillSiloAsync(silo);
            SiloBarrier.Instance.Release();

            var result = await run.WaitAsync(TimeSpan.FromMinutes(2));
            Reference.ShouldEqualSingleProcess(result, population.Whole);
            result.Reruns.Should().BeGreaterThan(0);
            reports.Count(r => r.Rerun).Should().Be(result.Reruns, "each re-run is reported");
            result.Partitions.Should().OnlyContain(p => p.Silo != held, "no result of the killed silo was kept");
            reports.Count(r => !r.Rerun).Should().Be(population.Partitions.Count, "each partition is completed exactly once");
        }
        finally
        {
            SiloBarrier.Instance.Release();
        }
    }
}
