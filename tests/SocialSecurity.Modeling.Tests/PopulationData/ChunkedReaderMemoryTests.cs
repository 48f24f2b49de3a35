using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.PopulationData;

/// <summary>Measures the whole process's heap, so it runs alone (after the parallel tests), not beside other tests' allocations.</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

/// <summary>
/// The chunked reader holds one chunk, one record (CSV) or one row group per file (Parquet), and the set of household
/// ids seen: what stays reachable while it streams does not grow with the file, beyond that set.
/// </summary>
[Collection(nameof(MemoryMeasurement))]
public sealed class ChunkedReaderMemoryTests : IDisposable
{
    private const int Persons = 120_000;
    private const int HouseholdsPerChunk = 1_000;
    private const int RowGroupSize = 10_000;
    private readonly string _directory = Directory.CreateTempSubdirectory("population-memory-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("csv")]
    [InlineData("parquet")]
    public void Streaming_keeps_far_less_than_the_file_and_does_not_grow_beyond_the_household_ids_seen(string extension)
    {
        var population = SyntheticPopulationTests.WithoutHistories(SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = Persons, Seed = 5 }));
        long wholePopulation = population.ResidentBytes;
        int householdCount = population.HouseholdCount;
        var households = Path.Combine(_directory, "households." + extension);
        var persons = Path.Combine(_directory, "persons." + extension);
        if (extension == "csv")
        {
            PopulationCsv.Write(population, households, persons);
        }
        else
        {
            PopulationParquet.Write(population, households, persons, RowGroupSize);
        }

        population = null!;
        long baseline = Retained();
        var retained = new List<long>();
        int read = 0;
        foreach (var chunk in PopulationReader.ReadChunks(households, persons, HouseholdsPerChunk))
        {
            read += chunk.PersonCount;
            if (retained.Count == 0 || read > Persons * 0.9)
            {
                retained.Add(Retained() - baseline); // the current chunk is reachable here, as a caller's would be
            }
        }

        read.Should().Be(Persons);
        wholePopulation.Should().BeGreaterThan(8_000_000, "the file must be large enough for whole-file buffering to show");

        // The ids seen cost about 28 bytes a household (a Dictionary<long, int> entry and bucket, doubled while it grows).
        long seenIds = householdCount * 28L * 2;
        // A chunk (~2,400 persons), one 10,000-row group per file and the parsers' buffers scale with the schema's width,
        // as the whole population does: together they stay below a third of it (whole-file buffering holds all of it).
        // The bound was 3,000,000 bytes while the schema had 21 columns (a population of ~8.5 MB).
        long bound = seenIds + (wholePopulation / 3);
        retained.Should().OnlyContain(bytes => bytes < bound, $"the whole population alone holds {wholePopulation:N0} bytes");
        (retained[^1] - retained[0]).Should().BeLessThan(seenIds + 1_000_000, "only the set of household ids may grow with the file");
    }

    private static long Retained()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
