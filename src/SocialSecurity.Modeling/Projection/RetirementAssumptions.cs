using System.Globalization;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// Voluntary early or deferred retirement in a projection, a parameterised behaviour (docs/projection.md#retirement):
/// each employee-pension member draws once (seeded by the person's id) whether to retire early, on time or late. Early
/// retirement is up to <see cref="EarlyMonths"/> before the statutory age, never before the original age (60 men, 50
/// or 55 women); deferral is <see cref="DeferMonths"/> after it. The 2024 decision allows up to 36 months either way.
/// </summary>
/// <param name="EarlyShare">Share of members who retire early (0–1).</param>
/// <param name="EarlyMonths">Months before the statutory age they retire (0–36).</param>
/// <param name="DeferShare">Share of members who defer (0–1; with <paramref name="EarlyShare"/> at most 1).</param>
/// <param name="DeferMonths">Months after the statutory age they retire (0–36).</param>
/// <param name="Tag">Provenance tag (P N L D U I).</param>
/// <param name="Source">Where the behaviour comes from.</param>
public sealed record RetirementAssumptions(double EarlyShare, int EarlyMonths, double DeferShare, int DeferMonths, string Tag, string Source)
{
    /// <summary>Everyone retires at the statutory age [I]: no voluntary early or deferred retirement.</summary>
    public static RetirementAssumptions Statutory { get; } = new(0, 0, 0, 0, "I", "Illustrative: every member retires in the month the statutory age is reached (docs/projection.md#retirement)");

    internal void Validate()
    {
        AssumptionSource.Check("retirement behaviour", Tag, Source);
        var c = CultureInfo.InvariantCulture;
        if (!(EarlyShare is >= 0 and <= 1) || !(DeferShare is >= 0 and <= 1) || EarlyShare + DeferShare > 1)
        {
            throw new ArgumentException(string.Create(c, $"The retirement behaviour's shares must lie in 0–1 and add up to at most 1, not early {EarlyShare} and deferred {DeferShare}."));
        }

        if (EarlyMonths is < 0 or > 36 || DeferMonths is < 0 or > 36)
        {
            throw new ArgumentException(string.Create(c, $"The retirement behaviour's months must lie in 0–36 (the 2024 decision's limit), not early {EarlyMonths} and deferred {DeferMonths}."));
        }
    }
}
