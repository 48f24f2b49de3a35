using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Assistance;

public class DibaoMarginalProgramTests
{
    private static readonly DateOnly Date = new(2023, 6, 30);
    private static readonly Policy Policy = Policy.Create(new DibaoProgram(), new DibaoMarginalProgram());

    private static double Marginal(string region, double perCapita)
    {
        var (household, persons) = HouseholdRuns.Adults(1, region, 3, perCapita * 3);
        return HouseholdRuns.Run(Policy, Date, [household], persons).Values(DibaoMarginalProgram.Eligible.Name)[0];
    }

    [Fact]
    public void Worked_example_10_per_capita_14000_is_marginal_at_m_1_5()
        => Marginal(RegionCodes.Lishui, 14_000).Should().Be(1, "14,000 < 1.5 × 11,000 = 16,500");

    [Fact]
    public void Worked_example_10_per_capita_20000_is_not_marginal_at_m_1_5_but_is_in_Hangzhou()
    {
        Marginal(RegionCodes.Lishui, 20_000).Should().Be(0, "20,000 ≥ 16,500");
        Marginal(RegionCodes.Hangzhou, 20_000).Should().Be(1, "Hangzhou uses m = 2: 20,000 < 22,000");
    }

    [Fact]
    public void A_dibao_household_is_never_marginal()
        => Marginal(RegionCodes.Hangzhou, 5_000).Should().Be(0);

    [Fact]
    public void Hangzhou_multiple_is_a_local_rule_and_the_national_one_is_unverified()
    {
        ParameterStore.Default.Resolve(DibaoMarginalProgram.IncomeMultiple, Date, RegionCodes.Hangzhou).Provenance.Should().Be(Provenance.Local);
        ParameterStore.Default.Resolve(DibaoMarginalProgram.IncomeMultiple, Date, RegionCodes.Lishui).Provenance.Should().Be(Provenance.Unverified);
    }

    [Fact]
    public void Dibao_and_marginal_are_disjoint_and_together_are_the_households_below_m_times_S_that_pass_the_assets()
    {
        var (households, persons) = TestPopulations.Random(3_000, seed: 41);
        var population = TestPopulations.Build(households, persons);
        var run = Microsimulation.Run(population, Policy, ParameterStore.Default, Date);
        var dibao = run.Values(DibaoProgram.Eligible.Name);
        var marginal = run.Values(DibaoMarginalProgram.Eligible.Name);
        var store = ParameterStore.Default;
        int dibaoCount = 0, marginalCount = 0;
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            var record = households[h];
            var members = persons.Where(p => p.HouseholdId == record.Id).ToArray();
            double y = Math.Max(0, members.Sum(p => p.WagesAnnual + p.BusinessIncomeAnnual + p.PropertyIncomeAnnual + p.PrivateTransfersAnnual + p.PensionIncomeAnnual));
            double s = store.Resolve(record.Area == AreaType.Urban ? DibaoProgram.StandardUrban : DibaoProgram.StandardRural, Date, record.RegionCode).PerYear();
            double m = store.Resolve(DibaoMarginalProgram.IncomeMultiple, Date, record.RegionCode).Scalar();
            bool assets = record.FinancialAssets <= 24 * s / 12 * members.Length && record.HousingUnits <= 1 && !record.HasNonEssentialVehicle;
            bool below = y / members.Length < m * s && assets;

            (dibao[h] == 1 && marginal[h] == 1).Should().BeFalse("household {0} cannot be both", record.Id);
            (dibao[h] == 1 || marginal[h] == 1).Should().Be(below, "household {0}: dibao ∪ marginal = below m × S with assets passing", record.Id);
            dibaoCount += dibao[h] == 1 ? 1 : 0;
            marginalCount += marginal[h] == 1 ? 1 : 0;
        }

        dibaoCount.Should().BeGreaterThan(0);
        marginalCount.Should().BeGreaterThan(0);
    }
}
