namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// An externally given total of events for one cell (docs/projection.md#alignment): the weighted deaths of persons of
/// one sex and age range, or the weighted births to mothers of one age range, between the run dates of
/// <paramref name="Year"/> and the next year. Ages are those at the earlier run date.
/// </summary>
/// <param name="Year">The year whose run date the events follow.</param>
/// <param name="Sex">The sex of the persons (for births, <see cref="Core.Sex.Female"/>: the mothers).</param>
/// <param name="AgeFrom">The youngest age of the cell.</param>
/// <param name="AgeTo">The oldest age of the cell (inclusive).</param>
/// <param name="Total">The weighted number of events.</param>
public sealed record AlignmentTarget(int Year, Core.Sex Sex, int AgeFrom, int AgeTo, double Total);
