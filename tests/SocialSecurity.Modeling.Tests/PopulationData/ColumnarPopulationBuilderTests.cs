using CsCheck;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.PopulationData;

/// <summary>
/// The columnar builder builds the population the record builder builds from the same rows (column by column, bit
/// for bit), adopts arrays of the storage type without copying, reports bad input with the record builder's problem
/// lines, and gives results independent of the order of the rows.
/// </summary>
public class ColumnarPopulationBuilderTests
{
    private static readonly DateOnly Date = new(2024, 6, 30);

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Columns_build_the_population_the_records_build(bool codesAsInts, bool gapsInIds)
    {
        var (households, persons) = RichRandom(400, seed: 11, gapsInIds);
        var expected = TestPopulations.Build(households, persons);
        var actual = Columns(households, persons, codesAsInts).Build();
        IdenticalInEveryColumn(actual, expected);
    }

    [Fact]
    public void Shuffled_rows_build_the_same_population_as_records()
    {
        var (households, persons) = RichRandom(300, seed: 12, gapsInIds: true);
        var random = new Random(3);
        var shuffledPersons = persons.OrderBy(_ => random.Next()).ToArray();
        IdenticalInEveryColumn(Columns(households, shuffledPersons, codesAsInts: false).Build(), TestPopulations.Build(households, persons));

        // Households stay in the order given (by either builder); their members are put together in person-id order.
        var shuffledHouseholds = households.OrderBy(_ => random.Next()).ToArray();
        IdenticalInEveryColumn(Columns(shuffledHouseholds, shuffledPersons, codesAsInts: true).Build(), TestPopulations.Build(shuffledHouseholds, persons));
    }

    [Fact]
    public void Arrays_of_the_storage_type_are_adopted_without_copying_when_rows_are_in_member_order()
    {
        var (households, persons) = RichRandom(50, seed: 13, gapsInIds: false);
        var weights = households.Select(h => h.Weight).ToArray();
        var ages = persons.Select(p => (byte)p.Age).ToArray();
        var wages = persons.Select(p => p.WagesAnnual).ToArray();
        var personIds = persons.Select(p => p.Id).ToArray();
        var population = Required(households, persons, ages: false, weightsAndPersonIds: false)
            .Set(PopulationSchema.Weight, weights).Set(PopulationSchema.Age, ages).Set(PopulationSchema.Wages, wages).Set(PopulationSchema.PersonId, personIds)
            .Build();
        population.WeightColumn.Should().BeSameAs(weights);
        population.AgeColumn.Should().BeSameAs(ages);
        population.WagesColumn.Should().BeSameAs(wages);
        population.PersonIdColumn.Should().BeSameAs(personIds);
        population.BusinessColumn.Should().BeSameAs(population.PropertyColumn, "optional columns not given share one array of zeros");
        population.BusinessColumn.Should().OnlyContain(v => v == 0);
    }

    [Fact]
    public void Resident_size_counts_the_shared_zeros_once()
    {
        // Given: household id 8 + weight 8 + region 2 + area 1 = 19 bytes per household; person id 8 + household
        // index 4 + age, sex, hukou 3 + hukou region 2 = 17 bytes per person. Not given: one array of zeros per entity
        // and storage, household doubles (8) and bytes (1) = 9, person doubles (8) and bytes (1) = 9. Plus member starts.
        var (households, persons) = RichRandom(40, seed: 14, gapsInIds: false);
        var population = Required(households, persons).Build();
        long h = population.HouseholdCount, p = population.PersonCount;
        population.ResidentBytes.Should().Be((19 + 9) * h + ((17 + 9) * p) + (4 * (h + 1)));
    }

