using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs;

public class DibaoProgramTests
{
    private static readonly DateOnly Date = new(2023, 6, 30);
    private static readonly Policy DibaoOnly = Policy.Create(new DibaoProgram());
    private static readonly HouseholdCalculator Calculator = new(DibaoOnly, ParameterStore.Default);

    private static HouseholdResult ThreePersons(double householdIncome, string region = RegionCodes.Hangzhou, double assets = 0, byte homes = 1, bool car = false, AreaType area = AreaType.Urban)
        => Calculator.Calculate(
            new HouseholdRecord { Id = 1, RegionCode = region, Area = area, FinancialAssets = assets, HousingUnits = homes, HasNonEssentialVehicle = car },
            [
                new PersonRecord { Id = 1, HouseholdId = 1, Age = 45, WagesAnnual = householdIncome },
                new PersonRecord { Id = 2, HouseholdId = 1, Age = 43 },
                new PersonRecord { Id = 3, HouseholdId = 1, Age = 12 },
            ],
            Date);

    [Fact]
    public void Worked_example_8_income_18000_gets_1250_a_month()
    {
        var result = ThreePersons(18_000);
        Yuan.Round(result.HouseholdValue(DibaoProgram.Benefit.Name)).Should().Be(1_250.00m);
        result.HouseholdValue(DibaoProgram.Eligible.Name).Should().Be(1);
        result.Income(IncomeConcept.Disposable).Value.Should().BeApproximately(33_000, 1e-9, "15,000/year of dibao on top of 18,000");
    }

    [Fact]
    public void Worked_example_8_income_34000_is_above_the_standard_and_gets_nothing()
    {
        var result = ThreePersons(34_000);
        result.HouseholdValue(DibaoProgram.Benefit.Name).Should().Be(0);
        result.HouseholdValue(DibaoProgram.Eligible.Name).Should().Be(0);
    }

    [Fact]
    public void Income_exactly_at_the_standard_gets_nothing_because_the_test_is_strictly_below()
        => ThreePersons(33_000).HouseholdValue(DibaoProgram.Benefit.Name).Should().Be(0);

    [Theory]
    [InlineData(66_000.01, 1, false, false)]
    [InlineData(66_000.00, 1, false, true)]
    [InlineData(0, 2, false, false)]
    [InlineData(0, 1, true, false)]
    public void The_asset_test_uses_24_months_of_the_standard_per_member_one_home_and_no_car(double assets, byte homes, bool car, bool eligible)
        => ThreePersons(18_000, assets: assets, homes: homes, car: car).HouseholdValue(DibaoProgram.Eligible.Name).Should().Be(eligible ? 1 : 0);

    [Fact]
    public void Rural_households_use_the_rural_standard()
    {
        // Xinjiang derived [D]: urban 7,058.67, rural 4,832.83 per year; 3 × 4,832.83 − 12,000 = 2,498.49/year = 208.2075/month.
        ThreePersons(12_000, RegionCodes.Kashgar, area: AreaType.Rural).HouseholdValue(DibaoProgram.Benefit.Name).Should().BeApproximately((3 * 4_832.83 - 12_000) / 12, 1e-9);
        ThreePersons(12_000, RegionCodes.Kashgar, area: AreaType.Urban).HouseholdValue(DibaoProgram.Benefit.Name).Should().BeApproximately((3 * 7_058.67 - 12_000) / 12, 1e-9);
    }

