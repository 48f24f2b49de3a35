namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// Redistribution over lifetimes in one replicate (docs/projection.md#lifetime), the metrics of
/// docs/indicators.md applied to discounted lifetime amounts, persons ranked by lifetime market income. NaN where an
/// index is undefined (a zero total).
/// </summary>
/// <param name="Replicate">The replicate, from 0.</param>
/// <param name="Persons">The weighted persons of the cohort.</param>
/// <param name="GiniMarket">Gini of lifetime market income.</param>
/// <param name="GiniDisposable">Gini of lifetime disposable income.</param>
/// <param name="ReynoldsSmolensky">Gini of lifetime market income minus Gini of lifetime disposable income.</param>
/// <param name="KakwaniContributionsAndTaxes">Kakwani index of lifetime contributions and taxes (as a tax).</param>
/// <param name="KakwaniBenefits">Kakwani index of lifetime benefits (as a benefit: progressive is positive).</param>
public sealed record LifetimeIndices(int Replicate, double Persons, double GiniMarket, double GiniDisposable, double ReynoldsSmolensky, double KakwaniContributionsAndTaxes, double KakwaniBenefits);
