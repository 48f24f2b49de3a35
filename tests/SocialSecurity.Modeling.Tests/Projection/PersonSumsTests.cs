using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Projection;

/// <summary>
/// The projection table's one-pass person sums (<c>PersonSums</c>: blocks in parallel, zero terms skipped) equal, bit for bit, the
/// separate exact sums over whole columns they replace, for values of every magnitude and sign, across several blocks
/// and on one thread or many.
/// </summary>
public class PersonSumsTests
{
    [Fact]
    public void Sums_equal_separate_exact_sums_bit_for_bit()
    {
        var random = new Random(7);
        var builder = new PopulationBuilder();
        long personId = 1;
        for (long h = 1; personId <= 150_000; h++)
        {
            // Weights of very different magnitudes, not integers, so that products carry many exponents.
            double weight = random.Next(4) switch { 0 => 0.001 + random.NextDouble(), 1 => 1e6 * random.NextDouble() + 1, _ => 100 + random.Next(100) + random.NextDouble() };
            builder.AddHousehold(new HouseholdRecord { Id = h, Weight = weight, RegionCode = RegionCodes.Hangzhou });
            for (int m = 1 + random.Next(5); m > 0 && personId <= 150_000; m--)
            {
                builder.AddPerson(new PersonRecord { Id = personId++, HouseholdId = h, Age = random.Next(121), Sex = (Sex)random.Next(2) });
            }
        }

        var population = builder.Build();
        int persons = population.PersonCount;
        double Value() => random.Next(8) switch
        {
            0 or 1 or 2 => 0,
            3 => -random.NextDouble() * 1e4,
            4 => random.NextDouble() * 1e300,
            5 => double.Epsilon * random.Next(1, 1000), // subnormal
            6 => -1e-300 * random.NextDouble(),
            _ => Math.Exp(10 + random.NextDouble()),
        };
        var columns = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, persons).Select(_ => Value()).ToArray()).ToArray();
        var personWeights = Enumerable.Range(0, persons).Select(p => population.Weight[population.PersonHousehold[p]]).ToArray();

        foreach (var options in new[] { SimulationOptions.Default, SimulationOptions.Default with { MaxDegreeOfParallelism = 1 } })
        {
            var sums = new PersonSums();
            var products = columns.Select(c => sums.Product(c)).ToArray();
            int counted = sums.Count(columns[0]);
            int either = sums.Count(columns[1], columns[2]);
            sums.Run(population, options);

            for (int i = 0; i < columns.Length; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(ExactSum.SumOfProducts(columns[i], personWeights)), BitConverter.DoubleToInt64Bits(sums[products[i]]));
            }

            Assert.Equal(ExactSum.Sum([.. Enumerable.Range(0, persons).Select(p => columns[0][p] > 0 ? personWeights[p] : 0)]), sums[counted]);
            Assert.Equal(ExactSum.Sum([.. Enumerable.Range(0, persons).Select(p => columns[1][p] > 0 || columns[2][p] > 0 ? personWeights[p] : 0)]), sums[either]);
            for (int a = 0; a <= 120; a++)
            {
                Assert.Equal(ExactSum.Sum([.. Enumerable.Range(0, persons).Where(p => population.Age[p] == a && population.Sex[p] == Sex.Female).Select(p => personWeights[p])]), sums.Females[a]);
                Assert.Equal(ExactSum.Sum([.. Enumerable.Range(0, persons).Where(p => population.Age[p] == a && population.Sex[p] == Sex.Male).Select(p => personWeights[p])]), sums.Males[a]);
            }
        }
    }
}
