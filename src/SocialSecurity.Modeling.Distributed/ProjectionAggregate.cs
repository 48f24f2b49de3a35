namespace SocialSecurity.Modeling.Distributed;

/// <summary>
/// What one partition of a partitioned projection sends back: for every scenario, replicate and year, the exact
/// states of the sums the projector's yearly indicators are made of, and the year's sorted (income, weight) run for
/// the Gini coefficient and relative poverty. Merging them over the partitions, in any order, gives the yearly
/// indicators of one projection of the whole population (docs/distributed.md#projections).
/// </summary>
[GenerateSerializer]
[Alias("SocialSecurity.Modeling.Distributed.ProjectionAggregate")]
public sealed class ProjectionAggregate
{
    /// <summary>The partition's name.</summary>
    [Id(0)]
    public required string PartitionId { get; init; }

    /// <summary>The silo that ran it (set by the grain), or <c>local</c>.</summary>
    [Id(1)]
    public string Silo { get; set; } = "local";

    /// <summary>A fingerprint of the region catalogue the partition's data were read over.</summary>
    [Id(2)]
    public required string RegionCatalogFingerprint { get; init; }

    /// <summary>A fingerprint of the parameter store (files and reforms) the partition was run with.</summary>
    [Id(3)]
    public required string ParametersFingerprint { get; init; }

    /// <summary>The id space of the household ids (<see cref="PartitionSource"/>).</summary>
    [Id(4)]
    public required string IdSpace { get; init; }

    /// <summary>The base population's household ids, ascending.</summary>
    [Id(5)]
    public required long[] HouseholdIds { get; init; }

    /// <summary>The base population's sample persons.</summary>
    [Id(6)]
    public int Persons { get; init; }

    /// <summary>The exact state of the base population's weighted persons (the fund's starting reserve is scaled by the total).</summary>
    [Id(7)]
    public required byte[] BaseWeightedPersons { get; init; }

    /// <summary>With household change: the partition's couple-matching groups (<c>region code|household weight</c>), which no other partition may share.</summary>
    [Id(8)]
    public required string[] MatchingGroups { get; init; }

    /// <summary>The scenario names: "baseline", then each reform's.</summary>
    [Id(9)]
    public required string[] Scenarios { get; init; }

    /// <summary>One entry per scenario, replicate and year, in that order.</summary>
    [Id(10)]
    public required IReadOnlyList<ProjectionYearAggregate> Years { get; init; }
}

/// <summary>One projected year of one replicate and scenario on one partition.</summary>
[GenerateSerializer]
[Alias("SocialSecurity.Modeling.Distributed.ProjectionYearAggregate")]
public sealed class ProjectionYearAggregate
{
    /// <summary>The scenario's index (0 = baseline).</summary>
    [Id(0)]
    public int Scenario { get; init; }

    /// <summary>The replicate.</summary>
    [Id(1)]
    public int Replicate { get; init; }

    /// <summary>The year.</summary>
    [Id(2)]
    public int Year { get; init; }

    /// <summary>Weighted persons by sex and age: women 0–120, then men 0–120; an empty array for an empty cell.</summary>
    [Id(3)]
    public required byte[][] Cells { get; init; }

    /// <summary>Weighted deaths since the previous run date, women then men (persons of last year's population absent from this year's).</summary>
    [Id(4)]
    public required byte[][] Deaths { get; init; }

    /// <summary>Weighted births since the previous run date, girls then boys (persons of this year's population absent from last year's).</summary>
    [Id(5)]
    public required byte[][] Births { get; init; }

    /// <summary>The year's monetary program outputs, in the order of the year's policy.</summary>
    [Id(6)]
    public required string[] Outputs { get; init; }

    /// <summary>Per output: 1 when it is public spending, plus 2 when it is public revenue.</summary>
    [Id(7)]
    public required int[] OutputKinds { get; init; }

    /// <summary>Per output: its annual factor.</summary>
    [Id(8)]
    public required double[] OutputFactors { get; init; }

    /// <summary>Per output: the exact Σ weight × value.</summary>
    [Id(9)]
    public required byte[][] OutputSums { get; init; }

    /// <summary>Names of further exact sums (counts, balances, fund flows) that the year's population and policy have.</summary>
    [Id(10)]
    public required string[] SumNames { get; init; }

    /// <summary>Per name: the exact state.</summary>
    [Id(11)]
    public required byte[][] SumStates { get; init; }

    /// <summary>Per name: the factor that makes it annual (1 for counts and stocks).</summary>
    [Id(12)]
    public required double[] SumFactors { get; init; }

    /// <summary>Each person's household per-capita disposable income, ascending by (income, weight).</summary>
    [Id(13)]
    public required double[] SortedIncome { get; init; }

    /// <summary>The person weights in the order of <see cref="SortedIncome"/>.</summary>
    [Id(14)]
    public required double[] SortedWeight { get; init; }
}

/// <summary>The answer of a partition grain to a projection: the aggregate, or the reason the partition failed validation.</summary>
[GenerateSerializer]
[Alias("SocialSecurity.Modeling.Distributed.ProjectionOutcome")]
public sealed class ProjectionOutcome
{
    /// <summary>The aggregate, when the partition ran.</summary>
    [Id(0)]
    public ProjectionAggregate? Aggregate { get; init; }

    /// <summary>Why the partition was rejected, when it did not run.</summary>
    [Id(1)]
    public string? Failure { get; init; }
}
