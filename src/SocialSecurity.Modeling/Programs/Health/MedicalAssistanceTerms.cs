using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// Medical assistance (医疗救助) for one group: a share of the within-policy self-pay left after insurance, above a
/// deductible, up to an annual cap (Decree 649 arts. 28–29; docs/rules/medical.md#medical-assistance).
/// </summary>
/// <remarks>
/// <para>Rule: payment = min(cap, rate × max(0, remaining self-pay − deductible)).</para>
/// <para>National design since 2021 [U]: dibao and destitute no deductible and at least 70%; dibao-marginal a
/// deductible of about 10% of per-capita disposable income; impoverished by illness about 25%; a cap for all.</para>
/// </remarks>
public readonly record struct MedicalAssistanceTerms
{
    /// <summary>Assistance terms.</summary>
    /// <param name="deductible">Deductible on the remaining self-pay, yuan per year, ≥ 0.</param>
    /// <param name="rate">The share paid above the deductible, in [0, 1].</param>
    /// <param name="cap">The annual cap, yuan per year, ≥ 0.</param>
    public MedicalAssistanceTerms(double deductible, double rate, double cap)
    {
        Guard.NonNegative(deductible, nameof(deductible));
        if (!(rate is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The assistance rate must lie in [0, 1].");
        }

        Guard.NonNegative(cap, nameof(cap));
        Deductible = deductible;
        Rate = rate;
        Cap = cap;
    }

    /// <summary>No assistance.</summary>
    public static MedicalAssistanceTerms None => default;

    /// <summary>The deductible, yuan per year.</summary>
    public double Deductible { get; init; }

    /// <summary>The share paid above the deductible.</summary>
    public double Rate { get; init; }

    /// <summary>The annual cap, yuan per year.</summary>
    public double Cap { get; init; }

    /// <summary>What assistance pays on a remaining within-policy self-pay, yuan.</summary>
    /// <param name="selfPay">The within-policy self-pay left after insurance, yuan, ≥ 0.</param>
    public double Pay(double selfPay) => Math.Min(Cap, Rate * Math.Max(0, selfPay - Deductible));
}
