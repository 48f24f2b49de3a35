namespace SocialSecurity.Modeling.Simulation;

/// <summary>Progress of a population run, reported after each block of households.</summary>
/// <param name="Stage">What is being done, for example <c>baseline</c> or <c>reform</c>.</param>
/// <param name="HouseholdsDone">Households computed so far.</param>
/// <param name="HouseholdsTotal">Households in the population.</param>
public readonly record struct SimulationProgress(string Stage, int HouseholdsDone, int HouseholdsTotal)
{
    /// <summary>The fraction done, from 0 to 1.</summary>
    public double Fraction => HouseholdsTotal == 0 ? 1 : (double)HouseholdsDone / HouseholdsTotal;
}
