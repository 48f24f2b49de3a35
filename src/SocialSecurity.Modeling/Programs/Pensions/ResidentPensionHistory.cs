using System.Collections.Immutable;
using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Programs.Pensions.Rules;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// One person's resident-pension contribution history: the tier chosen and the assistance status in each year of
/// age from <see cref="StartAge"/>, and whether the person lives in a rural area (collective subsidies). A tier of 0
/// is a year without contribution. Immutable.
/// </summary>
public sealed class ResidentPensionHistory
{
    /// <summary>Creates a history.</summary>
    /// <param name="startAge">The age of the first year (≥ 0).</param>
    /// <param name="tiers">The chosen tier in each year, yuan/year (≥ 0).</param>
    /// <param name="statuses">The assistance status in each year (same length as <paramref name="tiers"/>).</param>
    /// <param name="rural">Whether the person lives in a rural area.</param>
    /// <exception cref="ArgumentException">The lists differ in length or hold a negative tier.</exception>
    public ResidentPensionHistory(int startAge, IEnumerable<AnnualYuan> tiers, IEnumerable<AssistanceStatus> statuses, bool rural)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startAge);
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentNullException.ThrowIfNull(statuses);
        Tiers = [.. tiers];
        Statuses = [.. statuses];
        if (Tiers.Length != Statuses.Length)
        {
            throw new ArgumentException($"One status per year is needed: {Tiers.Length} tiers but {Statuses.Length} statuses.", nameof(statuses));
        }

        for (int i = 0; i < Tiers.Length; i++)
        {
            if (!double.IsFinite(Tiers[i].Value) || Tiers[i].Value < 0)
            {
                throw new ArgumentException($"Tier in year {i} (age {startAge + i}) must be finite and ≥ 0; found {Tiers[i].Value}.", nameof(tiers));
            }
        }

        StartAge = startAge;
        Rural = rural;
    }

    /// <summary>The age of the first year.</summary>
    public int StartAge { get; }

    /// <summary>The chosen tier in each year, yuan/year.</summary>
    public ImmutableArray<AnnualYuan> Tiers { get; }

    /// <summary>The assistance status in each year.</summary>
    public ImmutableArray<AssistanceStatus> Statuses { get; }

    /// <summary>Whether the person lives in a rural area.</summary>
    public bool Rural { get; }

    /// <summary>The number of years in which a tier was paid.</summary>
    public int ContributionYears => Tiers.Count(t => t.Value > 0);

    /// <summary>A history of <paramref name="years"/> years at the same tier and status from <paramref name="startAge"/>.</summary>
    /// <param name="startAge">The age of the first year.</param>
    /// <param name="years">The number of years (≥ 0).</param>
    /// <param name="tier">The chosen tier, yuan/year.</param>
    /// <param name="status">The assistance status.</param>
    /// <param name="rural">Whether the person lives in a rural area.</param>
    public static ResidentPensionHistory Level(int startAge, int years, AnnualYuan tier, AssistanceStatus status = AssistanceStatus.None, bool rural = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        return new ResidentPensionHistory(startAge, Enumerable.Repeat(tier, years), Enumerable.Repeat(status, years), rural);
    }
}
