using System.Collections.Immutable;
using SocialSecurity.Modeling.Money;

namespace SocialSecurity.Modeling.Programs.Pensions.Rules;

/// <summary>
/// Contribution tiers of the resident pension (docs/rules/pension.resident.md): the person chooses an annual amount from the
/// province's ascending list; the first (lowest) tier is the one vulnerable groups keep and the base of
/// government-paid contributions.
/// </summary>
public static class ResidentPensionTiers
{
    /// <summary>
    /// The tier that applies to a chosen amount: the highest listed tier at or below it; the lowest tier when a
    /// positive amount is below every tier (the smallest contribution the scheme accepts); 0 (not contributing) for 0.
    /// Survey amounts between tiers are snapped down to a listed tier; an amount below the lowest tier is raised to it.
    /// </summary>
    /// <param name="chosen">The chosen amount, yuan per year (≥ 0; 0 means not enrolled).</param>
    /// <param name="tiers">The province's tiers, ascending, non-empty.</param>
    /// <exception cref="ArgumentOutOfRangeException">The chosen amount is negative or not finite.</exception>
    /// <exception cref="ArgumentException">The tier list is empty or not ascending.</exception>
    public static AnnualYuan Applicable(AnnualYuan chosen, ImmutableArray<double> tiers)
    {
        if (!double.IsFinite(chosen.Value) || chosen.Value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(chosen), chosen.Value, "A chosen tier must be finite and ≥ 0 yuan/year (0 = not enrolled).");
        }

        CheckTiers(tiers);
        return new AnnualYuan(Snap(chosen.Value, tiers.AsSpan()));
    }

    /// <summary>
    /// A wage-linked top tier, read literally as an annual amount of <paramref name="multiple"/> × the monthly
    /// wage (Zhejiang: "300% of employees' average monthly wage" [P]; with W_month 7,000 [I] it is 21,000 a year,
    /// docs/worked-examples.md#example-6).
    /// </summary>
    /// <param name="averageMonthlyWage">The reference average monthly wage (≥ 0).</param>
    /// <param name="multiple">The multiple (≥ 0; 3 in Zhejiang).</param>
    public static AnnualYuan WageLinkedTopTier(MonthlyYuan averageMonthlyWage, double multiple)
    {
        if (!double.IsFinite(averageMonthlyWage.Value) || averageMonthlyWage.Value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(averageMonthlyWage), averageMonthlyWage.Value, "The average monthly wage must be finite and ≥ 0.");
        }

        if (!double.IsFinite(multiple) || multiple < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(multiple), multiple, "The wage multiple must be finite and ≥ 0.");
        }

        // Literal reading: the multiple applies to the monthly wage and the result is the annual tier amount.
        return new AnnualYuan(multiple * averageMonthlyWage.Value);
    }

    internal static double Snap(double chosen, ReadOnlySpan<double> tiers)
    {
        if (chosen <= 0)
        {
            return 0;
        }

        double tier = tiers[0];
        for (int i = 1; i < tiers.Length && tiers[i] <= chosen; i++)
        {
            tier = tiers[i];
        }

        return tier;
    }

    internal static void CheckTiers(ImmutableArray<double> tiers, string name = "tiers")
    {
        if (tiers.IsDefaultOrEmpty)
        {
            throw new ArgumentException("The tier list must not be empty.", name);
        }

        for (int i = 0; i < tiers.Length; i++)
        {
            if (!double.IsFinite(tiers[i]) || tiers[i] <= 0 || (i > 0 && tiers[i] <= tiers[i - 1]))
            {
                throw new ArgumentException($"Tiers must be positive, finite and strictly ascending; tier {i} is {tiers[i]}.", name);
            }
        }
    }
}
