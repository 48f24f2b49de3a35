using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Health;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;

namespace ProvincialComparison;

/// <summary>Financial protection against medical bills for one province, baseline and reform (Monte Carlo replicates).</summary>
internal sealed record HealthMetrics(
    string Province,
    string Scenario,
    double CatastrophicShare,
    double CatastrophicShareLower,
    double CatastrophicShareUpper,
    double MeanOutOfPocket,
    double MeanPublicPayment,
    double NetFiscalCostAnnual);

/// <summary>
/// Hangzhou's household out-of-pocket cap (2024) applied province-wide. Medical bills are drawn per person from
/// <see cref="HealthSpendingModel.Illustrative"/> [I] by <see cref="HealthShockSimulation"/>; the assistance group each
/// person's cap depends on comes from the baseline run (dibao recipients → dibao group, dibao-marginal households →
/// marginal group), so the cap reaches the households the targeting actually found.
/// </summary>
internal static class HealthProtection
{
    public const string ReformName = "Hangzhou household OOP cap province-wide";

    public static Reform CapReform(ParameterStore store, string province, DateOnly date)
    {
        var from = new DateOnly(date.Year, 1, 1);
        double K(string parameter) => store.Resolve(parameter, date, RegionCodes.Hangzhou).PerYear();
        return Reform.Create(ReformName)
            .Describe("Apply Hangzhou's household burden cap (K by assistance group, from 2024-01-01) to every household of the province.")
            .Set(MedicalPayoutProgram.HouseholdCapEnabled, province, from, 1)
            .Set(MedicalPayoutProgram.HouseholdCapDestituteDibao, province, from, K(MedicalPayoutProgram.HouseholdCapDestituteDibao))
            .Set(MedicalPayoutProgram.HouseholdCapMarginal, province, from, K(MedicalPayoutProgram.HouseholdCapMarginal))
            .Set(MedicalPayoutProgram.HouseholdCapOtherHardship, province, from, K(MedicalPayoutProgram.HouseholdCapOtherHardship));
    }

    /// <summary>The population with the assistance-group column the medical layers read, from the baseline run's receipt.</summary>
    public static Population WithAssistanceGroups(SimulationResult baseline)
    {
        var population = baseline.Population;
        var dibao = baseline.Values(DibaoProgram.Eligible.Name);
        var marginal = baseline.Values(DibaoMarginalProgram.Eligible.Name);
        var group = new double[population.PersonCount];
        var start = population.MemberStart;
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            double code = dibao[h] == 1 ? (double)AssistanceGroup.Dibao : marginal[h] == 1 ? (double)AssistanceGroup.Marginal : (double)AssistanceGroup.None;
            for (int p = start[h]; p < start[h + 1]; p++)
            {
                group[p] = code;
            }
        }

        return population.WithPersonColumn(MedicalPayoutProgram.AssistanceGroupColumn, group);
    }

    public static IEnumerable<HealthMetrics> Compare(string province, string provinceCode, Population population, ParameterStore store, DateOnly date, int replicates, ulong seed)
    {
        var options = new HealthShockOptions { Replicates = replicates, Seed = seed };
        var baseline = new HealthShockSimulation(HealthSpendingModel.Illustrative, store).Run(population, date, options);
        var reform = new HealthShockSimulation(HealthSpendingModel.Illustrative, store.WithReform(CapReform(store, provinceCode, date))).Run(population, date, options);
        double households = population.WeightedHouseholds;
        yield return Metrics(province, "baseline", baseline, 0);
        yield return Metrics(province, ReformName, reform, (reform.MeanPublicPayment.Mean - baseline.MeanPublicPayment.Mean) * households);
    }

    private static HealthMetrics Metrics(string province, string scenario, HealthShockResult r, double netCost)
        => new(province, scenario, r.CapacityToPay40.Mean, r.CapacityToPay40.Lower, r.CapacityToPay40.Upper, r.MeanOutOfPocket.Mean, r.MeanPublicPayment.Mean, netCost);
}
