using System.Text;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.Reliability;

/// <summary>
/// Mutation fuzzing of every reader: valid files with a few random byte flips, truncations, duplicated or deleted
/// lines. Whatever the bytes, a reader either loads them or throws one of its documented exceptions
/// (<see cref="DataFormatException"/>; <see cref="ReformValidationException"/> when a reform is applied) — never a
/// raw parser, index or null-reference exception. Bounded by fixed seeds and iteration counts, not by time, so a run
/// is the same everywhere and a failure names the seed and iteration that reproduce it (docs/populations.md#reading-files).
/// </summary>
public sealed class ReaderFuzzTests : IDisposable
{
    /// <summary>Mutants per seed and file; Parquet mutants cost more to read (a footer, row groups, pages), so it gets fewer.</summary>
    private const int Iterations = 120;
    private const int ParquetIterations = 50;
    private static readonly int[] Seeds = [1, 2];
    private readonly PopulationCorruptionPropertyTests.TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Mutated_csv_population_files_load_or_raise_only_data_format_errors()
    {
        var (households, persons) = _folder.Write(SmallPopulation(), "csv", 1);
        Fuzz(households, persons, line: true, Iterations);
    }

    [Fact]
    public void Mutated_parquet_population_files_load_or_raise_only_data_format_errors()
    {
        var (households, persons) = _folder.Write(SmallPopulation(), "parquet", 3);
        Fuzz(households, persons, line: false, ParquetIterations);
    }

    [Fact]
    public void Mutated_parameter_files_load_or_raise_only_data_format_errors()
    {
        var original = _folder.Path("parameters.json");
        File.WriteAllText(original, """
            { "authority": "fuzz", "region": "330000", "description": "A valid file to mutate",
              "parameters": {
                "fuzz.amount": { "label": "An amount", "unit": "yuan", "period": "month", "min": 0, "max": 5000,
                  "values": [ { "from": "2020-01-01", "value": 100, "provenance": "I", "source": "fuzz" },
                              { "from": "2022-07-01", "until": "2023-12-31", "value": 250.5, "provenance": "L", "source": "fuzz", "region": "330100" } ] },
                "fuzz.tiers": { "unit": "yuan", "period": "year", "list": true, "items": "ascending",
                  "values": [ { "from": "2021-01-01", "value": [100, 200, 300], "provenance": "I", "source": "fuzz" } ] },
                "dibao.standard.urban": { "unit": "yuan", "period": "year",
                  "values": [ { "from": "2023-03-01", "value": 12000, "provenance": "I", "source": "fuzz" } ] } } }
            """);
        ParameterStore.Default.WithFiles(original).Contains("fuzz.tiers").Should().BeTrue("the file to mutate is valid");
        var names = ParameterStore.Default.Names.Count;
        FuzzFile(original, line: true, path => ParameterStore.Default.WithFiles(path), [typeof(DataFormatException)]);
        ParameterStore.Default.Names.Should().HaveCount(names);
    }

    [Fact]
    public void Mutated_reforms_load_or_raise_only_data_format_or_reform_validation_errors()
    {
        var original = _folder.Path("reform.json");
        File.WriteAllText(original, """
            { "name": "fuzz", "description": "A valid reform to mutate",
              "changes": [
                { "parameter": "dibao.standard.urban", "region": "330000", "from": "2024-01-01", "scale": 1.1, "note": "x" },
                { "parameter": "dibao.standard.rural", "region": "650000", "from": "2023-01-01", "until": "2025-12-31", "add": 120 },
                { "parameter": "dibao.standard.urban", "region": "330100", "from": "2024-01-01", "value": 13000 } ] }
            """);
        ParameterStore.Default.WithReform(Reform.Load(original));
        FuzzFile(original, line: true, path => ParameterStore.Default.WithReform(Reform.Load(path)), [typeof(DataFormatException), typeof(ReformValidationException)]);
    }

    private static Core.Population SmallPopulation()
    {
        var (households, persons) = TestPopulations.Random(8, 11);
        return TestPopulations.Build(households, persons);
    }

