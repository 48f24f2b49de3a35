using System.Runtime.InteropServices;
using SocialSecurity.Modeling.Metrics;

namespace SocialSecurity.Modeling.Distributed;

/// <summary>
/// A partition's sorted run: rows of <see cref="Width"/> doubles (value, weight; or baseline, weight, reform), ascending,
/// read in pages — from the arrays of an aggregate, or from the file a silo wrote.
/// </summary>
internal abstract class SortedRun
{
    protected SortedRun(int width, long rows)
    {
        Width = width;
        Rows = rows;
    }

    public int Width { get; }

    public long Rows { get; }

    /// <summary>Reads rows from <paramref name="row"/> into <paramref name="destination"/> (row-major, whole rows); returns the rows read.</summary>
    public abstract int Read(long row, Span<double> destination);

    public static SortedRun Of(double[] first, double[] second, double[]? third = null) => new ArrayRun(first, second, third);

    public static SortedRun OfFile(string path, int width, long rows) => new FileRun(path, width, rows);

    /// <summary>Writes rows of the given columns, interleaved, to <paramref name="path"/> (little-endian doubles).</summary>
    public static void Write(string path, params double[][] columns)
    {
        int width = columns.Length;
        int rows = columns[0].Length;
        var buffer = new double[Math.Min(rows, 65_536) * width];
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        for (int start = 0; start < rows; start += buffer.Length / width)
        {
            int count = Math.Min(buffer.Length / width, rows - start);
            for (int i = 0; i < count; i++)
            {
                for (int c = 0; c < width; c++)
                {
                    buffer[(i * width) + c] = columns[c][start + i];
                }
            }

            file.Write(MemoryMarshal.AsBytes(buffer.AsSpan(0, count * width)));
        }
    }

    private sealed class ArrayRun(double[] first, double[] second, double[]? third) : SortedRun(third is null ? 2 : 3, first.Length)
    {
        public override int Read(long row, Span<double> destination)
        {
            int count = (int)Math.Min(destination.Length / Width, Rows - row);
            for (int i = 0; i < count; i++)
            {
                int r = (int)row + i;
                destination[i * Width] = first[r];
                destination[(i * Width) + 1] = second[r];
                if (third is not null)
                {
                    destination[(i * Width) + 2] = third[r];
                }
            }

            return count;
        }
    }

    private sealed class FileRun(string path, int width, long rows) : SortedRun(width, rows)
    {
        public override int Read(long row, Span<double> destination)
        {
            int count = (int)Math.Min(destination.Length / Width, Rows - row);
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            file.Position = row * Width * sizeof(double);
            file.ReadExactly(MemoryMarshal.AsBytes(destination[..(count * Width)]));
            return count;
        }
    }
}

/// <summary>
/// The k-way merge of sorted runs, streamed: each run is read a page at a time, and the merged rows come out a page
/// at a time, so the merge holds at most (k + 1) pages of rows whatever the population. Every pass over the merged
/// sequence reads the runs again.
/// </summary>
internal sealed class StreamedMerge(IReadOnlyList<SortedRun> runs, int pageRows)
{
    private long _held;

    /// <summary>The most run elements (doubles) held at once by any pass.</summary>
    public long PeakHeld { get; private set; }

    /// <summary>One pass: the merged rows, a page of (value, weight) at a time (for runs of width 2).</summary>
    public IEnumerable<SortedPage> Pairs()
    {
        foreach (var page in Pages())
        {
            int n = page.Length / 2;
            var x = new double[n];
            var w = new double[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = page[2 * i];
                w[i] = page[(2 * i) + 1];
            }

            Hold(2 * n);
            yield return new SortedPage(x, w);
            Hold(-2 * n);
        }
    }

    /// <summary>One pass: the merged (first, second, third) rows, in order (for runs of width 3).</summary>
    public IEnumerable<(double First, double Second, double Third)> Triples()
    {
        foreach (var page in Pages())
        {
            for (int i = 0; i < page.Length; i += 3)
            {
                yield return (page[i], page[i + 1], page[i + 2]);
            }
        }
    }

    /// <summary>One pass: pages of merged rows, row-major.</summary>
    private IEnumerable<double[]> Pages()
    {
        int width = runs.Count == 0 ? 2 : runs[0].Width;
        var buffers = new double[runs.Count][];
        var filled = new int[runs.Count];
        var position = new int[runs.Count];
        var next = new long[runs.Count];
        var queue = new PriorityQueue<int, (double, double, double)>(runs.Count, Comparer<(double B, double W, double A)>.Create(PartitionWorker.CompareTriples));
        _held = 0;
        (double, double, double) Key(int r)
        {
            var b = buffers[r];
            int i = position[r] * width;
            return (b[i], b[i + 1], width == 3 ? b[i + 2] : 0);
        }

        bool Refill(int r)
        {
            if (next[r] >= runs[r].Rows)
            {
                if (buffers[r] is not null)
                {
                    Hold(-buffers[r].Length);
                    buffers[r] = null!;
                }

                return false;
            }

            if (buffers[r] is null)
            {
                buffers[r] = new double[(int)Math.Min(pageRows, runs[r].Rows) * width];
                Hold(buffers[r].Length);
            }

            filled[r] = runs[r].Read(next[r], buffers[r]);
            next[r] += filled[r];
            position[r] = 0;
            return filled[r] > 0;
        }

        for (int r = 0; r < runs.Count; r++)
        {
            if (Refill(r))
            {
                queue.Enqueue(r, Key(r));
            }
        }

        var output = new double[pageRows * width];
        Hold(output.Length);
        int rows = 0;
        while (queue.Count > 0)
        {
            int r = queue.Dequeue();
            Array.Copy(buffers[r], position[r] * width, output, rows * width, width);
            rows++;
            if (++position[r] < filled[r] || Refill(r))
            {
                queue.Enqueue(r, Key(r));
            }

            if (rows == pageRows)
            {
                yield return output;
                rows = 0;
            }
        }

        if (rows > 0)
        {
            yield return output[..(rows * width)];
        }

        Hold(-output.Length);
    }

    private void Hold(long elements)
    {
        _held += elements;
        PeakHeld = Math.Max(PeakHeld, _held);
    }
}
