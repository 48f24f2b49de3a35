using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// Long-term care insurance (长期护理保险) terms: the share of the assessed care cost paid for each assessed grade of
/// inability to look after oneself, and the financing raised per insured person (docs/rules/ltc.md).
/// </summary>
/// <remarks>
/// <para>The national pilot started in 2016 (Zhejiang piloted in Ningbo); Zhejiang then unified financing, benefits and
/// assessment with all residents covered [P]. The parameters are unknown: 70% of the assessed care cost and 90
/// yuan per insured person per year are [I].</para>
/// <para>Rule: benefit = share(grade) × assessed care cost; 0 for a person able to look after themself.</para>
/// </remarks>
public readonly record struct LongTermCareTerms
{
    /// <summary>Long-term care terms.</summary>
    /// <param name="partlyUnableShare">Share of the assessed care cost paid for a person partly unable to look after themself, in [0, 1].</param>
    /// <param name="fullyUnableShare">Share paid for a person fully unable to look after themself, in [0, 1].</param>
    /// <param name="financingPerInsuredAnnual">Financing raised per insured person, yuan per year, ≥ 0.</param>
    public LongTermCareTerms(double partlyUnableShare, double fullyUnableShare, double financingPerInsuredAnnual)
    {
        PartlyUnableShare = Guard.Fraction(partlyUnableShare, nameof(partlyUnableShare));
        FullyUnableShare = Guard.Fraction(fullyUnableShare, nameof(fullyUnableShare));
        FinancingPerInsuredAnnual = Guard.NonNegative(financingPerInsuredAnnual, nameof(financingPerInsuredAnnual));
    }

    /// <summary>Share of the assessed care cost paid for a person partly unable to look after themself.</summary>
    public double PartlyUnableShare { get; }

    /// <summary>Share of the assessed care cost paid for a person fully unable to look after themself.</summary>
    public double FullyUnableShare { get; }

    /// <summary>Financing raised per insured person, yuan per year.</summary>
    public double FinancingPerInsuredAnnual { get; }

    /// <summary>The benefit share for an assessed grade.</summary>
    /// <param name="grade">The assessed ability to look after oneself.</param>
    public double ShareFor(SelfCareAbility grade) => grade switch
    {
        SelfCareAbility.Able => 0,
        SelfCareAbility.PartlyUnable => PartlyUnableShare,
        SelfCareAbility.FullyUnable => FullyUnableShare,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "The grade must be Able, PartlyUnable or FullyUnable."),
    };

    /// <summary>The benefit, yuan: share(grade) × assessed care cost.</summary>
    /// <param name="grade">The assessed ability to look after oneself.</param>
    /// <param name="assessedCareCost">The assessed cost of the care the person needs, yuan, ≥ 0 (per the period wanted).</param>
    public double Benefit(SelfCareAbility grade, double assessedCareCost)
        => ShareFor(grade) * Guard.NonNegative(assessedCareCost, nameof(assessedCareCost));
}
