using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Simulation;

namespace ProvincialComparison.Tests;

/// <summary>
/// The main job's decile incidence (one sort per province, ties re-ordered per reform) is the library's
/// <see cref="ReformComparison.Deciles"/>, bit for bit, on whole synthetic populations. The sample copies the
/// library's ranking keys (baseline income, weight, reform income); ties that only the later keys break are rare in
/// these populations, so this checks the shortcut as a whole rather than each tie rule.
/// </summary>
public sealed class DecileIncidenceTests
{
    [Theory]
    [InlineData(RegionCodes.Zhejiang, 1.10, 3)]
    [InlineData(RegionCodes.Xinjiang, 1.35, 8)]
    public void Mean_changes_equal_ReformComparison_deciles_bit_for_bit(string region, double factor, ulong seed)
    {
        var date = new DateOnly(2024, 6, 30);
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = region, Persons = 4_000, Seed = seed });
        var policy = Policies.Standard();
        var reform = Reform.Create("dibao up")
            .Scale(DibaoProgram.StandardUrban, region, new DateOnly(2024, 1, 1), factor)
            .Scale(DibaoProgram.StandardRural, region, new DateOnly(2024, 1, 1), factor);
        using var baseline = Microsimulation.Run(population, policy, ParameterStore.Default, date);
        using var reformed = new SimulationContext(population, policy).Run(ParameterStore.Default.WithReform(reform), date);

        var expected = ReformComparison.Compare(baseline, reformed).Deciles.Select(d => d.MeanChange).ToArray();
        var incidence = new DecileIncidence(baseline.PerCapitaIncome(IncomeConcept.Disposable), baseline.PersonWeights);
        var actual = incidence.MeanChanges(reformed.PerCapitaIncome(IncomeConcept.Disposable));

        expected.Should().HaveCount(10).And.Contain(x => x != 0, "the reform must move some decile, or the comparison proves little");
        actual.Select(BitConverter.DoubleToInt64Bits).Should().Equal(expected.Select(BitConverter.DoubleToInt64Bits));
    }
}
