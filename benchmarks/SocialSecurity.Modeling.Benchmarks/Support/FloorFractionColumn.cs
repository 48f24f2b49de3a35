using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SocialSecurity.Modeling.Benchmarks.Support;

/// <summary>
/// A summary column: the benchmark's speed as a fraction of its floor, the baseline of its category measured in the
/// same run (floor time ÷ benchmark time; 1 means the pass runs at its floor). Comparable across machines.
/// </summary>
internal sealed class FloorFractionColumn : IColumn
{
    public string Id => nameof(FloorFractionColumn);

    public string ColumnName => "Of floor";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Speed as a fraction of the category's floor (the baseline, measured in the same run): floor time / time";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var own = summary[benchmarkCase]?.ResultStatistics;
        var floor = baseline is null ? null : summary[baseline]?.ResultStatistics;
        return own is null || floor is null || own.Mean <= 0 ? "NA" : (floor.Mean / own.Mean).ToString("P0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Adds <see cref="FloorFractionColumn"/> to a benchmark class's summary.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class FloorFractionColumnAttribute : BenchmarkDotNet.Attributes.ColumnConfigBaseAttribute
{
    public FloorFractionColumnAttribute()
        : base(new FloorFractionColumn())
    {
    }
}
