using CsCheck;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.Reliability;

/// <summary>
/// Random valid populations written with <see cref="PopulationCsv.Write"/> and <see cref="PopulationParquet.Write"/>
/// always load (whole and in chunks) and run; one corrupted cell, a duplicated row, a missing or truncated file is
/// always rejected with a <see cref="DataFormatException"/> (or <see cref="FileNotFoundException"/>) that names the
/// file, the row and the column, and a population read before is left as it was (docs/populations.md#reading-files).
/// </summary>
public sealed class PopulationCorruptionPropertyTests
{
    private static readonly DateOnly Date = new(2023, 6, 30);

    /// <summary>One change to one cell or row of a valid CSV file.</summary>
    public enum Corruption
    {
        NotANumber,
        TextInNumber,
        CodeOutOfRange,
        AgeOutOfRange,
        NegativeWeight,
        NegativeWages,
        UnknownRegion,
        OrphanHousehold,
        DuplicatePersonId,
        DuplicateHouseholdRow,
    }

    private static readonly Gen<(HouseholdRecord[] Households, PersonRecord[] Persons)> Populations = TestPopulations.Households(1, 12);

    [Fact]
    public void Valid_populations_load_from_csv_and_parquet_whole_and_in_chunks_and_run()
    {
        Gen.Select(Populations, Gen.Int[1, 13], Gen.Int[4, 40]).Sample(sample =>
        {
            var ((households, persons), chunkSize, rowGroup) = sample;
            var expected = TestPopulations.Build(households, persons);
            using var folder = new TempFolder();
            foreach (var format in new[] { "csv", "parquet" })
            {
                var (h, p) = folder.Write(expected, format, rowGroup);
                var read = PopulationReader.Read(h, p);
                AssertSame(read, expected);
                var chunks = PopulationReader.ReadChunks(h, p, chunkSize).ToList();
                chunks.Should().HaveCount((expected.HouseholdCount + chunkSize - 1) / chunkSize);
                chunks.SelectMany(c => c.PersonId.ToArray()).Should().Equal(expected.PersonId.ToArray());
                chunks.SelectMany(c => c.Weight.ToArray()).Should().Equal(expected.Weight.ToArray());

                if (format == "csv") // both formats were just shown to give the same population
                {
                    var run = Microsimulation.Run(read, Policies.Standard(), ParameterStore.Default, Date, new SimulationOptions { MaxDegreeOfParallelism = 1 });
                    double.IsFinite(run.PublicSpendingAnnual).Should().BeTrue();
                    run.PublicSpendingAnnual.Should().BeGreaterThanOrEqualTo(0);
                }
            }
        }, iter: 10); // each sample writes and reads four files of about 50 columns: the suite stays within seconds
    }