    /// <summary>Mutates each of the two files in turn (the other left valid) and reads them whole and in chunks.</summary>
    private void Fuzz(string households, string persons, bool line, int iterations)
    {
        FuzzFile(households, line, path => PopulationReader.Read(path, persons), [typeof(DataFormatException)], iterations);
        FuzzFile(persons, line, path => PopulationReader.Read(households, path), [typeof(DataFormatException)], iterations);
        FuzzFile(households, line, path => PopulationReader.ReadChunks(path, persons, 3).ToList(), [typeof(DataFormatException)], iterations);
        FuzzFile(persons, line, path => PopulationReader.ReadChunks(households, path, 3).ToList(), [typeof(DataFormatException)], iterations);
    }

    /// <summary>Reads <paramref name="iterations"/> mutants of <paramref name="original"/> per seed (written beside it under the same extension); any exception outside <paramref name="documented"/> fails, naming the seed, the iteration and the mutations.</summary>
    private void FuzzFile(string original, bool line, Func<string, object> read, Type[] documented, int iterations = Iterations)
    {
        var bytes = File.ReadAllBytes(original);
        var mutant = _folder.Path("mutant" + Path.GetExtension(original));
        int rejected = 0;
        var escaped = new List<string>();
        foreach (var seed in Seeds)
        {
            var random = new Random(seed);
            for (int i = 0; i < iterations; i++)
            {
                var (mutated, description) = Mutate(bytes, random, line);
                File.WriteAllBytes(mutant, mutated);
                try
                {
                    read(mutant);
                }
                catch (ReformValidationException e) when (documented.Contains(e.GetType()))
                {
                    e.Message.Should().Contain("change ", "a reform's problems name the change (by index and parameter); the file was read without error");
                    rejected++;
                }
                catch (Exception e) when (documented.Contains(e.GetType()))
                {
                    e.Message.Should().Contain(mutant, "every error names the file");
                    rejected++;
                }
                catch (Exception e)
                {
                    escaped.Add($"seed {seed}, iteration {i} ({description}): {e.GetType().FullName}: {e.Message}");
                }
            }
        }

        escaped.Should().BeEmpty($"only {string.Join(", ", documented.Select(t => t.Name))} may escape a reader of {Path.GetFileName(original)}");
        rejected.Should().BeGreaterThan(Seeds.Length * iterations / 4, "most mutants must be rejected, or the mutations are too weak to test anything");
    }

    /// <summary>One to three mutations: byte flips and overwrites, a truncation, and (for text) a duplicated or deleted line.</summary>
    private static (byte[] Bytes, string Description) Mutate(byte[] original, Random random, bool line)
    {
        var bytes = new List<byte>(original);
        var description = new StringBuilder();
        int count = 1 + random.Next(3);
        for (int m = 0; m < count && bytes.Count > 1; m++)
        {
            switch (random.Next(line ? 5 : 3))
            {
                case 0:
                    int flip = random.Next(bytes.Count);
                    bytes[flip] ^= (byte)(1 << random.Next(8));
                    description.Append($"bit flip at {flip}; ");
                    break;
                case 1:
                    int at = random.Next(bytes.Count);
                    bytes[at] = (byte)random.Next(256);
                    description.Append($"byte {bytes[at]} at {at}; ");
                    break;
                case 2:
                    int cut = random.Next(bytes.Count);
                    bytes.RemoveRange(cut, bytes.Count - cut);
                    description.Append($"truncated to {cut}; ");
                    break;
                default:
                    var lines = Lines(bytes);
                    int pick = random.Next(lines.Count);
                    var (start, length) = lines[pick];
                    if (random.Next(2) == 0)
                    {
                        bytes.InsertRange(start, bytes.GetRange(start, length));
                        description.Append($"line {pick} duplicated; ");
                    }
                    else
                    {
                        bytes.RemoveRange(start, length);
                        description.Append($"line {pick} deleted; ");
                    }

                    break;
            }
        }

        return (bytes.ToArray(), description.ToString().TrimEnd(' ', ';'));
    }

    /// <summary>Each line's start and length, its line feed included.</summary>
    private static List<(int Start, int Length)> Lines(List<byte> bytes)
    {
        var lines = new List<(int, int)>();
        int start = 0;
        for (int i = 0; i < bytes.Count; i++)
        {
            if (bytes[i] == '\n')
            {
                lines.Add((start, i + 1 - start));
                start = i + 1;
            }
        }

        if (start < bytes.Count)
        {
            lines.Add((start, bytes.Count - start));
        }

        return lines;
    }
}
