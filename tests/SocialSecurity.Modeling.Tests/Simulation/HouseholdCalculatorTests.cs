using CsCheck;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.Simulation;

public class HouseholdCalculatorTests
{
    [Fact]
    public void Extra_household_columns_reach_the_rules()
    {
        // Kashgar, 4 persons, no income, class 2: 4 × 70% [I] × S/12 with Xinjiang's urban S = 7,058.67 [D] → 1,647.023/month.
        var calculator = new HouseholdCalculator(Policy.Create(new TieredDibaoProgram()), ParameterStore.Default);
        var members = Enumerable.Range(1, 4).Select(i => new PersonRecord { Id = i, HouseholdId = 1, Age = 30 + i }).ToArray();
        var result = calculator.Calculate(
            new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Kashgar, Area = AreaType.Urban },
            members,
            new DateOnly(2023, 6, 30),
            extraHouseholdColumns: new Dictionary<string, double> { [TieredDibaoProgram.ClassColumn] = 2 });
        result.HouseholdValue(TieredDibaoProgram.Benefit.Name).Should().BeApproximately(4 * 0.7 * 7_058.67 / 12, 1e-9);
    }

    [Fact]
    public void An_optional_input_column_is_read_when_given_and_checked_against_its_declaration()
    {
        // A man of 62 (above the fixed pension age of 60) working on a labour contract: without the optional retired flag the
        // contributions rule stops at 60; given "not retired" he contributes; a flag of 2 is outside the declared 0/1.
        var calculator = new HouseholdCalculator(SocialSecurity.Modeling.Programs.Policies.Standard(), ParameterStore.Default);
        var household = new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban };
        PersonRecord[] members = [new PersonRecord { Id = 1, HouseholdId = 1, Age = 62, Sex = Sex.Male, WagesAnnual = 120_000, Employment = EmploymentStatus.Employee, Contract = WorkContract.LabourContract }];
        var date = new DateOnly(2025, 6, 30);
        string pension = SocialSecurity.Modeling.Programs.Insurance.SocialInsuranceContributionsProgram.EmployeePension.Name;
        string retired = SocialSecurity.Modeling.Programs.Insurance.SocialInsuranceContributionsProgram.Retired.Name;

        calculator.Policy.OptionalInputColumns.Select(c => c.Name).Should().Contain(retired);
        calculator.Calculate(household, members, date).PersonValue(pension, 0).Should().Be(0);
        calculator.Calculate(household, members, date, new Dictionary<string, double[]> { [retired] = [0] }).PersonValue(pension, 0).Should().BeGreaterThan(0);
        FluentActions.Invoking(() => calculator.Calculate(household, members, date, new Dictionary<string, double[]> { [retired] = [2] }))
            .Should().Throw<PopulationValidationException>().WithMessage($"*{retired}*");
    }

    [Fact]
    public void The_one_household_build_stores_what_the_record_builder_stores()
    {
        // Members in person-id order, a hukou region given for one and not for the others (the household's region then),
        // incomes, codes and counts, and an extra person and household column: every built-in array, the member starts
        // and the extra columns must equal, element for element and in the same storage type, those of PopulationBuilder.
        var household = new HouseholdRecord { Id = 7, Weight = 1, RegionCode = RegionCodes.Yangzhou, Area = AreaType.Rural, FinancialAssets = 12_500, HousingUnits = 1 };
        PersonRecord[] members =
        [
            new PersonRecord { Id = 3, HouseholdId = 7, Age = 44, Sex = Sex.Male, WagesAnnual = 36_000, AnnualBonus = 6_000, ParentsAged60Plus = 2, ElderlyParentClaim = ElderlyParentClaim.OnlyChild, Employment = EmploymentStatus.Employee, Contract = WorkContract.LabourContract },
            new PersonRecord { Id = 5, HouseholdId = 7, Age = 41, Sex = Sex.Female, HukouRegionCode = RegionCodes.Hangzhou, BusinessIncomeAnnual = -250.5, Disability = DisabilityGrade.Grade2 },
            new PersonRecord { Id = 9, HouseholdId = 7, Age = 4, PrivateTransfersAnnual = 1_200 },
        ];
        var personExtra = ColumnDefinition.Number("test.person_extra", Entity.Person);
        var householdExtra = ColumnDefinition.Number("test.household_extra", Entity.Household);
        var extras = new ExtraColumns();
        extras.Add(personExtra, [1.5, -2, 0], "records");
        extras.Add(householdExtra, [42], "records");

        var fast = HouseholdBuild.TryBuild(RegionCatalog.Default, household, members, extras);
        var builder = new PopulationBuilder(RegionCatalog.Default, members.Length, 1);
        builder.AddHousehold(household);
        foreach (var member in members)
        {
            builder.AddPerson(member);
        }

        builder.AddColumn(personExtra, [1.5, -2, 0]).AddColumn(householdExtra, [42]);
        var expected = builder.Build();

        fast.Should().NotBeNull();
        fast!.MemberStart.ToArray().Should().Equal(expected.MemberStart.ToArray());
        fast.HukouRegion.ToArray().Should().Equal(RegionCatalog.Default.GetId(RegionCodes.Yangzhou), RegionCatalog.Default.GetId(RegionCodes.Hangzhou), RegionCatalog.Default.GetId(RegionCodes.Yangzhou));
        for (int i = 0; i < PopulationSchema.BuiltIns.Length; i++)
        {
            var (actual, wanted) = (fast.BuiltInColumns[i], expected.BuiltInColumns[i]);
            actual.GetType().Should().Be(wanted.GetType(), PopulationSchema.BuiltIns[i].Definition.Name);
            actual.Cast<object>().Should().Equal(wanted.Cast<object>(), PopulationSchema.BuiltIns[i].Definition.Name);
        }

        fast.ExtraPersonColumn(personExtra.Name).ToArray().Should().Equal(1.5, -2, 0);
        fast.ExtraHouseholdColumn(householdExtra.Name).ToArray().Should().Equal(42);
        fast.ExtraColumns.Should().Equal(expected.ExtraColumns);
    }

    [Fact]
    public void Members_out_of_id_order_or_invalid_values_go_through_the_record_builder()
    {
        // Out of person-id order: the one-household build declines, the record builder puts the members in id order, and
        // the results are those of the same household given in order (member 0 is then person 1, the adult earner).
        var calculator = new HouseholdCalculator(SocialSecurity.Modeling.Programs.Policies.Standard(), ParameterStore.Default);
        var household = new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban };
        var adult = new PersonRecord { Id = 1, HouseholdId = 1, Age = 45, WagesAnnual = 9_600 };
        var child = new PersonRecord { Id = 2, HouseholdId = 1, Age = 10 };
        var date = new DateOnly(2023, 6, 30);
        HouseholdBuild.TryBuild(RegionCatalog.Default, household with { Weight = 1 }, [child, adult], new ExtraColumns()).Should().BeNull();
        var reversed = calculator.Calculate(household, [child, adult], date);
        var ordered = calculator.Calculate(household, [adult, child], date);
        reversed.Result.Population.PersonId.ToArray().Should().Equal(1, 2);
        foreach (var output in calculator.Policy.Outputs)
        {
            reversed.Result.Values(output.Name).ToArray().Should().Equal(ordered.Result.Values(output.Name).ToArray(), output.Name);
        }

        // Hangzhou's urban standard 11,000 yuan a person a year (Zhejiang's floor from 2022-12-01, docs/worked-examples.md#example-8), for 2
        // persons: (2 × 11,000 − 9,600) / 12 = 1,033.33 a month.
        ordered.HouseholdValue(DibaoProgram.Benefit.Name).Should().BeApproximately((2 * 11_000 - 9_600) / 12.0, 1e-9);

        // An invalid value: the record builder's message, naming the column, row and id.
        FluentActions.Invoking(() => calculator.Calculate(household, [adult with { Age = 130 }], date))
            .Should().Throw<PopulationValidationException>().WithMessage("*column 'age', person row 0 (id 1): 130 is invalid*");
    }

    [Fact]
    public void The_explanation_is_made_when_read_and_is_the_trace_of_a_run_that_explains()
    {
        // The calculator runs without an explanation and explains on the first read; the steps must be those of the
        // engine's run with an explanation over the same household (the calculator before it explained lazily).
        var policy = SocialSecurity.Modeling.Programs.Policies.Standard();
        var household = new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban };
        PersonRecord[] members = [new PersonRecord { Id = 1, HouseholdId = 1, Age = 50, WagesAnnual = 6_000 }, new PersonRecord { Id = 2, HouseholdId = 1, Age = 12 }];
        var date = new DateOnly(2023, 6, 30);
        var result = new HouseholdCalculator(policy, ParameterStore.Default).Calculate(household, members, date);

        var builder = new PopulationBuilder(RegionCatalog.Default, 2, 1);
        builder.AddHousehold(household);
        foreach (var member in members)
        {
            builder.AddPerson(member);
        }

        var population = builder.Build();
        var (table, passes) = Microsimulation.Prepare(population, policy, ParameterStore.Default, date);
        var expected = new Explanation();
        Microsimulation.RunBlock(population, policy, table, passes, 0, 1, expected);

        result.Explanation.Should().BeSameAs(result.Explanation);
        result.Explanation.Steps.Select(s => (s.Program, s.Text, s.Value, s.Unit)).Should().Equal(expected.Steps.Select(s => (s.Program, s.Text, s.Value, s.Unit)));
        result.Explanation.ToText(RegionCatalog.Default).Should().Be(expected.ToText(RegionCatalog.Default));
        foreach (var output in policy.Outputs)
        {
            result.Result.Values(output.Name).ToArray().Should().Equal(table.Column(output.Name), output.Name);
        }
    }

    [Fact]
    public void Calculating_with_the_explanation_in_one_run_gives_the_values_and_steps_of_the_two_runs()
    {
        // CalculateExplained runs the passes once, explaining, into the result's own table; Calculate runs them without
        // and explains in a second run on the first read. Random households of every place under the standard package
        // and the package with take-up and identification draws (whose rules explain on their own paths): every output bit for bit, and the same steps.
        var policies = new[] { SocialSecurity.Modeling.Programs.Policies.Standard(), SocialSecurity.Modeling.Programs.Policies.StandardWithTargeting() };
        var date = new DateOnly(2024, 6, 30);
        Gen.Select(TestPopulations.Households(1, 1), Gen.Int[0, 1]).Sample((sample, which) =>
        {
            var calculator = new HouseholdCalculator(policies[which], ParameterStore.Default);
            var once = calculator.CalculateExplained(sample.Households[0], sample.Persons, date);
            var twice = calculator.Calculate(sample.Households[0], sample.Persons, date);
            foreach (var output in calculator.Policy.Outputs)
            {
                once.Result.Values(output.Name).ToArray().Select(BitConverter.DoubleToInt64Bits)
                    .Should().Equal(twice.Result.Values(output.Name).ToArray().Select(BitConverter.DoubleToInt64Bits), output.Name);
            }

            once.Explanation.Steps.Should().NotBeEmpty();
            once.Explanation.Steps.Select(s => (s.Program, s.Text, s.Value is { } v ? BitConverter.DoubleToInt64Bits(v) : (long?)null, s.Unit))
                .Should().Equal(twice.Explanation.Steps.Select(s => (s.Program, s.Text, s.Value is { } v ? BitConverter.DoubleToInt64Bits(v) : (long?)null, s.Unit)));
            once.Explanation.ToText(RegionCatalog.Default).Should().Be(twice.Explanation.ToText(RegionCatalog.Default));
        }, iter: 150);
    }

    [Fact]
    public void A_member_of_another_household_is_an_error_naming_the_row()
        => FluentActions.Invoking(() => new HouseholdCalculator(SocialSecurity.Modeling.Programs.Policies.Standard(), ParameterStore.Default).Calculate(
                new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Hangzhou },
                [new PersonRecord { Id = 1, HouseholdId = 2 }],
                new DateOnly(2023, 6, 30)))
            .Should().Throw<PopulationValidationException>().WithMessage("*person row 0 (id 1): household 2 was never added*");

    [Fact]
    public void The_report_prints_names_values_and_units_in_aligned_columns_without_signed_zeros()
    {
        // Household and person outputs, counts and amounts of different widths; no "-0.00" may appear.
        var result = new HouseholdCalculator(SocialSecurity.Modeling.Programs.Policies.Standard(), ParameterStore.Default).Calculate(
            new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban },
            [
                new PersonRecord { Id = 1, HouseholdId = 1, Age = 40, WagesAnnual = 18_000 },
                new PersonRecord { Id = 2, HouseholdId = 1, Age = 38, BusinessIncomeAnnual = -0.001 },
                new PersonRecord { Id = 3, HouseholdId = 1, Age = 70, Disability = DisabilityGrade.Grade1 },
            ],
            new DateOnly(2023, 6, 30));
        var lines = result.ToString().Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => l != "Explanation:").ToArray();
        lines.Should().HaveCountGreaterThan(10);
        lines.Should().Contain(l => l.StartsWith("dibao.benefit_monthly ", StringComparison.Ordinal) && l.EndsWith(" 1,250.00 yuan/month", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("income.Disposable ", StringComparison.Ordinal));

        // Every value ends in the same column, and the names start the lines in a column of their own.
        static int End(string line) =>
            line.EndsWith("yuan/month", StringComparison.Ordinal) || line.EndsWith("yuan/year", StringComparison.Ordinal) ? line.LastIndexOf(' ') : line.Length;
        int valueEnd = End(lines[0]);
        foreach (var line in lines)
        {
            End(line).Should().Be(valueEnd, $"the value of '{line}' must end in the common column");
            char.IsDigit(line[valueEnd - 1]).Should().BeTrue(line);
        }

        lines.Should().NotContain(l => l.Contains("-0.00", StringComparison.Ordinal));
    }
}
