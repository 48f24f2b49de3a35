namespace SocialSecurity.Modeling.Projection;

/// <summary>What the values of a <see cref="MortalityTable"/> are.</summary>
public enum MortalityMeasure
{
    /// <summary>Central death rates nMx, deaths per person-year (≥ 0).</summary>
    CentralRate,

    /// <summary>Probabilities of dying within one year of age, q (0–1); stored as the equivalent central rate −ln(1 − q).</summary>
    Probability,
}
