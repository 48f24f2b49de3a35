using System.Collections.Immutable;

namespace SocialSecurity.Modeling.Programs.Tax;

/// <summary>
/// A progressive schedule given by the lower bound of each band (first 0, ascending) and the marginal rate of each
/// band. The quick deduction of a band is derived, not read: <c>rate × lower bound − tax at the lower bound</c>, so
/// a reform that changes a rate or a threshold keeps the schedule consistent (docs/rules/income_tax.md#schedules).
/// </summary>
internal static class TaxSchedule
{
    /// <summary>The tax on <paramref name="amount"/>: each band's rate applied to the slice of the amount inside it.</summary>
    /// <param name="amount">The taxable amount; 0 or less pays nothing.</param>
    /// <param name="thresholds">Lower bounds of the bands, ascending, first 0.</param>
    /// <param name="rates">One rate per band.</param>
    public static double Tax(double amount, ImmutableArray<double> thresholds, ImmutableArray<double> rates)
    {
        double tax = 0;
        for (int k = 0; k < thresholds.Length && amount > thresholds[k]; k++)
        {
            double upper = k + 1 < thresholds.Length ? Math.Min(amount, thresholds[k + 1]) : amount;
            tax += (upper - thresholds[k]) * rates[k];
        }

        return tax;
    }

    /// <summary>The band <paramref name="amount"/> falls in: the last band whose lower bound is below it (band 0 for 0 or less).</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="thresholds">Lower bounds of the bands, ascending, first 0.</param>
    public static int Band(double amount, ImmutableArray<double> thresholds)
    {
        int band = 0;
        for (int k = 1; k < thresholds.Length && amount > thresholds[k]; k++)
        {
            band = k;
        }

        return band;
    }

    /// <summary>The quick deduction of <paramref name="band"/>: its rate times its lower bound less the tax at that bound.</summary>
    /// <param name="band">A band index.</param>
    /// <param name="thresholds">Lower bounds of the bands, ascending, first 0.</param>
    /// <param name="rates">One rate per band.</param>
    public static double QuickDeduction(int band, ImmutableArray<double> thresholds, ImmutableArray<double> rates)
        => (rates[band] * thresholds[band]) - Tax(thresholds[band], thresholds, rates);
}
