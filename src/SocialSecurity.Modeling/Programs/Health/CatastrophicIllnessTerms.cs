using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// Catastrophic (critical) illness insurance (大病保险): reimburses the within-policy self-pay left after basic
/// insurance, above a deductible, at banded rates, up to a cap (docs/rules/medical.md#catastrophic-illness-insurance).
/// </summary>
/// <remarks>
/// <para>Rule: payment = min(cap, bands.Pay(self-pay, <i>D</i><sub>2</sub>)); no cap when <see cref="Cap"/> is null.</para>
/// <para>Ulanqab [L]: <i>D</i><sub>2</sub> = 14,000, 60%, cap 500,000. For poor people the deductible is halved, the
/// rate rises by 5 points and there is no cap (<see cref="ForVulnerable"/>). Jiangsu [P] lowered <i>D</i><sub>2</sub>
/// for people in difficulty by an unknown amount.</para>
/// </remarks>
public readonly record struct CatastrophicIllnessTerms
{
    /// <summary>Catastrophic insurance terms.</summary>
    /// <param name="deductible">Deductible on the annual within-policy self-pay, yuan, ≥ 0.</param>
    /// <param name="bands">Rate bands keyed by the self-pay amount.</param>
    /// <param name="cap">The annual cap, yuan, ≥ 0; null for none.</param>
    public CatastrophicIllnessTerms(double deductible, CoinsuranceBands bands, double? cap)
    {
        Guard.NonNegative(deductible, nameof(deductible));
        if (cap is { } c)
        {
            Guard.NonNegative(c, nameof(cap));
        }

        Deductible = deductible;
        Bands = bands;
        Cap = cap;
    }

    /// <summary>The deductible on the within-policy self-pay, yuan per year.</summary>
    public double Deductible { get; init; }

    /// <summary>The rate bands, keyed by the self-pay amount.</summary>
    public CoinsuranceBands Bands { get; init; }

    /// <summary>The annual cap, yuan per year; null for none.</summary>
    public double? Cap { get; init; }

    /// <summary>
    /// The terms for vulnerable people: the deductible multiplied by <paramref name="deductibleFactor"/>, every rate
    /// raised by <paramref name="rateIncrease"/> (capped at 100%), and the cap kept or removed.
    /// </summary>
    /// <param name="deductibleFactor">The factor on the deductible, in [0, 1] (Ulanqab: 0.5).</param>
    /// <param name="rateIncrease">The rate increase, a fraction in [0, 1] (Ulanqab: 0.05).</param>
    /// <param name="keepCap">Whether the cap still applies (Ulanqab: no).</param>
    public CatastrophicIllnessTerms ForVulnerable(double deductibleFactor, double rateIncrease, bool keepCap)
    {
        if (!(deductibleFactor is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(deductibleFactor), deductibleFactor, "The deductible factor for vulnerable people must lie in [0, 1] (a relief never raises the deductible).");
        }

        return new CatastrophicIllnessTerms(Deductible * deductibleFactor, Bands.WithRatesRaisedBy(rateIncrease), keepCap ? Cap : null);
    }

    /// <summary>What catastrophic insurance pays on an annual within-policy self-pay, yuan.</summary>
    /// <param name="selfPay">The within-policy self-pay left after basic insurance, yuan, ≥ 0.</param>
    public double Pay(double selfPay)
    {
        double paid = Bands.Pay(selfPay, Deductible);
        return Cap is { } cap ? Math.Min(cap, paid) : paid;
    }

    /// <summary>The parameters the ordinary and vulnerable terms are read from.</summary>
    internal static string[] ParameterNames =>
    [
        MedicalPayoutProgram.CatastrophicDeductible, MedicalPayoutProgram.CatastrophicBandThresholds, MedicalPayoutProgram.CatastrophicBandRates, MedicalPayoutProgram.CatastrophicCap,
        MedicalPayoutProgram.VulnerableDeductibleFactor, MedicalPayoutProgram.VulnerableRateIncrease, MedicalPayoutProgram.VulnerableCapped,
    ];

    /// <summary>The ordinary terms in force where <paramref name="read"/> reads.</summary>
    /// <param name="read">The region's parameters.</param>
    internal static CatastrophicIllnessTerms Read(TermsReader read) => new(
        read.PerYear(MedicalPayoutProgram.CatastrophicDeductible),
        read.Bands(MedicalPayoutProgram.CatastrophicBandThresholds, MedicalPayoutProgram.CatastrophicBandRates),
        read.PerYear(MedicalPayoutProgram.CatastrophicCap));

    /// <summary>These terms adapted for vulnerable people with the relief in force where <paramref name="read"/> reads (<see cref="ForVulnerable"/>).</summary>
    /// <param name="read">The region's parameters.</param>
    internal CatastrophicIllnessTerms ReadVulnerable(TermsReader read)
        => ForVulnerable(read.Scalar(MedicalPayoutProgram.VulnerableDeductibleFactor), read.Scalar(MedicalPayoutProgram.VulnerableRateIncrease), read.Flag(MedicalPayoutProgram.VulnerableCapped));
}
