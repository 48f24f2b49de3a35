using System.Collections.Immutable;

using SocialSecurity.Modeling.Randomness;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// A two-part model of a person's annual inpatient medical spending by age, sex and hukou: first whether there is any
/// spending (a Bernoulli draw), then how much (a lognormal, heavy-tailed draw), split into within-policy and
/// out-of-policy cost, with a hospital level and an admission count.
/// </summary>
/// <remarks>
/// <para>Rule, for a person in age band <i>b</i>: P(any) = min(1, <i>p</i><sub>b</sub> × sex factor × hukou factor);
/// amount = median<sub>b</sub> × sex factor × hukou factor × exp(σ <i>Z</i>), <i>Z</i> standard normal, in yuan,
/// unrounded (docs/money.md); within-policy = share × amount; admissions = 1, or 2 with the repeat probability; hospital level primary
/// below <see cref="SecondaryFrom"/>, tertiary from <see cref="TertiaryFrom"/>, secondary in between. Each person draws, in a
/// fixed order from their own <see cref="PersonRandomStream"/>, the any-spending and repeat-admission uniforms and,
/// only when there is spending, the normal for the amount.</para>
/// <para>No parameter of this model comes from the sources: every default in <see cref="Illustrative"/> is [I].
/// Calibrate to survey data (CHARLS, CFPS, NHSS) before drawing conclusions.</para>
/// </remarks>
public sealed class HealthSpendingModel
{
    private readonly int[] _bandStart;
    private readonly double[] _probability;
    private readonly double[] _median;

    /// <summary>A model.</summary>
    /// <param name="ageBandStarts">Lower age bound of each band, years, strictly ascending, the first 0.</param>
    /// <param name="anyUseProbability">Probability of any inpatient spending in a year, per band, in [0, 1].</param>
    /// <param name="medianAmount">Median annual amount for those with spending, per band, yuan, &gt; 0.</param>
    /// <param name="logStandardDeviation">σ of the log amount, ≥ 0 (the tail gets heavier as it grows).</param>
    public HealthSpendingModel(IReadOnlyList<int> ageBandStarts, IReadOnlyList<double> anyUseProbability, IReadOnlyList<double> medianAmount, double logStandardDeviation)
    {
        ArgumentNullException.ThrowIfNull(ageBandStarts);
        ArgumentNullException.ThrowIfNull(anyUseProbability);
        ArgumentNullException.ThrowIfNull(medianAmount);
        if (ageBandStarts.Count == 0 || ageBandStarts.Count != anyUseProbability.Count || ageBandStarts.Count != medianAmount.Count)
        {
            throw new ArgumentException($"Give one probability and one median per age band; got {ageBandStarts.Count} band(s), {anyUseProbability.Count} probabilities and {medianAmount.Count} medians.", nameof(ageBandStarts));
        }

        if (ageBandStarts[0] != 0 || ageBandStarts.Zip(ageBandStarts.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentException("Age bands must start at 0 and be strictly ascending.", nameof(ageBandStarts));
        }

        if (anyUseProbability.Any(p => !(p is >= 0 and <= 1)))
        {
            throw new ArgumentOutOfRangeException(nameof(anyUseProbability), "Each probability must lie in [0, 1].");
        }

        if (medianAmount.Any(m => !(m > 0) || !double.IsFinite(m)))
        {
            throw new ArgumentOutOfRangeException(nameof(medianAmount), "Each median amount must be a finite number of yuan > 0.");
        }

        if (!(logStandardDeviation >= 0) || !double.IsFinite(logStandardDeviation))
        {
            throw new ArgumentOutOfRangeException(nameof(logStandardDeviation), logStandardDeviation, "σ must be finite and ≥ 0.");
        }

        _bandStart = [.. ageBandStarts];
        _probability = [.. anyUseProbability];
        _median = [.. medianAmount];
        LogStandardDeviation = logStandardDeviation;
    }

    /// <summary>
    /// Illustrative defaults [I], not facts: bands 0–14, 15–44, 45–59, 60–74, 75+ with P(any) 6%, 7%, 12%, 20%, 30% and
    /// median 6,000, 9,000, 10,000, 11,000, 12,000 yuan; men ×1.1 probability; rural hukou ×0.9 probability and ×0.75
    /// amount; σ = 1.0; 80% within policy; repeat admission 20%; secondary from 5,000, tertiary from 20,000 yuan.
    /// </summary>
    public static HealthSpendingModel Illustrative { get; } = new([0, 15, 45, 60, 75], [0.06, 0.07, 0.12, 0.20, 0.30], [6_000, 9_000, 10_000, 11_000, 12_000], 1.0);

    /// <summary>Lower age bound of each band, years.</summary>
    public ImmutableArray<int> AgeBandStarts => [.. _bandStart];

    /// <summary>σ of the log amount.</summary>
    public double LogStandardDeviation { get; }

    /// <summary>Factor on the probability for men (women 1).</summary>
    public double MaleProbabilityFactor { get; init => field = double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaleProbabilityFactor must be finite and > 0."); } = 1.1;

    /// <summary>Factor on the amount for men (women 1).</summary>
    public double MaleAmountFactor { get; init => field = double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaleAmountFactor must be finite and > 0."); } = 1.0;

    /// <summary>Factor on the probability for rural hukou (urban 1).</summary>
    public double RuralProbabilityFactor { get; init => field = double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "RuralProbabilityFactor must be finite and > 0."); } = 0.9;

    /// <summary>Factor on the amount for rural hukou (urban 1).</summary>
    public double RuralAmountFactor { get; init => field = double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "RuralAmountFactor must be finite and > 0."); } = 0.75;

    /// <summary>Share of the amount within the policy scope, in [0, 1].</summary>
    public double WithinPolicyShare { get; init => field = value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "WithinPolicyShare must lie in [0, 1]."); } = 0.8;