    [Fact]
    public void Bad_input_gives_the_record_builders_problem_lines()
    {
        HouseholdRecord[] households =
        [
            new() { Id = 1, Weight = 10, RegionCode = "123456" },
            new() { Id = 2, Weight = -1, RegionCode = RegionCodes.Hangzhou },
            new() { Id = 2, Weight = 5, RegionCode = RegionCodes.Hangzhou },
            new() { Id = 4, Weight = 5, RegionCode = RegionCodes.Hangzhou, HousingUnits = 3 },
        ];
        PersonRecord[] persons =
        [
            new() { Id = 1, HouseholdId = 1, Age = 130 },
            new() { Id = 2, HouseholdId = 99 },
            new() { Id = 3, HouseholdId = 2, WagesAnnual = double.NaN, Disability = (DisabilityGrade)9 },
            new() { Id = 3, HouseholdId = 2, HukouRegionCode = "000001", BusinessIncomeAnnual = double.NegativeInfinity },
            new() { Id = 5, HouseholdId = 1, UnemploymentInsuranceYears = 71 },
        ];
        var extra = ColumnDefinition.Count("test.days", Entity.Person, "days", 0, 31, "days worked");
        double[] days = [1, 2.5, 3, 40, 5];

        var records = new PopulationBuilder();
        Array.ForEach(households, h => records.AddHousehold(h));
        Array.ForEach(persons, p => records.AddPerson(p));
        records.AddColumn(extra, days);
        var expected = FluentActions.Invoking(records.Build).Should().Throw<PopulationValidationException>().Which;

        var columns = Columns(households, persons, codesAsInts: true).AddColumn(extra, days);
        var actual = FluentActions.Invoking(columns.Build).Should().Throw<PopulationValidationException>().Which;

        actual.Problems.Should().BeEquivalentTo(expected.Problems, "the same lines, whatever their order");
        actual.TotalProblems.Should().Be(expected.TotalProblems);
        actual.Problems.Should().Contain("column 'age', person row 0 (id 1): 130 is invalid; expected a whole number in 0–120 years")
            .And.Contain("column 'household_id', person row 1 (id 2): household 99 was never added (orphan person)")
            .And.Contain("column 'region', household row 0 (id 1): unknown region code '123456'; expected a GB/T 2260 code from the region catalogue")
            .And.Contain("household row 3 (id 4) has no members")
            .And.Contain("column 'test.days', person row 1 (id 2): 2.5 is invalid; expected a whole number in 0–31 days");
    }

    [Fact]
    public void A_value_out_of_the_byte_range_is_reported_as_given_not_clamped()
    {
        var (households, persons) = RichRandom(3, seed: 15, gapsInIds: false);
        var ages = persons.Select(p => p.Age).ToArray();
        ages[1] = 300;
        var columns = Required(households, persons, ages: false).Set(PopulationSchema.Age, ages);
        FluentActions.Invoking(columns.Build).Should().Throw<PopulationValidationException>()
            .WithMessage($"*column 'age', person row 1 (id {persons[1].Id}): 300 is invalid; expected a whole number in 0–120 years*");
    }

