using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SocialSecurity.Modeling.Benchmarks.Support;

/// <summary>A summary column of persons per second: the benchmark's <c>Persons</c> parameter divided by the mean time of one operation.</summary>
/// <param name="legend">What the persons are (generated, streamed, …), for the summary's legend.</param>
internal sealed class PersonsPerSecondColumn(string legend) : IColumn
{
    public string Id => nameof(PersonsPerSecondColumn);

    public string ColumnName => "Persons/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null || statistics.Mean <= 0 || benchmarkCase.Parameters["Persons"] is not int persons)
        {
            return "NA";
        }

        return (persons / (statistics.Mean / 1e9)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
