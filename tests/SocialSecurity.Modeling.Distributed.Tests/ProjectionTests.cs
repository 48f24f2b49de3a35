using SocialSecurity.Modeling.Distributed.Tests.Support;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Reforms;

namespace SocialSecurity.Modeling.Distributed.Tests;

/// <summary>A partitioned projection equals the single-process projector on the whole population, bit for bit.</summary>
public sealed class ProjectionTests(TwoSilos fixture) : IClassFixture<TwoSilos>
{
    private static ProjectionJob Job(bool households) => new()
    {
        StartYear = 2025,
        EndYear = 2028,
        Replicates = 2,
        Seed = 7,
        Households = households,
        Reforms = [Reference.Reforms[0].ToJson()],
    };

    [Fact]
    public async Task A_projection_partitioned_by_place_on_two_silos_equals_the_single_process_projection()
    {
        using var population = new PartitionedPopulation(households: 700, partitions: 3, seed: 21, byPlace: true);
        var job = Job(households: true);
        var result = await PartitionedProjection.RunAsync(fixture.Cluster.Client, job, population.Partitions);

        result.Partitions.Select(p => p.Silo).Distinct().Should().HaveCount(2);
        result.Rows.Should().HaveCount(2 * 2 * 4);
        var stores = new[] { ("baseline", ParameterStore.Default), (Reference.Reforms[0].Name, ParameterStore.Default.WithReform(Reference.Reforms[0])) };
        foreach (var (name, store) in stores)
        {
            var single = Projector.Run(population.Whole, Policies.Standard(), store, new ProjectionOptions
            {
                StartYear = job.StartYear,
                EndYear = job.EndYear,
                Replicates = job.Replicates,
                Seed = job.Seed,
                Households = true,
                WorkingLives = false,
                NewbornIdsFromMothers = true,
            });
            foreach (var expected in single.Rows)
            {
                var actual = result.Row(expected.Year, expected.Replicate, name);
                foreach (var indicator in ProjectionIndicators.All.Except(PartitionedProjectionResult.NotMerged))
                {
                    actual[indicator].Should().Be(expected[indicator], "{0} in {1}, {2}, replicate {3}", indicator, name, expected.Year, expected.Replicate);
                }

                actual.FemalesByAge.Should().Equal(expected.FemalesByAge);
                actual.MalesByAge.Should().Equal(expected.MalesByAge);
            }
        }

        // Not vacuous: people die and are born, the fund and the distribution are there, and replicates differ.
        var last = result.Row(2028, 0);
        last[ProjectionIndicators.Deaths].Should().BeGreaterThan(0);
        last[ProjectionIndicators.Births].Should().BeGreaterThan(0);
        last[ProjectionIndicators.Gini].Should().BeInRange(0.2, 0.8);
        result.Row(2028, 1).FemalesByAge.Should().NotEqual(last.FemalesByAge, "replicate 1 draws other deaths and births than replicate 0 on the same file partitions");
        result.Row(2028, 0, Reference.Reforms[0].Name)[ProjectionIndicators.PublicSpending].Should().BeGreaterThan(last[ProjectionIndicators.PublicSpending]);
        result.ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1 + 16);
    }

    [Fact]
    public void Household_change_over_partitions_that_share_a_matching_group_is_rejected_naming_the_partition()
    {
        using var population = new PartitionedPopulation(households: 300, partitions: 2, seed: 22);
        var run = () => PartitionedProjection.RunLocal(Job(households: true) with { EndYear = 2025, Reforms = [] }, population.Partitions);
        run.Should().Throw<PartitionFailedException>().Where(e => e.PartitionId == "p1" && e.Culprit.Contains("partition 'p0'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_employee_pension_the_fund_is_carried_on_the_client_from_the_summed_flows_and_equals_the_single_process_projection()
    {
        using var population = new PartitionedPopulation(households: 500, partitions: 3, seed: 23, employeePension: true);
        var job = new ProjectionJob { Policy = "PensionPolicies.EmployeePensionOnly", StartYear = 2025, EndYear = 2029, Replicates = 1, Seed = 3 };
        var result = await PartitionedProjection.RunAsync(fixture.Cluster.Client, job, population.Partitions);
        var single = Projector.Run(population.Whole, PensionPolicies.EmployeePensionOnly(), ParameterStore.Default, new ProjectionOptions
        {
            StartYear = 2025,
            EndYear = 2029,
            Seed = 3,
            Households = false,
            WorkingLives = false,
            NewbornIdsFromMothers = true,
        });
        foreach (var expected in single.Rows)
        {
            var actual = result.Row(expected.Year);
            foreach (var indicator in ProjectionIndicators.All.Except(PartitionedProjectionResult.NotMerged))
            {
                actual[indicator].Should().Be(expected[indicator], "{0} in {1}", indicator, expected.Year);
            }
        }

        // The fund: the reserve starts from the published national reserve scaled by all partitions' weighted persons
        // and moves by return + revenue − expenditure each year (docs/projection.md#fund), none of it NaN here.
        var fund = PensionFundAssumptions.China;
        double reserve = fund.NationalReserve * population.Whole.WeightedPersons / fund.NationalPopulation;
        foreach (var row in result.Rows)
        {
            row[ProjectionIndicators.FundExpenditure].Should().BeGreaterThan(0);
            row[ProjectionIndicators.Contributors].Should().BeGreaterThan(0);
            reserve = (reserve * 1.025) + row[ProjectionIndicators.FundRevenue] - row[ProjectionIndicators.FundExpenditure];
            row[ProjectionIndicators.FundReserve].Should().BeApproximately(reserve, Math.Abs(reserve) * 1e-12);
        }
    }
}
