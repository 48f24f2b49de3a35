namespace SocialSecurity.Modeling.Distributed;

/// <summary>Progress of a partitioned run or sweep: a partition finished (or is being re-run after losing its silo).</summary>
/// <param name="Stage">The run's label (for a sweep: year, replicate).</param>
/// <param name="Completed">Partitions finished so far.</param>
/// <param name="Total">Partitions in all.</param>
/// <param name="PartitionId">The partition the report is about.</param>
/// <param name="Silo">The silo that ran it, or empty for a re-run being started.</param>
/// <param name="Rerun">True when the partition is being run again because its silo was lost.</param>
public sealed record PartitionProgress(string Stage, int Completed, int Total, string PartitionId, string Silo, bool Rerun = false);
