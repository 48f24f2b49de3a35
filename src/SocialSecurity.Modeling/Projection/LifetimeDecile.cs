namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// One decile of lifetime market income in one replicate (docs/projection.md#lifetime): the weighted persons and their
/// mean discounted lifetime amounts, yuan (discounted to the projection's start year).
/// </summary>
/// <param name="Replicate">The replicate, from 0.</param>
/// <param name="Decile">1 (lowest lifetime market income) to 10 (highest).</param>
/// <param name="Persons">The weighted persons of the decile.</param>
/// <param name="MarketIncome">Mean lifetime market income: factor income and private transfers, before contributions.</param>
/// <param name="Benefits">Mean lifetime benefits: pensions and the direct transfers the programs pay.</param>
/// <param name="ContributionsAndTaxes">Mean lifetime social-insurance contributions and direct taxes.</param>
/// <param name="NetTransfers">Mean lifetime benefits minus contributions and taxes.</param>
/// <param name="DisposableIncome">Mean lifetime disposable income: market income plus net transfers.</param>
public sealed record LifetimeDecile(int Replicate, int Decile, double Persons, double MarketIncome, double Benefits, double ContributionsAndTaxes, double NetTransfers, double DisposableIncome);
