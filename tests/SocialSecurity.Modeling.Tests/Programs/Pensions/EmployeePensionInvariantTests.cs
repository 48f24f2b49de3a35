using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs;

namespace SocialSecurity.Modeling.Tests.Programs.Pensions;

public class EmployeePensionInvariantTests
{
    private static readonly DateOnly Date = new(2023, 7, 1);

    private static SimulationResult Run(Population population, int threads = -1, int blockSize = 16_384)
        => Microsimulation.Run(population, PensionPolicies.EmployeePensionOnly(), ParameterStore.Default, Date, new SimulationOptions { MaxDegreeOfParallelism = threads, BlockSize = blockSize });

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Benefits_are_never_negative_and_contributions_are_exact_shares_of_a_base_within_the_band(int seed)
    {
        var population = SyntheticEmployeePopulation.Build(3_000, seed);
        var result = Run(population);
        var benefit = result.Values(EmployeePensionProgram.Benefit.Name);
        var contributionBase = result.Values(EmployeePensionProgram.ContributionBase.Name);
        var own = result.Values(EmployeePensionProgram.OwnContribution.Name);
        var employer = result.Values(EmployeePensionProgram.EmployerContribution.Name);
        int contributors = 0, pensioners = 0;
        for (int p = 0; p < population.PersonCount; p++)
        {
            benefit[p].Should().BeGreaterThanOrEqualTo(0);
            pensioners += benefit[p] > 0 ? 1 : 0;
            if (contributionBase[p] == 0)
            {
                own[p].Should().Be(0);
                employer[p].Should().Be(0);
                continue;
            }

            contributors++;
            var region = population.HouseholdRegion[population.PersonHousehold[p]];
            double average = ParameterStore.Default.Resolve(EmployeePensionNames.Parameters.AverageWage, Date, region).PerYear();
            contributionBase[p].Should().BeInRange(0.6 * average, 3.0 * average);
            if (population.Employment[p] == EmploymentStatus.Employee)
            {
                own[p].Should().Be(0.08 * contributionBase[p]);
                employer[p].Should().Be(0.16 * contributionBase[p]);
                contributionBase[p].Should().Be(Math.Clamp(population.WagesAnnual[p], 0.6 * average, 3.0 * average));
            }
            else
            {
                population.Employment[p].Should().Be(EmploymentStatus.SelfEmployed);
                own[p].Should().Be(0.2 * contributionBase[p]);
                employer[p].Should().Be(0);
            }
        }

        contributors.Should().BeGreaterThan(100, "the sample must exercise the contribution rule");
        pensioners.Should().BeGreaterThan(100, "the sample must exercise the benefit rule");
    }

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(0, 0.3)]
    [InlineData(1, 0.1)]
    public void More_years_or_a_higher_index_never_lower_the_benefit(double extraYears, double extraIndex)
    {
        var baseline = Run(SyntheticEmployeePopulation.Build(2_000, 7)).Values(EmployeePensionProgram.Benefit.Name).ToArray();
        var better = Run(SyntheticEmployeePopulation.Build(2_000, 7, extraYears, extraIndex)).Values(EmployeePensionProgram.Benefit.Name).ToArray();
        int raised = 0;
        for (int p = 0; p < baseline.Length; p++)
        {
            better[p].Should().BeGreaterThanOrEqualTo(baseline[p]);
            raised += better[p] > baseline[p] ? 1 : 0;
        }

        raised.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Results_do_not_depend_on_thread_count_or_block_size()
    {
        var population = SyntheticEmployeePopulation.Build(5_000, 11);
        var serial = Run(population, threads: 1, blockSize: 16_384);
        var parallel = Run(population, threads: 4, blockSize: 97);
        foreach (var output in new EmployeePensionProgram().Outputs)
        {
            parallel.Values(output.Name).ToArray().Should().Equal(serial.Values(output.Name).ToArray());
        }

        serial.AnnualTotal(EmployeePensionProgram.Benefit.Name).Should().BeGreaterThan(0);
    }
}
