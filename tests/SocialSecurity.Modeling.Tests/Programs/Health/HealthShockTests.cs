using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Randomness;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Health;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Programs.Health;

public class HealthShockTests
{
    private static readonly DateOnly Mid2024 = new(2024, 6, 30);

    internal static Population SamplePopulation(int households, int seed, bool reversed = false)
    {
        var random = new Random(seed);
        string[] regions = [RegionCodes.Hangzhou, RegionCodes.Ulanqab, RegionCodes.Kashgar, RegionCodes.Wuxi];
        var rows = new List<(HouseholdRecord Household, PersonRecord[] Members, double[] Groups)>();
        long personId = 1;
        for (int h = 1; h <= households; h++)
        {
            var household = new HouseholdRecord { Id = h, Weight = 1 + random.Next(5), RegionCode = regions[random.Next(regions.Length)], Area = random.Next(2) == 0 ? AreaType.Urban : AreaType.Rural };
            int n = 1 + random.Next(4);
            var members = new PersonRecord[n];
            var groups = new double[n];
            int group = random.Next(10) switch { 0 => 2, 1 => 3, _ => 0 };
            for (int i = 0; i < n; i++)
            {
                members[i] = new PersonRecord
                {
                    Id = personId++,
                    HouseholdId = h,
                    Age = random.Next(90),
                    Sex = (Sex)random.Next(2),
                    Hukou = (HukouType)random.Next(2),
                    WagesAnnual = random.Next(3) == 0 ? 0 : random.Next(5_000, 80_000),
                };
                groups[i] = group;
            }

            rows.Add((household, members, groups));
        }

        if (reversed)
        {
            rows.Reverse();
        }

        var builder = new PopulationBuilder();
        var groupColumn = new List<double>();
        foreach (var (household, members, groups) in rows)
        {
            builder.AddHousehold(household);
            foreach (var m in members)
            {
                builder.AddPerson(m);
            }

            groupColumn.AddRange(groups);
        }

        builder.AddPersonColumn(MedicalAssistanceGroupProgram.ObservedGroupColumn, [.. groupColumn]);
        return builder.Build();
    }

    [Fact]
    public void Person_streams_are_deterministic_and_distinct()
    {
        var streams = new RandomStream(42, "medical.spending");
        var a = streams.Sequence(7, 3);
        var b = streams.Sequence(7, 3);
        var otherPerson = streams.Sequence(8, 3);
        var otherReplicate = streams.Sequence(7, 4);
        var otherStream = new RandomStream(42, "ltc.need").Sequence(7, 3);

        ulong first = a.NextUInt64();
        first.Should().Be(b.NextUInt64());
        first.Should().NotBe(otherPerson.NextUInt64());
        first.Should().NotBe(otherReplicate.NextUInt64());
        first.Should().NotBe(otherStream.NextUInt64());
        new RandomStream(42, "x").Sequence(1).NextUInt64().Should().NotBe(new RandomStream(43, "x").Sequence(1).NextUInt64());
    }

    [Fact]
    public void Uniform_and_normal_draws_have_the_right_moments()
    {
        var stream = new RandomStream(1, "test").Sequence(1);
        const int N = 200_000;
        double sumU = 0, sumZ = 0, sumZ2 = 0;
        for (int i = 0; i < N; i++)
        {
            double u = stream.NextDouble();
            u.Should().BeGreaterThanOrEqualTo(0).And.BeLessThan(1, "uniform draws lie in [0, 1): 1 - 1e-17 rounds to 1.0, so only a strict bound checks the open end");
            sumU += u;
            double z = stream.NextStandardNormal();
            sumZ += z;
            sumZ2 += z * z;
        }

        (sumU / N).Should().BeApproximately(0.5, 0.005);
        (sumZ / N).Should().BeApproximately(0, 0.01);
        (sumZ2 / N).Should().BeApproximately(1, 0.015);
    }

