using Parquet;
using Parquet.Schema;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.PopulationData;

public sealed class PopulationParquetErrorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("population-parquet-errors-").FullName;
    private readonly string _households;
    private readonly string _persons;

    public PopulationParquetErrorTests()
    {
        _households = Path.Combine(_directory, "households.parquet");
        _persons = Path.Combine(_directory, "persons.parquet");
        WriteHouseholds(new double[] { 10, 20 }, new[] { "330100", "331125" });
        WritePersons(new long[] { 1, 2, 3 }, new long[] { 1, 2, 2 }, new int?[] { 40, 70, 8 });
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Valid_files_written_by_another_tool_are_read_with_integer_codes_and_nulls_as_defaults()
    {
        var population = Read()();

        population.HouseholdCount.Should().Be(2);
        population.Age.ToArray().Should().Equal(40, 70, 8);
        population.Sex.ToArray().Should().Equal(Modeling.Core.Sex.Male, Modeling.Core.Sex.Female, Modeling.Core.Sex.Male);
        population.WagesAnnual.ToArray().Should().Equal([1000.5, 0, 0], "a null in an optional column is its default");
    }

    [Fact]
    public void A_survey_layout_is_read_through_the_same_json_mapping_as_csv()
    {
        Write(_households, [new DataField<long>("hhid"), new DataField<float>("wt"), new DataField<int>("code"), new DataField<int>("urb")],
            [new long[] { 7, 8 }, new[] { 120.5f, 80f }, new[] { 320200, 321000 }, new[] { 1, 2 }]);
        Write(_persons, [new DataField<int>("pid"), new DataField<int>("hh"), new DataField<short>("age"), new DataField<int>("gender"), new DataField<int>("hk"), new DataField<int>("wage_month")],
            [new[] { 1, 2, 3 }, new[] { 7, 7, 8 }, new short[] { 44, 9, 71 }, new[] { 1, 2, 2 }, new[] { 1, 1, 2 }, new[] { 3000, 0, 0 }]);
        var mappingPath = Path.Combine(_directory, "mapping.json");
        File.WriteAllText(mappingPath, """
            { "households": { "household_id": "hhid", "weight": "wt", "region": "code",
                              "area": { "column": "urb", "values": { "1": "urban", "2": "rural" } } },
              "persons": { "person_id": "pid", "household_id": "hh",
                           "sex": { "column": "gender", "values": { "1": "male", "2": "female" } },
                           "hukou": { "column": "hk", "values": { "1": "urban", "2": "rural" } },
                           "wages_annual": { "column": "wage_month", "scale": 12 } } }
            """);

        var population = PopulationParquet.Read(_households, _persons, Modeling.IO.PopulationFileMapping.Load(mappingPath));

        population.Area.ToArray().Should().Equal(Modeling.Core.AreaType.Urban, Modeling.Core.AreaType.Rural);
        population.Regions[population.HouseholdRegion[1]].Code.Should().Be(Modeling.Regions.RegionCodes.Yangzhou);
        population.Weight.ToArray().Should().Equal(120.5, 80);
        population.Sex.ToArray().Should().Equal(Modeling.Core.Sex.Male, Modeling.Core.Sex.Female, Modeling.Core.Sex.Female);
        population.Hukou.ToArray().Should().Equal(Modeling.Core.HukouType.Urban, Modeling.Core.HukouType.Urban, Modeling.Core.HukouType.Rural);
        population.WagesAnnual.ToArray().Should().Equal(36_000, 0, 0);
    }

    [Fact]
    public void A_missing_column_names_the_file_and_the_field()
    {
        Write(_persons, [new DataField<long>("person_id"), new DataField<long>("household_id"), new DataField<int>("age"), new DataField<string>("sex")],
            [new long[] { 1 }, new long[] { 1 }, new[] { 40 }, new[] { "male" }]);
        Read().Should().Throw<DataFormatException>().WithMessage($"{_persons} at schema: column 'hukou' for field 'hukou' is missing from the schema; columns found: person_id, household_id, age, sex");
    }

    [Fact]
    public void A_column_of_the_wrong_type_is_rejected_before_any_row_is_read()
    {
        Write(_households, [new DataField<long>("household_id"), new DataField<string>("weight"), new DataField<string>("region"), new DataField<string>("area")],
            [new long[] { 1, 2 }, new[] { "10", "20" }, new[] { "330100", "331125" }, new[] { "urban", "rural" }]);
        Read().Should().Throw<DataFormatException>().WithMessage($"{_households} at schema, column 'weight': has type string; field 'weight' needs numbers*");

        Write(_households, [new DataField<double>("household_id"), new DataField<double>("weight"), new DataField<string>("region"), new DataField<string>("area")],
            [new double[] { 1, 2 }, new double[] { 10, 20 }, new[] { "330100", "331125" }, new[] { "urban", "rural" }]);
        Read().Should().Throw<DataFormatException>().WithMessage($"{_households} at schema, column 'household_id': has type Double; field 'household_id' needs whole numbers*");
    }

    [Fact]
    public void NaN_names_the_row_group_row_and_column()
    {
        WriteHouseholds(new[] { 10, double.NaN }, new[] { "330100", "331125" });
        Read().Should().Throw<DataFormatException>().WithMessage($"{_households} at row group 1, row 0 (file row 1), column 'weight': NaN is not a finite number");
    }

    [Fact]
    public void An_unknown_region_names_its_row()
    {
        WriteHouseholds(new double[] { 10, 20 }, new[] { "330100", "999999" });
        Read().Should().Throw<DataFormatException>().WithMessage($"{_households} at row group 1, row 0 (file row 1), column 'region': unknown region code '999999'*");
    }

    [Fact]
    public void An_orphan_person_names_its_row_and_household()
    {
        WritePersons(new long[] { 1, 2, 3 }, new long[] { 1, 2, 9 }, new int?[] { 40, 70, 8 });
        Read().Should().Throw<DataFormatException>().WithMessage($"{_persons} at row group 0, row 2 (file row 2), column 'household_id': household 9 is not in {_households} (orphan person)");
    }

    [Fact]
    public void A_null_in_a_required_column_names_its_row()
    {
        WritePersons(new long[] { 1, 2, 3 }, new long[] { 1, 2, 2 }, new int?[] { 40, null, 8 });
        Read().Should().Throw<DataFormatException>().WithMessage($"{_persons} at row group 0, row 1 (file row 1), column 'age': the cell is empty but the field is required");
    }

    [Fact]
    public void A_file_that_is_not_parquet_is_rejected_with_its_name()
    {
        File.WriteAllText(_households, "household_id,weight\n1,2\n");
        Read().Should().Throw<DataFormatException>().WithMessage($"{_households} at header: not a readable Parquet file*");
    }

    private Func<Population> Read() => () => PopulationParquet.Read(_households, _persons);

    /// <summary>Two row groups of one household each; region as text, area as an integer code (1 = rural).</summary>
    [Fact]
    public void A_misspelt_optional_column_in_a_parquet_file_is_an_error_naming_the_file_and_the_expected_name()
    {
        DataField[] fields = [new DataField<long>("person_id"), new DataField<long>("household_id"), new DataField<int>("age"), new DataField<int>("sex"), new DataField<string>("hukou"), new DataField<double>("wages_anual")];
        Write(_persons, fields, [new long[] { 1, 2 }, new long[] { 1, 2 }, new[] { 40, 70 }, new[] { 0, 1 }, new[] { "urban", "rural" }, new[] { 30000.0, 0 }]);

        Read().Should().Throw<DataFormatException>().WithMessage($"{_persons} at schema, column 'wages_anual': unknown column (did you mean 'wages_annual'?)*");
        PopulationParquet.Read(_households, _persons, new Modeling.IO.PopulationFileMapping { IgnoredColumns = ["wages_anual"] })
            .WagesAnnual.ToArray().Should().Equal(0, 0);
    }

    private void WriteHouseholds(double[] weights, string[] regions)
    {
        DataField[] fields = [new DataField<long>("household_id"), new DataField<double>("weight"), new DataField<string>("region"), new DataField<int>("area")];
        Write(_households, fields, [new long[] { 1 }, new[] { weights[0] }, new[] { regions[0] }, new[] { 0 }], [new long[] { 2 }, new[] { weights[1] }, new[] { regions[1] }, new[] { 1 }]);
    }

    private void WritePersons(long[] ids, long[] households, int?[] ages)
    {
        DataField[] fields = [new DataField<long>("person_id"), new DataField<long>("household_id"), new DataField<int?>("age"), new DataField<int>("sex"), new DataField<string>("hukou"), new DataField<double?>("wages_annual")];
        var wages = new double?[ids.Length];
        wages[0] = 1000.5;
        Write(_persons, fields, [ids, households, ages, ids.Select(i => (int)(i % 2)).ToArray(), ids.Select(_ => "urban").ToArray(), wages]);
    }

    private static void Write(string path, DataField[] fields, params Array[][] groups)
    {
        WriteAsync(path, fields, groups).GetAwaiter().GetResult();
    }

    private static async Task WriteAsync(string path, DataField[] fields, Array[][] groups)
    {
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        foreach (var columns in groups)
        {
            using var group = writer.CreateRowGroup();
            for (int i = 0; i < fields.Length; i++)
            {
                var task = columns[i] switch
                {
                    long[] v => group.WriteAsync(fields[i], (ReadOnlyMemory<long>)v),
                    double[] v => group.WriteAsync(fields[i], (ReadOnlyMemory<double>)v),
                    int[] v => group.WriteAsync(fields[i], (ReadOnlyMemory<int>)v),
                    short[] v => group.WriteAsync(fields[i], (ReadOnlyMemory<short>)v),
                    float[] v => group.WriteAsync(fields[i], (ReadOnlyMemory<float>)v),
                    int?[] v => group.WriteAsync(fields[i], (ReadOnlyMemory<int?>)v),
                    double?[] v => group.WriteAsync(fields[i], (ReadOnlyMemory<double?>)v),
                    string[] v => group.WriteAsync(fields[i], v),
                    _ => throw new NotSupportedException(columns[i].GetType().Name),
                };
                await task;
            }

            group.CompleteValidate();
        }
    }
}
