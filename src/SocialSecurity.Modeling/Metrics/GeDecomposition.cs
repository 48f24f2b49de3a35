namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Decomposition of a generalised-entropy index by population subgroups: <c>Total = Within + Between</c>
/// (up to rounding).
/// </summary>
/// <param name="Total">GE(α) of the whole sample.</param>
/// <param name="Within">Within-group term <c>Σ_g v_g^{1−α} s_g^α GE_g(α)</c>, with weight shares v and income shares s.</param>
/// <param name="Between">Between-group term: GE(α) of the distribution where everyone receives their group mean.</param>
public readonly record struct GeDecomposition(double Total, double Within, double Between);
