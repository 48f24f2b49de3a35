using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.PopulationData;

public sealed class PopulationChunkTests : IDisposable
{
    private static readonly DateOnly Date = new(2023, 6, 30);
    private readonly string _directory = Directory.CreateTempSubdirectory("population-chunks-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("csv")]
    [InlineData("parquet")]
    public void A_run_chunk_by_chunk_gives_the_whole_file_run_totals_and_values(string extension)
    {
        var population = SyntheticPopulationTests.WithoutHistories(SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 6_000, Seed = 3 }));
        var households = Path.Combine(_directory, "households." + extension);
        var persons = Path.Combine(_directory, "persons." + extension);
        if (extension == "csv")
        {
            PopulationCsv.Write(population, households, persons);
        }
        else
        {
            PopulationParquet.Write(population, households, persons, rowGroupSize: 1_000);
        }

        var policy = Policy.Create(new DibaoProgram());
        var whole = Microsimulation.Run(PopulationReader.Read(households, persons), policy, ParameterStore.Default, Date);
        var results = Path.Combine(_directory, "benefits." + extension);

        // The documented pattern: run each chunk, add up weighted totals, append the chosen variables to one file.
        double spending = 0, recipients = 0, weightedPersons = 0;
        int chunks = 0;
        using (var writer = new SimulationResultWriter(results, Entity.Household, [DibaoProgram.Benefit.Name]))
        {
            foreach (var chunk in PopulationReader.ReadChunks(households, persons, householdsPerChunk: 301))
            {
                var result = Microsimulation.Run(chunk, policy, ParameterStore.Default, Date);
                spending += result.AnnualTotal(DibaoProgram.Benefit.Name);
                recipients += result.Recipients(DibaoProgram.Benefit.Name);
                weightedPersons += chunk.WeightedPersons;
                writer.Append(result);
                chunks++;
            }

            writer.Complete();
        }

        chunks.Should().Be((population.HouseholdCount + 300) / 301);
        whole.AnnualTotal(DibaoProgram.Benefit.Name).Should().BeGreaterThan(0, "the comparison must not be vacuous");
        spending.Should().BeApproximately(whole.AnnualTotal(DibaoProgram.Benefit.Name), 1e-9 * spending);
        recipients.Should().BeApproximately(whole.Recipients(DibaoProgram.Benefit.Name), 1e-9 * recipients);
        weightedPersons.Should().BeApproximately(population.WeightedPersons, 1e-9 * weightedPersons);

