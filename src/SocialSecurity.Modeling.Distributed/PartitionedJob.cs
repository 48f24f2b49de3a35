namespace SocialSecurity.Modeling.Distributed;

/// <summary>
/// What every partition runs: a policy of the library's catalogue, at one date, with the baseline parameters and
/// any reforms (each reform run beside the baseline on the same partition). Everything is data, so the job travels
/// to the silos as it is.
/// </summary>
[GenerateSerializer]
[Alias("SocialSecurity.Modeling.Distributed.PartitionedJob")]
public sealed record PartitionedJob
{
    /// <summary>The policy: a package name of <c>ProgramCatalog.Packages</c>, for example <c>Policies.Standard</c>.</summary>
    [Id(0)]
    public string Policy { get; init; } = "Policies.Standard";

    /// <summary>The date the rules are evaluated at.</summary>
    [Id(1)]
    public required DateOnly Date { get; init; }

    /// <summary>The reforms, each as the JSON of <c>Reform.ToJson</c>; the baseline always runs first.</summary>
    [Id(2)]
    public IReadOnlyList<string> Reforms { get; init; } = [];

    /// <summary>A region catalogue file every silo can read; the built-in catalogue when <see langword="null"/>.</summary>
    [Id(3)]
    public string? RegionCatalogPath { get; init; }

    /// <summary>Parameter files or folders added to the built-in parameters (<c>ParameterStore.WithFiles</c>).</summary>
    [Id(4)]
    public IReadOnlyList<string> ParameterFiles { get; init; } = [];

    /// <summary>Added to each synthetic partition's seed: the replicate of a sweep.</summary>
    [Id(5)]
    public ulong Replicate { get; init; }

    /// <summary>
    /// A folder on storage that every silo and the client can read and write. When given, each partition writes its
    /// sorted runs there instead of sending them, and the client merges them from the files a page at a time
    /// (<see cref="MergePageRows"/>), holding O(partitions × page) of them rather than the whole population. The files
    /// stay (a result's <c>OfPartition</c> merges them again): delete the folder when done. When <see langword="null"/>, the runs travel in the answers and the client holds them.
    /// </summary>
    [Id(6)]
    public string? SortedRunDirectory { get; init; }

    /// <summary>Rows of a sorted run read at a time by the client's merge.</summary>
    [Id(7)]
    public int MergePageRows { get; init; } = 65_536;
}
