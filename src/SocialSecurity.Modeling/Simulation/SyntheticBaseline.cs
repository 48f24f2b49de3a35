using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Simulation;

/// <summary>
/// A built-in synthetic population calibrated after simulation of a baseline policy: its pre-tax, pre-transfer market
/// incomes are moved and its weights calibrated until the <i>simulated</i> disposable income (taxes, contributions
/// and transfers of the policy applied) meets the published means, and, nationally, the five income-group means
/// (<see cref="SyntheticPopulation.GenerateCalibrated"/>; docs/baseline.md).
/// </summary>
/// <example>
/// <code>
/// var baseline = SyntheticBaseline.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.China, Year = 2023 },
///     Policies.Standard(), ParameterStore.Default, new DateOnly(2023, 7, 1));
/// Console.WriteLine(baseline.Report);
/// </code>
/// </example>
public static class SyntheticBaseline
{
    /// <summary>Generates and calibrates the population, and simulates the policy on it.</summary>
    /// <param name="options">Region, sample size, seed and statistics year.</param>
    /// <param name="policy">The baseline policy, for example <c>Policies.Standard()</c> or <c>Policies.StandardWithTargeting()</c>.</param>
    /// <param name="parameters">The parameters.</param>
    /// <param name="date">The simulation date, for example 2023-07-01.</param>
    /// <param name="regions">The region catalogue; the parameters' when <see langword="null"/>.</param>
    /// <returns>The calibrated population, the baseline simulated on it and the calibration report.</returns>
    /// <exception cref="InvalidOperationException">A calibration target is missed beyond its tolerance (the message names them).</exception>
    /// <remarks>
    /// The result is the last calibration round's run carried over to the calibrated weights, not a new run: no built-in
    /// rule reads the household weight. A program of your own whose values depend on the weights (read through
    /// <see cref="ProgramContext.Population"/>) would see the last round's weights; run
    /// <see cref="Microsimulation.Run"/> on <see cref="CalibratedBaseline.Population"/> for its values.
    /// </remarks>
    public static CalibratedBaseline Generate(SyntheticPopulationOptions options, Policy policy, ParameterStore parameters, DateOnly date, RegionCatalog? regions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(parameters);
        SimulationResult? last = null;
        var calibrated = SyntheticPopulation.GenerateCalibratedOnSimulation(options, population =>
        {
            // The previous round's incomes were copied out: the next run reuses its output columns (the rounds'
            // populations have the same households and persons) instead of allocating a second set, and the rounds
            // differ only in market incomes and weights, so the programs that read neither (the pensions) keep theirs.
            last = Microsimulation.RunAfterIncomeChange(population, policy, parameters, date, last);
            return DisposablePerCapita(last);
        }, _ => PensionStatuses(last!), regions ?? parameters.Regions); // the statuses of the last round only, read once after it

        // The calibrated population is the last one simulated with new weights; rules never read weights, so the last
        // run's values are the baseline's: they are carried over to the calibrated population, not simulated again.
        var result = last!.OnReweighted(calibrated.Population);
        return new CalibratedBaseline(options, calibrated.Population, result, calibrated.Report, calibrated.Simulations);
    }

    /// <summary>
    /// The persons' <b>simulated</b> pension statuses when the policy simulates both pensions (employee pension received,
    /// employee-pension contribution paid, resident pension received), else <see langword="null"/> (the statuses the
    /// history columns imply are used).
    /// </summary>
    internal static PensionStatuses? PensionStatuses(SimulationResult result)
    {
        var outputs = result.Policy.Outputs.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        if (!outputs.Contains(EmployeePensionProgram.Benefit.Name) || !outputs.Contains(ResidentPensionProgram.Benefit.Name) || !outputs.Contains(SocialInsuranceContributionsProgram.EmployeePension.Name))
        {
            return null;
        }

        static double[] Positive(ReadOnlySpan<double> values)
        {
            var flags = new double[values.Length];
            for (int i = 0; i < flags.Length; i++)
            {
                flags[i] = values[i] > 0 ? 1 : 0;
            }

            return flags;
        }

        return new PensionStatuses(
            Positive(result.Values(EmployeePensionProgram.Benefit.Name)),
            Positive(result.Values(SocialInsuranceContributionsProgram.EmployeePension.Name)),
            Positive(result.Values(ResidentPensionProgram.Benefit.Name)));
    }

    /// <summary>Each household's per-capita disposable income, in household order.</summary>
    /// <param name="result">A simulation result.</param>
    public static double[] DisposablePerCapita(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var household = result.HouseholdIncome(IncomeConcept.Disposable);
        var start = result.Population.MemberStart;
        var perCapita = new double[household.Length];
        for (int h = 0; h < perCapita.Length; h++)
        {
            perCapita[h] = household[h] / (start[h + 1] - start[h]);
        }

        return perCapita;
    }
}

/// <summary>A calibrated synthetic baseline (<see cref="SyntheticBaseline.Generate"/>).</summary>
/// <param name="Options">The generation options.</param>
/// <param name="Population">The calibrated population (market incomes, reported pensions, calibrated weights).</param>
/// <param name="Result">The baseline policy simulated on it.</param>
/// <param name="Report">The calibration targets against the simulated disposable income, all within tolerance.</param>
/// <param name="Simulations">How many times the policy was simulated.</param>
public sealed record CalibratedBaseline(SyntheticPopulationOptions Options, Population Population, SimulationResult Result, CalibrationReport Report, int Simulations);
