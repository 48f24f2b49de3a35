using SocialSecurity.Modeling.Distributed.Tests.Support;

namespace SocialSecurity.Modeling.Distributed.Tests;

/// <summary>Bad partitions fail the whole run, naming the partition and the culprit; no partial result.</summary>
public sealed class BadInputTests(OneSilo fixture) : IClassFixture<OneSilo>
{
    [Fact]
    public async Task A_missing_partition_file_is_rejected_naming_the_partition_and_the_file()
    {
        using var population = new PartitionedPopulation(households: 300, partitions: 3, seed: 31);
        string missing = Path.Combine(population.Folder, "nowhere-persons.parquet");
        var partitions = population.Partitions.Select(p => p.Id == "p1" ? p with { PersonsPath = missing } : p).ToArray();
        var run = () => PartitionedRun.RunAsync(fixture.Cluster.Client, Reference.Job, partitions);
        var error = (await run.Should().ThrowAsync<PartitionFailedException>()).Which;
        error.PartitionId.Should().Be("p1");
        error.Message.Should().Contain(missing);
    }

    [Fact]
    public async Task Two_partitions_holding_the_same_household_are_rejected()
    {
        using var population = new PartitionedPopulation(households: 300, partitions: 3, seed: 32);
        var copy = population.Partitions[2] with { Id = "p2-again" };
        var run = () => PartitionedRun.RunAsync(fixture.Cluster.Client, Reference.Job, [.. population.Partitions, copy]);
        var error = (await run.Should().ThrowAsync<PartitionFailedException>()).Which;
        error.PartitionId.Should().BeOneOf("p2", "p2-again");
        error.Message.Should().MatchRegex("household [0-9]+ is also in partition 'p2(-again)?'");
    }

    [Fact]
    public async Task A_partition_over_another_region_catalogue_is_rejected()
    {
        using var population = new PartitionedPopulation(households: 300, partitions: 2, seed: 33);
        string catalogue = Path.Combine(population.Folder, "regions.json");
        await File.WriteAllTextAsync(catalogue, "[]");
        var partitions = new[] { population.Partitions[0], population.Partitions[1] with { RegionCatalogPath = catalogue } };
        var run = () => PartitionedRun.RunAsync(fixture.Cluster.Client, Reference.Job, partitions);
        var error = (await run.Should().ThrowAsync<PartitionFailedException>()).Which;
        error.PartitionId.Should().Be("p1");
        error.Message.Should().Contain("region catalogue").And.Contain(catalogue);
    }

    [Fact]
    public async Task A_partition_with_other_parameter_files_is_rejected()
    {
        using var population = new PartitionedPopulation(households: 300, partitions: 2, seed: 34);
        string parameters = Path.Combine(population.Folder, "extra-parameters.json");
        await File.WriteAllTextAsync(parameters, "{}");
        var partitions = new[] { population.Partitions[0] with { ParameterFiles = [parameters] }, population.Partitions[1] };
        var run = () => PartitionedRun.RunAsync(fixture.Cluster.Client, Reference.Job, partitions);
        var error = (await run.Should().ThrowAsync<PartitionFailedException>()).Which;
        error.PartitionId.Should().Be("p0");
        error.Message.Should().Contain("parameter");
    }

    [Fact]
    public async Task A_partition_that_fails_validation_fails_the_run_naming_it_and_the_culprit()
    {
        using var population = new PartitionedPopulation(households: 300, partitions: 3, seed: 35);
        string broken = Path.Combine(population.Folder, "broken-households.csv");
        await File.WriteAllTextAsync(broken, "household_id,weight,region,area\n1,-5,330100,urban\n");
        var partitions = population.Partitions.Select(p => p.Id == "p0" ? p with { HouseholdsPath = broken, PersonsPath = Path.ChangeExtension(broken, ".persons.csv") } : p).ToArray();
        await File.WriteAllTextAsync(partitions[0].PersonsPath!, "person_id,household_id,age,sex,hukou\n1,1,30,male,urban\n");
        var run = () => PartitionedRun.RunAsync(fixture.Cluster.Client, Reference.Job, partitions);
        var error = (await run.Should().ThrowAsync<PartitionFailedException>()).Which;
        error.PartitionId.Should().Be("p0");
        error.Message.Should().Contain("weight");
    }
}
