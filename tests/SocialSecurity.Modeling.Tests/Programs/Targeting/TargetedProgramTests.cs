using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Targeting;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Targeting;

public class TargetedProgramTests
{
    private static readonly DateOnly Date = new(2023, 6, 30);
    private static readonly DateOnly From = new(2023, 1, 1);
    private static readonly Lazy<global::SocialSecurity.Modeling.Core.Population> Sample = new(() =>
    {
        var (households, persons) = TestPopulations.Random(20_000, seed: 77);
        return TestPopulations.Build(households, persons);
    });

    private static Policy Targeted() => Policy.Create(new TargetedProgram(new DibaoProgram(), DibaoProgram.Eligible.Name), new DibaoSupplementProgram());

    private static ParameterStore Rates(double takeUp, double exclusion, double inclusion) => ParameterStore.Default.WithReform(Reform.Create("rates")
        .Set(TargetedProgram.TakeUpRate("dibao"), "000000", From, takeUp)
        .Set(TargetedProgram.ExclusionErrorRate("dibao"), "000000", From, exclusion)
        .Set(TargetedProgram.ExclusionErrorRate("dibao"), RegionCodes.Xinjiang, From, exclusion)
        .Set(TargetedProgram.InclusionErrorRate("dibao"), "000000", From, inclusion));

    private static SimulationResult Run(ParameterStore store, SimulationOptions? options = null, global::SocialSecurity.Modeling.Core.Population? population = null)
        => Microsimulation.Run(population ?? Sample.Value, Targeted(), store, Date, options);

    [Fact]
    public void Without_errors_the_targeted_program_pays_exactly_what_the_rule_pays()
    {
        var targeted = Run(Rates(1, 0, 0));
        var plain = Microsimulation.Run(Sample.Value, Policy.Create(new DibaoProgram(), new DibaoSupplementProgram()), ParameterStore.Default, Date);
        targeted.Values(DibaoProgram.Benefit.Name).ToArray().Should().Equal(plain.Values(DibaoProgram.Benefit.Name).ToArray());
        targeted.Values(DibaoProgram.Eligible.Name).ToArray().Should().Equal(plain.Values(DibaoProgram.Eligible.Name).ToArray());
        var report = TargetingReport.Compute(targeted, "dibao");
        report.Coverage.Should().Be(1);
        report.Leakage.Should().Be(0);
        report.TrulyEligible.Should().BeGreaterThan(0);
    }

    [Fact]
    public void An_excluded_or_non_applying_household_receives_nothing_from_the_program_or_its_linked_supplement()
    {
        var run = Run(Rates(0.7, 0.3, 0.05));
        var outcome = run.Values(TargetedProgram.Outcome("dibao"));
        var benefit = run.Values(DibaoProgram.Benefit.Name);
        var supplement = run.Values(DibaoSupplementProgram.Amount.Name);
        var truly = run.Values(TargetedProgram.TrulyEligible("dibao"));
        var status = run.Values(DibaoProgram.OnRoll.Name);
        var eligible = run.Values(DibaoProgram.Eligible.Name);
        int excluded = 0, included = 0;
        for (int h = 0; h < outcome.Length; h++)
        {
            var o = (TargetingOutcome)outcome[h];
            if (o is TargetingOutcome.EligibleExcluded or TargetingOutcome.EligibleNotTakingUp)
            {
                benefit[h].Should().Be(0);
                supplement[h].Should().Be(0);
                status[h].Should().Be(0);
                truly[h].Should().Be(1);
                eligible[h].Should().Be(1, "the rule's eligibility keeps its meaning");
                excluded++;
            }

            if (o == TargetingOutcome.IneligibleIncluded)
            {
                status[h].Should().Be(1, "the roll, which linked programs read, includes it");
                truly[h].Should().Be(0);
                eligible[h].Should().Be(0);
                supplement[h].Should().BeGreaterThanOrEqualTo(0);
                included++;
            }
        }

        excluded.Should().BeGreaterThan(0);
        included.Should().BeGreaterThan(0);
    }

