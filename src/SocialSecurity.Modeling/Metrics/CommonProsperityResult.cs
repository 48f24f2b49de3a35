namespace SocialSecurity.Modeling.Metrics;

/// <summary>Scores of the common-prosperity index for each region, in the order the regions were given.</summary>
public sealed class CommonProsperityResult
{
    internal CommonProsperityResult(string[] regions, double[] index, double[] affluence, double[] sharing, double[] weights,
        int[] ranks, double[,] normalized)
    {
        Regions = regions;
        Index = index;
        Affluence = affluence;
        Sharing = sharing;
        Weights = weights;
        Ranks = ranks;
        Normalized = normalized;
    }

    /// <summary>Region names.</summary>
    public string[] Regions { get; }

    /// <summary>Overall index in [0, 1] (higher is more common prosperity).</summary>
    public double[] Index { get; }

    /// <summary>Affluence sub-index (TOPSIS closeness on the affluence indicators), NaN if there are none.</summary>
    public double[] Affluence { get; }

    /// <summary>Sharing sub-index (TOPSIS closeness on the sharing indicators), NaN if there are none.</summary>
    public double[] Sharing { get; }

    /// <summary>Indicator weights used (summing to 1).</summary>
    public double[] Weights { get; }

    /// <summary>Rank of each region by <see cref="Index"/>: 1 is the highest; ties share the best rank.</summary>
    public int[] Ranks { get; }

    /// <summary>The min–max normalised matrix (regions × indicators), 1 = best.</summary>
    public double[,] Normalized { get; }
}
