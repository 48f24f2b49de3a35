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

    /// <summary>
    /// Runs one partition's work, turning any failure but cancellation, running out of memory or an already named
    /// partition failure into a <see cref="PartitionFailedException"/> naming <paramref name="partitionId"/>.
    /// </summary>
    internal static T Naming<T>(string partitionId, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is not OperationCanceledException and not PartitionFailedException and not OutOfMemoryException)
        {
            throw new PartitionFailedException(partitionId, $"{e.GetType().Name}: {e.Message}", e);
        }
    }
}
