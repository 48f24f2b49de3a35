using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Projection;

/// <summary>One projected year of one replicate, as handed to <see cref="ProjectionOptions.OnYear"/>.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Replicate">The replicate, from 0.</param>
/// <param name="Result">The static run at the year's run date on the year's population.</param>
/// <param name="Summary">The year's indicators.</param>
public sealed record ProjectionYear(int Year, int Replicate, SimulationResult Result, ProjectionRow Summary);
