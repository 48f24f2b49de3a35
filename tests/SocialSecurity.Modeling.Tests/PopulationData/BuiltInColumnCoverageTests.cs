using System.Reflection;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.PopulationData;

/// <summary>
/// Adding a built-in column touches its declaration in <see cref="PopulationSchema"/>, the record (property and
/// mapping line) and optionally a typed accessor on <see cref="Population"/>; everything else follows the schema.
/// These tests enumerate the schema, so a declaration without its record mapping, or a record property without its
/// declaration, fails here, and every declared column is round-tripped through the builder, CSV and Parquet.
/// </summary>
public sealed class BuiltInColumnCoverageTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("built-in-coverage-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> Columns()
    {
        var data = new TheoryData<string>();
        foreach (var column in PopulationSchema.All)
        {
            data.Add(column.Name);
        }

        return data;
    }

    [Fact]
    public void Every_public_column_field_of_the_schema_is_declared_as_a_built_in_at_its_index()
    {
        var declared = typeof(PopulationSchema).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ColumnDefinition))
            .Select(f => (ColumnDefinition)f.GetValue(null)!)
            .ToArray();

        declared.Should().HaveCount(PopulationSchema.BuiltIns.Length);
        declared.Should().OnlyContain(c => c.BuiltInIndex >= 0 && ReferenceEquals(PopulationSchema.BuiltIns[c.BuiltInIndex].Definition, c), "every column field of the schema is declared with Declare");
        for (int i = 0; i < PopulationSchema.BuiltIns.Length; i++)
        {
            PopulationSchema.BuiltIns[i].Definition.BuiltInIndex.Should().Be(i);
        }
    }

    [Theory]
    [MemberData(nameof(Columns))]
    public void Every_built_in_column_is_mapped_once_by_its_record_and_listed_in_the_file_fields(string name)
    {
        var column = PopulationSchema.Find(name)!;
        var field = PopulationSchema.FieldName(column);
        if (column.Entity == Entity.Household)
        {
            HouseholdRecord.Mapping.Fields.Where(f => ReferenceEquals(f.Column, column)).Should().ContainSingle().Which.Field.Should().Be(field);
            PopulationFileMapping.HouseholdFields.Should().ContainSingle(f => f == field);
        }
        else
        {
            PersonRecord.Mapping.Fields.Where(f => ReferenceEquals(f.Column, column)).Should().ContainSingle().Which.Field.Should().Be(field);
            PopulationFileMapping.PersonFields.Should().ContainSingle(f => f == field);
        }
    }

    [Fact]
    public void Each_household_mapping_line_sets_and_gets_exactly_one_record_property_and_every_property_is_mapped()
        => EachFieldOwnsOneProperty(HouseholdRecord.Mapping);

    [Fact]
    public void Each_person_mapping_line_sets_and_gets_exactly_one_record_property_and_every_property_is_mapped()
        => EachFieldOwnsOneProperty(PersonRecord.Mapping);

    [Fact]
    public void Every_built_in_column_survives_the_builder_and_a_csv_and_parquet_round_trip()
    {
        // One household with two members, every built-in value set to a valid non-default value chosen from its declaration.
        var builder = new PopulationBuilder();
        builder.AddHousehold(Record(HouseholdRecord.Mapping, id: 7, householdId: 7, RegionCodes.Hangzhou) with { ChildrenUnder3 = 0 });
        builder.AddPerson(Record(PersonRecord.Mapping, id: 12, householdId: 7, RegionCodes.Ningbo));
        builder.AddPerson(Record(PersonRecord.Mapping, id: 11, householdId: 7, RegionCodes.Ningbo));
        var population = builder.Build();

        foreach (var column in PopulationSchema.All)
        {
            var values = population.Column(column);
            values.Length.Should().Be(column.Entity == Entity.Person ? 2 : 1);
            if (column.Type is not ColumnType.Identifier and not ColumnType.Region)
            {
                Convert.ToDouble(values.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)
                    .Should().Be(ReferenceEquals(column, PopulationSchema.ChildrenUnder3) ? 0 : ValidValue(column), $"the builder stores '{column.Name}' as given");
            }
        }

        population.PersonId.ToArray().Should().Equal(11, 12);
        population.Regions[population.HukouRegion[0]].Code.Should().Be(RegionCodes.Ningbo);

        string households = Path.Combine(_directory, "h.csv"), persons = Path.Combine(_directory, "p.csv");
        PopulationCsv.Write(population, households, persons);
        File.ReadLines(households).First().Split(',').Should().Equal(PopulationFileMapping.HouseholdFields);
        File.ReadLines(persons).First().Split(',').Should().Equal(PopulationFileMapping.PersonFields);
        SameBuiltIns(PopulationCsv.Read(households, persons), population);

        households = Path.Combine(_directory, "h.parquet");
        persons = Path.Combine(_directory, "p.parquet");
        PopulationParquet.Write(population, households, persons);
        SameBuiltIns(PopulationParquet.Read(households, persons), population);
    }

    private static void SameBuiltIns(Population again, Population population)
    {
        foreach (var column in PopulationSchema.All)
        {
            again.Column(column).Cast<object>().Should().Equal(population.Column(column).Cast<object>(), $"'{column.Name}' is written and read back");
        }
    }

    /// <summary>A valid value other than the default 0 (or the lowest), from the declaration alone.</summary>
    // Counts and codes take their largest value and amounts 1,234.5 (within the range), except the child counts, which
    // must stay consistent with the two members (CrossColumnChecks): both are students (the largest employment code),
    // so two children in education; members aged 120 cannot be children under 3, so the round trip sets that count
    // to 0 (RoundTripValue) and the cross-column tests cover it.
    private static double ValidValue(ColumnDefinition column) => column.Type switch
    {
        _ when ReferenceEquals(column, PopulationSchema.ChildrenInEducation) => 2,
        _ when ReferenceEquals(column, PopulationSchema.ChildrenUnder3) => 1,
        ColumnType.Code or ColumnType.Flag or ColumnType.Count => column.Maximum,
        _ => Math.Min(1234.5, column.Maximum),
    };

    private static TRecord Record<TRecord>(RecordMapping<TRecord> mapping, long id, long householdId, string region)
        where TRecord : struct
    {
        var record = default(TRecord);
        foreach (var field in mapping.Fields)
        {
            Set(ref record, field, field.Column switch
            {
                { Type: ColumnType.Identifier, Storage: ColumnStorage.Int64 } => id,
                { Type: ColumnType.Identifier } => householdId,
                _ => ValidValue(field.Column),
            }, region);
        }

        return record;
    }

    private static void Set<TRecord>(ref TRecord record, RecordField<TRecord> field, double value, string region)
        where TRecord : struct
    {
        switch (field)
        {
            case NumberField<TRecord> number:
                number.Set(ref record, value);
                break;
            case IntegerField<TRecord> integer:
                integer.Set(ref record, (long)value);
                break;
            case RegionField<TRecord> code:
                code.Set(ref record, region);
                break;
            default:
                throw new InvalidOperationException(field.GetType().Name);
        }
    }

    private static object? Get<TRecord>(in TRecord record, RecordField<TRecord> field)
        where TRecord : struct
        => field switch
        {
            NumberField<TRecord> number => number.Get(in record),
            IntegerField<TRecord> integer => integer.Get(in record),
            RegionField<TRecord> code => code.Get(in record),
            _ => throw new InvalidOperationException(field.GetType().Name),
        };

    private static void EachFieldOwnsOneProperty<TRecord>(RecordMapping<TRecord> mapping)
        where TRecord : struct
    {
        var properties = typeof(TRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var owned = new List<string>();
        foreach (var field in mapping.Fields)
        {
            var record = default(TRecord);
            Set(ref record, field, field.Column.Type == ColumnType.Identifier ? 99 : ValidValue(field.Column), RegionCodes.Lishui);
            var changed = properties.Where(p => !Equals(p.GetValue(record), p.GetValue(default(TRecord)))).Select(p => p.Name).ToArray();
            changed.Should().ContainSingle($"the mapping line of '{field.Column.Name}' sets one property of {typeof(TRecord).Name}");
            owned.Add(changed[0]);

            var read = Get(in record, field);
            Convert.ToString(read, System.Globalization.CultureInfo.InvariantCulture).Should().Be(
                field is RegionField<TRecord> ? RegionCodes.Lishui : Convert.ToString(field.Column.Type == ColumnType.Identifier ? 99 : ValidValue(field.Column), System.Globalization.CultureInfo.InvariantCulture),
                $"the getter of '{field.Column.Name}' reads the property its setter sets");
        }

        owned.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(properties.Select(p => p.Name), $"every property of {typeof(TRecord).Name} is a built-in column with its mapping line");
    }
}
