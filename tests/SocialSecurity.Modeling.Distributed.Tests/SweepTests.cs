using SocialSecurity.Modeling.Distributed.Tests.Support;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Distributed.Tests;

/// <summary>Sweeps fan reforms × years × replicates out over the cluster, report progress, and can be cancelled.</summary>
public sealed class SweepTests(TwoSilos fixture) : IClassFixture<TwoSilos>
{
    [Fact]
    public async Task A_sweep_over_years_and_replicates_equals_single_process_runs_of_each_year()
    {
        using var population = new PartitionedPopulation(households: 800, partitions: 4, seed: 41);
        var spec = new SweepSpec { Years = [2023, 2024, 2025], Reforms = [Reference.Reforms[0].ToJson()] };
        var reports = new List<PartitionProgress>();
        var sweep = await ScenarioSweep.RunAsync(fixture.Cluster.Client, spec, population.Partitions, new SynchronousProgress<PartitionProgress>(reports.Add));

        sweep.Rows.Should().HaveCount(3 * 2);
        reports.Should().HaveCount(12);
        reports.Select(r => r.Completed).Should().BeEquivalentTo(Enumerable.Range(1, 12));
        reports.Should().OnlyContain(r => r.Total == 12);
        var policy = Policies.Standard();
        foreach (int year in spec.Years)
        {
            var date = new DateOnly(year, 7, 1);
            var baseline = Microsimulation.Run(population.Whole, policy, ParameterStore.Default, date);
            var reform = Microsimulation.Run(population.Whole, policy, ParameterStore.Default.WithReform(Reference.Reforms[0]), date);
            var comparison = ReformComparison.Compare(baseline, reform);
            foreach (var row in sweep.Rows.Where(r => r.Year == year))
            {
                var run = row.Scenario == "baseline" ? baseline : reform;
                var income = run.PerCapitaIncome(IncomeConcept.Disposable);
                row.Gini.Should().Be(Inequality.Gini(income, run.PersonWeights));
                row.MedianIncome.Should().Be(Quantiles.WeightedMedian(income, run.PersonWeights));
                row.PublicSpendingAnnual.Should().Be(run.PublicSpendingAnnual);
                row.NetFiscalCostAnnual.Should().Be(row.Scenario == "baseline" ? 0 : comparison.NetFiscalCostAnnual);
            }
        }

        sweep.ToText().Should().Contain("2023").And.Contain("Zhejiang dibao +10%");
        sweep.ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1 + 6);
    }

    [Fact]
    public async Task Replicates_of_file_partitions_in_a_static_sweep_are_rejected_naming_the_partition()
    {
        using var population = new PartitionedPopulation(households: 50, partitions: 2, seed: 43);
        var spec = new SweepSpec { Years = [2024], Replicates = 2 };
        var run = () => ScenarioSweep.RunAsync(fixture.Cluster.Client, spec, population.Partitions);
        (await run.Should().ThrowAsync<ArgumentException>()).Where(e => e.Message.Contains("'p0'", StringComparison.Ordinal) && e.Message.Contains("PartitionedProjection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancelled_sweep_stops_with_no_table()
    {
        using var population = new PartitionedPopulation(households: 400, partitions: 3, seed: 42);
        using var cancel = new CancellationTokenSource();
        var spec = new SweepSpec { Years = [2023, 2024, 2025], MaxConcurrentRuns = 1 };
        var reports = new List<PartitionProgress>();
        var run = () => ScenarioSweep.RunAsync(fixture.Cluster.Client, spec, population.Partitions, new SynchronousProgress<PartitionProgress>(r =>
        {
            reports.Add(r);
            cancel.Cancel();
        }), cancel.Token);
        await run.Should().ThrowAsync<OperationCanceledException>();
        reports.Count.Should().BeLessThan(3 * 3, "the sweep stopped early");
    }
}
