using CsCheck;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Insurance;
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

    /// <summary>Synthetic employee populations of 20 to 400 households; the seed draws the people, the size shrinks.</summary>
    private static readonly Gen<(int Households, int Seed)> Populations = Gen.Select(Gen.Int[20, 400], Gen.Int);

    [Fact]
    public void Benefits_are_never_negative_and_contributions_are_exact_shares_of_a_base_within_the_band()
    {
        int contributors = 0, pensioners = 0;
        Populations.Sample(t =>
        {
            var population = SyntheticEmployeePopulation.Build(t.Households, t.Seed);
            var result = Run(population, threads: 1);
            var benefit = result.Values(EmployeePensionProgram.Benefit.Name);
            var contributionBase = result.Values(SocialInsuranceContributionsProgram.BaseMonthly.Name);
            var own = result.Values(SocialInsuranceContributionsProgram.EmployeePension.Name);
            var employer = result.Values(SocialInsuranceContributionsProgram.EmployerPension.Name);
            for (int p = 0; p < population.PersonCount; p++)
            {
                benefit[p].Should().BeGreaterThanOrEqualTo(0);
                if (benefit[p] > 0)
                {
                    Interlocked.Increment(ref pensioners);
                }

                if (contributionBase[p] == 0)
                {
                    own[p].Should().Be(0);
                    employer[p].Should().Be(0);
                    continue;
                }

                Interlocked.Increment(ref contributors);
                var region = population.HouseholdRegion[population.PersonHousehold[p]];
                double average = ParameterStore.Default.Resolve(EmployeePensionNames.Parameters.AverageWage, Date, region).PerYear() / 12;
                contributionBase[p].Should().BeInRange(0.6 * average - 1e-9, 3.0 * average + 1e-9, "no absolute band is published for 2023");
                if (population.Contract[p] == WorkContract.LabourContract)
                {
                    own[p].Should().BeApproximately(0.08 * 12 * contributionBase[p], 1e-6);
                    employer[p].Should().BeApproximately(0.16 * 12 * contributionBase[p], 1e-6);
                    contributionBase[p].Should().BeApproximately(Math.Clamp(population.WagesAnnual[p] / 12, 0.6 * average, 3.0 * average), 1e-9);
                }
                else
                {
                    population.Contract[p].Should().BeOneOf(WorkContract.Flexible, WorkContract.IndividualBusiness);
                    own[p].Should().BeApproximately(0.2 * 12 * contributionBase[p], 1e-6);
                    employer[p].Should().Be(0);
                }
            }
        }, iter: 40);

        contributors.Should().BeGreaterThan(100, "the samples must exercise the contribution rule");
        pensioners.Should().BeGreaterThan(100, "the samples must exercise the benefit rule");
    }

    [Fact]
    public void More_years_or_a_higher_index_never_lower_the_benefit()
    {
        int raised = 0;
        Gen.Select(Populations, Gen.Double[0, 3], Gen.Double[0, 0.5]).Sample(t =>
        {
            var ((households, seed), extraYears, extraIndex) = t;
            var baseline = Run(SyntheticEmployeePopulation.Build(households, seed), threads: 1).Values(EmployeePensionProgram.Benefit.Name).ToArray();
            var better = Run(SyntheticEmployeePopulation.Build(households, seed, extraYears, extraIndex), threads: 1).Values(EmployeePensionProgram.Benefit.Name).ToArray();
            for (int p = 0; p < baseline.Length; p++)
            {
                better[p].Should().BeGreaterThanOrEqualTo(baseline[p], $"person {p} with {extraYears} more years and {extraIndex} more index");
                if (better[p] > baseline[p])
                {
                    Interlocked.Increment(ref raised);
                }
            }
        }, iter: 40);

        raised.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Results_do_not_depend_on_thread_count_or_block_size()
        => Gen.Select(Populations, Gen.Int[2, 4], Gen.Int[1, 200]).Sample(t =>
        {
            var ((households, seed), threads, blockSize) = t;
            var population = SyntheticEmployeePopulation.Build(households, seed);
            var serial = Run(population, threads: 1, blockSize: 16_384);
            var parallel = Run(population, threads: threads, blockSize: blockSize);
            foreach (var output in PensionPolicies.EmployeePensionOnly().Outputs)
            {
                parallel.Values(output.Name).ToArray().Should().Equal(serial.Values(output.Name).ToArray(), "output {0}", output.Name);
            }
        }, iter: 30);
}
