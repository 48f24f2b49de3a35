using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// Runs a per-person pass of the yearly step over fixed blocks of rows in parallel. Only for passes in which each row's
/// result depends on that row alone (or whose per-block partial results are exact sums, merged in block order): the
/// result is then the same whatever the number of threads.
/// </summary>
internal static class PersonBlocks
{
    /// <summary>Rows per block: large enough that a block's overhead is small, small enough to balance two to a few dozen cores.</summary>
    internal const int Size = 1 << 16;

    /// <summary>The number of blocks of <paramref name="rows"/> rows.</summary>
    internal static int Count(int rows) => (rows + Size - 1) / Size;

    /// <summary>Calls <paramref name="block"/>(from, to) for every block of <paramref name="rows"/>, in parallel (threads as <paramref name="options"/> allow).</summary>
    internal static void For(int rows, SimulationOptions options, Action<int, int> block)
    {
        int blocks = Count(rows);
        if (blocks <= 1 || options.MaxDegreeOfParallelism == 1)
        {
            for (int b = 0; b < blocks; b++)
            {
                block(b * Size, Math.Min(rows, (b + 1) * Size));
            }

            return;
        }

        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, b => block(b * Size, Math.Min(rows, (b + 1) * Size)));
    }
}
