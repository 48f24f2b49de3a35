using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Programs.Subsidies;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.PopulationData;

/// <summary>The declared column schema: definitions, validation once at build, and the checks a run makes against what programs expect.</summary>
public sealed class ColumnSchemaTests : IDisposable
{
    private static readonly ColumnDefinition Enrolled = ColumnDefinition.Flag("health.enrolled", Entity.Person, "Enrolled");
    private static readonly ColumnDefinition Level = ColumnDefinition.Code("health.level", Entity.Person, [new(1, "primary"), new(2, "secondary"), new(3, "tertiary")], "Hospital level");
    private static readonly ColumnDefinition Rooms = ColumnDefinition.Count("household.rooms", Entity.Household, "rooms", 1, 20, "Rooms");
    private static readonly DateOnly Date = new(2013, 6, 30);

    private readonly string _directory = Directory.CreateTempSubdirectory("column-schema-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Every_built_in_column_is_declared_once_with_a_unique_name_and_the_input_variables_are_its_amounts()
    {
        PopulationSchema.All.Select(c => c.Name).Should().OnlyHaveUniqueItems();
        PopulationSchema.HouseholdColumns.Should().OnlyContain(c => c.Entity == Entity.Household);
        PopulationSchema.PersonColumns.Should().OnlyContain(c => c.Entity == Entity.Person);
        PopulationFileMapping.HouseholdFields.Should().Equal("household_id", "weight", "region", "area", "financial_assets", "housing_units", "non_essential_vehicle",
            "children_in_education", "children_under_3", "housing", "city_class", "work_injury_deaths");
        PopulationFileMapping.PersonFields.Should().Equal(
            "person_id", "household_id", "age", "sex", "hukou", "hukou_region", "disability", "self_care", "employment",
            "wages_annual", "business_income_annual", "property_income_annual", "private_transfers_annual", "pension_income_annual",
            "labour_remuneration_annual", "author_remuneration_annual", "royalties_annual", "annual_bonus", "contract", "industry_risk_class",
            "medical_scheme", "parents_60_plus", "elderly_parent_claim", "continuing_education", "medical_self_pay_annual",
            "unemployment_insurance_years", "unemployment_months", "work_injury_grade", "work_injury_new", "work_injury_nursing",
            "work_injury_wage_monthly");
        InputVariables.All.Select(v => v.Name).Should().Equal(
            "person.wages_annual", "person.business_income_annual", "person.property_income_annual", "person.private_transfers_annual",
            "person.reported_pension_annual", "person.labour_remuneration_annual", "person.author_remuneration_annual", "person.royalties_annual",
            "household.financial_assets");
        PopulationSchema.Wages.Role.Should().Be(IncomeRole.MarketIncome);
        PopulationSchema.ReportedPension.Role.Should().Be(IncomeRole.ContributoryPension);
        PopulationSchema.BusinessIncome.Accepts(-5).Should().BeTrue("net business income may be negative");
        PopulationSchema.Wages.Accepts(-5).Should().BeFalse();
        PopulationSchema.Age.Storage.Should().Be(ColumnStorage.Byte);
        PopulationSchema.Employment.Codes.Select(c => c.Name).Should().Equal("inactive", "employee", "self_employed", "agricultural", "unemployed", "retired", "student");
        PopulationSchema.Disability.Codes.Select(c => c.Name).Should().Equal("none", "grade1", "grade2", "grade3", "grade4");
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(1.0, true)]
    [InlineData(0.5, false)]
    [InlineData(2.0, false)]
    [InlineData(-1.0, false)]
    [InlineData(double.NaN, false)]
    public void A_flag_accepts_only_0_and_1(double value, bool accepted) => Enrolled.Accepts(value).Should().Be(accepted);

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(1.0, true)]
    [InlineData(3.0, true)]
    [InlineData(2.5, false)]
    [InlineData(4.0, false)]
    public void A_code_accepts_only_its_listed_codes(double value, bool accepted) => Level.Accepts(value).Should().Be(accepted);

