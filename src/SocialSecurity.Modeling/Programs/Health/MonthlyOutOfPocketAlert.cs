using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// Monthly flagging of people with high out-of-pocket medical spending, so that village teams can help them claim
/// after-the-fact assistance (docs/rules/medical.md#medical-assistance).
/// </summary>
/// <remarks>
/// <para>Kashgar [P]: records of people whose personal out-of-pocket spending in a month exceeds 1,000 yuan
/// (strictly greater) are pushed monthly through county and township to village teams. Parameter
/// <see cref="ThresholdParameter"/> (yuan per month).</para>
/// <para>Rule: flagged when monthly OOP &gt; threshold. 1,000.00 is not flagged, 1,000.01 is (worked example 16).</para>
/// </remarks>
public readonly record struct MonthlyOutOfPocketAlert
{
    /// <summary>Parameter: the monthly out-of-pocket amount that must be exceeded to be flagged, yuan per month.</summary>
    public const string ThresholdParameter = "medical.oop_alert.threshold";

    /// <summary>A flagging rule.</summary>
    /// <param name="thresholdMonthly">The monthly out-of-pocket amount that must be exceeded, yuan per month, ≥ 0.</param>
    public MonthlyOutOfPocketAlert(double thresholdMonthly)
    {
        ThresholdMonthly = Guard.NonNegative(thresholdMonthly, nameof(thresholdMonthly));
        ThresholdMonthly = thresholdMonthly;
    }

    /// <summary>The monthly out-of-pocket amount that must be exceeded, yuan per month.</summary>
    public double ThresholdMonthly { get; }

    /// <summary>The rule in force in <paramref name="region"/> at <paramref name="date"/>.</summary>
    /// <param name="parameters">The parameter store.</param>
    /// <param name="date">The date.</param>
    /// <param name="region">The region (its own value, else its province's, else the nation's).</param>
    /// <exception cref="ParameterNotFoundException">No threshold is in force there (most regions do not push records).</exception>
    public static MonthlyOutOfPocketAlert InForce(ParameterStore parameters, DateOnly date, RegionId region)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new MonthlyOutOfPocketAlert(parameters.Resolve(ThresholdParameter, date, region).PerMonth());
    }

    /// <summary>Whether a month's out-of-pocket spending is flagged: strictly above the threshold.</summary>
    /// <param name="outOfPocketMonthly">Out-of-pocket spending in the month, yuan.</param>
    public bool IsFlagged(double outOfPocketMonthly) => outOfPocketMonthly > ThresholdMonthly;

    /// <summary>Flags each month's (or person's) out-of-pocket spending.</summary>
    /// <param name="outOfPocketMonthly">Monthly out-of-pocket amounts, yuan (a double column); NaN is never flagged.</param>
    /// <param name="flags">Receives whether each amount is flagged; same length.</param>
    /// <returns>The number flagged.</returns>
    public int Flag(ReadOnlySpan<double> outOfPocketMonthly, Span<bool> flags)
    {
        if (flags.Length != outOfPocketMonthly.Length)
        {
            throw new ArgumentException($"flags has {flags.Length} element(s) but there are {outOfPocketMonthly.Length} amount(s); they must have the same length.", nameof(flags));
        }

        int count = 0;
        for (int i = 0; i < outOfPocketMonthly.Length; i++)
        {
            flags[i] = outOfPocketMonthly[i] > ThresholdMonthly;
            count += flags[i] ? 1 : 0;
        }

        return count;
    }
}
