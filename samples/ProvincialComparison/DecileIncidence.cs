using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Simulation;

namespace ProvincialComparison;

/// <summary>
/// The decile incidence charts of one province: the mean income change by baseline decile of each reform, as
/// <see cref="ReformComparison.Deciles"/> gives it, bit for bit. The persons are sorted by (baseline income, weight)
/// once for the province; each reform only orders the persons tied on both by their reform income, the library's
/// last key, and the sorted persons go to <see cref="ReformComparison.DecileTableOfSorted"/>.
/// </summary>
internal sealed class DecileIncidence
{
    private readonly double[] _baseline;
    private readonly double[] _weight;
    private readonly int[] _order;
    private readonly int[] _tieEnd;
    private readonly double _totalWeight;

    public DecileIncidence(ReadOnlySpan<double> baselineIncome, ReadOnlySpan<double> weights)
    {
        double[] b = baselineIncome.ToArray(), w = weights.ToArray();
        var order = new int[b.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (i, j) =>
        {
            int c = b[i].CompareTo(b[j]);
            return c != 0 ? c : w[i].CompareTo(w[j]);
        });

        _order = order;
        _baseline = new double[order.Length];
        _weight = new double[order.Length];
        for (int k = 0; k < order.Length; k++)
        {
            _baseline[k] = b[order[k]];
            _weight[k] = w[order[k]];
        }

        // The end of each run of persons tied on (baseline income, weight), stored at the run's start.
        _tieEnd = new int[order.Length];
        for (int start = 0; start < order.Length;)
        {
            int end = start + 1;
            while (end < order.Length && _baseline[end].CompareTo(_baseline[start]) == 0 && _weight[end].CompareTo(_weight[start]) == 0)
            {
                end++;
            }

            _tieEnd[start] = end;
            start = end;
        }

        _totalWeight = ExactSum.Sum(w);
    }

    /// <summary>The mean change of income per decile of the baseline under a reform (each person's reform income).</summary>
    public double[] MeanChanges(ReadOnlySpan<double> reformIncome)
    {
        var reform = new double[_order.Length];
        for (int k = 0; k < _order.Length; k++)
        {
            reform[k] = reformIncome[_order[k]];
        }

        for (int start = 0; start < reform.Length; start = _tieEnd[start])
        {
            if (_tieEnd[start] - start > 1)
            {
                Array.Sort(reform, start, _tieEnd[start] - start);
            }
        }

        return ReformComparison.DecileTableOfSorted(Sorted(reform), _totalWeight).Select(d => d.MeanChange).ToArray();
    }

    private IEnumerable<(double Baseline, double Weight, double Reform)> Sorted(double[] reform)
    {
        for (int k = 0; k < reform.Length; k++)
        {
            yield return (_baseline[k], _weight[k], reform[k]);
        }
    }
}
