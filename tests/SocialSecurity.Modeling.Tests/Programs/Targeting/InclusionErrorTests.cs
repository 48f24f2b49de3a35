using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Targeting;
using SocialSecurity.Modeling.Randomness;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Targeting;

/// <summary>
/// Inclusion errors (错保) of targeted dibao: drawn only for households with income below k × n × S, paid the gap at an
/// under-reported income Y × u (u uniform on [a, b] from the household's own draw), and on the roll
/// (<c>dibao.on_roll</c>) while <c>dibao.eligible</c> keeps the rule's answer (docs/rules/dibao_targeted.md).
/// </summary>
public class InclusionErrorTests
{
    private static readonly DateOnly Date = new(2023, 6, 30);
    private static readonly DateOnly From = new(2023, 1, 1);
    private static readonly Lazy<Population> Sample = new(() =>
    {
        var (households, persons) = TestPopulations.Random(20_000, seed: 41);
        return TestPopulations.Build(households, persons);
    });

    private static ParameterStore Store(double inclusion, double k = 1.5, double a = 0.4, double b = 0.65) => ParameterStore.Default.WithReform(Reform.Create("errors")
        .Set(TargetedProgram.TakeUpRate("dibao"), RegionCodes.China, From, 0.8)
        .Set(TargetedProgram.ExclusionErrorRate("dibao"), RegionCodes.China, From, 0.2)
        .Set(TargetedProgram.InclusionErrorRate("dibao"), RegionCodes.China, From, inclusion)
        .Set(TargetedProgram.InclusionIncomeMultiple("dibao"), RegionCodes.China, From, k)
        .Set(TargetedProgram.ReportedIncomeShareMin("dibao"), RegionCodes.China, From, a)
        .Set(TargetedProgram.ReportedIncomeShareMax("dibao"), RegionCodes.China, From, b));

    private static SimulationResult Run(ParameterStore store)
        => Microsimulation.Run(Sample.Value, Policy.Create(new TargetedProgram(new DibaoProgram(), DibaoProgram.Eligible.Name), new DibaoSupplementProgram()), store, Date);

    /// <summary>n × S for household h, from the parameter store directly (the urban or rural standard by area).</summary>
    private static double HouseholdStandard(Population population, int h)
    {
        var name = population.Area[h] == AreaType.Urban ? DibaoProgram.StandardUrban : DibaoProgram.StandardRural;
        return population.HouseholdSize(h) * ParameterStore.Default.Resolve(name, Date, population.HouseholdRegion[h]).Value.Scalar;
    }

    [Fact]
    public void Only_households_below_k_times_the_threshold_are_included_and_with_rate_1_all_of_them_are()
    {
        var run = Run(Store(inclusion: 1));
        var population = run.Population;
        var eligible = run.Values(DibaoProgram.Eligible.Name);
        var onRoll = run.Values(DibaoProgram.OnRoll.Name);
        var income = run.Values(HouseholdIncomeProgram.Output.Name);
        int near = 0, far = 0;
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            if (eligible[h] == 1)
            {
                continue;
            }

            bool isNear = Math.Max(0, income[h]) < 1.5 * HouseholdStandard(population, h);
            onRoll[h].Should().Be(isNear ? 1 : 0, "an ineligible household is included exactly when its income is below 1.5 × n × S (inclusion rate 1)");
            near += isNear ? 1 : 0;
            far += isNear ? 0 : 1;
        }

