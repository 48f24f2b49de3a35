using System.Diagnostics;
using System.Globalization;

namespace ProvincialComparison;

/// <summary>
/// Wall-clock and process CPU time (every thread, the runtime's included) spent in each phase of the job, summed over
/// the provinces: printed to stderr with <c>--verbose</c>, so the printed report on stdout stays the same with or
/// without it. On a loaded machine the CPU time is the steadier of the two.
/// </summary>
internal sealed class PhaseTimes
{
    public const string Generation = "generation";
    public const string Validation = "validation";
    public const string ReformComparison = "reform comparison";
    public const string HealthReplicates = "health replicates";
    public const string ReformMetrics = "reform metrics";

    private readonly Dictionary<string, (TimeSpan Wall, TimeSpan Cpu)> _elapsed = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Runs <paramref name="work"/> and adds its wall-clock and CPU time to <paramref name="phase"/>.</summary>
    public T Time<T>(string phase, Func<T> work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        try
        {
            return work();
        }
        finally
        {
            Add(phase, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
        }
    }

    /// <summary>Runs <paramref name="work"/> and adds its wall-clock and CPU time to <paramref name="phase"/>.</summary>
    public void Time(string phase, Action work) => Time(phase, () =>
    {
        work();
        return 0;
    });

    /// <summary>Writes one line per phase, in the order the phases first ran.</summary>
    public void Print(TextWriter writer)
    {
        foreach (var phase in _order)
        {
            var (wall, cpu) = _elapsed[phase];
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"phase {phase}: {wall.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU"));
        }
    }

    private void Add(string phase, TimeSpan wall, TimeSpan cpu)
    {
        if (!_elapsed.TryGetValue(phase, out var total))
        {
            _order.Add(phase);
        }

        _elapsed[phase] = (total.Wall + wall, total.Cpu + cpu);
    }
}