    [Fact]
    public void Two_part_model_draws_spending_with_the_stated_probability_and_median()
    {
        // A model with the test's own values (not the library's illustrative defaults): from age 60, P(any) = 0.35 and
        // median 15,000; men ×1.2 and rural ×0.5 on the probability; 60% within policy.
        var model = new HealthSpendingModel([0, 60], [0.05, 0.35], [4_000, 15_000], 0.8)
        {
            MaleProbabilityFactor = 1.2,
            RuralProbabilityFactor = 0.5,
            WithinPolicyShare = 0.6,
        };
        var streams = new RandomStream(9, "medical.spending");
        int any = 0;
        var amounts = new List<double>();
        for (int id = 0; id < 100_000; id++)
        {
            var stream = streams.Sequence(id);
            var claim = model.Draw(ref stream, 70, Sex.Female, HukouType.Urban);
            if (claim.Total > 0)
            {
                any++;
                amounts.Add(claim.Total);
                claim.WithinPolicy.Should().BeApproximately(claim.Total * 0.6, 1e-9 * claim.Total);
            }
        }

        model.AnyUseProbability(70, Sex.Female, HukouType.Urban).Should().Be(0.35);
        (any / 100_000.0).Should().BeApproximately(0.35, 0.006, "the standard error of the share is 0.0015");
        amounts.Sort();
        ((double)amounts[amounts.Count / 2]).Should().BeApproximately(15_000, 400, "the median of a lognormal is its scale");
        model.AnyUseProbability(70, Sex.Male, HukouType.Rural).Should().BeApproximately(0.21, 1e-12, "0.35 × 1.2 × 0.5");
        model.AnyUseProbability(10, Sex.Male, HukouType.Urban).Should().BeApproximately(0.06, 1e-12, "0.05 × 1.2 below 60");
    }

