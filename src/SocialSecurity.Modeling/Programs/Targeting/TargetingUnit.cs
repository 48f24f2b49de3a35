namespace SocialSecurity.Modeling.Programs.Targeting;

/// <summary>What a <see cref="SocialSecurity.Modeling.Simulation.TargetingReport"/> counts: households (weighted by the household weight) or persons (household weight × size).</summary>
public enum TargetingUnit
{
    /// <summary>Weighted households.</summary>
    Households,

    /// <summary>Weighted persons in those households.</summary>
    Persons,
}
