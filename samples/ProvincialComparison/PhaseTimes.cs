using System.Diagnostics;
using System.Globalization;

namespace ProvincialComparison;

/// <summary>
/// Wall-clock time spent in each phase of the job, summed over the provinces: printed to stderr with
/// <c>--verbose</c>, so the printed report on stdout stays the same with or without it.
/// </summary>
internal sealed class PhaseTimes
{
    public const string Generation = "generation";
    public const string Validation = "validation";
    public const string ReformComparison = "reform comparison";
    public const string HealthReplicates = "health replicates";
    public const string ReformMetrics = "reform metrics";

    private readonly Dictionary<string, TimeSpan> _elapsed = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Runs <paramref name="work"/> and adds its wall-clock time to <paramref name="phase"/>.</summary>
    public T Time<T>(string phase, Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return work();
        }
        finally
        {
            Add(phase, clock.Elapsed);
        }
    }

    /// <summary>Runs <paramref name="work"/> and adds its wall-clock time to <paramref name="phase"/>.</summary>
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
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"phase {phase}: {_elapsed[phase].TotalSeconds:F2} s"));
        }
    }

    private void Add(string phase, TimeSpan elapsed)
    {
        if (!_elapsed.TryGetValue(phase, out var total))
        {
            _order.Add(phase);
        }

        _elapsed[phase] = total + elapsed;
    }
}