    [Fact]
    public void The_shares_drawn_match_the_rates_and_the_report_adds_up()
    {
        var run = Run(Rates(0.8, 0.25, 0.1));
        var report = TargetingReport.Compute(run, "dibao");
        report.NonTakeUpRate.Should().BeApproximately(0.2, 0.03);
        report.ExclusionRate.Should().BeApproximately(0.8 * 0.25, 0.03);
        report.Coverage.Should().BeApproximately(0.8 * 0.75, 0.03);
        report.IneligibleRecipients.Should().BeGreaterThan(0);

        // Independent count from the rule's eligibility and the roll (the report reads the outcome column).
        var truly = run.Values(DibaoProgram.Eligible.Name);
        var received = run.Values(DibaoProgram.OnRoll.Name);
        var weight = run.Population.Weight;
        var start = run.Population.MemberStart;
        double eligible = 0, recipients = 0, eligibleRecipients = 0, eligiblePersons = 0;
        for (int h = 0; h < truly.Length; h++)
        {
            eligible += weight[h] * truly[h];
            recipients += weight[h] * received[h];
            eligibleRecipients += weight[h] * truly[h] * received[h];
            eligiblePersons += weight[h] * truly[h] * (start[h + 1] - start[h]);
        }

        report.TrulyEligible.Should().BeApproximately(eligible, 1e-6);
        report.Recipients.Should().BeApproximately(recipients, 1e-6);
        report.Coverage.Should().BeApproximately(eligibleRecipients / eligible, 1e-12);
        report.Leakage.Should().BeApproximately((recipients - eligibleRecipients) / recipients, 1e-12);
        (report.EligibleNotTakingUp + report.EligibleExcluded).Should().BeApproximately(eligible - eligibleRecipients, 1e-6);

        var persons = TargetingReport.Compute(run, "dibao", TargetingUnit.Persons);
        persons.TrulyEligible.Should().BeApproximately(eligiblePersons, 1e-6);
        persons.TrulyEligible.Should().BeGreaterThan(report.TrulyEligible, "households have more than one member on average");
    }

    [Fact]
    public void With_no_take_up_nobody_eligible_receives_and_every_eligible_household_counts_as_not_taking_up()
    {
        var report = TargetingReport.Compute(Run(Rates(0, 0.25, 0)), "dibao");
        report.TrulyEligible.Should().BeGreaterThan(0);
        report.Recipients.Should().Be(0);
        report.Coverage.Should().Be(0);
        report.NonTakeUpRate.Should().Be(1);
        report.ExclusionRate.Should().Be(0);
        report.Leakage.Should().Be(double.NaN, "no recipient: the ratio's denominator is 0");
    }

    [Fact]
    public void Baseline_and_reform_meet_the_same_draws_so_raising_take_up_never_removes_a_recipient()
    {
        var low = Run(Rates(0.6, 0.2, 0.05));
        var high = Run(Rates(0.9, 0.2, 0.05));
        var lowReceived = low.Values(TargetedProgram.Received("dibao"));
        var highReceived = high.Values(TargetedProgram.Received("dibao"));
        int gained = 0;
        for (int h = 0; h < lowReceived.Length; h++)
        {
            if (lowReceived[h] == 1)
            {
                highReceived[h].Should().Be(1);
            }

            gained += highReceived[h] == 1 && lowReceived[h] == 0 ? 1 : 0;
            if (low.Values(TargetedProgram.TrulyEligible("dibao"))[h] == 0)
            {
                highReceived[h].Should().Be(lowReceived[h], "ineligible households' inclusion draws do not depend on the take-up rate");
            }
        }

        gained.Should().BeGreaterThan(0);
    }

