using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SocialSecurity.Modeling.Benchmarks.Support;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.IO;

namespace SocialSecurity.Modeling.Benchmarks.Populations;

/// <summary>
/// Streams a generated population through <see cref="PopulationReader.ReadChunks"/> in chunks of 100,000 households,
/// from CSV and from Parquet, reporting persons per second (a column of its own) and the memory allocated per
/// operation. What stays reachable is bounded by the chunk (tested in ChunkedReaderMemoryTests), so this measures the
/// speed and the garbage. Size: 10 M persons in a real run; 100,000 under <c>--job dry</c> (CI's smoke run), so the
/// smoke run does not generate 10 M persons:
/// <c>dotnet run -c Release --project benchmarks/SocialSecurity.Modeling.Benchmarks -- --filter '*ChunkedStreaming*'</c>.
/// Floors measured in the same run, so that each reader is reported as a ratio of them: reading the format's bytes
/// (the baseline of its category: what any reader must do) and copying the decoded columns once
/// (<see cref="CopyDecodedColumns"/>: what building the chunks must at least write).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PersonsPerSecondConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ChunkedStreamingBenchmarks
{
    private const int HouseholdsPerChunk = 100_000;
    private string _directory = string.Empty;
    private int _personCount;
    private Array[] _decodedColumns = [];
    private byte[] _copyTarget = [];
    private byte[] _readBuffer = [];

    /// <summary>Persons in the generated files.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Persons { get; set; }

    /// <summary>10 M persons, or 100,000 in a dry run (<see cref="Program.DryRunVariable"/>), or the number in <see cref="PersonsVariable"/> when it is set.</summary>
    public static IEnumerable<int> Sizes
        => int.TryParse(Environment.GetEnvironmentVariable(PersonsVariable), out int persons) ? [persons]
            : Environment.GetEnvironmentVariable(Program.DryRunVariable) == "1" ? [100_000] : [10_000_000];

    /// <summary>An environment variable that sets the persons generated (a shorter run on a loaded machine: the 10 M-person CSV read takes half a minute per operation on the general path).</summary>
    public const string PersonsVariable = "SOCIALSECURITY_BENCHMARK_PERSONS";

    /// <summary>Generates the population once and writes it as CSV and as Parquet into a temporary folder.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("chunked-streaming-benchmark-").FullName;
        var population = BenchmarkPopulations.Create(Persons);
        _personCount = population.PersonCount;
        PopulationCsv.Write(population, File("households.csv"), File("persons.csv"));
        PopulationParquet.Write(population, File("households.parquet"), File("persons.parquet"));
        _decodedColumns = [.. PopulationSchema.BuiltIns.Select(b => population.Column(b.Definition))];
        _copyTarget = new byte[64 << 20]; // larger than the caches: the copy goes to memory
        _readBuffer = new byte[1 << 20];
    }

    /// <summary>Deletes the files.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    /// <summary>Floor for CSV: reads both files' bytes, 1 MB at a time, and does nothing with them.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("csv")]
    public long CsvBytes() => ReadBytes("csv");

    /// <summary>Streams the CSV files (the UTF-8 fast path, where the files allow).</summary>
    [Benchmark]
    [BenchmarkCategory("csv")]
    public int Csv() => Stream("csv");

    /// <summary>Streams the CSV files on the general path only (Sylvan.Data.Csv, as before the UTF-8 fast path), with the blocks <see cref="Csv"/> uses (half a chunk's households, at most 8,192 rows).</summary>
    [Benchmark]
    [BenchmarkCategory("csv")]
    public int CsvGeneralPath()
    {
        int persons = 0;
        var general = new StreamSettings(Math.Min(HouseholdsPerChunk / 2, 8192)) with { Utf8Csv = false };
        foreach (var chunk in PopulationReader.ReadChunksWith(general, File("households.csv"), File("persons.csv"), HouseholdsPerChunk))
        {
            persons += chunk.PersonCount;
        }

        return persons == _personCount ? persons : throw new InvalidOperationException("Persons were lost.");
    }

    /// <summary>Floor for Parquet: reads both files' bytes, 1 MB at a time, and does nothing with them.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("parquet")]
    public long ParquetBytes() => ReadBytes("parquet");

    /// <summary>Streams the Parquet files.</summary>
    [Benchmark]
    [BenchmarkCategory("parquet")]
    public int Parquet() => Stream("parquet");

    /// <summary>Floor for building: copies every decoded built-in column of the population once (as bytes, through a 64 MB target), the least a reader writes.</summary>
    [Benchmark]
    [BenchmarkCategory("floor")]
    public long CopyDecodedColumns()
    {
        long copied = 0;
        int at = 0;
        foreach (var column in _decodedColumns)
        {
            var bytes = column switch
            {
                double[] d => MemoryMarshal.AsBytes(d.AsSpan()),
                long[] l => MemoryMarshal.AsBytes(l.AsSpan()),
                int[] i => MemoryMarshal.AsBytes(i.AsSpan()),
                ushort[] u => MemoryMarshal.AsBytes(u.AsSpan()),
                byte[] b => b.AsSpan(),
                _ => throw new InvalidOperationException("Unexpected column type."),
            };
            while (bytes.Length > 0)
            {
                at = at == _copyTarget.Length ? 0 : at;
                int n = Math.Min(bytes.Length, _copyTarget.Length - at);
                bytes[..n].CopyTo(_copyTarget.AsSpan(at));
                bytes = bytes[n..];
                at += n;
                copied += n;
            }
        }

        return copied;
    }

    private long ReadBytes(string extension)
    {
        long total = 0;
        foreach (var name in new[] { "households.", "persons." })
        {
            using var stream = new FileStream(File(name + extension), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            int read;
            while ((read = stream.Read(_readBuffer)) > 0)
            {
                total += read;
            }
        }

        return total;
    }

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
