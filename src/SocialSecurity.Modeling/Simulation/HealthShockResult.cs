namespace SocialSecurity.Modeling.Simulation;

/// <summary>
/// Financial-protection indicators from a <see cref="HealthShockSimulation"/>: weighted shares of households with
/// catastrophic health expenditure, and mean out-of-pocket spending, each over replicates with a confidence interval.
/// </summary>
/// <param name="Options">The settings of the run.</param>
/// <param name="CapacityToPay40">Share of households whose out-of-pocket spending exceeds 40% of their capacity to pay (WHO definition).</param>
/// <param name="Income10">Share of households whose out-of-pocket spending exceeds 10% of their income (SDG 3.8.2, lower threshold).</param>
/// <param name="Income25">Share of households whose out-of-pocket spending exceeds 25% of their income (SDG 3.8.2, upper threshold).</param>
/// <param name="MeanOutOfPocket">Weighted mean household out-of-pocket medical spending, yuan per year.</param>
/// <param name="MeanPublicPayment">Weighted mean public payment per household (basic, catastrophic, assistance, major-disease subsidy, household cap), yuan per year.</param>
public sealed record HealthShockResult(
    HealthShockOptions Options,
    ReplicateEstimate CapacityToPay40,
    ReplicateEstimate Income10,
    ReplicateEstimate Income25,
    ReplicateEstimate MeanOutOfPocket,
    ReplicateEstimate MeanPublicPayment);
