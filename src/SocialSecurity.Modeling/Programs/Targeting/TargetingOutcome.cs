namespace SocialSecurity.Modeling.Programs.Targeting;

/// <summary>
/// What happened to a household in a targeted means-tested program, as written to the
/// <see cref="TargetedProgram.Outcome"/> column (the numeric value of each member).
/// </summary>
public enum TargetingOutcome
{
    /// <summary>Not eligible and not covered: correctly left out.</summary>
    IneligibleNotCovered = 0,

    /// <summary>Eligible and receiving: correctly covered.</summary>
    EligibleReceiving = 1,

    /// <summary>Eligible but did not apply (non-take-up).</summary>
    EligibleNotTakingUp = 2,

    /// <summary>Eligible and applied, but not identified: exclusion error (漏保).</summary>
    EligibleExcluded = 3,

    /// <summary>Not eligible but covered: inclusion error (错保).</summary>
    IneligibleIncluded = 4,
}
