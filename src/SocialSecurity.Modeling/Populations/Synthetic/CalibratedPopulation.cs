using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>A synthetic population calibrated after simulation (<see cref="SyntheticPopulation.GenerateCalibrated"/>).</summary>
/// <param name="Population">The population: pre-tax, pre-transfer market incomes, reported pensions, calibrated weights.</param>
/// <param name="Report">The targets against the simulated disposable income of the last simulation, every one within its tolerance.</param>
/// <param name="Simulations">How many times the baseline policy was simulated.</param>
public sealed record CalibratedPopulation(Population Population, CalibrationReport Report, int Simulations);
