using System.Collections.Immutable;
using SocialSecurity.Modeling.Money;

namespace SocialSecurity.Modeling.Programs.Pensions.Rules;

/// <summary>
/// A step function of the contribution tier: an amount in yuan per year that applies to every tier at or above a
/// threshold, up to the next threshold. Used for the government contribution subsidy <i>s(t)</i> and for its national
/// floors (docs/rules/pension.resident.md). Immutable.
/// </summary>
/// <example>
/// The illustrative schedule (30 for the 100 and 200 tiers, 40 for 300, +5 per higher tier up to 80) is
/// thresholds 100, 300, 400, …, 1,500 with amounts 30, 40, 45, …, 80; the national floor is 100 → 30, 500 → 60.
/// </example>
public sealed class SubsidySchedule
{
    /// <summary>Creates a schedule.</summary>
    /// <param name="thresholds">Tier amounts in yuan per year, strictly ascending, finite and ≥ 0.</param>
    /// <param name="amounts">The subsidy in yuan per year from each threshold on; same length, finite and ≥ 0.</param>
    /// <exception cref="ArgumentException">The lists differ in length, are empty, are not ascending, or hold a negative or non-finite value.</exception>
    public SubsidySchedule(IEnumerable<double> thresholds, IEnumerable<double> amounts)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(amounts);
        Thresholds = [.. thresholds];
        Amounts = [.. amounts];
        if (Thresholds.Length == 0 || Thresholds.Length != Amounts.Length)
        {
            throw new ArgumentException($"A subsidy schedule needs one amount per threshold and at least one threshold; found {Thresholds.Length} thresholds and {Amounts.Length} amounts.", nameof(amounts));
        }

        for (int i = 0; i < Thresholds.Length; i++)
        {
            if (!double.IsFinite(Thresholds[i]) || Thresholds[i] < 0 || (i > 0 && Thresholds[i] <= Thresholds[i - 1]))
            {
                throw new ArgumentException($"Subsidy thresholds must be finite, ≥ 0 and strictly ascending; threshold {i} is {Thresholds[i]}.", nameof(thresholds));
            }

            if (!double.IsFinite(Amounts[i]) || Amounts[i] < 0)
            {
                throw new ArgumentException($"Subsidy amounts must be finite and ≥ 0; amount {i} is {Amounts[i]}.", nameof(amounts));
            }
        }
    }

    /// <summary>The tier amounts (yuan/year) from which each amount applies, ascending.</summary>
    public ImmutableArray<double> Thresholds { get; }

    /// <summary>The subsidy (yuan/year) from each threshold on.</summary>
    public ImmutableArray<double> Amounts { get; }

    /// <summary>The subsidy for a tier: the amount of the highest threshold at or below it; 0 below the first threshold or for tier 0 (not contributing).</summary>
    /// <param name="tier">The contribution tier, yuan per year (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">The tier is negative or not finite.</exception>
    public AnnualYuan AmountFor(AnnualYuan tier)
    {
        if (!double.IsFinite(tier.Value) || tier.Value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tier), tier.Value, "A contribution tier must be finite and ≥ 0 yuan/year.");
        }

        return new AnnualYuan(Lookup(tier.Value));
    }

    internal double Lookup(double tier)
    {
        if (tier <= 0)
        {
            return 0;
        }

        double amount = 0;
        var thresholds = Thresholds.AsSpan();
        for (int i = 0; i < thresholds.Length && thresholds[i] <= tier; i++)
        {
            amount = Amounts[i];
        }

        return amount;
    }
}
