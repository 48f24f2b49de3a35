using System.Collections.Immutable;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// Segmented co-insurance (分段报销): reimbursement rates that apply to successive bands of an amount, like tax
/// brackets, with the part of the amount below a deductible not reimbursed.
/// </summary>
/// <remarks>
/// <para>Band <i>i</i> covers amounts in [<i>t</i><sub>i</sub>, <i>t</i><sub>i+1</sub>) (the last band is open) and
/// pays rate <i>r</i><sub>i</sub>. The bands are keyed by the amount itself, not by the amount above the deductible:
/// with a deductible <i>D</i>, the payment is Σ<sub>i</sub> <i>r</i><sub>i</sub> × |[max(<i>t</i><sub>i</sub>, <i>D</i>),
/// min(<i>t</i><sub>i+1</sub>, <i>x</i>))|. This is how Ulanqab states its rule ("D–30k at 65%, 30k–70k at 70%…",
/// docs/rules/medical.md#basic-medical-insurance): a 90,000 bill with <i>D</i> = 1,200 pays 28,800 × 65% + 40,000 × 70% + 20,000 × 75%.</para>
/// <para>Immutable; <see cref="Pay"/> does not allocate. Rates lie in [0, 1], so the payment never rises faster
/// than the amount and the amount left to pay never falls as the amount rises.</para>
/// </remarks>
public readonly struct CoinsuranceBands : IEquatable<CoinsuranceBands>
{
    private readonly ImmutableArray<double> _thresholds;
    private readonly ImmutableArray<double> _rates;

    private CoinsuranceBands(ImmutableArray<double> thresholds, ImmutableArray<double> rates)
    {
        _thresholds = thresholds;
        _rates = rates;
    }

    /// <summary>The lower bound of each band, yuan, ascending, the first 0. Empty for <c>default</c> (which pays nothing).</summary>
    public ImmutableArray<double> Thresholds => _thresholds.IsDefault ? [] : _thresholds;

    /// <summary>The reimbursement rate of each band, fractions in [0, 1].</summary>
    public ImmutableArray<double> Rates => _rates.IsDefault ? [] : _rates;

    /// <summary>The highest rate of any band (0 when there are no bands).</summary>
    public double MaximumRate
    {
        get
        {
            double max = 0;
            foreach (var r in Rates)
            {
                max = Math.Max(max, r);
            }

            return max;
        }
    }

    /// <summary>Bands from lower bounds and rates.</summary>
    /// <param name="thresholds">Lower bounds in yuan, strictly ascending, starting at 0.</param>
    /// <param name="rates">One rate per band, each in [0, 1].</param>
    /// <exception cref="ArgumentException">The lists are empty, of different lengths, not ascending, not starting at 0, or a rate is outside [0, 1].</exception>
    public static CoinsuranceBands Create(ReadOnlySpan<double> thresholds, ReadOnlySpan<double> rates)
    {
        if (thresholds.Length == 0 || thresholds.Length != rates.Length)
        {
            throw new ArgumentException($"Co-insurance bands need one rate per threshold and at least one band; got {thresholds.Length} threshold(s) and {rates.Length} rate(s).", nameof(rates));
        }

        if (thresholds[0] != 0)
        {
            throw new ArgumentException($"The first band must start at 0 yuan; got {thresholds[0]}.", nameof(thresholds));
        }

        for (int i = 1; i < thresholds.Length; i++)
        {
            if (!(thresholds[i] > thresholds[i - 1]) || !double.IsFinite(thresholds[i]))
            {
                throw new ArgumentException($"Band thresholds must be strictly ascending; threshold {i} ({thresholds[i]}) is not above threshold {i - 1} ({thresholds[i - 1]}).", nameof(thresholds));
            }
        }

        for (int i = 0; i < rates.Length; i++)
        {
            if (!(rates[i] is >= 0 and <= 1))
            {
                throw new ArgumentException($"Band rate {i} is {rates[i]}; a reimbursement rate must lie in [0, 1].", nameof(rates));
            }
        }

        return new CoinsuranceBands([.. thresholds], [.. rates]);
    }

    /// <summary>One band from 0 upwards at a single rate.</summary>
    /// <param name="rate">The rate, in [0, 1].</param>
    public static CoinsuranceBands Flat(double rate) => Create([0], [rate]);

    /// <summary>The same bands with every rate raised by <paramref name="increase"/> points (a fraction), capped at 1.</summary>
    /// <param name="increase">The increase, a fraction in [0, 1] (0.05 for five points).</param>
    public CoinsuranceBands WithRatesRaisedBy(double increase)
    {
        if (!(increase is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(increase), increase, "A rate increase must lie in [0, 1].");
        }

        var rates = Rates;
        var raised = new double[rates.Length];
        for (int i = 0; i < rates.Length; i++)
        {
            raised[i] = Math.Min(1, rates[i] + increase);
        }

        return Create(Thresholds.AsSpan(), raised);
    }

    /// <summary>The reimbursement of <paramref name="amount"/> above <paramref name="deductible"/>, yuan.</summary>
    /// <param name="amount">The amount being reimbursed, yuan, ≥ 0.</param>
    /// <param name="deductible">The deductible, yuan, ≥ 0: the part of the amount below it is not reimbursed.</param>
    /// <returns>Σ rate × the part of each band between the deductible and the amount; 0 when the amount is at most the deductible.</returns>
    public double Pay(double amount, double deductible)
    {
        if (amount <= deductible || _thresholds.IsDefault)
        {
            return 0;
        }

        var thresholds = _thresholds.AsSpan();
        var rates = _rates.AsSpan();
        double paid = 0;
        for (int i = 0; i < thresholds.Length; i++)
        {
            double low = Math.Max(thresholds[i], deductible);
            double high = i + 1 < thresholds.Length ? Math.Min(thresholds[i + 1], amount) : amount;
            if (high > low)
            {
                paid += (high - low) * rates[i];
            }

            if (high >= amount)
            {
                break;
            }
        }

        return paid;
    }

    /// <inheritdoc />
    public bool Equals(CoinsuranceBands other) => Thresholds.AsSpan().SequenceEqual(other.Thresholds.AsSpan()) && Rates.AsSpan().SequenceEqual(other.Rates.AsSpan());

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CoinsuranceBands other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var t in Thresholds)
        {
            hash.Add(t);
        }

        foreach (var r in Rates)
        {
            hash.Add(r);
        }

        return hash.ToHashCode();
    }

    /// <summary>Whether two band schedules are equal.</summary>
    /// <param name="left">The first schedule.</param>
    /// <param name="right">The second schedule.</param>
    public static bool operator ==(CoinsuranceBands left, CoinsuranceBands right) => left.Equals(right);

    /// <summary>Whether two band schedules differ.</summary>
    /// <param name="left">The first schedule.</param>
    /// <param name="right">The second schedule.</param>
    public static bool operator !=(CoinsuranceBands left, CoinsuranceBands right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString()
    {
        var t = Thresholds;
        var r = Rates;
        var parts = new string[t.Length];
        for (int i = 0; i < t.Length; i++)
        {
            parts[i] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(i + 1 < t.Length ? $"{t[i]:0}–{t[i + 1]:0}" : $"≥{t[i]:0}")} at {r[i] * 100:0.##}%");
        }

        return string.Join("; ", parts);
    }
}
