namespace SocialSecurity.Modeling.Distributed;

/// <summary>
/// A partition could not run (a missing file, invalid data, a different region catalogue or parameter store, two
/// partitions with the same household): the run fails as a whole, naming the partition and the culprit; no partial
/// result is reported.
/// </summary>
public sealed class PartitionFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="partitionId">The partition.</param>
    /// <param name="culprit">What is wrong with it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public PartitionFailedException(string partitionId, string culprit, Exception? innerException = null)
        : base($"Partition '{partitionId}' failed: {culprit}", innerException)
    {
        PartitionId = partitionId;
        Culprit = culprit;
    }

    /// <summary>The partition.</summary>
    public string PartitionId { get; }

    /// <summary>What is wrong with it.</summary>
    public string Culprit { get; }
}
