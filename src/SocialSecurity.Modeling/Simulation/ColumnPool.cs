namespace SocialSecurity.Modeling.Simulation;

/// <summary>
/// The output columns of disposed one-shot results (<see cref="Microsimulation.Run"/>), kept for the next one-shot run
/// whose population has the same number of rows, whatever the population: a new population simulated in a loop (built
/// afresh from a caller's arrays, a replicate, a reform's population) writes into memory already touched instead of
/// page-faulting new columns, which costs several times the writing.
/// </summary>
/// <remarks>
/// Only arrays of at least <see cref="MinimumLength"/> values are kept (smaller ones cost little to allocate), at most
/// <see cref="MaximumBytes"/> in all (the oldest are let go first), and none while the machine's memory load is high.
/// A column lent out is written or cleared on every row before it is read, as a context's recycled columns are
/// (docs/architecture.md#run-contexts), so results do not depend on where a column came from.
/// </remarks>
internal static class ColumnPool
{
    /// <summary>Columns shorter than this are not kept (about the size from which .NET allocates on the large-object heap).</summary>
    public const int MinimumLength = 16_384;

    /// <summary>The most bytes kept.</summary>
    public const long MaximumBytes = 1L << 30;

    private static readonly LinkedList<double[]> Free = [];
    private static long _bytes;

    /// <summary>A kept column of exactly <paramref name="length"/> values (its values left from its last use), or null.</summary>
    public static double[]? Rent(int length)
    {
        if (length < MinimumLength)
        {
            return null;
        }

        lock (Free)
        {
            // Most recently returned first: the likeliest to be in the caches and in resident memory.
            for (var node = Free.Last; node is not null; node = node.Previous)
            {
                if (node.Value.Length == length)
                {
                    Free.Remove(node);
                    _bytes -= (long)length * sizeof(double);
                    return node.Value;
                }
            }
        }

        return null;
    }

    /// <summary>Keeps <paramref name="columns"/> (distinct arrays no one reads any more) for later runs, within the limits.</summary>
    public static void Return(IEnumerable<double[]> columns)
    {
        var info = GC.GetGCMemoryInfo();
        bool pressed = info.HighMemoryLoadThresholdBytes > 0 && info.MemoryLoadBytes >= info.HighMemoryLoadThresholdBytes;
        lock (Free)
        {
            foreach (var column in columns)
            {
                long size = (long)column.Length * sizeof(double);
                if (pressed || column.Length < MinimumLength || size > MaximumBytes)
                {
                    continue;
                }

                Free.AddLast(column);
                _bytes += size;
                while (_bytes > MaximumBytes)
                {
                    _bytes -= (long)Free.First!.Value.Length * sizeof(double);
                    Free.RemoveFirst();
                }
            }
        }
    }

    /// <summary>How many columns of exactly <paramref name="length"/> values are kept (tests).</summary>
    internal static int Kept(int length)
    {
        lock (Free)
        {
            return Free.Count(c => c.Length == length);
        }
    }
}
