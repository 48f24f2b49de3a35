using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// One person's medical bill for a year (or for one admission when computed per admission): the part within the
/// insurance policy scope (政策范围内), the part outside it, where the person was treated and how many times admitted.
/// </summary>
/// <remarks>Out-of-policy costs (自费, drugs and services outside the catalogues) are never reimbursed by insurance or
/// assistance; they enter out-of-pocket spending and the household burden cap (docs/rules/medical.md#household-burden-cap).</remarks>
public readonly record struct MedicalClaim
{
    /// <summary>A claim.</summary>
    /// <param name="withinPolicy">Within-policy cost, yuan, ≥ 0.</param>
    /// <param name="outOfPolicy">Out-of-policy cost, yuan, ≥ 0.</param>
    /// <param name="level">The hospital level (selects the basic-insurance deductible).</param>
    /// <param name="admissions">Admissions in the period, ≥ 1: the first pays the full deductible, each repeat a reduced one.</param>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative or not finite-valued, the level is undefined, or admissions &lt; 1.</exception>
    public MedicalClaim(double withinPolicy, double outOfPolicy, HospitalLevel level = HospitalLevel.Tertiary, int admissions = 1)
    {
        Guard.NonNegative(withinPolicy, nameof(withinPolicy));
        Guard.NonNegative(outOfPolicy, nameof(outOfPolicy));
        if (!Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The hospital level must be Primary (1), Secondary (2) or Tertiary (3).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(admissions, 1);
        WithinPolicy = withinPolicy;
        OutOfPolicy = outOfPolicy;
        Level = level;
        Admissions = admissions;
    }

    /// <summary>Within-policy cost, yuan.</summary>
    public double WithinPolicy { get; }

    /// <summary>Out-of-policy cost, yuan.</summary>
    public double OutOfPolicy { get; }

    /// <summary>The hospital level.</summary>
    public HospitalLevel Level { get; }

    /// <summary>Admissions in the period (at least 1).</summary>
    public int Admissions { get; }

    /// <summary>The whole bill: within-policy plus out-of-policy cost, yuan.</summary>
    public double Total => WithinPolicy + OutOfPolicy;

    /// <summary>The average bill per admission, yuan (the whole bill when there is one admission).</summary>
    public double PerAdmission => Total / Math.Max(1, Admissions);
}