    [Fact]
    public void Probability_and_median_follow_the_age_band_and_the_sex_and_hukou_factors()
    {
        // Two bands (0–59, 60+): P = 10%, 25%; medians 1,000 and 2,000; men ×1.5 probability, rural ×0.8 probability
        // and ×0.5 amount.
        var model = new HealthSpendingModel([0, 60], [0.10, 0.25], [1_000, 2_000], 1.0) { MaleProbabilityFactor = 1.5, RuralProbabilityFactor = 0.8, RuralAmountFactor = 0.5 };

        model.AnyUseProbability(59, Sex.Female, HukouType.Urban).Should().BeApproximately(0.10, 1e-15);
        model.AnyUseProbability(60, Sex.Female, HukouType.Urban).Should().BeApproximately(0.25, 1e-15);
        model.AnyUseProbability(70, Sex.Male, HukouType.Rural).Should().BeApproximately(0.25 * 1.5 * 0.8, 1e-15);
        model.MedianAmount(70, Sex.Male, HukouType.Rural).Should().BeApproximately(1_000, 1e-12);
        new HealthSpendingModel([0], [0.9], [1_000], 1.0) { MaleProbabilityFactor = 2 }.AnyUseProbability(30, Sex.Male, HukouType.Urban).Should().Be(1, "a probability is capped at 1");
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count_or_block_size()
    {
        var population = SamplePopulation(800, 5);
        var simulation = new HealthShockSimulation(HealthSpendingModel.Illustrative, ParameterStore.Default, [MedicalAssistanceGroupProgram.Observed()]);

        var one = simulation.Run(population, Mid2024, new HealthShockOptions { Seed = 11, Replicates = 8, BlockSize = 64, MaxDegreeOfParallelism = 1 });
        var many = simulation.Run(population, Mid2024, new HealthShockOptions { Seed = 11, Replicates = 8, BlockSize = 64, MaxDegreeOfParallelism = 4 });
        var oneBlock = simulation.Run(population, Mid2024, new HealthShockOptions { Seed = 11, Replicates = 8, BlockSize = 5_000, MaxDegreeOfParallelism = 4 });

        many.CapacityToPay40.Values.Should().Equal(one.CapacityToPay40.Values);
        many.Income10.Values.Should().Equal(one.Income10.Values);
        many.MeanOutOfPocket.Values.Should().Equal(one.MeanOutOfPocket.Values);
        oneBlock.MeanOutOfPocket.Values.Should().Equal(one.MeanOutOfPocket.Values, "blocks change the partition, not the sums");
        oneBlock.MeanPublicPayment.Values.Should().Equal(one.MeanPublicPayment.Values);
    }

    [Fact]
    public void Replicates_equal_whole_policy_runs_bit_for_bit_though_the_status_programs_run_once()
    {
        // The replicates run the programs that do not read the bills once: every indicator must equal, bit for bit,
        // the one measured on an ordinary run of the whole replicate policy (status programs, groups, bills, medical
        // layers, indicators), baseline and reform, with simulated pensions in the indicators' income.
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 4_000, Seed = 7, Year = 2023 });
        var date = new DateOnly(2023, 7, 1);
        var reform = Reform.Create("dibao standard +20%")
            .Scale(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2023, 1, 1), 1.2)
            .Scale(DibaoProgram.StandardRural, RegionCodes.Zhejiang, new DateOnly(2023, 1, 1), 1.2);
        var options = new HealthShockOptions { Seed = 5, Replicates = 4, BlockSize = 97 };
        var whole = population.WithPersonColumn(MedicalPayoutProgram.InclusiveCommercialEnrolledColumn, new double[population.PersonCount]);
        foreach (var store in new[] { ParameterStore.Default, ParameterStore.Default.WithReform(reform) })
        {
            var simulation = new HealthShockSimulation(HealthSpendingModel.Illustrative, store, Policies.StandardWithPensions().Programs);
            var result = simulation.Run(population, date, options);
            var measured = new[] { result.CapacityToPay40, result.Income10, result.Income25, result.MeanOutOfPocket, result.MeanPublicPayment };
            string[] names =
            [
                CatastrophicHealthExpenditureProgram.CatastrophicCapacity40.Name, CatastrophicHealthExpenditureProgram.CatastrophicIncome10.Name,
                CatastrophicHealthExpenditureProgram.CatastrophicIncome25.Name, CatastrophicHealthExpenditureProgram.HouseholdOutOfPocket.Name,
                CatastrophicHealthExpenditureProgram.HouseholdPublicPayment.Name,
            ];
            for (int r = 0; r < options.Replicates; r++)
            {
                var run = Microsimulation.Run(whole, simulation.ReplicatePolicy(r, options), store, date);
                for (int k = 0; k < names.Length; k++)
                {
                    double expected = ExactSum.SumOfProducts(whole.Weight, run.Values(names[k])) / ExactSum.Sum(whole.Weight);
                    measured[k].Values[r].Should().Be(expected, $"{names[k]}, replicate {r}");
                }
            }

            result.MeanPublicPayment.Values.Distinct().Should().HaveCount(options.Replicates, "each replicate draws its own bills");
        }
    }

    [Fact]
    public void Simulations_run_together_equal_separate_runs_bit_for_bit_though_the_bills_are_drawn_once()
    {
        // A baseline, a cap reform and a dibao reform share the spending model: the bills of each replicate are drawn
        // by the first and copied into the others. A second model (another object) draws its own. Every indicator of
        // every replicate must equal that of the simulation's own run, in parallel blocks.
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 3_000, Seed = 9, Year = 2023 });
        var date = new DateOnly(2023, 7, 1);
        var from = new DateOnly(2023, 1, 1);
        var store = ParameterStore.Default;
        var cap = store.WithReform(Reform.Create("cap").Set(MedicalPayoutProgram.HouseholdCapEnabled, RegionCodes.Zhejiang, from, 1));
        var dibao = store.WithReform(Reform.Create("dibao standard +20%").Scale(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, from, 1.2).Scale(DibaoProgram.StandardRural, RegionCodes.Zhejiang, from, 1.2));
        var other = new HealthSpendingModel([0, 60], [0.2, 0.4], [3_000, 6_000], 1.1);
        var programs = Policies.StandardWithPensions().Programs;
        HealthShockSimulation[] simulations =
        [
            new(HealthSpendingModel.Illustrative, store, programs),
            new(HealthSpendingModel.Illustrative, cap, programs),
            new(other, store, programs),
            new(HealthSpendingModel.Illustrative, dibao, programs),
        ];
        var options = new HealthShockOptions { Seed = 13, Replicates = 3, BlockSize = 71 };

        var together = HealthShockSimulation.Run(simulations, population, date, options);

        together.Should().HaveCount(simulations.Length);
        for (int s = 0; s < simulations.Length; s++)
        {
            var alone = simulations[s].Run(population, date, options);
            together[s].CapacityToPay40.Values.Should().Equal(alone.CapacityToPay40.Values, $"simulation {s}");
            together[s].Income10.Values.Should().Equal(alone.Income10.Values, $"simulation {s}");
            together[s].Income25.Values.Should().Equal(alone.Income25.Values, $"simulation {s}");
            together[s].MeanOutOfPocket.Values.Should().Equal(alone.MeanOutOfPocket.Values, $"simulation {s}");
            together[s].MeanPublicPayment.Values.Should().Equal(alone.MeanPublicPayment.Values, $"simulation {s}");
        }

        together[2].MeanOutOfPocket.Values.Should().NotEqual(together[0].MeanOutOfPocket.Values, "another model draws other bills");
        together[1].MeanPublicPayment.Values.Should().NotEqual(together[0].MeanPublicPayment.Values, "the cap pays more");
    }

    [Fact]
    public void Results_do_not_depend_on_row_order_and_change_with_the_seed()
    {
        var simulation = new HealthShockSimulation(HealthSpendingModel.Illustrative, ParameterStore.Default, [MedicalAssistanceGroupProgram.Observed()]);
        var options = new HealthShockOptions { Seed = 3, Replicates = 5 };

        var forward = simulation.Run(SamplePopulation(600, 8), Mid2024, options);
        var backward = simulation.Run(SamplePopulation(600, 8, reversed: true), Mid2024, options);
        var reseeded = simulation.Run(SamplePopulation(600, 8), Mid2024, options with { Seed = 4 });

        for (int r = 0; r < 5; r++)
        {
            backward.Income25.Values[r].Should().BeApproximately(forward.Income25.Values[r], 1e-12);
            backward.MeanOutOfPocket.Values[r].Should().BeApproximately(forward.MeanOutOfPocket.Values[r], 1e-6);
        }

        reseeded.MeanOutOfPocket.Values.Should().NotEqual(forward.MeanOutOfPocket.Values);
    }

    [Fact]
    public void Catastrophic_rates_are_ordered_and_the_interval_brackets_the_mean()
    {
        var simulation = new HealthShockSimulation(HealthSpendingModel.Illustrative, ParameterStore.Default, [MedicalAssistanceGroupProgram.Observed()]);

        var result = simulation.Run(SamplePopulation(1_500, 21), Mid2024, new HealthShockOptions { Seed = 5, Replicates = 20 });

        result.Income10.Mean.Should().BeGreaterThan(0).And.BeGreaterThanOrEqualTo(result.Income25.Mean);
        result.Income25.Mean.Should().BeLessThan(1);
        result.CapacityToPay40.Lower.Should().BeLessThanOrEqualTo(result.CapacityToPay40.Mean);
        result.CapacityToPay40.Upper.Should().BeGreaterThanOrEqualTo(result.CapacityToPay40.Mean);
        result.CapacityToPay40.StandardError.Should().BeGreaterThan(0);
        result.MeanPublicPayment.Mean.Should().BeGreaterThan(0);
        foreach (var v in result.Income10.Values.Zip(result.Income25.Values))
        {
            v.First.Should().BeGreaterThanOrEqualTo(v.Second, "OOP above 25% of income is also above 10%");
        }
    }

    [Fact]
    public void Nobody_is_catastrophic_when_nobody_falls_ill()
    {
        var healthy = new HealthSpendingModel([0], [0.0], [1_000], 1.0);
        var simulation = new HealthShockSimulation(healthy, ParameterStore.Default, [MedicalAssistanceGroupProgram.Observed()]);

        var result = simulation.Run(SamplePopulation(200, 2), Mid2024, new HealthShockOptions { Replicates = 3 });

        result.CapacityToPay40.Values.Should().OnlyContain(v => v == 0);
        result.Income10.Values.Should().OnlyContain(v => v == 0);
        result.MeanOutOfPocket.Values.Should().OnlyContain(v => v == 0);
    }

    [Fact]
    public void Confidence_interval_uses_the_Student_t_quantile()
    {
        var estimate = new ReplicateEstimate([1.0, 2.0, 3.0], 0.95);

        estimate.Mean.Should().Be(2.0);
        estimate.StandardDeviation.Should().BeApproximately(1.0, 1e-12);
        // t(0.975, 2) = 4.302653: 2 ± 4.302653 / √3.
        estimate.Lower.Should().BeApproximately(2.0 - (4.302653 / Math.Sqrt(3)), 1e-5);
        estimate.Upper.Should().BeApproximately(2.0 + (4.302653 / Math.Sqrt(3)), 1e-5);
        var single = () => new ReplicateEstimate([1.0], 0.95);
        single.Should().Throw<ArgumentException>();
    }
}
