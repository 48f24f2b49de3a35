namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Marginal contribution of an intervention to the Gini of end income (CEQ <c>ceqmarg</c>), with its vertical-equity
/// and reranking parts: <c>Total = VerticalEquity + Reranking</c>.
/// </summary>
/// <param name="Total"><c>G(Y without I) − G(Y)</c>: positive when the intervention reduces inequality.</param>
/// <param name="VerticalEquity"><c>[G(y) − C(Y|y)] − [G(y) − C(Y−I|y)]</c>, with y the starting income.</param>
/// <param name="Reranking"><c>[C(Y|y) − G(Y)] − [C(Y−I|y) − G(Y−I)]</c> (CEQ's sign convention).</param>
public readonly record struct MarginalContribution(double Total, double VerticalEquity, double Reranking);
