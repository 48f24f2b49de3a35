using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SocialSecurity.Modeling.Benchmarks.Support;

/// <summary>
/// The benchmark process's memory, as the peers are measured: its peak resident set (the caller's arrays included)
/// and the population's own resident size, recorded by the benchmark process when its case ends
/// (<see cref="Record"/>, from a <c>[GlobalCleanup]</c>) and read back by the host for the summary.
/// </summary>
internal static class PeakMemory
{
    /// <summary>Records the process's peak resident set and <paramref name="residentBytes"/> for the running case.</summary>
    public static void Record(string benchmark, int size, long residentBytes)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        File.WriteAllText(PathOf(benchmark, size), string.Create(CultureInfo.InvariantCulture, $"{process.PeakWorkingSet64} {residentBytes}"));
    }

    /// <summary>The recorded peak resident set and resident size, in bytes, or <see langword="null"/>.</summary>
    public static (long Peak, long Resident)? Read(string benchmark, int size)
    {
        var path = PathOf(benchmark, size);
        if (!File.Exists(path))
        {
            return null;
        }

        var parts = File.ReadAllText(path).Split(' ');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static string PathOf(string benchmark, int size) => Path.Combine(Path.GetTempPath(), $"socialsecurity-benchmark-memory-{benchmark}-{size}.txt");
}

/// <summary>A summary column from <see cref="PeakMemory"/>: the peak resident set (MiB), or its ratio to the population's resident size.</summary>
/// <param name="ratio">Whether to show peak ÷ resident rather than the peak in MiB.</param>
/// <param name="sizeParameter">The benchmark's size parameter (households).</param>
internal sealed class PeakMemoryColumn(bool ratio, string sizeParameter) : IColumn
{
    public string Id => nameof(PeakMemoryColumn) + ratio;

    public string ColumnName => ratio ? "Peak RSS / resident" : "Peak RSS (MiB)";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => ratio ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => ratio
        ? "The process's peak resident set over the population's resident size (Population.ResidentBytes); the target is at most 1.2 plus the caller's arrays"
        : "The benchmark process's peak resident set (setup, the caller's arrays and every iteration included), in MiB";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Parameters[sizeParameter] is not int size || PeakMemory.Read(benchmarkCase.Descriptor.WorkloadMethod.Name, size) is not { } memory)
        {
            return "NA";
        }

        return ratio
            ? (memory.Resident > 0 ? ((double)memory.Peak / memory.Resident).ToString("F2", CultureInfo.InvariantCulture) : "NA")
            : (memory.Peak / (1024.0 * 1024.0)).ToString("F0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
