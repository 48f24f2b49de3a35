namespace SocialSecurity.Modeling.Distributed;

/// <summary>
/// What one partition sends back: exact, mergeable sums (the state of each <c>ExactSum</c>) and the partition's
/// sorted person runs for the indicators that need a global order. Merging the aggregates of all partitions, in any
/// order, gives the figures of one run over the whole population (docs/distributed.md).
/// </summary>
[GenerateSerializer]
[Alias("SocialSecurity.Modeling.Distributed.PartitionAggregate")]
public sealed class PartitionAggregate
{
    /// <summary>The partition's name.</summary>
    [Id(0)]
    public required string PartitionId { get; init; }

    /// <summary>The silo that ran it (set by the grain), or <c>local</c>.</summary>
    [Id(1)]
    public string Silo { get; set; } = "local";

    /// <summary>A fingerprint of the region catalogue the partition was run over.</summary>
    [Id(2)]
    public required string RegionCatalogFingerprint { get; init; }

    /// <summary>A fingerprint of the parameter store (files and reforms) the partition was run with.</summary>
    [Id(3)]
    public required string ParametersFingerprint { get; init; }

    /// <summary>The id space of the household ids (<see cref="PartitionSource"/>).</summary>
    [Id(4)]
    public required string IdSpace { get; init; }

    /// <summary>The partition's household ids, ascending.</summary>
    [Id(5)]
    public required long[] HouseholdIds { get; init; }

    /// <summary>The number of sample persons.</summary>
    [Id(6)]
    public int Persons { get; init; }

    /// <summary>The baseline, then each reform of the job.</summary>
    [Id(7)]
    public required IReadOnlyList<ScenarioAggregate> Scenarios { get; init; }
}

/// <summary>One scenario (baseline or reform) on one partition.</summary>
[GenerateSerializer]
[Alias("SocialSecurity.Modeling.Distributed.ScenarioAggregate")]
public sealed class ScenarioAggregate
{
    /// <summary>"baseline" or the reform's name.</summary>
    [Id(0)]
    public required string Name { get; init; }

    /// <summary>The monetary program outputs (a period), in policy order.</summary>
    [Id(1)]
    public required string[] Outputs { get; init; }

    /// <summary>Per output: the exact Σ weight × value, in the output's own period.</summary>
    [Id(2)]
    public required byte[][] WeightedSums { get; init; }

    /// <summary>Per output: the exact Σ weight of units with a value above zero.</summary>
    [Id(3)]
    public required byte[][] Recipients { get; init; }

    /// <summary>Per output, reforms only: the exact Σ weight of units with nothing in the baseline and a positive value here.</summary>
    [Id(4)]
    public required byte[][] Gained { get; init; }

    /// <summary>Per output, reforms only: the exact Σ weight of units with a positive value in the baseline and nothing here.</summary>
    [Id(5)]
    public required byte[][] Lost { get; init; }

    /// <summary>The groups of <see cref="IncomeTotals"/>: <c>concept|province code</c>.</summary>
    [Id(6)]
    public required string[] IncomeGroups { get; init; }

    /// <summary>Per group: the exact Σ household weight × household income of the concept, yuan per year.</summary>
    [Id(7)]
    public required byte[][] IncomeTotals { get; init; }

    /// <summary>Each person's household per-capita disposable income, ascending by (income, weight).</summary>
    [Id(8)]
    public required double[] SortedIncome { get; init; }

    /// <summary>The person weights in the order of <see cref="SortedIncome"/>.</summary>
    [Id(9)]
    public required double[] SortedWeight { get; init; }

    /// <summary>Reforms only: each person's baseline per-capita disposable income, ascending by (baseline, weight, reform).</summary>
    [Id(10)]
    public required double[] DecileBaseline { get; init; }

    /// <summary>Reforms only: the weights in the order of <see cref="DecileBaseline"/>.</summary>
    [Id(11)]
    public required double[] DecileWeight { get; init; }

    /// <summary>Reforms only: the reform's per-capita disposable income in the order of <see cref="DecileBaseline"/>.</summary>
    [Id(12)]
    public required double[] DecileReform { get; init; }

    /// <summary>The exact Σ person weight × per-capita disposable income.</summary>
    [Id(13)]
    public required byte[] WeightedIncome { get; init; }

    /// <summary>The exact Σ person weight.</summary>
    [Id(14)]
    public required byte[] WeightedPersons { get; init; }

    /// <summary>The persons of the partition: the rows of the sorted runs.</summary>
    [Id(15)]
    public int SortedRows { get; init; }

    /// <summary>With <see cref="PartitionedJob.SortedRunDirectory"/>: the file of (income, weight) rows (the arrays are then empty).</summary>
    [Id(16)]
    public string? SortedRunFile { get; init; }

    /// <summary>With <see cref="PartitionedJob.SortedRunDirectory"/>, reforms only: the file of (baseline, weight, reform) rows.</summary>
    [Id(17)]
    public string? DecileRunFile { get; init; }
}

/// <summary>The answer of a partition grain: the aggregate, or the reason the partition failed validation.</summary>
[GenerateSerializer]
[Alias("SocialSecurity.Modeling.Distributed.PartitionOutcome")]
public sealed class PartitionOutcome
{
    /// <summary>The aggregate, when the partition ran.</summary>
    [Id(0)]
    public PartitionAggregate? Aggregate { get; init; }

    /// <summary>Why the partition was rejected (the culprit: file, column, row, parameter), when it did not run.</summary>
    [Id(1)]
    public string? Failure { get; init; }
}