    [Fact]
    public void Business_losses_cannot_raise_the_benefit_above_the_full_standard()
    {
        var result = Calculator.Calculate(
            new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Hangzhou },
            [new PersonRecord { Id = 1, HouseholdId = 1, Age = 45, BusinessIncomeAnnual = -5_000 }],
            Date);
        result.HouseholdValue(DibaoProgram.Benefit.Name).Should().BeApproximately(11_000 / 12.0, 1e-9);
    }

    [Fact]
    public void The_explanation_cites_the_parameter_source_date_and_provenance()
    {
        var text = ThreePersons(18_000).Explanation.ToText(ParameterStore.Default.Regions);
        text.Should().Contain("dibao.standard.urban = 11000 yuan/year [P]").And.Contain("from 2022-12-01").And.Contain("Xi & Abudurehman")
            .And.Contain("[I] ILLUSTRATIVE").And.Contain("= 1250.00 yuan/month");
    }

    [Fact]
    public void Benefit_is_never_negative_never_rises_with_income_and_is_zero_at_or_above_the_standard()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 300; trial++)
        {
            double assets = random.Next(3) == 0 ? 100_000 : 0;
            string region = TestPopulations.Places[random.Next(TestPopulations.Places.Length)];
            var area = (AreaType)random.Next(2);
            double standard = ParameterStore.Default.Resolve(area == AreaType.Urban ? DibaoProgram.StandardUrban : DibaoProgram.StandardRural, Date, region).PerYear();
            double previous = double.PositiveInfinity;
            foreach (double income in Enumerable.Range(0, 12).Select(k => k * random.Next(1, 6_000) * 1.0).Order())
            {
                double benefit = ThreePersons(income, region, assets, area: area).HouseholdValue(DibaoProgram.Benefit.Name);
                benefit.Should().BeGreaterThanOrEqualTo(0);
                benefit.Should().BeLessThanOrEqualTo(previous);
                if (income / 3 >= standard)
                {
                    benefit.Should().Be(0);
                }

                previous = benefit;
            }
        }
    }

    [Fact]
    public void A_population_run_matches_the_household_calculator_for_every_household()
    {
        var (households, persons) = TestPopulations.Random(300, seed: 3);
        var population = TestPopulations.Build(households, persons);
        var run = Microsimulation.Run(population, DibaoOnly, ParameterStore.Default, Date);
        var benefit = run.Values(DibaoProgram.Benefit.Name);
        for (int h = 0; h < households.Length; h += 7)
        {
            var alone = Calculator.Calculate(households[h], persons.Where(p => p.HouseholdId == households[h].Id).ToArray(), Date);
            benefit[h].Should().Be(alone.HouseholdValue(DibaoProgram.Benefit.Name));
        }

        run.Recipients(DibaoProgram.Benefit.Name).Should().BeGreaterThan(0, "the random population has poor households");
    }

    [Fact]
    public void Results_do_not_depend_on_thread_count_block_size_or_row_order()
    {
        var (households, persons) = TestPopulations.Random(5_000, seed: 8);
        var population = TestPopulations.Build(households, persons);
        var one = Microsimulation.Run(population, DibaoOnly, ParameterStore.Default, Date, new SimulationOptions { MaxDegreeOfParallelism = 1, BlockSize = 5_000 });
        var many = Microsimulation.Run(population, DibaoOnly, ParameterStore.Default, Date, new SimulationOptions { MaxDegreeOfParallelism = 4, BlockSize = 17 });
        many.Values(DibaoProgram.Benefit.Name).ToArray().Should().Equal(one.Values(DibaoProgram.Benefit.Name).ToArray());
        many.AnnualTotal(DibaoProgram.Benefit.Name).Should().Be(one.AnnualTotal(DibaoProgram.Benefit.Name));

        var shuffled = TestPopulations.Build(households.Reverse(), persons.OrderBy(p => (p.Id * 7919) % 1_000));
        var reordered = Microsimulation.Run(shuffled, DibaoOnly, ParameterStore.Default, Date);
        var byId = households.Select((h, i) => (h.Id, Benefit: one.Values(DibaoProgram.Benefit.Name)[i])).ToDictionary(x => x.Id, x => x.Benefit);
        for (int h = 0; h < shuffled.HouseholdCount; h++)
        {
            reordered.Values(DibaoProgram.Benefit.Name)[h].Should().Be(byId[shuffled.HouseholdId[h]]);
        }

        reordered.AnnualTotal(DibaoProgram.Benefit.Name).Should().BeApproximately(one.AnnualTotal(DibaoProgram.Benefit.Name), 1e-6);
    }

    [Fact]
    public void Money_in_equals_money_out()
    {
        var (households, persons) = TestPopulations.Random(2_000, seed: 21);
        var population = TestPopulations.Build(households, persons);
        var run = Microsimulation.Run(population, DibaoOnly, ParameterStore.Default, Date);
        var gross = run.HouseholdIncome(IncomeConcept.Gross);
        var market = run.HouseholdIncome(IncomeConcept.MarketPlusPensions);
        double transfers = 0;
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            transfers += population.Weight[h] * (gross[h] - market[h]);
        }

        transfers.Should().BeApproximately(run.AnnualTotal(DibaoProgram.Benefit.Name), 1e-6 * transfers);
        run.PublicSpendingAnnual.Should().Be(run.AnnualTotal(DibaoProgram.Benefit.Name));
        var perCapita = run.PerCapitaIncome(IncomeConcept.Gross);
        double personTotal = 0;
        for (int p = 0; p < population.PersonCount; p++)
        {
            personTotal += run.PersonWeights[p] * perCapita[p];
        }

        double householdTotal = 0;
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            householdTotal += population.Weight[h] * gross[h];
        }

        personTotal.Should().BeApproximately(householdTotal, 1e-9 * householdTotal, "per-capita income given to every member adds back up");
    }

    [Fact]
    public void A_reform_raising_Zhejiang_by_ten_percent_costs_money_gains_recipients_and_helps_the_bottom()
    {
        var (households, persons) = TestPopulations.Random(3_000, seed: 4);
        var population = TestPopulations.Build(households, persons);
        var date = new DateOnly(2024, 6, 30);
        var baseline = Microsimulation.Run(population, DibaoOnly, ParameterStore.Default, date);
        var reformed = ParameterStore.Default.WithReform(Reform.Create("ZJ +10%")
            .Scale(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 1.1)
            .Scale(DibaoProgram.StandardRural, RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 1.1));
        var reform = Microsimulation.Run(population, DibaoOnly, reformed, date);
        var comparison = ReformComparison.Compare(baseline, reform);
        var dibao = comparison.Programs.Single(p => p.Variable.Name == DibaoProgram.Benefit.Name);
        dibao.ChangeAnnual.Should().BeGreaterThan(0);
        dibao.Lost.Should().Be(0, "a higher standard never removes a recipient");
        dibao.Gained.Should().BeGreaterThan(0);
        comparison.NetFiscalCostAnnual.Should().BeApproximately(dibao.ChangeAnnual, 1e-6);
        comparison.Deciles.Should().HaveCount(10);
        comparison.Deciles.Sum(d => d.PersonsWeighted).Should().BeApproximately(population.WeightedPersons, 1e-6);
        comparison.Deciles.Sum(d => d.PersonsWeighted * d.MeanChange).Should().BeApproximately(dibao.ChangeAnnual, 1e-6 * dibao.ChangeAnnual);
        comparison.Deciles[0].MeanChange.Should().BeGreaterThan(comparison.Deciles[9].MeanChange);
        comparison.ToText().Should().Contain("dibao.benefit_monthly").And.Contain("Net fiscal cost");
    }

    [Fact]
    public void Progress_is_reported_and_a_run_can_be_cancelled()
    {
        var (households, persons) = TestPopulations.Random(1_000, seed: 2);
        var population = TestPopulations.Build(households, persons);
        var reports = new List<SimulationProgress>();
        var progress = new SynchronousProgress(reports.Add);
        Microsimulation.Run(population, DibaoOnly, ParameterStore.Default, Date, new SimulationOptions { BlockSize = 100, MaxDegreeOfParallelism = 1 }, progress, "baseline");
        reports.Should().HaveCount(10);
        reports[^1].Fraction.Should().Be(1);
        reports.Should().OnlyContain(r => r.Stage == "baseline");

        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        FluentActions.Invoking(() => Microsimulation.Run(population, DibaoOnly, ParameterStore.Default, Date, cancellationToken: cancel.Token))
            .Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void A_date_without_a_standard_in_force_fails_before_any_household_is_computed()
    {
        // The counting program comes first in the policy, so it would run on the first block before dibao does; the
        // run must fail while programs are being prepared, with no block computed and no progress reported.
        var counter = new CountingProgram();
        var policy = Policy.Create(counter, new DibaoProgram());
        var (households, persons) = TestPopulations.Random(200, seed: 5);
        var population = TestPopulations.Build(households, persons);
        var reports = new List<SimulationProgress>();

        FluentActions.Invoking(() => Microsimulation.Run(population, policy, ParameterStore.Default, new DateOnly(2020, 1, 1),
                new SimulationOptions { BlockSize = 50, MaxDegreeOfParallelism = 1 }, new SynchronousProgress(reports.Add), "baseline"))
            .Should().Throw<ParameterNotFoundException>().WithMessage("*dibao.standard*");
        counter.HouseholdsComputed.Should().Be(0);
        reports.Should().BeEmpty();

        // The same population and policy at a date with a standard in force computes every household.
        Microsimulation.Run(population, policy, ParameterStore.Default, Date, new SimulationOptions { BlockSize = 50, MaxDegreeOfParallelism = 1 });
        counter.HouseholdsComputed.Should().Be(200);
    }

    [Fact]
    public void Monthly_income_variables_are_annualised_by_their_period()
    {
        var policy = Policy.Create(new DibaoProgram([InputVariables.Wages.Name, MonthlyIncome.Output.Name]), new MonthlyIncome());
        var result = new HouseholdCalculator(policy, ParameterStore.Default).Calculate(
            new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Hangzhou },
            [new PersonRecord { Id = 1, HouseholdId = 1, Age = 70, WagesAnnual = 1_200 }],
            Date);

        // 1,200/year of wages + 500/month = 7,200/year; (11,000 − 7,200)/12 = 316.67 a month.
        result.HouseholdValue(DibaoProgram.Benefit.Name).Should().BeApproximately((11_000 - 7_200) / 12.0, 1e-9);
    }

    [Fact]
    public void An_income_variable_without_a_period_is_rejected_before_the_run()
        => FluentActions.Invoking(() => new HouseholdCalculator(Policy.Create(new DibaoProgram([InputVariables.FinancialAssets.Name])), ParameterStore.Default)
                .Calculate(new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Hangzhou }, [new PersonRecord { Id = 1, HouseholdId = 1 }], Date))
            .Should().Throw<InvalidOperationException>().WithMessage("*'household.financial_assets' must be a person amount per month or per year*");

    private sealed class MonthlyIncome : PolicyProgram
    {
        public static readonly VariableDefinition Output = new("test.income_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.ContributoryPension, "500 yuan a month");

        public override string Name => "test_income";

        public override string Description => "Pays 500 yuan a month to everyone.";

        public override IReadOnlyList<string> Inputs => [];

        public override IReadOnlyList<VariableDefinition> Outputs => [Output];

        public override IReadOnlyList<string> Parameters => [];

        public override ProgramPass Prepare(ProgramSetup setup) => new Pass();

        private sealed class Pass : ProgramPass
        {
            public override void Execute(ProgramContext context)
            {
                var output = context.Write(Output.Name);
                for (int p = context.Population.MemberStart[context.FirstHousehold]; p < context.Population.MemberStart[context.EndHousehold]; p++)
                {
                    output[p] = 500;
                }
            }
        }
    }

    /// <summary>Counts the households its pass is executed on; writes nothing that other programs read.</summary>
    private sealed class CountingProgram : PolicyProgram
    {
        private static readonly VariableDefinition Output = new("test.visited", Entity.Person, AmountPeriod.Year, IncomeRole.None, "1 for every person computed");
        private int households;

        public int HouseholdsComputed => Volatile.Read(ref households);

        public override string Name => "test_counter";

        public override string Description => "Counts computed households.";

        public override IReadOnlyList<string> Inputs => [];

        public override IReadOnlyList<VariableDefinition> Outputs => [Output];

        public override IReadOnlyList<string> Parameters => [];

        public override ProgramPass Prepare(ProgramSetup setup) => new Pass(this);

        private sealed class Pass(CountingProgram owner) : ProgramPass
        {
            public override void Execute(ProgramContext context)
            {
                var output = context.Write(Output.Name);
                for (int p = context.Population.MemberStart[context.FirstHousehold]; p < context.Population.MemberStart[context.EndHousehold]; p++)
                {
                    output[p] = 1;
                }

                Interlocked.Add(ref owner.households, context.EndHousehold - context.FirstHousehold);
            }
        }
    }

    private sealed class SynchronousProgress(Action<SimulationProgress> report) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress value) => report(value);
    }
}
