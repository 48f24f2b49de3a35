namespace SocialSecurity.Modeling.Projection;

/// <summary>Progress of a projection: years done of the total (years × replicates).</summary>
/// <param name="Year">The year just finished.</param>
/// <param name="Replicate">Its replicate.</param>
/// <param name="Done">Years finished so far, over all replicates.</param>
/// <param name="Total">Years to run, over all replicates.</param>
public readonly record struct ProjectionProgress(int Year, int Replicate, int Done, int Total);
