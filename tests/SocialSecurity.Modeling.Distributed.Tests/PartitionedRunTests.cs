using SocialSecurity.Modeling.Distributed.Tests.Support;

namespace SocialSecurity.Modeling.Distributed.Tests;

/// <summary>Partitioned runs on clusters of 1, 2 and 3 silos equal the single-process run bit for bit.</summary>
public sealed class OneSiloTests(OneSilo fixture) : IClassFixture<OneSilo>
{
    [Fact]
    public async Task Four_partitions_on_one_silo_equal_the_single_process_run()
    {
        using var population = new PartitionedPopulation(households: 1_500, partitions: 4, seed: 11);
        var reports = new List<PartitionProgress>();
        var result = await PartitionedRun.RunAsync(fixture.Cluster.Client, Reference.Job, population.Partitions, new SynchronousProgress<PartitionProgress>(reports.Add));
        Reference.ShouldEqualSingleProcess(result, population.Whole);
        result.Reruns.Should().Be(0);
        reports.Select(r => r.Completed).Should().BeEquivalentTo([1, 2, 3, 4]);
    }

    [Fact]
    public void The_same_partitions_merged_in_process_equal_the_single_process_run()
    {
        using var population = new PartitionedPopulation(households: 900, partitions: 3, seed: 5);
        Reference.ShouldEqualSingleProcess(PartitionedRun.RunLocal(Reference.Job, population.Partitions), population.Whole);
    }
}

public sealed class TwoSiloTests(TwoSilos fixture) : IClassFixture<TwoSilos>
{
    [Fact]
    public async Task Five_partitions_on_two_silos_equal_the_single_process_run()
    {
        using var population = new PartitionedPopulation(households: 1_500, partitions: 5, seed: 12);
        var result = await PartitionedRun.RunAsync(fixture.Cluster.Client, Reference.Job, population.Partitions);
        Reference.ShouldEqualSingleProcess(result, population.Whole);
        result.Partitions.Select(p => p.Silo).Distinct().Should().HaveCount(2, "activation-count placement spreads the partitions over both silos");
    }
}

/// <summary>Sorted runs written by the silos and merged from the files a page at a time: the same bits, with the client's memory bounded.</summary>
public sealed class StreamedMergeTests(TwoSilos fixture) : IClassFixture<TwoSilos>
{
    [Fact]
    public async Task Runs_merged_from_files_in_pages_equal_the_single_process_run_and_the_client_holds_a_bounded_number_of_elements()
    {
        using var population = new PartitionedPopulation(households: 1_500, partitions: 5, seed: 14);
        string runs = Directory.CreateDirectory(Path.Combine(population.Folder, "runs")).FullName;
        const int page = 64;
        var job = Reference.Job with { SortedRunDirectory = runs, MergePageRows = page };
        var result = await PartitionedRun.RunAsync(fixture.Cluster.Client, job, population.Partitions);

        Reference.ShouldEqualSingleProcess(result, population.Whole);
        // Five partitions × (baseline and two reforms) income runs, and a decile run per reform.
        Directory.GetFiles(runs).Should().HaveCount((5 * 3) + (5 * 2));
        result.SortedElementsHeld.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo((5 + 3) * page * 3, "the merge holds a page per partition, an output page and the page handed to the indicator");
        result.SortedElementsHeld.Should().BeLessThan(population.Whole.PersonCount, "the whole population's runs are never in the client's memory");

        var inMemory = await PartitionedRun.RunAsync(fixture.Cluster.Client, Reference.Job, population.Partitions);
        inMemory.SortedElementsHeld.Should().BeGreaterThan(3L * 2 * population.Whole.PersonCount, "without files the runs come in the answers");
    }
}

public sealed class ThreeSiloTests(ThreeSilos fixture) : IClassFixture<ThreeSilos>
{
    [Fact]
    public async Task Seven_partitions_on_three_silos_equal_the_single_process_run()
    {
        using var population = new PartitionedPopulation(households: 1_500, partitions: 7, seed: 13);
        var result = await PartitionedRun.RunAsync(fixture.Cluster.Client, Reference.Job, population.Partitions);
        Reference.ShouldEqualSingleProcess(result, population.Whole);
        result.Partitions.Select(p => p.Silo).Distinct().Should().HaveCount(3);
    }
}

/// <summary>A progress sink that records reports on the reporting thread (Progress&lt;T&gt; would post them later).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly object _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
