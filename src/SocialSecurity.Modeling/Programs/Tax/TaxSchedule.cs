using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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

/// <summary>
/// A <see cref="TaxSchedule"/> resolved once per region and run: the tax of every whole band below each band summed
/// in advance, in the order <see cref="TaxSchedule.Tax"/> sums them, so that <see cref="Tax"/> adds one slice to a
/// stored sum and returns, bit for bit, what <see cref="TaxSchedule.Tax"/> returns; and the quick deductions.
/// </summary>
internal sealed class PreparedSchedule
{
    private readonly double[] _thresholds;
    private readonly double[] _rates;
    private readonly double[] _below;
    private readonly double[] _quick;
    private readonly ImmutableArray<double> _sourceThresholds;
    private readonly ImmutableArray<double> _sourceRates;
    private readonly bool _general;

    // The thresholds padded with +∞ to eight lanes, when the schedule has at most eight bands: the band search is
    // then two vector compares and a bit count (no amount is above +∞, NaN is above nothing, as in the scalar loop).
    private readonly bool _vector;
    private readonly Vector256<double> _low;
    private readonly Vector256<double> _high;

    public PreparedSchedule(ImmutableArray<double> thresholds, ImmutableArray<double> rates)
    {
        _sourceThresholds = thresholds;
        _sourceRates = rates;
        _thresholds = [.. thresholds];
        _rates = [.. rates];

        // A malformed schedule (fewer rates than bands, thresholds not strictly ascending) keeps the general loop,
        // which fails or answers where it always did.
        // An empty schedule too (the prepared form reads band 0).
        _general = rates.Length < thresholds.Length || thresholds.Length == 0;
        for (int k = 1; k < thresholds.Length; k++)
        {
            _general |= !(thresholds[k] > thresholds[k - 1]);
        }

        _below = new double[thresholds.Length];
        _quick = new double[thresholds.Length];
        if (_general)
        {
            return;
        }

        if (Vector256.IsHardwareAccelerated && thresholds.Length <= 8)
        {
            var padded = new double[8];
            padded.AsSpan().Fill(double.PositiveInfinity);
            thresholds.AsSpan().CopyTo(padded);
            _low = Vector256.Create(padded[0], padded[1], padded[2], padded[3]);
            _high = Vector256.Create(padded[4], padded[5], padded[6], padded[7]);
            _vector = true;
        }

        double sum = 0;
        for (int k = 0; k < thresholds.Length; k++)
        {
            // The tax of whole bands 0..k-1, summed in the order of TaxSchedule.Tax: while the amount is above
            // threshold k, each band j < k contributes (threshold j+1 − threshold j) × rate j.
            _below[k] = sum;
            if (k + 1 < thresholds.Length)
            {
                sum += (thresholds[k + 1] - thresholds[k]) * rates[k];
            }

            _quick[k] = TaxSchedule.QuickDeduction(k, thresholds, rates);
        }
    }

    /// <summary>The rates, by band.</summary>
    public ReadOnlySpan<double> Rates => _rates;

    /// <summary>Equal to <see cref="TaxSchedule.Tax"/> over the same schedule, bit for bit.</summary>
    /// <param name="amount">The taxable amount.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Tax(double amount)
    {
        if (_general)
        {
            return TaxSchedule.Tax(amount, _sourceThresholds, _sourceRates);
        }

        var thresholds = _thresholds;
        int band = Above(amount) - 1;

        // The loop of TaxSchedule.Tax runs over bands 0..band; the last slice is (amount − its lower bound) × its rate
        // (the amount is at most the next threshold), the others are whole bands, already summed. Branch-free (whether an amount is taxed at all is unpredictable): the
        // slice of band max(band, 0) is computed always and 0 selected, bit for bit, when the amount is in no band.
        int at = Math.Max(band, 0);
        double taxed = _below[at] + ((amount - thresholds[at]) * _rates[at]);
        return Select(band < 0, 0, taxed);
    }

    /// <summary><paramref name="condition"/> ? <paramref name="whenTrue"/> : <paramref name="whenFalse"/>, bit for bit, without a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Select(bool condition, double whenTrue, double whenFalse)
    {
        long mask = -(long)Unsafe.As<bool, byte>(ref condition);
        return BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(whenTrue) & mask) | (BitConverter.DoubleToInt64Bits(whenFalse) & ~mask));
    }

    /// <summary>Equal to <see cref="TaxSchedule.Band"/> over the same schedule.</summary>
    /// <param name="amount">The amount.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Band(double amount)
    {
        var thresholds = _thresholds;
        if (!_general)
        {
            // Ascending thresholds: those below the amount are a prefix, so the band is their count less one.
            return Math.Max(Above(amount) - 1, 0);
        }

        int band = 0;
        for (int k = 1; k < thresholds.Length && amount > thresholds[k]; k++)
        {
            band = k;
        }

        return band;
    }

    /// <summary>How many thresholds <paramref name="amount"/> is above: with strictly ascending thresholds, the index of its band plus one (0 at or below the first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Above(double amount)
    {
        if (_vector)
        {
            var a = Vector256.Create(amount);
            uint above = Vector256.GreaterThan(a, _low).ExtractMostSignificantBits() | (Vector256.GreaterThan(a, _high).ExtractMostSignificantBits() << 4);
            return BitOperations.PopCount(above);
        }

        var thresholds = _thresholds;
        int count = 0;
        for (int k = 0; k < thresholds.Length; k++)
        {
            count += amount > thresholds[k] ? 1 : 0;
        }

        return count;
    }

    /// <summary>Equal to <see cref="TaxSchedule.QuickDeduction"/> over the same schedule.</summary>
    /// <param name="band">A band index.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double QuickDeduction(int band) => _general ? TaxSchedule.QuickDeduction(band, _sourceThresholds, _sourceRates) : _quick[band];
}
