using Parquet;
using Parquet.Schema;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.PopulationData;

/// <summary>
/// The readers cut each file into blocks parsed in parallel, a few ahead of the consumer. What they return, and the
/// error they raise, must not depend on the block size or on how many blocks are in flight: one row per block read one
/// block at a time, each cell parsed on its own, is the row-by-row reading the results are compared with; the other
/// settings parse each block a column at a time first (falling back to rows at the first cell that needs it).
/// </summary>
public sealed class ParallelReadingTests : IDisposable
{
    /// <summary>One row at a time, one block in flight, every cell parsed on its own: sequential, row-by-row reading.</summary>
    internal static readonly StreamSettings Sequential = new(1, 1, ColumnAtATime: false);

    /// <summary>Odd block sizes, so blocks straddle chunks, row groups and household boundaries.</summary>
    private static readonly StreamSettings[] Parallel = [new(7, 4), new(64, 2), new(1000, 8), new(8192)];

    private readonly string _directory = Directory.CreateTempSubdirectory("population-parallel-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("csv")]
    [InlineData("parquet")]
    public void Whole_reads_are_the_same_population_whatever_the_blocks(string extension)
    {
        var population = PopulationParquetTests.WithExtras(SyntheticPopulationTests.WithoutHistories(SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 3_000, Seed = 11 })));
        var (households, persons) = Write(population, extension);
        var mapping = Mapping(extension);