    [Fact]
    public void Cross_column_rules_are_checked_with_the_rows_as_given()
    {
        PersonRecord[] persons =
        [
            new() { Id = 7, HouseholdId = 1, Age = 30, WagesAnnual = 100, AnnualBonus = 200 },
            new() { Id = 3, HouseholdId = 1, Age = 40 },
        ];
        HouseholdRecord[] households = [new() { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou, ChildrenUnder3 = 1 }];
        var expected = FluentActions.Invoking(() => TestPopulations.Build(households, persons)).Should().Throw<PopulationValidationException>().Which;
        var actual = FluentActions.Invoking(Columns(households, persons, codesAsInts: false).Build).Should().Throw<PopulationValidationException>().Which;
        actual.Problems.Should().BeEquivalentTo(expected.Problems);
        actual.Problems.Should().Contain(p => p.StartsWith("column 'annual_bonus', person row 0 (id 7)", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("column 'children_under_3', household row 0 (id 1): 1 children under 3 are claimed but the household has 0 member(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_required_columns_and_wrong_lengths_are_reported()
    {
        var builder = new ColumnarPopulationBuilder().Set(PopulationSchema.HouseholdId, new long[] { 1, 2 });
        FluentActions.Invoking(builder.Build).Should().Throw<PopulationValidationException>()
            .WithMessage("*column 'weight' (household.weight) is required but was not given*column 'person_id' (person.id) is required but was not given*");

        var (households, persons) = RichRandom(5, seed: 16, gapsInIds: false);
        var columns = Required(households, persons).Set(PopulationSchema.Wages, new double[persons.Length + 1]);
        FluentActions.Invoking(columns.Build).Should().Throw<PopulationValidationException>()
            .WithMessage($"*column 'wages_annual': has {persons.Length + 1} values but {persons.Length} persons were added*");
    }

    [Fact]
    public void Unknown_columns_wrong_kinds_and_repeated_columns_are_refused_when_given()
    {
        var builder = new ColumnarPopulationBuilder();
        var extra = ColumnDefinition.Amount("x.amount_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "x");
        FluentActions.Invoking(() => builder.Set(extra, new double[1])).Should().Throw<ArgumentException>().WithMessage("*not a built-in column*AddColumn*");
        FluentActions.Invoking(() => builder.Set(PopulationSchema.Region, new double[1])).Should().Throw<ArgumentException>().WithMessage("*SetRegions*");
        FluentActions.Invoking(() => builder.Set(PopulationSchema.PersonId, new double[1])).Should().Throw<ArgumentException>().WithMessage("*id column*");
        FluentActions.Invoking(() => builder.SetRegions(PopulationSchema.Age, new string?[1])).Should().Throw<ArgumentException>().WithMessage("*not a region column*");
        builder.Set(PopulationSchema.Wages, new double[1]);
        FluentActions.Invoking(() => builder.Set(PopulationSchema.Wages, new double[1])).Should().Throw<ArgumentException>().WithMessage("*already given*");
        FluentActions.Invoking(() => builder.AddColumn(PopulationSchema.Wages, new double[1])).Should().Throw<ArgumentException>().WithMessage("*built-in*");
    }

    [Fact]
    public void Region_handles_outside_the_catalogue_are_reported()
    {
        var (households, persons) = RichRandom(3, seed: 17, gapsInIds: false);
        var handles = households.Select(h => RegionCatalog.Default.GetId(h.RegionCode)).ToArray();
        handles[2] = new RegionId(60_000);
        var columns = Required(households, persons, regions: false).SetRegions(PopulationSchema.Region, handles);
        FluentActions.Invoking(columns.Build).Should().Throw<PopulationValidationException>()
            .WithMessage($"*column 'region', household row 2 (id {households[2].Id}): region handle 60000 is not in the region catalogue*");
    }

    [Fact]
    public void Shuffled_rows_give_bit_identical_simulation_results()
    {
        Gen.Select(TestPopulations.Households(1, 40), Gen.Int).Sample((sample, seed) =>
        {
            var random = new Random(seed);
            var expected = TestPopulations.Build(sample.Households, sample.Persons);
            var actual = Columns(sample.Households.OrderBy(_ => random.Next()).ToArray(), sample.Persons.OrderBy(_ => random.Next()).ToArray(), codesAsInts: random.Next(2) == 0).Build();
            var policy = Policies.Standard();
            var before = Microsimulation.Run(expected, policy, ParameterStore.Default, Date);
            var after = Microsimulation.Run(actual, policy, ParameterStore.Default, Date);
            foreach (var variable in before.Variables)
            {
                // Households keep the order given, so values are compared by household or person id.
                bool isPerson = variable.Entity == Entity.Person;
                var beforeById = ById(isPerson ? expected.PersonId : expected.HouseholdId, before.Values(variable.Name));
                var afterById = ById(isPerson ? actual.PersonId : actual.HouseholdId, after.Values(variable.Name));
                afterById.Should().Equal(beforeById, variable.Name);
            }

            foreach (var output in policy.Outputs.Where(o => o.Period != AmountPeriod.None))
            {
                BitConverter.DoubleToInt64Bits(after.AnnualTotal(output.Name)).Should().Be(BitConverter.DoubleToInt64Bits(before.AnnualTotal(output.Name)), output.Name);
            }
        }, iter: 30, threads: 1);
    }

    [Fact]
    public void The_vectorised_check_agrees_with_Accepts_value_by_value()
    {
        ColumnDefinition[] columns = [PopulationSchema.Wages, PopulationSchema.BusinessIncome, PopulationSchema.UnemploymentInsuranceYears, PopulationSchema.Age, PopulationSchema.Sex, PopulationSchema.Weight];
        double[] specials = [0, -0.0, 1, 2.5, -3, 70, 70.5, 120, 121, 1e308, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon];
        Gen.Select(Gen.Int[0, columns.Length - 1], Gen.Int[0, specials.Length - 1].Array[0, 40], Gen.Int[0, 40]).Sample((c, picks, start) =>
        {
            var column = columns[c];
            var values = picks.Select(i => specials[i]).ToArray();
            int first = start <= values.Length ? start : values.Length;
            int expected = Array.FindIndex(values, first, v => !column.Accepts(v));
            ColumnChecks.FirstInvalid(column, values, first).Should().Be(expected);
            if (column.Storage == ColumnStorage.Byte)
            {
                var ints = values.Where(v => double.IsFinite(v) && v == Math.Floor(v) && Math.Abs(v) < 1e9).Select(v => (int)v).ToArray();
                int expectedInt = Array.FindIndex(ints, Math.Min(first, ints.Length), v => !column.Accepts(v));
                BuildChecks.FirstInvalid<int>(column, ints, Math.Min(first, ints.Length)).Should().Be(expectedInt);
            }
        }, iter: 2_000);
    }

    /// <summary>Households and persons with every built-in column set (within the cross-column rules), ids increasing by 1 or, with gaps, by 1 to 3.</summary>
    private static (HouseholdRecord[] Households, PersonRecord[] Persons) RichRandom(int count, int seed, bool gapsInIds)
    {
        var random = new Random(seed);
        var households = new List<HouseholdRecord>();
        var persons = new List<PersonRecord>();
        long householdId = 0, personId = 0;
        for (int h = 0; h < count; h++)
        {
            householdId += gapsInIds ? random.Next(1, 4) : 1;
            int size = random.Next(1, 6);
            int infants = 0, pupils = 0;
            for (int m = 0; m < size; m++)
            {
                personId += gapsInIds ? random.Next(1, 4) : 1;
                int age = random.Next(0, 100);
                var employment = (EmploymentStatus)random.Next(Enum.GetValues<EmploymentStatus>().Length);
                infants += age < 3 ? 1 : 0;
                pupils += age is >= 3 and <= 5 || (age >= 3 && employment == EmploymentStatus.Student) ? 1 : 0;
                double wages = random.Next(3) == 0 ? 0 : Math.Round(Math.Exp(8 + (2.5 * random.NextDouble())), 2);
                int grade = random.Next(20) == 0 ? random.Next(1, 11) : 0;
                int parents = random.Next(0, 5);
                persons.Add(new PersonRecord
                {
                    Id = personId,
                    HouseholdId = householdId,
                    Age = age,
                    Sex = (Sex)random.Next(2),
                    Hukou = (HukouType)random.Next(2),
                    HukouRegionCode = random.Next(4) == 0 ? TestPopulations.Places[random.Next(TestPopulations.Places.Length)] : null,
                    Disability = (DisabilityGrade)random.Next(Enum.GetValues<DisabilityGrade>().Length),
                    SelfCare = (SelfCareAbility)random.Next(Enum.GetValues<SelfCareAbility>().Length),
                    Employment = employment,
                    WagesAnnual = wages,
                    BusinessIncomeAnnual = random.Next(8) == 0 ? random.Next(-2_000, 20_000) : 0,
                    PropertyIncomeAnnual = random.Next(10) == 0 ? random.Next(-500, 5_000) : 0,
                    PrivateTransfersAnnual = random.Next(5) == 0 ? random.Next(0, 8_000) : 0,
                    PensionIncomeAnnual = random.Next(6) == 0 ? random.Next(30_000) : 0,
                    LabourRemunerationAnnual = random.Next(10) == 0 ? random.Next(0, 9_000) : 0,
                    AuthorRemunerationAnnual = random.Next(30) == 0 ? random.Next(0, 9_000) : 0,
                    RoyaltiesAnnual = random.Next(30) == 0 ? random.Next(0, 9_000) : 0,
                    AnnualBonus = random.Next(5) == 0 ? Math.Floor(wages / 10) : 0,
                    Contract = (WorkContract)random.Next(Enum.GetValues<WorkContract>().Length),
                    IndustryRiskClass = random.Next(0, 9),
                    MedicalScheme = (MedicalScheme)random.Next(Enum.GetValues<MedicalScheme>().Length),
                    ParentsAged60Plus = parents,
                    ElderlyParentClaim = parents > 0 ? (ElderlyParentClaim)random.Next(Enum.GetValues<ElderlyParentClaim>().Length) : ElderlyParentClaim.None,
                    ContinuingEducation = (ContinuingEducation)random.Next(Enum.GetValues<ContinuingEducation>().Length),
                    MedicalSelfPayAnnual = random.Next(10) == 0 ? random.Next(0, 90_000) : 0,
                    UnemploymentInsuranceYears = random.Next(0, 141) / 2.0,
                    UnemploymentMonths = random.Next(0, 13),
                    WorkInjuryGrade = grade,
                    WorkInjuryAssessedThisYear = grade > 0 && random.Next(2) == 0,
                    WorkInjuryNursing = grade > 0 ? (NursingDependency)random.Next(Enum.GetValues<NursingDependency>().Length) : NursingDependency.None,
                    WorkInjuryWageMonthly = grade > 0 ? random.Next(0, 9_000) : 0,
                });
            }

            households.Add(new HouseholdRecord
            {
                Id = householdId,
                Weight = 0.5 + (random.NextDouble() * 500),
                RegionCode = TestPopulations.Places[random.Next(TestPopulations.Places.Length)],
                Area = (AreaType)random.Next(2),
                FinancialAssets = random.Next(4) == 0 ? random.Next(200_000) : random.Next(20_000),
                HousingUnits = (byte)random.Next(3),
                HasNonEssentialVehicle = random.Next(10) == 0,
                ChildrenInEducation = random.Next(0, pupils + 1),
                ChildrenUnder3 = random.Next(0, infants + 1),
                Housing = (HousingCost)random.Next(Enum.GetValues<HousingCost>().Length),
                CityClass = (CityClass)random.Next(Enum.GetValues<CityClass>().Length),
                WorkInjuryDeaths = random.Next(50) == 0 ? 1 : 0,
            });
        }

        return ([.. households], [.. persons]);
    }

    /// <summary>Every built-in column of the records as arrays, through the records' own mappings: bytes (or ints) for byte columns, doubles, longs for ids, codes for regions.</summary>
    private static ColumnarPopulationBuilder Columns(HouseholdRecord[] households, PersonRecord[] persons, bool codesAsInts)
    {
        var builder = new ColumnarPopulationBuilder();
        Give(builder, HouseholdRecord.Mapping, households, codesAsInts);
        Give(builder, PersonRecord.Mapping, persons, codesAsInts);
        return builder;
    }

    private static void Give<TRecord>(ColumnarPopulationBuilder builder, RecordMapping<TRecord> mapping, TRecord[] rows, bool codesAsInts)
        where TRecord : struct
    {
        foreach (var field in mapping.Fields)
        {
            switch (field)
            {
                case NumberField<TRecord> number:
                    builder.Set(field.Column, Array.ConvertAll(rows, r => number.Get(in r)));
                    break;
                case IntegerField<TRecord> integer when field.Column.Type == ColumnType.Identifier:
                    builder.Set(field.Column, Array.ConvertAll(rows, r => integer.Get(in r)));
                    break;
                case IntegerField<TRecord> integer when codesAsInts:
                    builder.Set(field.Column, Array.ConvertAll(rows, r => (int)integer.Get(in r)));
                    break;
                case IntegerField<TRecord> integer:
                    builder.Set(field.Column, Array.ConvertAll(rows, r => (byte)integer.Get(in r)));
                    break;
                case RegionField<TRecord> region:
                    builder.SetRegions(field.Column, Array.ConvertAll(rows, r => region.Get(in r)));
                    break;
            }
        }
    }

    /// <summary>The required columns (ids, weight, region, area, age, sex, hukou), as arrays of the storage type; tests give some of them themselves.</summary>
    private static ColumnarPopulationBuilder Required(HouseholdRecord[] households, PersonRecord[] persons, bool ages = true, bool regions = true, bool weightsAndPersonIds = true)
    {
        var builder = new ColumnarPopulationBuilder()
            .Set(PopulationSchema.HouseholdId, households.Select(h => h.Id).ToArray())
            .Set(PopulationSchema.PersonHouseholdId, persons.Select(p => p.HouseholdId).ToArray())
            .Set(PopulationSchema.Area, households.Select(h => (byte)h.Area).ToArray())
            .Set(PopulationSchema.Sex, persons.Select(p => (byte)p.Sex).ToArray())
            .Set(PopulationSchema.Hukou, persons.Select(p => (byte)p.Hukou).ToArray());
        if (regions)
        {
            builder.SetRegions(PopulationSchema.Region, households.Select(h => h.RegionCode).ToArray());
        }

        if (ages)
        {
            builder.Set(PopulationSchema.Age, persons.Select(p => (byte)p.Age).ToArray());
        }

        if (weightsAndPersonIds)
        {
            builder.Set(PopulationSchema.Weight, households.Select(h => h.Weight).ToArray())
                .Set(PopulationSchema.PersonId, persons.Select(p => p.Id).ToArray());
        }

        return builder;
    }

    private static void IdenticalInEveryColumn(Population actual, Population expected)
    {
        PopulationAssert.Identical(actual, expected);
        foreach (var column in PopulationSchema.All)
        {
            var a = actual.Column(column);
            var e = expected.Column(column);
            a.GetType().Should().Be(e.GetType(), column.Name);
            AsBytes(a).Should().Equal(AsBytes(e), column.Name);
        }
    }

    private static byte[] AsBytes(Array array)
    {
        var bytes = new byte[Buffer.ByteLength(array)];
        Buffer.BlockCopy(array, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    /// <summary>Each value's bits, in id order.</summary>
    private static long[] ById(ReadOnlySpan<long> ids, ReadOnlySpan<double> values)
    {
        var keys = ids.ToArray();
        var bits = new long[values.Length];
        for (int i = 0; i < bits.Length; i++)
        {
            bits[i] = BitConverter.DoubleToInt64Bits(values[i]);
        }

        Array.Sort(keys, bits);
        return bits;
    }
}
