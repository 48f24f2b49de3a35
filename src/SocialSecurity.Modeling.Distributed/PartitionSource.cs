namespace SocialSecurity.Modeling.Distributed;

/// <summary>
/// Where one partition of a population comes from: a pair of population files (Parquet or CSV) on storage that every
/// silo can read, or a built-in synthetic population of one region, calibrated on its own before partitioning.
/// </summary>
/// <remarks>
/// Households are identified by id within an id space: all file partitions share one (the partitioned data set),
/// so two file partitions holding the same household id are rejected; a synthetic partition's id space is its region
/// (each region's population is generated and calibrated alone, with ids from 1), so two synthetic partitions of the
/// same region are rejected.
/// </remarks>
[GenerateSerializer]
[Alias("SocialSecurity.Modeling.Distributed.PartitionSource")]
public sealed record PartitionSource
{
    /// <summary>The partition's name, unique in a run; results, failures and re-runs name it.</summary>
    [Id(0)]
    public required string Id { get; init; }

    /// <summary>The household file, for a file partition.</summary>
    [Id(1)]
    public string? HouseholdsPath { get; init; }

    /// <summary>The person file, for a file partition.</summary>
    [Id(2)]
    public string? PersonsPath { get; init; }

    /// <summary>The region of a synthetic partition (000000, 330000, 320000, 650000 or 150000).</summary>
    [Id(3)]
    public string? SyntheticRegionCode { get; init; }

    /// <summary>The sample persons of a synthetic partition.</summary>
    [Id(4)]
    public int SyntheticPersons { get; init; } = 100_000;

    /// <summary>The seed of a synthetic partition; a sweep's replicate <c>r</c> uses <c>Seed + r</c>.</summary>
    [Id(5)]
    public ulong SyntheticSeed { get; init; } = 20_231;

    /// <summary>The statistics year a synthetic partition is calibrated to.</summary>
    [Id(6)]
    public int SyntheticYear { get; init; } = 2022;

    /// <summary>
    /// The region catalogue file the partition's data were built over, when it is not the job's
    /// (<see cref="PartitionedJob.RegionCatalogPath"/>); a partition over another catalogue is rejected.
    /// </summary>
    [Id(7)]
    public string? RegionCatalogPath { get; init; }

    /// <summary>
    /// Parameter files to use for this partition instead of the job's (<see cref="PartitionedJob.ParameterFiles"/>),
    /// for example the copy on the silo's own disk; a partition run over a different parameter store is rejected.
    /// </summary>
    [Id(8)]
    public IReadOnlyList<string>? ParameterFiles { get; init; }

    /// <summary>True for a partition read from files.</summary>
    public bool IsFiles => SyntheticRegionCode is null;

    /// <summary>A partition read from a household file and a person file (Parquet or CSV, by extension).</summary>
    /// <param name="id">The partition's name.</param>
    /// <param name="householdsPath">The household file.</param>
    /// <param name="personsPath">The person file.</param>
    public static PartitionSource Files(string id, string householdsPath, string personsPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(householdsPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(personsPath);
        return new PartitionSource { Id = id, HouseholdsPath = householdsPath, PersonsPath = personsPath };
    }

    /// <summary>A built-in synthetic population of one region, calibrated after simulating the job's baseline (as <c>SyntheticBaseline.Generate</c>).</summary>
    /// <param name="regionCode">The region (for example 330000, Zhejiang); the partition is named after it.</param>
    /// <param name="persons">Sample persons.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="year">The statistics year.</param>
    public static PartitionSource Synthetic(string regionCode, int persons, ulong seed = 20_231, int year = 2022)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(regionCode);
        return new PartitionSource { Id = regionCode, SyntheticRegionCode = regionCode, SyntheticPersons = persons, SyntheticSeed = seed, SyntheticYear = year };
    }

    /// <summary>The id space of the partition's household ids (see the remarks).</summary>
    internal string IdSpace => IsFiles ? "files" : "synthetic " + SyntheticRegionCode;
}
