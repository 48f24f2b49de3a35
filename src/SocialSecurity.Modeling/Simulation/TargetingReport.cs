using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Programs.Targeting;

namespace SocialSecurity.Modeling.Simulation;

/// <summary>
/// How well a targeted program reached the households its rule makes eligible, from the outputs of a
/// <see cref="TargetedProgram"/>: weighted counts of each <see cref="TargetingOutcome"/> and the standard ratios.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="Coverage"/> = eligible recipients ÷ truly eligible (the share of the truly eligible who receive);</item>
/// <item><see cref="Leakage"/> = ineligible recipients ÷ recipients (the share of recipients not truly eligible, 错保);</item>
/// <item><see cref="ExclusionRate"/> = eligible households excluded after applying ÷ truly eligible (漏保);</item>
/// <item><see cref="NonTakeUpRate"/> = eligible households not applying ÷ truly eligible.</item>
/// </list>
/// <para>Coverage + exclusion rate + non-take-up rate = 1. A ratio whose denominator is 0 is reported as NaN.</para>
/// </remarks>
public sealed record TargetingReport
{
    /// <summary>The targeting key the report is for.</summary>
    public required string Key { get; init; }

    /// <summary>Households or persons.</summary>
    public required TargetingUnit Unit { get; init; }

    /// <summary>Weighted count of the truly eligible.</summary>
    public required double TrulyEligible { get; init; }

    /// <summary>Weighted count of recipients (eligible or not).</summary>
    public required double Recipients { get; init; }

    /// <summary>Weighted count of truly eligible recipients.</summary>
    public required double EligibleRecipients { get; init; }

    /// <summary>Weighted count of truly eligible units that did not apply.</summary>
    public required double EligibleNotTakingUp { get; init; }

    /// <summary>Weighted count of truly eligible units excluded after applying (漏保).</summary>
    public required double EligibleExcluded { get; init; }

    /// <summary>Weighted count of recipients that are not truly eligible (错保).</summary>
    public required double IneligibleRecipients { get; init; }

    /// <summary>Share of the truly eligible who receive.</summary>
    public double Coverage => Ratio(EligibleRecipients, TrulyEligible);

    /// <summary>Share of recipients who are not truly eligible.</summary>
    public double Leakage => Ratio(IneligibleRecipients, Recipients);

    /// <summary>Share of the truly eligible excluded by identification errors.</summary>
    public double ExclusionRate => Ratio(EligibleExcluded, TrulyEligible);

    /// <summary>Share of the truly eligible who did not apply.</summary>
    public double NonTakeUpRate => Ratio(EligibleNotTakingUp, TrulyEligible);

    /// <summary>Computes the report from a run whose policy contains a <see cref="TargetedProgram"/> with <paramref name="key"/>.</summary>
    /// <param name="result">The simulation result.</param>
    /// <param name="key">The targeting key (for example <c>dibao</c>).</param>
    /// <param name="unit">Count households or persons; by default the program's own unit. A person-level program (destitute support) can only be counted in persons.</param>
    /// <exception cref="KeyNotFoundException">The run has no targeting outputs for <paramref name="key"/>.</exception>
    /// <exception cref="ArgumentException">Households were asked for a person-level program.</exception>
    public static TargetingReport Compute(SimulationResult result, string key, TargetingUnit? unit = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (unit is { } u && !Enum.IsDefined(u))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Expected Households or Persons.");
        }

        var definition = result.Definition(TargetedProgram.Outcome(key));
        bool perPerson = definition.Entity == Entity.Person;
        var counted = unit ?? (perPerson ? TargetingUnit.Persons : TargetingUnit.Households);
        if (perPerson && counted == TargetingUnit.Households)
        {
            throw new ArgumentException($"Targeting '{key}' is decided per person; count it in persons.", nameof(unit));
        }

        var outcome = result.Values(definition.Name);
        var weights = perPerson ? result.PersonWeights : result.Population.Weight;
        var start = result.Population.MemberStart;
        // Exact sums per outcome, then each combination summed exactly: independent of the order of the rows.
        var sums = new ExactSum[5];
        for (int k = 0; k < sums.Length; k++)
        {
            sums[k] = new ExactSum();
        }

        for (int i = 0; i < outcome.Length; i++)
        {
            double w = perPerson || counted == TargetingUnit.Households ? weights[i] : weights[i] * (start[i + 1] - start[i]);
            sums[(int)outcome[i]].Add(w);
        }

        double Total(params TargetingOutcome[] outcomes)
        {
            var total = new ExactSum();
            foreach (var o in outcomes)
            {
                total.Merge(sums[(int)o]);
            }

            return total.Result();
        }

        return new TargetingReport
        {
            Key = key,
            Unit = counted,
            TrulyEligible = Total(TargetingOutcome.EligibleReceiving, TargetingOutcome.EligibleNotTakingUp, TargetingOutcome.EligibleExcluded),
            Recipients = Total(TargetingOutcome.EligibleReceiving, TargetingOutcome.IneligibleIncluded),
            EligibleRecipients = Total(TargetingOutcome.EligibleReceiving),
            EligibleNotTakingUp = Total(TargetingOutcome.EligibleNotTakingUp),
            EligibleExcluded = Total(TargetingOutcome.EligibleExcluded),
            IneligibleRecipients = Total(TargetingOutcome.IneligibleIncluded),
        };
    }

    private static double Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : double.NaN;
}
