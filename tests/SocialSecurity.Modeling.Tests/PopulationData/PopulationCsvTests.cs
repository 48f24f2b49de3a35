using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.PopulationData;

public sealed class PopulationCsvTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("population-csv-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Write_then_read_reproduces_a_synthetic_population_exactly()
    {
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Xinjiang, Persons = 5_000 });
        var (households, persons) = Paths();
        PopulationCsv.Write(population, households, persons);

        // The contribution-history columns are written after the canonical ones; read them back as declared extras.
        var mapping = new PopulationFileMapping
        {
            PersonExtras = population.ExtraColumns.ToDictionary(c => c.Name, c => new FieldMapping(c.Name)),
            Columns = population.ExtraColumns,
        };
        var again = PopulationCsv.Read(households, persons, mapping);
        foreach (var column in population.ExtraColumns)
        {
            again.Values(column).ToArray().Should().Equal(population.Values(column).ToArray(), column.Name);
        }

        again.PersonCount.Should().Be(population.PersonCount);
        again.HouseholdId.ToArray().Should().Equal(population.HouseholdId.ToArray());
        again.Weight.ToArray().Should().Equal(population.Weight.ToArray());
        again.HouseholdRegion.ToArray().Should().Equal(population.HouseholdRegion.ToArray());
        again.Area.ToArray().Should().Equal(population.Area.ToArray());
        again.FinancialAssets.ToArray().Should().Equal(population.FinancialAssets.ToArray());
        again.HousingUnits.ToArray().Should().Equal(population.HousingUnits.ToArray());
        again.NonEssentialVehicle.ToArray().Should().Equal(population.NonEssentialVehicle.ToArray());
        again.MemberStart.ToArray().Should().Equal(population.MemberStart.ToArray());
        again.PersonId.ToArray().Should().Equal(population.PersonId.ToArray());
        again.Age.ToArray().Should().Equal(population.Age.ToArray());
        again.Sex.ToArray().Should().Equal(population.Sex.ToArray());
        again.Hukou.ToArray().Should().Equal(population.Hukou.ToArray());
        again.HukouRegion.ToArray().Should().Equal(population.HukouRegion.ToArray());
        again.Disability.ToArray().Should().Equal(population.Disability.ToArray());
        again.SelfCare.ToArray().Should().Equal(population.SelfCare.ToArray());
        again.Employment.ToArray().Should().Equal(population.Employment.ToArray());
        again.WagesAnnual.ToArray().Should().Equal(population.WagesAnnual.ToArray());
        again.BusinessIncomeAnnual.ToArray().Should().Equal(population.BusinessIncomeAnnual.ToArray());
        again.PropertyIncomeAnnual.ToArray().Should().Equal(population.PropertyIncomeAnnual.ToArray());
        again.PrivateTransfersAnnual.ToArray().Should().Equal(population.PrivateTransfersAnnual.ToArray());
        again.PensionIncomeAnnual.ToArray().Should().Equal(population.PensionIncomeAnnual.ToArray());
    }

    [Fact]
    public void A_survey_layout_is_read_through_a_json_mapping()
    {
        var (households, persons) = Paths();
        File.WriteAllText(households, "hhid;wt;code;urb;med\n7;120.5;320200;1;\"1200.5\"\n8;80;321000;2;0\n");
        File.WriteAllText(persons, "pid;hh;age;gender;hk;job;wage_month;note\n1;7;44;1;1;2;3000;\"said \"\"hi\"\"; left\"\n2;7;9;2;1;;;\n3;8;71;2;2;6;0;\n");
        var mappingPath = Path.Combine(_directory, "mapping.json");
        File.WriteAllText(mappingPath, """
            { "delimiter": ";",
              "households": { "household_id": "hhid", "weight": "wt", "region": "code",
                              "area": { "column": "urb", "values": { "1": "urban", "2": "rural" } } },
              "persons": { "person_id": "pid", "household_id": "hh",
                           "sex": { "column": "gender", "values": { "1": "male", "2": "female" } },
                           "hukou": { "column": "hk", "values": { "1": "urban", "2": "rural" } },
                           "employment": { "column": "job", "values": { "2": "employee", "6": "retired" } },
                           "wages_annual": { "column": "wage_month", "scale": 12 } },
              "household_extras": { "medical.bills_annual": "med" },
              "ignore": [ "note" ] }
            """);

        var population = PopulationCsv.Read(households, persons, PopulationFileMapping.Load(mappingPath));

        population.HouseholdCount.Should().Be(2);
        population.Area.ToArray().Should().Equal(AreaType.Urban, AreaType.Rural);
        population.Regions[population.HouseholdRegion[1]].Code.Should().Be(RegionCodes.Yangzhou);
        population.Sex.ToArray().Should().Equal(Sex.Male, Sex.Female, Sex.Female);
        population.Employment.ToArray().Should().Equal(EmploymentStatus.Employee, EmploymentStatus.Inactive, EmploymentStatus.Retired);
        population.WagesAnnual.ToArray().Should().Equal(36_000, 0, 0);
        population.ExtraHouseholdColumn("medical.bills_annual").ToArray().Should().Equal(1200.5, 0);
        population.Disability.ToArray().Should().OnlyContain(d => d == DisabilityGrade.None, "an absent optional column takes its default");
    }

    [Fact]
    public void A_misspelt_optional_header_is_an_error_naming_the_file_the_column_and_the_expected_name()
    {
        // Read silently, 'wages_anual' would leave every wage at 0 (and double the dibao total).
        var (households, persons) = Paths();
        File.WriteAllText(households, "household_id,weight,region,area\n1,10,330100,urban\n");
        File.WriteAllText(persons, "person_id,household_id,age,sex,hukou,wages_anual\n1,1,40,male,urban,30000\n");

        FluentActions.Invoking(() => PopulationCsv.Read(households, persons)).Should().Throw<DataFormatException>()
            .WithMessage($"{persons} at row 0, column 'wages_anual': unknown column (did you mean 'wages_annual'?)*\"ignore\"*");
    }

    [Fact]
    public void An_unknown_column_far_from_any_field_is_an_error_too_unless_the_mapping_ignores_it()
    {
        var (households, persons) = Paths();
        File.WriteAllText(households, "household_id,weight,region,area,interviewer\n1,10,330100,urban,Li\n");
        File.WriteAllText(persons, "person_id,household_id,age,sex,hukou\n1,1,40,male,urban\n");

        var error = FluentActions.Invoking(() => PopulationCsv.Read(households, persons)).Should().Throw<DataFormatException>().Which;
        error.Message.Should().StartWith($"{households} at row 0, column 'interviewer': unknown column.").And.NotContain("did you mean");

        var mappingPath = Path.Combine(_directory, "mapping.json");
        File.WriteAllText(mappingPath, """{ "ignore": [ "interviewer" ] }""");
        PopulationCsv.Read(households, persons, PopulationFileMapping.Load(mappingPath)).HouseholdCount.Should().Be(1);
        PopulationReader.ReadChunks(households, persons, 1, PopulationFileMapping.Load(mappingPath)).Should().ContainSingle();
    }

    [Fact]
    public void The_ignore_list_must_be_an_array_of_column_names()
    {
        var mappingPath = Path.Combine(_directory, "mapping.json");
        File.WriteAllText(mappingPath, """{ "ignore": [ "a", 3 ] }""");
        FluentActions.Invoking(() => PopulationFileMapping.Load(mappingPath)).Should().Throw<DataFormatException>().WithMessage("*$.ignore[1]*expected a column name*");
        File.WriteAllText(mappingPath, """{ "ignore": "a" }""");
        FluentActions.Invoking(() => PopulationFileMapping.Load(mappingPath)).Should().Throw<DataFormatException>().WithMessage("*$.ignore*expected an array*");
    }

    [Fact]
    public void Byte_order_mark_CRLF_blank_lines_and_quoted_line_breaks_are_handled()
    {
        var (households, persons) = Paths();
        File.WriteAllText(households, "household_id,weight,region,area,note_text\r\n1,10,330100,urban,\"two\r\nlines, with a comma\"\r\n\r\n2,5,331125,rural,x\r\n", new System.Text.UTF8Encoding(true));
        File.WriteAllText(persons, "person_id,household_id,age,sex,hukou\r\n1,1,40,male,urban\r\n2,2,70,female,rural");

        var population = PopulationCsv.Read(households, persons, new PopulationFileMapping { IgnoredColumns = ["note_text"] });

        population.HouseholdCount.Should().Be(2);
        population.Regions[population.HouseholdRegion[1]].Code.Should().Be(RegionCodes.Yunhe);
        population.Age.ToArray().Should().Equal(40, 70);
    }

    [Fact]
    public void Malformed_quoting_and_ragged_rows_are_errors_naming_the_file_the_row_and_the_line()
    {
        var (households, persons) = Paths();
        File.WriteAllText(households, "household_id,weight,region,area\n1,10,330100,urban\n");
        const string header = "person_id,household_id,age,sex,hukou\n";

        File.WriteAllText(persons, header + "1,1,40,male,urban\n\n2,1,\"4\"0,male,urban\n");
        Read().Should().Throw<DataFormatException>().WithMessage($"{persons} at row 2 (line 4): malformed CSV*closing quote*");

        File.WriteAllText(persons, header + "1,1,40,male,\"urban\n2,1,40,male,urban\n");
        Read().Should().Throw<DataFormatException>().WithMessage($"{persons} at row 1 (line 2): malformed CSV*without a closing quote*");

        File.WriteAllText(persons, header + "1,1,40,male,\"" + new string('x', 5_000_000));
        Read().Should().Throw<DataFormatException>().WithMessage($"{persons} at row 1 (line 2): the record is longer than*characters (an unclosed quote?)");

        File.WriteAllText(persons, header + "1,1,\"multi\nline\",male,urban,extra\n");
        Read().Should().Throw<DataFormatException>().WithMessage($"{persons} at row 1 (line 2): has 6 fields but the header has 5");

        File.WriteAllText(persons, header + "1,1,40,male,urban\n   \n");
        Read().Should().Throw<DataFormatException>().WithMessage($"{persons} at row 2 (line 3): has 1 fields but the header has 5", "a line of spaces is a record, not a blank line");

        File.WriteAllText(persons, "\n\n");
        Read().Should().Throw<DataFormatException>().WithMessage($"{persons} at row 0: the file is empty; expected a header row");

        File.WriteAllText(persons, "person_id,household_id,age,sex,person_id\n");
        Read().Should().Throw<DataFormatException>().WithMessage($"{persons} at row 0, column 'person_id': the column name appears twice in the header");

        Func<SocialSecurity.Modeling.Core.Population> Read() => () => PopulationCsv.Read(households, persons);
    }

    [Fact]
    public void Lone_carriage_returns_a_custom_delimiter_inside_quotes_and_a_leading_hash_are_read_as_data()
    {
        var (households, persons) = Paths();
        File.WriteAllText(households, "household_id|weight|region|area|note\r1|10|330100|urban|\"a|b\"\r2|5|330100|rural|#not a comment\r");
        File.WriteAllText(persons, "person_id|household_id|age|sex|hukou\r\n1|1|40|male|urban\r\n2|2|70|female|rural\r\n");

        var population = PopulationCsv.Read(households, persons, new PopulationFileMapping { Delimiter = '|', IgnoredColumns = ["note"] });

        population.HouseholdId.ToArray().Should().Equal(1, 2);
        population.Age.ToArray().Should().Equal(40, 70);
    }

    [Fact]
    public void Cell_errors_name_the_file_row_and_column()
    {
        var (households, persons) = Paths();
        File.WriteAllText(households, "household_id,weight,region,area\n1,10,330100,urban\n");

        File.WriteAllText(persons, "person_id,household_id,age,sex,hukou\n1,1,40,male,urban\n2,1,abc,female,urban\n");
        Read().Should().Throw<DataFormatException>().WithMessage($"{persons} at row 2, column 'age': 'abc' is not a whole number in 0–120");

        File.WriteAllText(persons, "person_id,household_id,age,sex,hukou\n1,1,40,m,urban\n");
        Read().Should().Throw<DataFormatException>().WithMessage($"{persons} at row 1, column 'sex': 'm' is not one of female, male*recode it with \"values\"*");

        File.WriteAllText(persons, "person_id,household_id,age,sex,hukou,wages_annual\n1,1,40,male,urban,-5\n");
        Read().Should().Throw<DataFormatException>().WithMessage($"{persons} at row 1, column 'wages_annual': -5 is outside the expected range (≥ 0)");

        File.WriteAllText(persons, "person_id,household_id,age,sex\n1,1,40,male\n");
        Read().Should().Throw<DataFormatException>().WithMessage($"{persons} at row 0: column 'hukou' for field 'hukou' is missing from the header*");

        File.WriteAllText(persons, "person_id,household_id,age,sex,hukou\n1,1,40,male\n");
        Read().Should().Throw<DataFormatException>().WithMessage($"{persons} at row 1 (line 2): has 4 fields but the header has 5");

        File.WriteAllText(persons, "person_id,household_id,age,sex,hukou\n1,1,,male,urban\n");
        Read().Should().Throw<DataFormatException>().WithMessage("*row 1, column 'age': the cell is empty but the field is required");

        File.WriteAllText(persons, "person_id,household_id,age,sex,hukou\n1,2,40,male,urban\n");
        Read().Should().Throw<DataFormatException>().WithMessage("*persons.csv at row 1, column 'household_id': household 2 is not in *households.csv (orphan person)*");

        File.WriteAllText(households, "household_id,weight,region,area\n1,10,999999,urban\n");
        Read().Should().Throw<DataFormatException>().WithMessage($"{households} at row 1, column 'region': unknown region code '999999'*");

        Func<SocialSecurity.Modeling.Core.Population> Read() => () => PopulationCsv.Read(households, persons);
    }

    [Fact]
    public void A_mapping_with_an_unknown_field_is_rejected_with_its_json_path()
    {
        var path = Path.Combine(_directory, "bad.json");
        File.WriteAllText(path, """{ "persons": { "salary": "wage" } }""");
        var act = () => PopulationFileMapping.Load(path);
        act.Should().Throw<DataFormatException>().WithMessage("*$.persons.salary: unknown property; expected one of: person_id*wages_annual*");
    }

    private (string Households, string Persons) Paths() => (Path.Combine(_directory, "households.csv"), Path.Combine(_directory, "persons.csv"));
}