    /// <summary>Probability that a person with spending was admitted twice, in [0, 1].</summary>
    public double RepeatAdmissionProbability { get; init => field = value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "RepeatAdmissionProbability must lie in [0, 1]."); } = 0.2;

    /// <summary>Amount from which the hospital level is secondary, yuan.</summary>
    public double SecondaryFrom { get; init => field = double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "SecondaryFrom must be finite and ≥ 0 yuan."); } = 5_000;

    /// <summary>Amount from which the hospital level is tertiary, yuan.</summary>
    public double TertiaryFrom { get; init => field = double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "TertiaryFrom must be finite and ≥ 0 yuan."); } = 20_000;

    /// <summary>The probability of any spending for a person.</summary>
    /// <param name="age">Age in years, ≥ 0.</param>
    /// <param name="sex">Sex.</param>
    /// <param name="hukou">Hukou type.</param>
    public double AnyUseProbability(int age, Sex sex, HukouType hukou)
    {
        int b = Band(age);
        return Math.Min(1.0, _probability[b] * (sex == Sex.Male ? MaleProbabilityFactor : 1.0) * (hukou == HukouType.Rural ? RuralProbabilityFactor : 1.0));
    }

    /// <summary>The median amount, given any spending, for a person, yuan.</summary>
    /// <param name="age">Age in years, ≥ 0.</param>
    /// <param name="sex">Sex.</param>
    /// <param name="hukou">Hukou type.</param>
    public double MedianAmount(int age, Sex sex, HukouType hukou)
        => _median[Band(age)] * (sex == Sex.Male ? MaleAmountFactor : 1.0) * (hukou == HukouType.Rural ? RuralAmountFactor : 1.0);

    /// <summary>Draws one person's annual claim from their stream (an empty claim when there is no spending).</summary>
    /// <param name="stream">The person's stream for this replicate.</param>
    /// <param name="age">Age in years, ≥ 0.</param>
    /// <param name="sex">Sex.</param>
    /// <param name="hukou">Hukou type.</param>
    public MedicalClaim Draw(ref PersonRandomStream stream, int age, Sex sex, HukouType hukou)
    {
        double any = stream.NextDouble();
        double repeat = stream.NextDouble();
        if (any >= AnyUseProbability(age, sex, hukou))
        {
            return new MedicalClaim(0, 0, HospitalLevel.Primary, 1);
        }

        double z = stream.NextStandardNormal();

        double amount = Math.Min(1e12, MedianAmount(age, sex, hukou) * Math.Exp(LogStandardDeviation * z));
        double within = amount * WithinPolicyShare;
        var level = amount >= TertiaryFrom ? HospitalLevel.Tertiary : amount >= SecondaryFrom ? HospitalLevel.Secondary : HospitalLevel.Primary;
        return new MedicalClaim(within, amount - within, level, repeat < RepeatAdmissionProbability ? 2 : 1);
    }

    private int Band(int age)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(age);
        int b = _bandStart.Length - 1;
        while (_bandStart[b] > age)
        {
            b--;
        }

        return b;
    }
}
