using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SocialSecurity.Modeling.Benchmarks.Support;
using SocialSecurity.Modeling.IO;

namespace SocialSecurity.Modeling.Benchmarks.Populations;

/// <summary>
/// Streams a generated population through <see cref="PopulationReader.ReadChunks"/> in chunks of 100,000 households,
/// from CSV and from Parquet, reporting persons per second (a column of its own) and the memory allocated per
/// operation. What stays reachable is bounded by the chunk (tested in ChunkedReaderMemoryTests), so this measures the
/// speed and the garbage. Size: 10 M persons in a real run; 100,000 under <c>--job dry</c> (CI's smoke run), so the
/// smoke run does not generate 10 M persons:
/// <c>dotnet run -c Release --project benchmarks/SocialSecurity.Modeling.Benchmarks -- --filter '*ChunkedStreaming*'</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PersonsPerSecondConfig))]
public class ChunkedStreamingBenchmarks
{
    private const int HouseholdsPerChunk = 100_000;
    private string _directory = string.Empty;
    private int _personCount;

    /// <summary>Persons in the generated files.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Persons { get; set; }

    /// <summary>10 M persons, or 100,000 in a dry run (<see cref="Program.DryRunVariable"/>).</summary>
    public static IEnumerable<int> Sizes => Environment.GetEnvironmentVariable(Program.DryRunVariable) == "1" ? [100_000] : [10_000_000];

    /// <summary>Generates the population once and writes it as CSV and as Parquet into a temporary folder.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("chunked-streaming-benchmark-").FullName;
        var population = BenchmarkPopulations.Create(Persons);
        _personCount = population.PersonCount;
        PopulationCsv.Write(population, File("households.csv"), File("persons.csv"));
        PopulationParquet.Write(population, File("households.parquet"), File("persons.parquet"));
    }

    /// <summary>Deletes the files.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    /// <summary>Streams the CSV files.</summary>
    [Benchmark]
    public int Csv() => Stream("csv");

    /// <summary>Streams the Parquet files.</summary>
    [Benchmark]
    public int Parquet() => Stream("parquet");

    private int Stream(string extension)
    {
        int persons = 0;
        foreach (var chunk in PopulationReader.ReadChunks(File("households." + extension), File("persons." + extension), HouseholdsPerChunk))
        {
            persons += chunk.PersonCount;
        }

        return persons == _personCount ? persons : throw new InvalidOperationException("Persons were lost.");
    }

    private string File(string name) => Path.Combine(_directory, name);

    /// <summary>Adds the persons/s column.</summary>
    private sealed class PersonsPerSecondConfig : ManualConfig
    {
        public PersonsPerSecondConfig() => AddColumn(new PersonsPerSecondColumn("Persons streamed per second (Persons / Mean)"));
    }
}
