using SocialSecurity.Modeling.Parameters;
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
/// person's cap depends on comes from the assistance programs of the same run (dibao roll → dibao group,
/// dibao-marginal households → marginal group; <see cref="MedicalAssistanceGroupProgram"/>), so the cap reaches the
/// households the targeting actually found, and a reform of dibao would move them.
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

    /// <summary>
    /// Baseline, the cap reform, and <paramref name="dibaoReform"/>: every replicate runs the assistance programs too,
    /// so the groups come from the same run as the bills, and a dibao reform moves households into medical assistance
    /// and under the cap (its row shows the medical layers only, not the dibao benefits).
    /// </summary>
    public static IEnumerable<HealthMetrics> Compare(string province, string provinceCode, Population population, Policy assistance, Reform dibaoReform, ParameterStore store, DateOnly date, int replicates, ulong seed)
    {
        // The three simulations run together: each replicate's bills are drawn once and shared (the same results as
        // three separate runs).
        var options = new HealthShockOptions { Replicates = replicates, Seed = seed };
        HealthShockSimulation Simulation(ParameterStore parameters) => new(HealthSpendingModel.Illustrative, parameters, assistance.Programs);
        var results = HealthShockSimulation.Run(
            [Simulation(store), Simulation(store.WithReform(CapReform(store, provinceCode, date))), Simulation(store.WithReform(dibaoReform))],
            population,
            date,
            options);
        var (baseline, cap, dibao) = (results[0], results[1], results[2]);
        double households = population.WeightedHouseholds;
        yield return Metrics(province, "baseline", baseline, 0);
        yield return Metrics(province, ReformName, cap, (cap.MeanPublicPayment.Mean - baseline.MeanPublicPayment.Mean) * households);
        yield return Metrics(province, dibaoReform.Name + " (medical layers)", dibao, (dibao.MeanPublicPayment.Mean - baseline.MeanPublicPayment.Mean) * households);
    }

    private static HealthMetrics Metrics(string province, string scenario, HealthShockResult r, double netCost)
        => new(province, scenario, r.CapacityToPay40.Mean, r.CapacityToPay40.Lower, r.CapacityToPay40.Upper, r.MeanOutOfPocket.Mean, r.MeanPublicPayment.Mean, netCost);
}