        var (ids, values) = ReadResults(results);
        ids.Should().Equal(population.HouseholdId.ToArray());
        values.Should().Equal(whole.Values(DibaoProgram.Benefit.Name).ToArray(), "each household's value is the same whether run alone in a chunk or in the whole file");
    }

    [Fact]
    public void Chunks_together_hold_exactly_the_whole_population()
    {
        var population = PopulationParquetTests.WithExtras(SyntheticPopulationTests.WithoutHistories(SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Jiangsu, Persons = 2_000 })));
        var households = Path.Combine(_directory, "h.parquet");
        var persons = Path.Combine(_directory, "p.parquet");
        PopulationParquet.Write(population, households, persons, rowGroupSize: 250);

        var chunks = PopulationReader.ReadChunks(households, persons, 100).ToList();

        chunks.SelectMany(c => c.HouseholdId.ToArray()).Should().Equal(population.HouseholdId.ToArray());
        chunks.SelectMany(c => c.PersonId.ToArray()).Should().Equal(population.PersonId.ToArray());
        chunks.SelectMany(c => c.WagesAnnual.ToArray()).Should().Equal(population.WagesAnnual.ToArray());
        chunks.SelectMany(c => c.ExtraPersonColumn("pension.tier_annual").ToArray()).Should().Equal(population.ExtraPersonColumn("pension.tier_annual").ToArray());
        chunks.SelectMany(c => c.ExtraHouseholdColumn("medical.bills_annual").ToArray()).Should().Equal(population.ExtraHouseholdColumn("medical.bills_annual").ToArray());
        chunks.Should().OnlyContain(c => c.HouseholdCount <= 100);
    }

    [Fact]
    public async Task The_asynchronous_stream_yields_the_same_chunks()
    {
        var population = SyntheticPopulationTests.WithoutHistories(SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Xinjiang, Persons = 1_000 }));
        var households = Path.Combine(_directory, "h.csv");
        var persons = Path.Combine(_directory, "p.csv");
        PopulationCsv.Write(population, households, persons);

        var ids = new List<long>();
        await foreach (var chunk in PopulationReader.ReadChunksAsync(households, persons, 64))
        {
            ids.AddRange(chunk.HouseholdId.ToArray());
        }

        ids.Should().Equal(population.HouseholdId.ToArray());
    }

    [Fact]
    public void Persons_not_grouped_by_household_are_detected_at_their_row()
    {
        var (households, persons) = Csv("1,10,330100,urban\n2,10,330100,urban\n3,10,330100,urban\n", "1,1,40,male,urban\n2,2,40,male,urban\n3,1,9,male,urban\n4,3,9,male,urban\n");
        var read = () => PopulationReader.ReadChunks(households, persons, 10).ToList();
        read.Should().Throw<DataFormatException>().WithMessage($"{persons} at row 3, column 'household_id': household 1's members are not listed together*");
    }

    [Fact]
    public void A_person_of_an_earlier_chunk_met_later_is_detected()
    {
        var (households, persons) = Csv("1,10,330100,urban\n2,10,330100,urban\n", "1,1,40,male,urban\n2,2,40,male,urban\n3,1,9,male,urban\n");
        var read = () => PopulationReader.ReadChunks(households, persons, 1).ToList();
        read.Should().Throw<DataFormatException>().WithMessage($"{persons} at row 3, column 'household_id': household 1 is not in {households} after the last household read: an orphan person, or persons not grouped*");
    }

    [Fact]
    public void An_orphan_person_inside_a_chunk_is_detected()
    {
        var (households, persons) = Csv("1,10,330100,urban\n2,10,330100,urban\n", "1,7,40,male,urban\n2,1,40,male,urban\n");
        var read = () => PopulationReader.ReadChunks(households, persons, 5).ToList();
        read.Should().Throw<DataFormatException>().WithMessage($"{persons} at row 1, column 'household_id': household 7 is not among the households of chunk 0*orphan person*");
    }

    [Fact]
    public void A_household_file_with_only_a_header_is_an_error_naming_the_file()
    {
        var (households, persons) = Csv(string.Empty, string.Empty);
        var read = () => PopulationReader.ReadChunks(households, persons, 10).ToList();
        read.Should().Throw<DataFormatException>().WithMessage($"{households} at row 0: the file holds no households*");
    }

    [Fact]
    public void A_household_id_repeated_in_a_later_chunk_is_an_error_naming_the_id_rows_and_chunks()
    {
        // Each chunk alone is valid: household 1 with person 1 in chunk 0, and again with person 3 in chunk 2.
        var (households, persons) = Csv("1,10,330100,urban\n2,10,330100,urban\n1,10,330100,urban\n", "1,1,40,male,urban\n2,2,40,male,urban\n3,1,9,male,urban\n");
        var read = () => PopulationReader.ReadChunks(households, persons, 1).ToList();
        read.Should().Throw<DataFormatException>().WithMessage(
            $"{households} at row 3, column 'household_id': household id 1 appears again in chunk 2 (household 2 of the file, counting from 0); it was first read as household 0 of the file, in chunk 0");
    }

    [Fact]
    public void A_household_id_repeated_within_a_chunk_is_still_an_error()
    {
        var (households, persons) = Csv("1,10,330100,urban\n1,10,330100,urban\n", "1,1,40,male,urban\n");
        var read = () => PopulationReader.ReadChunks(households, persons, 5).ToList();
        read.Should().Throw<DataFormatException>().WithMessage($"{households} at row 2, column 'household_id': household id 1 appears again in chunk 0*first read as household 0 of the file, in chunk 0 (this chunk)");
    }

    [Fact]
    public void Reading_stops_when_cancelled()
    {
        var (households, persons) = Csv("1,10,330100,urban\n2,10,330100,urban\n", "1,1,40,male,urban\n2,2,40,male,urban\n");
        using var cancellation = new CancellationTokenSource();
        var chunks = PopulationReader.ReadChunks(households, persons, 1, cancellationToken: cancellation.Token).GetEnumerator();
        chunks.MoveNext().Should().BeTrue();
        cancellation.Cancel();
        chunks.Invoking(c => c.MoveNext()).Should().Throw<OperationCanceledException>();
        chunks.Dispose();
    }

    [Fact]
    public void The_result_writer_rejects_a_variable_of_the_other_entity_and_leaves_no_file()
    {
        var population = SyntheticPopulationTests.WithoutHistories(SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 1_000 }));
        var result = Microsimulation.Run(population, Policy.Create(new DibaoProgram()), ParameterStore.Default, Date);
        var path = Path.Combine(_directory, "persons-out.parquet");
        using (var writer = new SimulationResultWriter(path, Entity.Person, [DibaoProgram.Benefit.Name]))
        {
            writer.Invoking(w => w.Append(result)).Should().Throw<ArgumentException>().WithMessage("Variable 'dibao.benefit_monthly' is a household variable; this writer writes person variables.*");
        }

        File.Exists(path).Should().BeFalse();
        File.Exists(path + ".partial").Should().BeFalse();
    }

    private (string Households, string Persons) Csv(string householdRows, string personRows)
    {
        var households = Path.Combine(_directory, "households.csv");
        var persons = Path.Combine(_directory, "persons.csv");
        File.WriteAllText(households, "household_id,weight,region,area\n" + householdRows);
        File.WriteAllText(persons, "person_id,household_id,age,sex,hukou\n" + personRows);
        return (households, persons);
    }

    private static (List<long> Ids, List<double> Values) ReadResults(string path)
    {
        var ids = new List<long>();
        var values = new List<double>();
        using var cursor = PopulationReader.Open(path, PopulationReader.FormatOf(path), PopulationFileMapping.Default);
        cursor.ColumnNames.Should().Equal("household_id", DibaoProgram.Benefit.Name);
        var id = cursor.Column("household_id")!;
        var value = cursor.Column(DibaoProgram.Benefit.Name)!;
        while (cursor.MoveNext())
        {
            ids.Add(id.Kind == CellKind.Integer ? id.Integer : long.Parse(id.Text, System.Globalization.CultureInfo.InvariantCulture));
            values.Add(value.Kind == CellKind.Real ? value.Real : double.Parse(value.Text, System.Globalization.CultureInfo.InvariantCulture));
        }

        return (ids, values);
    }
}