    [Fact]
    public void The_builder_reports_every_invalid_value_of_a_declared_column_with_row_id_and_the_valid_values()
    {
        var builder = Two();
        builder.AddColumn(Enrolled, [1, 2, 0.5]);
        builder.AddColumn(Level, [2, 0, 3]);
        builder.AddColumn(Rooms, [21, 3]);
        var error = FluentActions.Invoking(builder.Build).Should().Throw<PopulationValidationException>().Which;
        error.TotalProblems.Should().Be(4);
        error.Problems.Should().BeEquivalentTo(
            "column 'health.enrolled', person row 1 (id 102): 2 is invalid; expected a flag, 0 or 1",
            "column 'health.enrolled', person row 2 (id 201): 0.5 is invalid; expected a flag, 0 or 1",
            "column 'health.level', person row 1 (id 102): 0 is invalid; expected one of the codes 1 (primary), 2 (secondary), 3 (tertiary)",
            "column 'household.rooms', household row 0 (id 1): 21 is invalid; expected a whole number in 1–20 rooms");
    }

    [Fact]
    public void A_declared_column_keeps_its_definition_and_person_columns_follow_the_member_order()
    {
        var builder = Two();
        builder.AddColumn(Enrolled, [1, 0, 1]);
        builder.AddColumn(Rooms, [4, 2]);
        var population = builder.Build();
        population.Definition("health.enrolled").Should().BeSameAs(Enrolled);
        population.Definition("person.age").Should().BeSameAs(PopulationSchema.Age);
        population.Schema.Should().HaveCount(PopulationSchema.All.Count + 2);
        population.ExtraColumns.Should().Equal(Enrolled, Rooms);
        population.Values(Rooms).ToArray().Should().Equal(4, 2);
        FluentActions.Invoking(() => population.Values(Level)).Should().Throw<KeyNotFoundException>();
        FluentActions.Invoking(() => population.Values(ColumnDefinition.Flag("household.rooms", Entity.Household, "a flag")))
            .Should().Throw<ArgumentException>().WithMessage("*declared as count, expected flag*");
    }

    [Fact]
    public void With_column_validates_against_the_definition_and_shares_the_values()
    {
        var population = Two().Build();
        double[] flags = [0, 1, 1];
        var with = population.WithColumn(Enrolled, flags);
        with.Values(Enrolled).ToArray().Should().Equal(0, 1, 1);
        with.WithColumn(Rooms, [1, 1]).Values(Enrolled).Overlaps(flags).Should().BeTrue("columns are adopted and shared, not copied");
        FluentActions.Invoking(() => population.WithColumn(Enrolled, [0, 3, 1])).Should().Throw<ArgumentException>()
            .WithMessage("column 'health.enrolled', person row 1 (id 102): 3 is invalid; expected a flag, 0 or 1*");
        FluentActions.Invoking(() => population.WithColumn(PopulationSchema.Wages, [0, 0, 0])).Should().Throw<ArgumentException>().WithMessage("*already has a column*");
    }

    [Fact]
    public void Satisfies_compares_entity_type_unit_period_range_and_codes()
    {
        var years = ColumnDefinition.Quantity("x.years", Entity.Person, "years", 0, 100, "years");
        ColumnDefinition.Count("x.years", Entity.Person, "years", 0, 50, "whole years").Satisfies(years, out _).Should().BeTrue("a count within the range meets a quantity");
        ColumnDefinition.Quantity("x.years", Entity.Person, "years", -1, 50, "years").Satisfies(years, out var wider).Should().BeFalse();
        wider.Should().Contain("wider than the expected [0, 100]");
        ColumnDefinition.Quantity("x.years", Entity.Person, "months", 0, 50, "months").Satisfies(years, out var unit).Should().BeFalse();
        unit.Should().Contain("unit is 'months', expected 'years'");
        ColumnDefinition.Quantity("x.years", Entity.Household, "years", 0, 50, "years").Satisfies(years, out _).Should().BeFalse();
        var monthly = ColumnDefinition.Amount("x.pay", Entity.Person, AmountPeriod.Month, IncomeRole.None, "pay");
        ColumnDefinition.Amount("x.pay", Entity.Person, AmountPeriod.Year, IncomeRole.None, "pay").Satisfies(monthly, out var period).Should().BeFalse();
        period.Should().Contain("period is Year, expected Month");
        ColumnDefinition.Flag("health.level", Entity.Person, "flag").Satisfies(Level, out var codes).Should().BeFalse();
        codes.Should().Contain("allows codes 0 that are not expected");
        ColumnDefinition.Number("x.years", Entity.Person).Satisfies(years, out _).Should().BeFalse("an undeclared column meets nothing narrower by declaration");
    }

