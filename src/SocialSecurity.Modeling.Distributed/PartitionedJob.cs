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
}
