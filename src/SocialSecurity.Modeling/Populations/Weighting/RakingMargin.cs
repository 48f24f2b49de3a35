namespace SocialSecurity.Modeling.Populations.Weighting;

/// <summary>
/// One calibration margin for <see cref="WeightRaking"/>: a value per household (for example the number of members
/// aged 65+, or 1 for a household count, or 1 when urban) and the total the weighted sum must reach.
/// </summary>
/// <param name="Name">A label for reports, for example <c>persons_65_plus</c>.</param>
/// <param name="Values">One finite, non-negative value per household, in population order.</param>
/// <param name="Target">The required weighted total Σ wₕ·xₕ (finite, &gt; 0).</param>
public sealed record RakingMargin(string Name, double[] Values, double Target);