    [Fact]
    public void A_run_rejects_a_population_column_declared_differently_from_what_the_program_expects()
    {
        var population = Herders(ColumnDefinition.Quantity(GrasslandCompensationProgram.BanAreaColumn, Entity.Household, "hectares", 0, double.PositiveInfinity, "ban area"), 100);
        var run = () => Microsimulation.Run(population, Policy.Create(new GrasslandCompensationProgram()), ParameterStore.Default, Date);
        run.Should().Throw<ArgumentException>().WithMessage("Program 'grassland_compensation' reads column 'household.grassland_ban_mu' as a finite number ≥ 0 mu, but the population declares it differently: its unit is 'hectares', expected 'mu'.");
    }

    [Fact]
    public void A_column_added_by_name_only_is_checked_once_against_the_program_and_then_runs()
    {
        var policy = Policy.Create(new GrasslandCompensationProgram());
        var bad = Herders(ColumnDefinition.Number(GrasslandCompensationProgram.BanAreaColumn, Entity.Household), -3);
        FluentActions.Invoking(() => Microsimulation.Run(bad, policy, ParameterStore.Default, Date)).Should().Throw<ArgumentException>()
            .WithMessage("Program 'grassland_compensation' reads column 'household.grassland_ban_mu', added without a declaration; column 'household.grassland_ban_mu', household row 0 (id 1): -3 is invalid; expected a finite number ≥ 0 mu.*");

        var good = Herders(ColumnDefinition.Number(GrasslandCompensationProgram.BanAreaColumn, Entity.Household), 3_000);
        Microsimulation.Run(good, policy, ParameterStore.Default, Date).Values(GrasslandCompensationProgram.Amount.Name)[0]
            .Should().Be((3_000 * 6) + 500, "worked example 21's rates: 6 yuan per banned mu plus 500 per herding household");
    }

    [Fact]
    public void A_declared_monthly_income_column_is_annualised_by_its_period_in_the_means_test_and_counted_in_market_income()
    {
        var oddJobs = ColumnDefinition.Amount("person.odd_jobs_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.MarketIncome, "Earnings from odd jobs");
        var builder = new PopulationBuilder();
        builder.AddHousehold(new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou });
        builder.AddPerson(new PersonRecord { Id = 1, HouseholdId = 1, Age = 40, WagesAnnual = 12_000 });
        builder.AddColumn(oddJobs, [500]);
        var policy = Policy.Create(new DibaoProgram([.. InputVariables.IncomeForMeansTests, oddJobs.Name]));
        var result = Microsimulation.Run(builder.Build(), policy, ParameterStore.Default, new DateOnly(2024, 6, 30));
        result.Values(HouseholdIncomeProgram.Output.Name)[0].Should().Be(12_000 + (12 * 500), "500 a month is 6,000 a year");
        result.HouseholdIncome(IncomeConcept.Market)[0].Should().Be(18_000, "the column is declared as market income");
    }

    [Fact]
    public void A_policy_rejects_an_input_column_that_the_program_does_not_list_in_its_inputs()
        => FluentActions.Invoking(() => Policy.Create(new Undeclared())).Should().Throw<PolicyDefinitionException>()
            .WithMessage("Program 'undeclared' declares the input column 'health.enrolled' in InputColumns but not in Inputs.");

    [Fact]
    public void Policies_publish_the_columns_their_programs_read()
    {
        PensionPolicies.ResidentPensionOnly().InputColumns.Should().Equal(ResidentPensionNames.ColumnDefinitions.All);
        PensionPolicies.EmployeePensionOnly().InputColumns.Should().Equal(EmployeePensionNames.ColumnDefinitions.All);
    }

