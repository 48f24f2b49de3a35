namespace SocialSecurity.Modeling.Distributed;

/// <summary>
/// What a partitioned projection runs on every partition: the library's own <c>Projector.Run</c> over the years and
/// replicates, for the baseline and each reform (docs/distributed.md#projections). Everything is data, so the job
/// travels to the silos as it is.
/// </summary>
/// <remarks>
/// Working lives are off (their wage dispersion is measured over the whole base population, which no partition
/// holds) and deaths and births are not aligned (alignment ranks persons over the whole population); household change
/// is allowed when every matching group (one region and one household weight) lies in one partition, which the merge
/// checks.
/// </remarks>
[GenerateSerializer]
[Alias("SocialSecurity.Modeling.Distributed.ProjectionJob")]
public sealed record ProjectionJob
{
    /// <summary>The policy: a package name of <c>ProgramCatalog.Packages</c>.</summary>
    [Id(0)]
    public string Policy { get; init; } = "Policies.Standard";

    /// <summary>The reforms, each as the JSON of <c>Reform.ToJson</c>; the baseline always runs first.</summary>
    [Id(1)]
    public IReadOnlyList<string> Reforms { get; init; } = [];

    /// <summary>The first year (the base population is the population at its run date, 1 July).</summary>
    [Id(2)]
    public required int StartYear { get; init; }

    /// <summary>The last year (inclusive).</summary>
    [Id(3)]
    public required int EndYear { get; init; }

    /// <summary>Monte Carlo replicates (1–60).</summary>
    [Id(4)]
    public int Replicates { get; init; } = 1;

    /// <summary>
    /// The seed. Every draw of the projector comes from a stream keyed by the seed, the person's id, the year and the
    /// replicate, so a file partition draws exactly what the single-process projection draws for its persons; a
    /// synthetic partition (ids from 1 in every region) uses the seed mixed with its region code.
    /// </summary>
    [Id(5)]
    public ulong Seed { get; init; } = 2024;

    /// <summary>Whether deaths are drawn.</summary>
    [Id(6)]
    public bool Mortality { get; init; } = true;

    /// <summary>Whether births are drawn.</summary>
    [Id(7)]
    public bool Fertility { get; init; } = true;

    /// <summary>Whether the projector retires people at the statutory age (<c>RetirementAssumptions.Statutory</c>), or leaves the employee pension to the static rule.</summary>
    [Id(8)]
    public bool Retirement { get; init; } = true;

    /// <summary>Whether households change (widowhood, leaving home, couples by matching within one region and household weight).</summary>
    [Id(9)]
    public bool Households { get; init; }

    /// <summary>A region catalogue file every silo can read; the built-in catalogue when <see langword="null"/>.</summary>
    [Id(10)]
    public string? RegionCatalogPath { get; init; }

    /// <summary>Parameter files or folders added to the built-in parameters.</summary>
    [Id(11)]
    public IReadOnlyList<string> ParameterFiles { get; init; } = [];
}