    [Fact]
    public void A_take_up_reform_compared_with_the_baseline_gains_recipients_and_loses_none()
    {
        var comparison = ReformComparison.Compare(Run(Rates(0.6, 0.2, 0.05)), Run(Rates(0.9, 0.2, 0.05)));
        var dibao = comparison.Programs.Single(p => p.Variable.Name == DibaoProgram.Benefit.Name);
        dibao.Lost.Should().Be(0, "the same draws meet a higher rate");
        dibao.Gained.Should().BeGreaterThan(0);
        dibao.ChangeAnnual.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Raising_the_exclusion_error_never_adds_a_recipient_and_a_lower_Xinjiang_rate_covers_more()
    {
        var low = Run(Rates(0.9, 0.1, 0.05));
        var high = Run(Rates(0.9, 0.4, 0.05));
        for (int h = 0; h < Sample.Value.HouseholdCount; h++)
        {
            if (high.Values(TargetedProgram.Received("dibao"))[h] == 1)
            {
                low.Values(TargetedProgram.Received("dibao"))[h].Should().Be(1);
            }
        }

        ParameterStore.Default.Resolve(TargetedProgram.ExclusionErrorRate("dibao"), Date, RegionCodes.Kashgar).Scalar()
            .Should().BeLessThan(ParameterStore.Default.Resolve(TargetedProgram.ExclusionErrorRate("dibao"), Date, RegionCodes.Hangzhou).Scalar());
    }

    [Fact]
    public void Draws_do_not_depend_on_threads_blocks_or_row_order()
    {
        var (households, persons) = TestPopulations.Random(3_000, seed: 12);
        var population = TestPopulations.Build(households, persons);
        var one = Run(ParameterStore.Default, new SimulationOptions { MaxDegreeOfParallelism = 1, BlockSize = 3_000 }, population);
        var many = Run(ParameterStore.Default, new SimulationOptions { MaxDegreeOfParallelism = 4, BlockSize = 7 }, population);
        many.Values(TargetedProgram.Outcome("dibao")).ToArray().Should().Equal(one.Values(TargetedProgram.Outcome("dibao")).ToArray());
        many.Values(DibaoProgram.Benefit.Name).ToArray().Should().Equal(one.Values(DibaoProgram.Benefit.Name).ToArray(), "the reported-income draws too");

        var shuffled = TestPopulations.Build(households.Reverse(), persons.OrderBy(p => (p.Id * 7919) % 1_000));
        var reordered = Run(ParameterStore.Default, population: shuffled);
        var byId = households.Select((h, i) => (h.Id, Outcome: one.Values(TargetedProgram.Outcome("dibao"))[i])).ToDictionary(x => x.Id, x => x.Outcome);
        for (int h = 0; h < shuffled.HouseholdCount; h++)
        {
            reordered.Values(TargetedProgram.Outcome("dibao"))[h].Should().Be(byId[shuffled.HouseholdId[h]]);
        }
    }

    [Fact]
    public void A_different_seed_gives_different_draws()
    {
        var other = Microsimulation.Run(Sample.Value, Policy.Create(new TargetedProgram(new DibaoProgram(), DibaoProgram.Eligible.Name, seed: 1)), ParameterStore.Default, Date);
        other.Values(TargetedProgram.Outcome("dibao")).ToArray().Should().NotEqual(Run(ParameterStore.Default).Values(TargetedProgram.Outcome("dibao")).ToArray());
    }

    [Fact]
    public void The_household_explanation_shows_the_draws_and_the_rates()
    {
        var calculator = new HouseholdCalculator(Policy.Create(new TargetedProgram(new DibaoProgram(), DibaoProgram.Eligible.Name)), ParameterStore.Default);
        var result = calculator.Calculate(new HouseholdRecord { Id = 5, RegionCode = RegionCodes.Hangzhou, HousingUnits = 1 },
            [new PersonRecord { Id = 1, HouseholdId = 5, Age = 50, WagesAnnual = 3_000 }], Date);
        var text = result.Explanation.ToText(ParameterStore.Default.Regions);
        text.Should().Contain("truly eligible").And.Contain("take-up draw").And.Contain("targeting.dibao.take_up_rate");
    }

    [Fact]
    public void The_wrapper_rejects_a_variable_the_program_does_not_write_or_that_is_not_a_household_flag()
    {
        FluentActions.Invoking(() => new TargetedProgram(new DibaoProgram(), "dibao.eligble")).Should().Throw<ArgumentException>().WithMessage("*does not write 'dibao.eligble'*");
        FluentActions.Invoking(() => new TargetedProgram(new DibaoProgram(), DibaoProgram.Benefit.Name)).Should().Throw<ArgumentException>().WithMessage("*must be a flag*");
        FluentActions.Invoking(() => new TargetedProgram(new DibaoProgram(), DibaoProgram.Eligible.Name, key: "Bad Key")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Other_means_tests_can_be_targeted_with_their_own_keys()
    {
        var (households, persons) = TestPopulations.Random(2_000, seed: 3);
        var builder = new PopulationBuilder();
        foreach (var h in households)
        {
            builder.AddHousehold(h);
        }

        foreach (var p in persons)
        {
            builder.AddPerson(p);
        }

        builder.AddColumn(TieredDibaoProgram.Class, households.Select(h => (double)(h.Id % 4)).ToArray());
        var policy = Policy.Create(
            new TargetedProgram(new TieredDibaoProgram(), TieredDibaoProgram.Eligible.Name),
            new TargetedProgram(new DibaoMarginalProgram(InputVariables.IncomeForMeansTests, TieredDibaoProgram.OnRoll.Name), DibaoMarginalProgram.Eligible.Name));
        var run = Microsimulation.Run(builder.Build(), policy, ParameterStore.Default, Date);
        TargetingReport.Compute(run, "dibao_tiered").TrulyEligible.Should().BeGreaterThan(0);
        TargetingReport.Compute(run, "dibao_marginal").TrulyEligible.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Destitute_support_is_targeted_per_person_and_an_excluded_person_receives_nothing()
    {
        var (households, persons) = TestPopulations.Random(3_000, seed: 23);
        var builder = new PopulationBuilder();
        foreach (var h in households)
        {
            builder.AddHousehold(h);
        }

        foreach (var p in persons)
        {
            builder.AddPerson(p);
        }

        double[] Flag(int salt) => persons.Select(p => (p.Id * salt) % 3 == 0 ? 0.0 : 1.0).ToArray();
        builder.AddPersonColumn(DestitutePersonsProgram.NoWorkCapacityColumn, Flag(7));
        builder.AddPersonColumn(DestitutePersonsProgram.NoLivelihoodColumn, Flag(11));
        builder.AddPersonColumn(DestitutePersonsProgram.NoSupporterColumn, Flag(13));
        builder.AddPersonColumn(DestitutePersonsProgram.CentralisedSupportColumn, persons.Select(p => p.Id % 2 == 0 ? 1.0 : 0.0).ToArray());
        var population = builder.Build();
        var policy = Policy.Create(new TargetedProgram(new DestitutePersonsProgram(), DestitutePersonsProgram.Eligible.Name));
        var run = Microsimulation.Run(population, policy, ParameterStore.Default, Date);
        run.Definition(TargetedProgram.Outcome("destitute")).Entity.Should().Be(Entity.Person);
        var outcome = run.Values(TargetedProgram.Outcome("destitute"));
        var home = run.Values(DestitutePersonsProgram.HomeSupport.Name);
        var institution = run.Values(DestitutePersonsProgram.CentralisedSupport.Name);
        for (int p = 0; p < population.PersonCount; p++)
        {
            if ((TargetingOutcome)outcome[p] is TargetingOutcome.EligibleExcluded or TargetingOutcome.EligibleNotTakingUp)
            {
                (home[p] + institution[p]).Should().Be(0);
            }
        }

        var report = TargetingReport.Compute(run, "destitute");
        report.Unit.Should().Be(TargetingUnit.Persons);
        report.TrulyEligible.Should().BeGreaterThan(0);
        report.Coverage.Should().BeLessThan(1);
        FluentActions.Invoking(() => TargetingReport.Compute(run, "destitute", TargetingUnit.Households)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_person_flag_cannot_target_a_program_that_pays_households()
        => FluentActions.Invoking(() => new TargetedProgram(new DibaoSupplementPersonFlagProgram(), "test.person_flag")).Should().Throw<ArgumentException>().WithMessage("*person-level targeting needs person-level amounts*");

    /// <summary>A minimal program with a person flag and a household amount, to test the guard.</summary>
    private sealed class DibaoSupplementPersonFlagProgram : global::SocialSecurity.Modeling.Core.PolicyProgram
    {
        public override string Name => "test";

        public override string Description => "test";

        public override IReadOnlyList<string> Inputs { get; } = [];

        public override IReadOnlyList<VariableDefinition> Outputs { get; } =
        [
            new("test.person_flag", Entity.Person, AmountPeriod.None, IncomeRole.None, "flag"),
            new("test.amount_monthly", Entity.Household, AmountPeriod.Month, IncomeRole.DirectTransfer, "amount"),
        ];

        public override IReadOnlyList<string> Parameters { get; } = [];

        public override global::SocialSecurity.Modeling.Core.ProgramPass Prepare(global::SocialSecurity.Modeling.Core.ProgramSetup setup) => throw new NotSupportedException();
    }
}