    [Fact]
    public void One_corrupted_cell_or_row_is_rejected_naming_file_row_and_column_and_nothing_read_before_changes()
    {
        Gen.Select(Populations, Gen.Enum<Corruption>(), Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]).Sample(sample =>
        {
            var ((households, persons), corruption, rowSeed, columnSeed) = sample;
            var population = TestPopulations.Build(households, persons);
            using var folder = new TempFolder();
            var (h, p) = folder.Write(population, "csv", 1);
            var previous = PopulationReader.Read(h, p);
            var snapshot = Snapshot.Of(previous);

            var (badH, badP) = (folder.Path("bad-households.csv"), folder.Path("bad-persons.csv"));
            File.Copy(h, badH);
            File.Copy(p, badP);
            var (file, row, column, cellLevel) = Corrupt(corruption, badH, badP, rowSeed, columnSeed);

            foreach (var read in new Func<object>[] { () => PopulationReader.Read(badH, badP), () => PopulationReader.ReadChunks(badH, badP, households.Length).ToList() })
            {
                var error = FluentActions.Invoking(read).Should().Throw<DataFormatException>().Which;
                error.Message.Should().Contain(file).And.Contain($"'{column}'").And.Contain("row");
                if (cellLevel)
                {
                    error.Message.Should().StartWith($"{file} at row {row}, column '{column}': ");
                }
            }

            Snapshot.Of(previous).Should().BeEquivalentTo(snapshot, "a failed read changes nothing read before");
            Snapshot.Of(PopulationReader.Read(h, p)).Should().BeEquivalentTo(snapshot, "the reader keeps no state between reads");
        }, iter: 60);
    }

    [Fact]
    public void A_missing_or_truncated_file_is_rejected_naming_it()
    {
        Gen.Select(Populations, Gen.Bool, Gen.Bool, Gen.Bool, Gen.Double[0, 1]).Sample(sample =>
        {
            var ((households, persons), parquet, personsFile, missing, cut) = sample;
            var population = TestPopulations.Build(households, persons);
            using var folder = new TempFolder();
            var (h, p) = folder.Write(population, parquet ? "parquet" : "csv", 4);
            var file = personsFile ? p : h;
            var bytes = File.ReadAllBytes(file);
            int length = (int)(cut * (bytes.Length - 1)); // always shorter than the file
            if (missing)
            {
                File.Delete(file);
            }
            else
            {
                File.WriteAllBytes(file, bytes[..length]);
            }

            try
            {
                var read = PopulationReader.Read(h, p);
                missing.Should().BeFalse();
                parquet.Should().BeFalse("a truncated Parquet file lacks its footer");

                // CSV has no length or checksum: a cut inside the last cell or after a complete member row can leave a valid file.
                read.HouseholdCount.Should().BeLessThanOrEqualTo(population.HouseholdCount);
                read.PersonCount.Should().BeLessThanOrEqualTo(population.PersonCount);
            }
            catch (FileNotFoundException e) when (missing)
            {
                e.Message.Should().Contain(file);
            }
            catch (DataFormatException e) when (!missing)
            {
                e.Message.Should().Contain(file);
            }
        }, iter: 60);
    }

    /// <summary>Applies one corruption; returns the file and the data row (from 1) and column the error must name, and whether the error is found while reading that cell.</summary>
    private static (string File, int Row, string Column, bool CellLevel) Corrupt(Corruption corruption, string households, string persons, int rowSeed, int columnSeed)
    {
        var (file, column, value) = corruption switch
        {
            Corruption.NotANumber => Pick(columnSeed, (households, "weight"), (households, "financial_assets"), (persons, "age"), (persons, "wages_annual")) is var (f, c) ? (f, c, "NaN") : default,
            Corruption.TextInNumber => Pick(columnSeed, (households, "weight"), (households, "household_id"), (persons, "person_id"), (persons, "age"), (persons, "pension_income_annual")) is var (f, c) ? (f, c, "12a") : default,
            Corruption.CodeOutOfRange => Pick(columnSeed, (households, "area"), (persons, "sex"), (persons, "hukou"), (persons, "disability"), (persons, "employment")) is var (f, c) ? (f, c, "9") : default,
            Corruption.AgeOutOfRange => (persons, "age", "121"),
            Corruption.NegativeWeight => (households, "weight", "-1"),
            Corruption.NegativeWages => (persons, "wages_annual", "-0.5"),
            Corruption.UnknownRegion => (households, "region", "999999"),
            Corruption.OrphanHousehold => (persons, "household_id", "987654321"),
            Corruption.DuplicatePersonId => (persons, "person_id", null),
            Corruption.DuplicateHouseholdRow => (households, "household_id", null),
            _ => throw new ArgumentOutOfRangeException(nameof(corruption)),
        };

        var lines = File.ReadAllLines(file).ToList();
        int rows = lines.Count - 1;
        int columnIndex = Array.IndexOf(lines[0].Split(','), column);
        columnIndex.Should().BeGreaterThanOrEqualTo(0, $"the written file has a '{column}' column");
        if (corruption == Corruption.DuplicateHouseholdRow)
        {
            lines.Add(lines[1 + (rowSeed % rows)]); // the same household again, at the end
            File.WriteAllLines(file, lines);
            return (file, rows + 1, column, false);
        }

        int row = 1 + (rowSeed % rows);
        if (corruption == Corruption.DuplicatePersonId)
        {
            if (rows < 2)
            {
                return Corrupt(Corruption.TextInNumber, households, persons, rowSeed, 2); // needs two persons: fall back to a bad id
            }

            row = 2 + (rowSeed % (rows - 1)); // takes the id of an earlier row, so this row is the one reported
            value = lines[1 + (columnSeed % (row - 1))].Split(',')[columnIndex];
        }

        var cells = lines[row].Split(',');
        cells[columnIndex] = value!;
        lines[row] = string.Join(',', cells);
        File.WriteAllLines(file, lines);
        return (file, row, column, corruption != Corruption.DuplicatePersonId);
    }

    private static (string File, string Column) Pick(int seed, params (string File, string Column)[] choices) => choices[seed % choices.Length];

    private static void AssertSame(Population read, Population expected)
    {
        read.HouseholdId.ToArray().Should().Equal(expected.HouseholdId.ToArray());
        read.Weight.ToArray().Should().Equal(expected.Weight.ToArray());
        read.HouseholdRegion.ToArray().Should().Equal(expected.HouseholdRegion.ToArray());
        read.PersonId.ToArray().Should().Equal(expected.PersonId.ToArray());
        read.Age.ToArray().Should().Equal(expected.Age.ToArray());
        read.Disability.ToArray().Should().Equal(expected.Disability.ToArray());
        read.WagesAnnual.ToArray().Should().Equal(expected.WagesAnnual.ToArray());
        read.BusinessIncomeAnnual.ToArray().Should().Equal(expected.BusinessIncomeAnnual.ToArray());
    }

    private sealed record Snapshot(long[] HouseholdIds, double[] Weights, long[] PersonIds, int[] Ages, double[] Wages)
    {
        public static Snapshot Of(Population p) => new(p.HouseholdId.ToArray(), p.Weight.ToArray(), p.PersonId.ToArray(), [.. p.Age.ToArray().Select(a => (int)a)], p.WagesAnnual.ToArray());
    }

    /// <summary>A folder of its own for one sample (samples run on several threads), deleted afterwards.</summary>
    internal sealed class TempFolder : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("reliability-").FullName;

        public string Path(string name) => System.IO.Path.Combine(_path, name);

        public (string Households, string Persons) Write(Population population, string format, int rowGroupSize)
        {
            var (h, p) = (Path("households." + format), Path("persons." + format));
            if (format == "csv")
            {
                PopulationCsv.Write(population, h, p);
            }
            else
            {
                PopulationParquet.Write(population, h, p, rowGroupSize);
            }

            return (h, p);
        }

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