    [Fact]
    public void A_mapping_declares_extra_columns_and_reading_rejects_values_outside_them()
    {
        var households = Path.Combine(_directory, "households.csv");
        var persons = Path.Combine(_directory, "persons.csv");
        var mappingPath = Path.Combine(_directory, "mapping.json");
        File.WriteAllText(households, $"household_id,weight,region,area,rooms\n1,10,{RegionCodes.Hangzhou},urban,3\n");
        File.WriteAllText(persons, "person_id,household_id,age,sex,hukou,enrolled\n11,1,40,male,urban,1\n12,1,38,female,urban,2\n");
        File.WriteAllText(mappingPath, """
            { "household_extras": { "household.rooms": { "column": "rooms", "type": "count", "unit": "rooms", "min": 1, "max": 20, "description": "Rooms" } },
              "person_extras": { "health.enrolled": { "column": "enrolled", "type": "flag" } } }
            """);
        var mapping = PopulationFileMapping.Load(mappingPath);
        mapping.Columns.Select(c => (c.Name, c.Type, c.Entity)).Should().Equal(("household.rooms", ColumnType.Count, Entity.Household), ("health.enrolled", ColumnType.Flag, Entity.Person));
        FluentActions.Invoking(() => PopulationCsv.Read(households, persons, mapping)).Should().Throw<DataFormatException>()
            .WithMessage("*column 'health.enrolled', person row 1 (id 12): 2 is invalid; expected a flag, 0 or 1*");

        File.WriteAllText(persons, "person_id,household_id,age,sex,hukou,enrolled\n11,1,40,male,urban,1\n12,1,38,female,urban,0\n");
        var population = PopulationCsv.Read(households, persons, mapping);
        population.Definition("health.enrolled").Type.Should().Be(ColumnType.Flag);
        population.Definition("household.rooms").Expected.Should().Be("a whole number in 1–20 rooms");
    }

    [Fact]
    public void Parquet_files_carry_the_declarations_of_their_extra_columns()
    {
        var builder = Two();
        builder.AddColumn(Level, [1, 2, 3]);
        builder.AddColumn(ColumnDefinition.Amount("household.debt", Entity.Household, AmountPeriod.None, IncomeRole.None, "Debt", allowNegative: true), [-5, 7]);
        var population = builder.Build();
        var (households, persons) = (Path.Combine(_directory, "h.parquet"), Path.Combine(_directory, "p.parquet"));
        PopulationParquet.Write(population, households, persons);
        var again = PopulationParquet.Read(households, persons);
        PopulationAssert.Identical(again, population);
        again.Definition("health.level").Codes.Select(c => c.Name).Should().Equal("primary", "secondary", "tertiary");
        again.Definition("household.debt").Minimum.Should().Be(double.NegativeInfinity);
    }

    private static PopulationBuilder Two()
    {
        var builder = new PopulationBuilder();
        builder.AddHousehold(new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou });
        builder.AddHousehold(new HouseholdRecord { Id = 2, Weight = 1, RegionCode = RegionCodes.Hangzhou });
        builder.AddPerson(new PersonRecord { Id = 101, HouseholdId = 1, Age = 40 });
        builder.AddPerson(new PersonRecord { Id = 102, HouseholdId = 1, Age = 12 });
        builder.AddPerson(new PersonRecord { Id = 201, HouseholdId = 2, Age = 70 });
        return builder;
    }

    private static Population Herders(ColumnDefinition banArea, double mu)
    {
        var builder = new PopulationBuilder();
        builder.AddHousehold(new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Ulanqab, Area = AreaType.Rural });
        builder.AddPerson(new PersonRecord { Id = 1, HouseholdId = 1, Age = 50 });
        builder.AddColumn(banArea, [mu]);
        builder.AddColumn(GrasslandCompensationProgram.BalanceArea, [0]);
        return builder.Build();
    }

    private sealed class Undeclared : PolicyProgram
    {
        public override string Name => "undeclared";

        public override string Description => "reads a column it does not list";

        public override IReadOnlyList<string> Inputs => [];

        public override IReadOnlyList<ColumnDefinition> InputColumns => [Enrolled];

        public override IReadOnlyList<VariableDefinition> Outputs => [new("undeclared.x", Entity.Person, AmountPeriod.None, IncomeRole.None, "x")];

        public override IReadOnlyList<string> Parameters => [];

        public override ProgramPass Prepare(ProgramSetup setup) => throw new NotSupportedException();
    }
}
