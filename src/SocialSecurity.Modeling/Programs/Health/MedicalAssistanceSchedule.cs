using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// The medical-assistance terms of one group, which may depend on the size of the bill: one set of terms below a
/// threshold on the whole annual bill and another at or above it (docs/rules/medical.md#medical-assistance).
/// </summary>
/// <remarks>Ulanqab [L]: dibao 70% with a 10,000 cap when the total bill is below 30,000; 80% with a 100,000 cap at or
/// above it. Use <see cref="Single"/> where the terms do not depend on the bill.</remarks>
/// <param name="LargeBillThreshold">The whole-bill threshold, yuan per year, ≥ 0 (0: <paramref name="LargeBill"/> always applies).</param>
/// <param name="SmallBill">The terms when the whole bill is below the threshold.</param>
/// <param name="LargeBill">The terms when the whole bill is at or above the threshold.</param>
public readonly record struct MedicalAssistanceSchedule(double LargeBillThreshold, MedicalAssistanceTerms SmallBill, MedicalAssistanceTerms LargeBill)
{
    /// <summary>The whole-bill threshold, yuan per year.</summary>
    public double LargeBillThreshold { get; init; } = Guard.NonNegative(LargeBillThreshold, nameof(LargeBillThreshold));

    /// <summary>No assistance whatever the bill.</summary>
    public static MedicalAssistanceSchedule None => default;

    /// <summary>The same terms for every bill.</summary>
    /// <param name="terms">The terms.</param>
    public static MedicalAssistanceSchedule Single(MedicalAssistanceTerms terms) => new(0, terms, terms);

    /// <summary>The terms that apply to a whole annual bill of <paramref name="totalBill"/> yuan.</summary>
    /// <param name="totalBill">Within-policy plus out-of-policy cost, yuan.</param>
    public MedicalAssistanceTerms For(double totalBill) => totalBill >= LargeBillThreshold ? LargeBill : SmallBill;

    /// <summary>The parameters the four groups' schedules are read from.</summary>
    internal static string[] ParameterNames =>
    [
        MedicalPayoutProgram.AssistanceLargeBillThreshold,
        .. Enumerable.Range(1, 4).SelectMany(g =>
        {
            var n = MedicalPayoutProgram.AssistanceParameters((AssistanceGroup)g);
            return new[] { n.Deductible, n.Rate, n.Cap, n.RateLarge, n.CapLarge };
        }),
    ];

    /// <summary>The schedule of <paramref name="group"/> in force where <paramref name="read"/> reads.</summary>
    /// <param name="read">The region's parameters.</param>
    /// <param name="group">A group other than <see cref="AssistanceGroup.None"/>.</param>
    internal static MedicalAssistanceSchedule Read(TermsReader read, AssistanceGroup group)
    {
        var n = MedicalPayoutProgram.AssistanceParameters(group);
        double threshold = read.PerYear(MedicalPayoutProgram.AssistanceLargeBillThreshold);
        double deductible = read.PerYear(n.Deductible);
        return new MedicalAssistanceSchedule(
            threshold,
            new MedicalAssistanceTerms(deductible, read.Scalar(n.Rate), read.PerYear(n.Cap)),
            new MedicalAssistanceTerms(deductible, read.Scalar(n.RateLarge), read.PerYear(n.CapLarge)));
    }
}