        near.Should().BeGreaterThan(50);
        far.Should().BeGreaterThan(50);
    }

    [Fact]
    public void An_included_household_is_paid_the_gap_at_its_drawn_under_reported_income()
    {
        var run = Run(Store(inclusion: 0.3));
        var population = run.Population;
        var outcome = run.Values(TargetedProgram.Outcome("dibao"));
        var benefit = run.Values(DibaoProgram.Benefit.Name);
        var income = run.Values(HouseholdIncomeProgram.Output.Name);
        var draws = new RandomStream(TargetedProgram.DefaultSeed, TargetedProgram.StreamName("dibao", "reported_income"));
        int included = 0;
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            if ((TargetingOutcome)outcome[h] != TargetingOutcome.IneligibleIncluded)
            {
                continue;
            }

            // Oracle by hand: u = 0.4 + 0.25 × draw, reported = Y × u, paid (n × S − reported)/12.
            double u = 0.4 + (0.25 * draws.Uniform(population.HouseholdId[h]));
            double reported = Math.Max(0, income[h]) * u;
            double expected = (HouseholdStandard(population, h) - reported) / 12;
            benefit[h].Should().BeApproximately(expected, 1e-9);
            benefit[h].Should().BeGreaterThan(0, "k × b = 1.5 × 0.65 < 1: the reported income is below the threshold");
            included++;
        }

        included.Should().BeGreaterThan(20);
    }

    [Fact]
    public void On_roll_and_eligible_differ_exactly_on_the_errors_and_the_report_counts_them_against_the_roll()
    {
        var run = Run(Store(inclusion: 0.3));
        var outcome = run.Values(TargetedProgram.Outcome("dibao"));
        var eligible = run.Values(DibaoProgram.Eligible.Name);
        var onRoll = run.Values(DibaoProgram.OnRoll.Name);
        var benefit = run.Values(DibaoProgram.Benefit.Name);
        var supplement = run.Values(DibaoSupplementProgram.Amount.Name);
        var weight = run.Population.Weight;
        double included = 0, excluded = 0, recipients = 0;
        for (int h = 0; h < outcome.Length; h++)
        {
            var o = (TargetingOutcome)outcome[h];
            bool error = o is TargetingOutcome.EligibleNotTakingUp or TargetingOutcome.EligibleExcluded or TargetingOutcome.IneligibleIncluded;
            (onRoll[h] != eligible[h]).Should().Be(error);
            if (onRoll[h] == 0)
            {
                benefit[h].Should().Be(0);
                supplement[h].Should().Be(0, "the supplement reads the roll");
            }

            included += onRoll[h] == 1 && eligible[h] == 0 ? weight[h] : 0;
            excluded += onRoll[h] == 0 && eligible[h] == 1 ? weight[h] : 0;
            recipients += onRoll[h] * weight[h];
        }

        var report = TargetingReport.Compute(run, "dibao");
        report.IneligibleRecipients.Should().BeApproximately(included, 1e-6);
        (report.EligibleExcluded + report.EligibleNotTakingUp).Should().BeApproximately(excluded, 1e-6);
        report.Recipients.Should().BeApproximately(recipients, 1e-6);
        included.Should().BeGreaterThan(0);
        excluded.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Raising_k_never_removes_an_inclusion_and_a_lower_share_pays_more()
    {
        var narrow = Run(Store(inclusion: 0.3, k: 1.2));
        var wide = Run(Store(inclusion: 0.3, k: 2));
        var lowShare = Run(Store(inclusion: 0.3, k: 2, a: 0.2, b: 0.3));
        int gained = 0;
        for (int h = 0; h < Sample.Value.HouseholdCount; h++)
        {
            if (narrow.Values(DibaoProgram.OnRoll.Name)[h] == 1)
            {
                wide.Values(DibaoProgram.OnRoll.Name)[h].Should().Be(1, "the same draws meet a wider band");
            }

            gained += wide.Values(DibaoProgram.OnRoll.Name)[h] == 1 && narrow.Values(DibaoProgram.OnRoll.Name)[h] == 0 ? 1 : 0;
            if ((TargetingOutcome)wide.Values(TargetedProgram.Outcome("dibao"))[h] == TargetingOutcome.IneligibleIncluded && wide.Values(HouseholdIncomeProgram.Output.Name)[h] > 0)
            {
                lowShare.Values(DibaoProgram.Benefit.Name)[h].Should().BeGreaterThan(wide.Values(DibaoProgram.Benefit.Name)[h]);
            }
        }

        gained.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Tiered_dibao_pays_an_included_household_its_class_amount_or_the_gap_at_its_reported_income()
    {
        // Kashgar rural, S = 5,400; two members, Y = 12,000 ≥ 2 × 5,400 = 10,800 but < 1.5 × 10,800 = 16,200.
        // Class 2 (share 0.7 of S): 2 × 0.7 × 5,400/12 = 630 a month, whatever the income reported; class 0: the gap
        // at the reported 12,000 × 0.5 = 6,000, (10,800 − 6,000)/12 = 400.
        var store = ParameterStore.Default.WithReform(Reform.Create("tiered errors")
            .Set(TargetedProgram.TakeUpRate("dibao_tiered"), RegionCodes.China, From, 1)
            .Set(TargetedProgram.ExclusionErrorRate("dibao_tiered"), RegionCodes.China, From, 0)
            .Set(TargetedProgram.InclusionErrorRate("dibao_tiered"), RegionCodes.China, From, 1)
            .Set(TargetedProgram.ReportedIncomeShareMin("dibao_tiered"), RegionCodes.China, From, 0.5)
            .Set(TargetedProgram.ReportedIncomeShareMax("dibao_tiered"), RegionCodes.China, From, 0.5));
        var calculator = new HouseholdCalculator(Policy.Create(new TargetedProgram(new TieredDibaoProgram(), TieredDibaoProgram.Eligible.Name)), store);
        double Benefit(int dibaoClass) => calculator.Calculate(
            new HouseholdRecord { Id = 3, RegionCode = RegionCodes.Kashgar, Area = AreaType.Rural, HousingUnits = 1 },
            [new PersonRecord { Id = 1, HouseholdId = 3, Age = 45, WagesAnnual = 12_000 }, new PersonRecord { Id = 2, HouseholdId = 3, Age = 44 }],
            Date, extraHouseholdColumns: new Dictionary<string, double> { [TieredDibaoProgram.ClassColumn] = dibaoClass }).HouseholdValue(TieredDibaoProgram.Benefit.Name);
        ParameterStore.Default.Resolve(TieredDibaoProgram.ClassShares, Date, RegionCodes.Kashgar).Value.Items[1].Should().Be(0.7);
        Benefit(2).Should().BeApproximately(2 * 0.7 * 4_832.83 / 12, 1e-9);
        Benefit(0).Should().BeApproximately((2 * 4_832.83 - 6_000) / 12, 1e-9);
    }

    [Fact]
    public void A_share_range_upside_down_stops_the_run_naming_both_parameters()
        => FluentActions.Invoking(() => Run(Store(inclusion: 0.3, a: 0.7, b: 0.5)))
            .Should().Throw<InvalidOperationException>().WithMessage("*reported_income_share_min*above*reported_income_share_max*");

    [Fact]
    public void The_explanation_shows_the_reported_income_and_the_rule()
    {
        var store = Store(inclusion: 1, a: 0.5, b: 0.5);
        var calculator = new HouseholdCalculator(Policy.Create(new TargetedProgram(new DibaoProgram(), DibaoProgram.Eligible.Name)), store);
        var result = calculator.Calculate(new HouseholdRecord { Id = 9, RegionCode = RegionCodes.Hangzhou, HousingUnits = 1 },
            [new PersonRecord { Id = 1, HouseholdId = 9, Age = 50, WagesAnnual = 12_000 }], Date);

        // Hangzhou 2023: S = 11,000; Y = 12,000 < 1.5 × 11,000; reported 12,000 × 0.5 = 6,000; (11,000 − 6,000)/12.
        result.HouseholdValue(DibaoProgram.Benefit.Name).Should().BeApproximately(5_000.0 / 12, 1e-9);
        result.HouseholdValue(DibaoProgram.Eligible.Name).Should().Be(0);
        result.HouseholdValue(DibaoProgram.OnRoll.Name).Should().Be(1);
        result.Explanation.ToText(store.Regions).Should().Contain("reported income = Y × u = 12000.00 × 0.5000 = 6000.00").And.Contain("targeting.dibao.reported_income_share_min");
    }

    [Fact]
    public void Programs_that_are_not_income_tested_keep_inclusion_at_any_income_and_declare_no_band()
    {
        var destitute = new TargetedProgram(new DestitutePersonsProgram(), DestitutePersonsProgram.Eligible.Name);
        destitute.IsIncomeTested.Should().BeFalse();
        destitute.Parameters.Should().NotContain(TargetedProgram.InclusionIncomeMultiple("destitute"));
        destitute.OnRoll.Should().Be("destitute.on_roll");
        var marginal = new TargetedProgram(new DibaoMarginalProgram(), DibaoMarginalProgram.Eligible.Name);
        marginal.IsIncomeTested.Should().BeFalse();
        var dibao = new TargetedProgram(new DibaoProgram(), DibaoProgram.Eligible.Name);
        dibao.IsIncomeTested.Should().BeTrue();
        dibao.Parameters.Should().Contain([TargetedProgram.InclusionIncomeMultiple("dibao"), TargetedProgram.ReportedIncomeShareMin("dibao"), TargetedProgram.ReportedIncomeShareMax("dibao")]);
        dibao.Outputs.Where(o => o.Name == DibaoProgram.OnRoll.Name).Should().ContainSingle();
    }
}
