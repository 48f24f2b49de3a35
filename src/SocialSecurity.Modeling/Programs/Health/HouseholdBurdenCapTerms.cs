using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// The household annual out-of-pocket burden cap for families in difficulty (困难家庭医疗费用负担封顶制): after basic
/// and catastrophic insurance, assistance, policy commercial insurance and other subsidies, the family's reasonable
/// out-of-pocket medical spending above a cap <i>K</i> is covered 100% (docs/rules/medical.md#household-burden-cap).
/// </summary>
/// <remarks>
/// <para>Hangzhou, issued December 2023, effective 1 January 2024 [P]. <i>K</i> ∈ {3,000; 30,000; 50,000} by family
/// situation [L, China Daily 2023-12-11]; the mapping is unknown, so the default is [I]: destitute and dibao 3,000,
/// dibao-marginal 30,000, other hardship 50,000. The cap runs per calendar year [I]. Households in no group have no
/// cap. A household's <i>K</i> is the lowest of its members' groups.</para>
/// <para>The cap applies to all out-of-pocket spending, out-of-policy costs included (worked example 15 caps an OOP
/// of 14,334.40 that includes 10,000 out-of-policy). The fund's payment is shared among members in proportion to their
/// out-of-pocket spending, so each member's layers still add up to that member's bill.</para>
/// </remarks>
/// <param name="Enabled">Whether the cap exists where the household lives.</param>
/// <param name="DestituteOrDibaoCap">K for destitute and dibao households, yuan per year.</param>
/// <param name="MarginalCap">K for dibao-marginal households, yuan per year.</param>
/// <param name="OtherHardshipCap">K for other hardship households, yuan per year.</param>
public readonly record struct HouseholdBurdenCapTerms(bool Enabled, double DestituteOrDibaoCap, double MarginalCap, double OtherHardshipCap)
{
    /// <summary>K for destitute and dibao households, yuan per year.</summary>
    public double DestituteOrDibaoCap { get; init; } = Guard.NonNegative(DestituteOrDibaoCap, nameof(DestituteOrDibaoCap));

    /// <summary>K for dibao-marginal households, yuan per year.</summary>
    public double MarginalCap { get; init; } = Guard.NonNegative(MarginalCap, nameof(MarginalCap));

    /// <summary>K for other hardship households, yuan per year.</summary>
    public double OtherHardshipCap { get; init; } = Guard.NonNegative(OtherHardshipCap, nameof(OtherHardshipCap));

    /// <summary>No cap anywhere.</summary>
    public static HouseholdBurdenCapTerms None => default;

    /// <summary>The cap K for a household whose most favourable member group is <paramref name="group"/>; null when there is none.</summary>
    /// <param name="group">The group.</param>
    public double? CapFor(AssistanceGroup group)
    {
        if (!Enabled)
        {
            return null;
        }

        return group switch
        {
            AssistanceGroup.Destitute or AssistanceGroup.Dibao => DestituteOrDibaoCap,
            AssistanceGroup.Marginal => MarginalCap,
            AssistanceGroup.OtherHardship => OtherHardshipCap,
            _ => null,
        };
    }

    /// <summary>The lower cap of two groups' caps, for combining members into a household (null is "no cap").</summary>
    /// <param name="a">One cap.</param>
    /// <param name="b">Another cap.</param>
    public static double? Lower(double? a, double? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    /// <summary>
    /// Applies a cap <paramref name="cap"/> to the members of one household: the fund pays the household's
    /// out-of-pocket spending above the cap, shared among members in proportion to their out-of-pocket spending.
    /// </summary>
    /// <param name="members">The members' payouts before the cap; replaced in place by the payouts after it.</param>
    /// <param name="cap">The household's cap K, yuan per year, or null for none (nothing changes).</param>
    /// <returns>What the fund pays the household, yuan.</returns>
    public static double Apply(Span<MedicalPayout> members, double? cap)
    {
        if (cap is not { } k)
        {
            return 0;
        }

        Guard.NonNegative(k, nameof(cap));
        double total = 0;
        foreach (ref readonly var m in members)
        {
            total += m.OutOfPocket;
        }

        double excess = total - k;
        if (excess <= 0)
        {
            return 0;
        }

        double left = excess;
        for (int i = 0; i < members.Length; i++)
        {
            double oop = members[i].OutOfPocket;
            double share = i == members.Length - 1 ? left : excess * oop / total;
            share = Math.Min(oop, Math.Min(left, share));
            members[i] = members[i].WithHouseholdCap(share);
            left -= share;
        }

        return excess - left;
    }

    /// <summary>The parameters the cap is read from.</summary>
    internal static string[] ParameterNames =>
        [MedicalPayoutProgram.HouseholdCapEnabled, MedicalPayoutProgram.HouseholdCapDestituteDibao, MedicalPayoutProgram.HouseholdCapMarginal, MedicalPayoutProgram.HouseholdCapOtherHardship];

    /// <summary>The cap in force where <paramref name="read"/> reads.</summary>
    /// <param name="read">The region's parameters.</param>
    internal static HouseholdBurdenCapTerms Read(TermsReader read) => new(
        read.Flag(MedicalPayoutProgram.HouseholdCapEnabled),
        read.PerYear(MedicalPayoutProgram.HouseholdCapDestituteDibao),
        read.PerYear(MedicalPayoutProgram.HouseholdCapMarginal),
        read.PerYear(MedicalPayoutProgram.HouseholdCapOtherHardship));
}
