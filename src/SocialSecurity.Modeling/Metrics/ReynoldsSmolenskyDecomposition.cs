namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Reynolds–Smolensky redistributive effect and its split into vertical equity and Atkinson–Plotnick reranking:
/// <c>Total = G(pre) − G(post) = VerticalEquity − Reranking</c> (docs/indicators.md#fiscal-incidence).
/// </summary>
/// <param name="Total">Reynolds–Smolensky index <c>G(pre) − G(post)</c>.</param>
/// <param name="VerticalEquity">Vertical equity <c>G(pre) − C(post|pre)</c>.</param>
/// <param name="Reranking">Atkinson–Plotnick reranking <c>G(post) − C(post|pre) ≥ 0</c>. CEQ's <c>ceqmarg</c> reports
/// the negative of this term.</param>
/// <param name="GiniPre">Gini of pre-fiscal income.</param>
/// <param name="GiniPost">Gini of post-fiscal income.</param>
/// <param name="ConcentrationPost">Concentration coefficient of post-fiscal income ranked by pre-fiscal income.</param>
public readonly record struct ReynoldsSmolenskyDecomposition(
    double Total, double VerticalEquity, double Reranking, double GiniPre, double GiniPost, double ConcentrationPost);
