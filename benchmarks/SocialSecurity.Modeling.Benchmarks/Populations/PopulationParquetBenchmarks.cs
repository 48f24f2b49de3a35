using BenchmarkDotNet.Attributes;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Benchmarks.Populations;

/// <summary>
/// Loading 1M persons from Parquet, whole and in chunks of 100,000 households. Each operation is one person
/// (<c>OperationsPerInvoke</c>), so persons per second = 10⁹ / Mean (ns):
/// <c>dotnet run -c Release --project benchmarks/SocialSecurity.Modeling.Benchmarks -- --filter '*PopulationParquet*'</c>.
/// </summary>
[MemoryDiagnoser]
public class PopulationParquetBenchmarks
{
    private const int Persons = 1_000_000;
    private string _directory = string.Empty;
    private string _households = string.Empty;
    private string _persons = string.Empty;
    private int _personCount;

    /// <summary>Writes a 1M-person synthetic Zhejiang population to two Parquet files.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("parquet-benchmark-").FullName;
        _households = Path.Combine(_directory, "households.parquet");
        _persons = Path.Combine(_directory, "persons.parquet");
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = Persons });
        _personCount = population.PersonCount;
        PopulationParquet.Write(population, _households, _persons);
    }

    /// <summary>Deletes the files.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    /// <summary>Reads and validates the whole population.</summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    public int ReadWhole()
    {
        int persons = PopulationParquet.Read(_households, _persons).PersonCount;
        return persons == _personCount ? persons : throw new InvalidOperationException("Persons were lost.");
    }

    /// <summary>Streams the population in chunks of 100,000 households.</summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    public int ReadInChunks()
    {
        int persons = 0;
        foreach (var chunk in PopulationReader.ReadChunks(_households, _persons, 100_000))
        {
            persons += chunk.PersonCount;
        }

        return persons == _personCount ? persons : throw new InvalidOperationException("Persons were lost.");
    }
}