        PopulationAssert.Identical(PopulationReader.ReadWith(Sequential, households, persons, mapping), population);
        foreach (var settings in Parallel)
        {
            PopulationAssert.Identical(PopulationReader.ReadWith(settings, households, persons, mapping), population);
        }
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("parquet")]
    public void Chunks_are_the_same_whatever_the_blocks(string extension)
    {
        var population = PopulationParquetTests.WithExtras(SyntheticPopulationTests.WithoutHistories(SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Jiangsu, Persons = 2_500, Seed = 12 })));
        var (households, persons) = Write(population, extension);
        var mapping = Mapping(extension);
        var sequential = PopulationReader.ReadChunksWith(Sequential, households, persons, 97, mapping).ToList();
        sequential.Should().HaveCount((population.HouseholdCount + 96) / 97);
        sequential.SelectMany(c => c.PersonId.ToArray()).Should().Equal(population.PersonId.ToArray());

        foreach (var settings in Parallel)
        {
            var chunks = PopulationReader.ReadChunksWith(settings, households, persons, 97, mapping).ToList();
            chunks.Should().HaveCount(sequential.Count);
            for (int i = 0; i < chunks.Count; i++)
            {
                PopulationAssert.Identical(chunks[i], sequential[i]);
            }
        }
    }

    [Fact]
    public async Task Parsing_a_column_at_a_time_gives_the_row_by_row_population_for_every_cell_type()
    {
        // Library CSV (codes as names), library Parquet (one-byte codes, dictionary region strings), and Parquet
        // copied from the CSV as int64, double and string columns (codes as text, ids as int64): each read a column at
        // a time (blocks of 64 rows) and row by row must give the same population, bit for bit.
        var population = PopulationParquetTests.WithExtras(SyntheticPopulationTests.WithoutHistories(SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Xinjiang, Persons = 1_500, Seed = 21 })));
        var (csvHouseholds, csvPersons) = Write(population, "csv");
        var pqHouseholds = Path.Combine(_directory, "typed-households.parquet");
        var pqPersons = Path.Combine(_directory, "typed-persons.parquet");
        await WriteParquetFromCsv(csvHouseholds, pqHouseholds, 128);
        await WriteParquetFromCsv(csvPersons, pqPersons, 128);
        var columnAtATime = new StreamSettings(64, 3);

        var fromCsv = PopulationReader.ReadWith(columnAtATime, csvHouseholds, csvPersons, Mapping("csv"));
        PopulationAssert.Identical(fromCsv, PopulationReader.ReadWith(Sequential, csvHouseholds, csvPersons, Mapping("csv")));
        PopulationAssert.Identical(fromCsv, population);

        var fromTypedParquet = PopulationReader.ReadWith(columnAtATime, pqHouseholds, pqPersons, Mapping("csv"));
        PopulationAssert.Identical(fromTypedParquet, PopulationReader.ReadWith(Sequential, pqHouseholds, pqPersons, Mapping("csv")));
        PopulationAssert.Identical(fromTypedParquet, population);

        var (households, persons) = Write(population, "parquet");
        PopulationAssert.Identical(PopulationReader.ReadWith(columnAtATime, households, persons), PopulationReader.ReadWith(Sequential, households, persons));
    }

    [Fact]
    public void Library_parquet_files_decoded_straight_into_columns_give_the_row_by_row_population_and_errors()
    {
        // PopulationParquet.Read decodes files with the population's types straight into its arrays; whenever that
        // does not fit (here an orphan person), it reads the general way: same population, same message.
        var population = PopulationParquetTests.WithExtras(SyntheticPopulationTests.WithoutHistories(SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Jiangsu, Persons = 2_000, Seed = 23 })));
        var (households, persons) = Write(population, "parquet");
        var direct = PopulationParquet.Read(households, persons);
        PopulationAssert.Identical(direct, PopulationReader.ReadWith(Sequential, households, persons));
        PopulationAssert.Identical(direct, population);

        var larger = SyntheticPopulationTests.WithoutHistories(SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Jiangsu, Persons = 4_000, Seed = 24 }));
        var otherPersons = Path.Combine(_directory, "other-persons.parquet");
        PopulationParquet.Write(larger, Path.Combine(_directory, "other-households.parquet"), otherPersons, rowGroupSize: 333);
        string expected = Assert.Throws<DataFormatException>(() => PopulationReader.ReadWith(Sequential, households, otherPersons)).Message;
        expected.Should().Contain("(orphan person)");
        Assert.Throws<DataFormatException>(() => PopulationParquet.Read(households, otherPersons)).Message.Should().Be(expected);
    }

    [Fact]
    public void A_recoded_or_scaled_column_reads_the_same_a_column_at_a_time_and_row_by_row()
    {
        // "values" recodings take the row-by-row path; scale factors and empty optional cells the column path.
        var population = SyntheticPopulationTests.WithoutHistories(SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 1_000, Seed = 22 }));
        var (households, persons) = Write(population, "csv");
        var lines = File.ReadAllLines(persons);
        var names = lines[0].Split(',').ToList();
        int sex = names.IndexOf("sex"), hukouRegion = names.IndexOf("hukou_region");
        for (int i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            cells[sex] = cells[sex] == "male" ? "M" : "F";
            cells[hukouRegion] = i % 3 == 0 ? string.Empty : cells[hukouRegion];
            lines[i] = string.Join(',', cells);
        }

        File.WriteAllLines(persons, lines);
        var mapping = new PopulationFileMapping
        {
            Persons = new Dictionary<string, FieldMapping>
            {
                ["sex"] = new("sex") { Values = new Dictionary<string, string> { ["M"] = "male", ["F"] = "female" } },
                ["wages_annual"] = new("wages_annual") { Scale = 12 },
            },
        };

        var columnAtATime = PopulationReader.ReadWith(new StreamSettings(50, 2), households, persons, mapping);
        PopulationAssert.Identical(columnAtATime, PopulationReader.ReadWith(Sequential, households, persons, mapping));
        columnAtATime.Sex.ToArray().Should().Equal(population.Sex.ToArray());
        columnAtATime.WagesAnnual[5].Should().Be(population.WagesAnnual[5] * 12);
        columnAtATime.HukouRegion[2].Should().Be(columnAtATime.HouseholdRegion[columnAtATime.PersonHousehold[2]], "an empty hukou region is the household's");
    }

    [Fact]
    public void A_bad_cell_deep_in_a_csv_file_is_reported_at_its_row_whatever_the_blocks()
    {
        var (households, persons) = Write(SyntheticPopulationTests.WithoutHistories(SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 2_000, Seed = 13 })), "csv");
        var lines = File.ReadAllLines(persons);
        int wages = Array.IndexOf(lines[0].Split(','), "wages_annual");
        var cells = lines[1500].Split(',');
        cells[wages] = "12;5"; // not a number
        lines[1500] = string.Join(',', cells);
        File.WriteAllLines(persons, lines);

        // Hand-written oracle: data rows count from 1 (line 1501 is data row 1500).
        string expected = $"{persons} at row 1500, column 'wages_annual': '12;5' is not a finite number (use '.' as the decimal separator)";
        MessagesWith(households, persons).Should().AllBe(expected);
    }

    [Fact]
    public void A_malformed_record_and_a_bad_cell_before_it_are_reported_in_file_order_whatever_the_blocks()
    {
        var (households, persons) = Write(SyntheticPopulationTests.WithoutHistories(SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 1_200, Seed = 14 })), "csv");
        var lines = File.ReadAllLines(persons);
        int header = lines[0].Split(',').Length;
        lines[900] += ",extra"; // one field too many at data row 900, line 901
        File.WriteAllLines(persons, lines);
        MessagesWith(households, persons).Should().AllBe($"{persons} at row 900 (line 901): has {header + 1} fields but the header has {header}");

        var ages = lines[0].Split(',').ToList().IndexOf("age");
        var cells = lines[300].Split(',');
        cells[ages] = "130"; // out of range, before the malformed record: reported first
        lines[300] = string.Join(',', cells);
        File.WriteAllLines(persons, lines);
        MessagesWith(households, persons).Should().AllBe($"{persons} at row 300, column 'age': '130' is not a whole number in 0–120");
    }

    [Fact]
    public async Task A_bad_value_in_a_later_parquet_row_group_is_reported_at_its_group_and_row_whatever_the_blocks()
    {
        var (households, persons) = Write(SyntheticPopulationTests.WithoutHistories(SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 1_000, Seed = 15 })), "csv");
        var lines = File.ReadAllLines(persons);
        var ages = lines[0].Split(',').ToList().IndexOf("age");
        var cells = lines[451].Split(',');
        cells[ages] = "121";
        lines[451] = string.Join(',', cells);
        File.WriteAllLines(persons, lines);

        // The same rows as Parquet, 200 rows a group: file row 450 is row 50 of group 2.
        var pqHouseholds = Path.Combine(_directory, "bad-households.parquet");
        var pqPersons = Path.Combine(_directory, "bad-persons.parquet");
        await WriteParquetFromCsv(households, pqHouseholds, 200);
        await WriteParquetFromCsv(persons, pqPersons, 200);

        MessagesWith(pqHouseholds, pqPersons).Should().AllBe($"{pqPersons} at row group 2, row 50 (file row 450), column 'age': 121 is not a whole number in 0–120");
    }

    [Fact]
    public async Task Written_parquet_files_store_coded_fields_and_counts_as_one_byte_integer_codes()
    {
        var population = SyntheticPopulationTests.WithoutHistories(SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 1_000, Seed = 16 }));
        var (households, persons) = Write(population, "parquet");

        await using var reader = await ParquetReader.CreateAsync(persons);
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name);
        fields["sex"].ClrType.Should().Be<byte>();
        fields["hukou"].ClrType.Should().Be<byte>();
        fields["age"].ClrType.Should().Be<byte>();
        fields["employment"].ClrType.Should().Be<byte>();
        fields["wages_annual"].ClrType.Should().Be<double>();
        new[] { typeof(string), typeof(ReadOnlyMemory<char>) }.Should().Contain(fields["hukou_region"].ClrType, "region codes stay text");

        // Sex is stored as its code (Core.Sex: 0 female, 1 male), read back unchanged.
        using var group = reader.OpenRowGroupReader(0);
        var sex = new byte[group.RowCount];
        await group.ReadAsync(fields["sex"], sex.AsMemory());
        sex.Should().NotBeEmpty();
        sex.Select(s => (SocialSecurity.Modeling.Core.Sex)s).Should().Equal(population.Sex.ToArray().Take(sex.Length));
        PopulationAssert.Identical(PopulationParquet.Read(households, persons), population);
    }

    /// <summary>The message of the error raised reading in chunks of 50 households and whole, sequentially and with each parallel setting.</summary>
    private static List<string> MessagesWith(string households, string persons)
    {
        var messages = new List<string>();
        foreach (var settings in Parallel.Prepend(Sequential))
        {
            messages.Add(Assert.Throws<DataFormatException>(() => PopulationReader.ReadChunksWith(settings, households, persons, 50).ToList()).Message);
            messages.Add(Assert.Throws<DataFormatException>(() => PopulationReader.ReadWith(settings, households, persons)).Message);
        }

        messages.Should().HaveCount(2 * (Parallel.Length + 1));
        return messages;
    }

    private static PopulationFileMapping Mapping(string extension) => extension == "csv"
        ? new PopulationFileMapping
        {
            HouseholdExtras = new Dictionary<string, FieldMapping> { ["medical.bills_annual"] = new("medical.bills_annual") },
            PersonExtras = new Dictionary<string, FieldMapping> { ["pension.tier_annual"] = new("pension.tier_annual") },
            Columns = [PopulationParquetTests.Bills],
        }
        : PopulationFileMapping.Default;

    private (string Households, string Persons) Write(SocialSecurity.Modeling.Core.Population population, string extension)
    {
        var households = Path.Combine(_directory, "households." + extension);
        var persons = Path.Combine(_directory, "persons." + extension);
        if (extension == "csv")
        {
            PopulationCsv.Write(population, households, persons);
        }
        else
        {
            PopulationParquet.Write(population, households, persons, rowGroupSize: 333);
        }

        return (households, persons);
    }

    /// <summary>Copies a CSV file written by the library into Parquet as it is (numbers as int64 or double, other cells as strings), without validating it.</summary>
    private static async Task WriteParquetFromCsv(string csv, string parquet, int rowGroupSize)
    {
        var lines = File.ReadAllLines(csv);
        var names = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var kinds = names.Select((_, c) => rows.All(r => long.TryParse(r[c], System.Globalization.CultureInfo.InvariantCulture, out long _)) ? typeof(long)
            : rows.All(r => double.TryParse(r[c], System.Globalization.CultureInfo.InvariantCulture, out double _)) ? typeof(double) : typeof(string)).ToArray();
        var fields = names.Select((n, c) => kinds[c] == typeof(long) ? (DataField)new DataField<long>(n) : kinds[c] == typeof(double) ? new DataField<double>(n) : new DataField<string>(n, false)).ToArray();
        await using var stream = File.Create(parquet);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        for (int start = 0; start < rows.Length; start += rowGroupSize)
        {
            var group = rows.Skip(start).Take(rowGroupSize).ToArray();
            using var rowGroup = writer.CreateRowGroup();
            for (int c = 0; c < names.Length; c++)
            {
                if (kinds[c] == typeof(long))
                {
                    await rowGroup.WriteAsync(fields[c], (ReadOnlyMemory<long>)group.Select(r => long.Parse(r[c], System.Globalization.CultureInfo.InvariantCulture)).ToArray());
                }
                else if (kinds[c] == typeof(double))
                {
                    await rowGroup.WriteAsync(fields[c], (ReadOnlyMemory<double>)group.Select(r => double.Parse(r[c], System.Globalization.CultureInfo.InvariantCulture)).ToArray());
                }
                else
                {
                    await rowGroup.WriteAsync(fields[c], group.Select(r => r[c]).ToArray());
                }
            }

            rowGroup.CompleteValidate();
        }
    }
}
