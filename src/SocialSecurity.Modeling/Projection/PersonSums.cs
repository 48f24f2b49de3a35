using System.Buffers;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// The weighted person sums of a year's table, taken together in one pass over the persons (each person's weight is
/// the household's): persons by sex and single year of age, weighted totals <c>Σ w·x</c> (each product rounded as
/// <c>w * x</c>) and weighted counts of persons with a value above zero. Every sum is exact and rounded once, so it is
/// the same as a separate exact sum over the whole column (<c>ExactSum.SumOfProducts</c>), whatever the row order; the
/// persons are summed in blocks in parallel and the blocks' exact sums merged, and zero terms, which leave an exact
/// sum unchanged, are skipped.
/// </summary>
internal sealed class PersonSums
{
    private const int Ages = 121;

    /// <summary>Rows of a block whose terms are listed and added together (a few hundred KB of values and weights).</summary>
    private const int Piece = 4096;
    private readonly List<(double[] Values, double[]? Or, bool Count)> _terms = [];
    private double[] _results = [];

    /// <summary>Persons by single year of age 0–120, women (after <see cref="Run"/>).</summary>
    public double[] Females { get; } = new double[Ages];

    /// <summary>Persons by single year of age 0–120, men (after <see cref="Run"/>).</summary>
    public double[] Males { get; } = new double[Ages];

    /// <summary>Asks for <c>Σ w·x</c> over the persons; the index of its result.</summary>
    /// <param name="values">One value per person (at least as many as persons; only the persons' read).</param>
    public int Product(double[] values) => Add(values, null, count: false);

    /// <summary>Asks for the weighted number of persons with <paramref name="values"/> (or <paramref name="or"/>) above zero; the index of its result.</summary>
    /// <param name="values">One value per person.</param>
    /// <param name="or">A second column that also counts, or null.</param>
    public int Count(double[] values, double[]? or = null) => Add(values, or, count: true);

    /// <summary>A result of <see cref="Run"/>, by the index <see cref="Product"/> or <see cref="Count"/> gave.</summary>
    public double this[int index] => _results[index];

    /// <summary>Computes every sum asked for over <paramref name="population"/>'s persons.</summary>
    public void Run(Population population, SimulationOptions options)
    {
        int persons = population.PersonCount;
        var weight = population.WeightColumn;
        var household = population.PersonHouseholdColumn;
        var age = population.AgeColumn;
        var sex = population.SexColumn;
        var terms = _terms.ToArray();
        int blocks = PersonBlocks.Count(persons);
        var cellsOf = new ExactAccumulator?[blocks][];
        var sumsOf = new ExactAccumulator[blocks][];
        PersonBlocks.For(persons, options, (from, to) =>
        {
            var cells = new ExactAccumulator?[2 * Ages];
            var sums = new ExactAccumulator[terms.Length];
            for (int t = 0; t < sums.Length; t++)
            {
                sums[t] = new ExactAccumulator();
            }

            // The block's weights, fetched once (each person's is the household's), and the rows each term adds,
            // listed without branches: every row's index is written, the count advanced only when the row counts.
            // Both are rented (a block's arrays are large-object-heap sized: new ones every year would add collections).
            var w = ArrayPool<double>.Shared.Rent(to - from);
            var rows = ArrayPool<int>.Shared.Rent(to - from);
            var cellOf = ArrayPool<int>.Shared.Rent(to - from);
            Span<int> cellStart = stackalloc int[(2 * Ages) + 1];
            cellStart.Clear();
            for (int p = from; p < to; p++)
            {
                w[p - from] = weight[household[p]];
                int cell = ((Sex)sex[p] == Sex.Male ? Ages : 0) + age[p];
                cellOf[p - from] = cell;
                cellStart[cell + 1]++;
            }

            // The persons by sex and age: the block's rows grouped by cell (a counting sort), each cell's weights then
            // added in one run (the same exact sum as one weight at a time).
            for (int c = 0; c < 2 * Ages; c++)
            {
                cellStart[c + 1] += cellStart[c];
            }

            Span<int> next = stackalloc int[2 * Ages];
            cellStart[..(2 * Ages)].CopyTo(next);
            for (int i = 0; i < to - from; i++)
            {
                rows[next[cellOf[i]]++] = i;
            }

            for (int c = 0; c < 2 * Ages; c++)
            {
                if (cellStart[c + 1] > cellStart[c])
                {
                    (cells[c] = new ExactAccumulator()).AddAt(w, rows.AsSpan(cellStart[c], cellStart[c + 1] - cellStart[c]));
                }
            }

            ArrayPool<int>.Shared.Return(cellOf);

            // The terms piece by piece (Piece rows), every term over a piece in turn: the piece's values and weights
            // are still in the core's cache when its listed rows are added.
            for (int begin = from; begin < to; begin += Piece)
            {
                int end = Math.Min(to, begin + Piece);
                for (int t = 0; t < terms.Length; t++)
                {
                    var (values, or, count) = terms[t];
                    int n = 0;
                    if (!count)
                    {
                        // Zero terms leave an exact sum unchanged: only rows with a value are multiplied and added.
                        for (int p = begin; p < end; p++)
                        {
                            rows[n] = p;
                            n += values[p] != 0 ? 1 : 0;
                        }

                        sums[t].AddProductsAt(values, w, from, rows.AsSpan(0, n));
                        continue;
                    }

                    if (or is null)
                    {
                        for (int p = begin; p < end; p++)
                        {
                            rows[n] = p - from;
                            n += values[p] > 0 ? 1 : 0;
                        }
                    }
                    else
                    {
                        for (int p = begin; p < end; p++)
                        {
                            rows[n] = p - from;
                            n += (values[p] > 0) | (or[p] > 0) ? 1 : 0;
                        }
                    }

                    sums[t].AddAt(w, rows.AsSpan(0, n));
                }
            }

            ArrayPool<double>.Shared.Return(w);
            ArrayPool<int>.Shared.Return(rows);

            cellsOf[from / PersonBlocks.Size] = cells;
            sumsOf[from / PersonBlocks.Size] = sums;
        });

        var totalCells = new ExactAccumulator?[2 * Ages];
        var totals = new ExactAccumulator[terms.Length];
        for (int t = 0; t < totals.Length; t++)
        {
            totals[t] = new ExactAccumulator();
        }

        for (int b = 0; b < blocks; b++)
        {
            for (int c = 0; c < totalCells.Length; c++)
            {
                if (cellsOf[b][c] is { } cell)
                {
                    (totalCells[c] ??= new ExactAccumulator()).Merge(cell);
                }
            }

            for (int t = 0; t < totals.Length; t++)
            {
                totals[t].Merge(sumsOf[b][t]);
            }
        }

        for (int a = 0; a < Ages; a++)
        {
            Females[a] = totalCells[a]?.Result() ?? 0;
            Males[a] = totalCells[Ages + a]?.Result() ?? 0;
        }

        _results = [.. totals.Select(t => t.Result())];
    }

    private int Add(double[] values, double[]? or, bool count)
    {
        _terms.Add((values, or, count));
        return _terms.Count - 1;
    }
}
