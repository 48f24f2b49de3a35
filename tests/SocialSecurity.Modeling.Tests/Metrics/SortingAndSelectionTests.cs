using SocialSecurity.Modeling.Metrics;

namespace SocialSecurity.Modeling.Tests.Metrics;

/// <summary>The radix sort and the quickselect path must agree exactly with plain definitions.</summary>
public class SortingAndSelectionTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(1000)]
    [InlineData(300_000)] // above the two-thread threshold
    public void Radix_sort_orders_like_a_comparison_sort_and_is_stable(int n)
    {
        var rng = new Random(n);
        var keys = new ulong[n];
        var payload = new int[n];
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            double v = (rng.Next(4)) switch
            {
                0 => -rng.NextDouble() * 1e6,
                1 => Math.Round(rng.NextDouble() * 100),
                2 => rng.NextDouble() < 0.5 ? 0.0 : -0.0,
                _ => rng.NextDouble() * 1e-300,
            };
            values[i] = v;
            keys[i] = RadixSort.ToKey(v);
            payload[i] = i;
        }

        RadixSort.Sort(keys, payload, new ulong[n], new int[n], n);
        var expected = Enumerable.Range(0, n).OrderBy(i => values[i]).ToArray(); // OrderBy is stable; -0 == +0
        payload.Should().Equal(expected);
        for (int i = 0; i < n; i++)
        {
            RadixSort.FromKey(keys[i]).Should().Be(values[expected[i]] + 0.0);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Hybrid_radix_sort_handles_constant_and_nearly_constant_keys(int kind)
    {
        int n = 200_000;
        var rng = new Random(kind);
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = kind switch
            {
                0 => 42.0,                                               // all equal
                1 => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(1.0) + rng.Next(8)), // differ in 3 low bits
                _ => rng.Next(2) == 0 ? -1e300 : 1e300,                  // two extreme values
            };
        }

        var keys = values.Select(RadixSort.ToKey).ToArray();
        var payload = Enumerable.Range(0, n).ToArray();
        RadixSort.Sort(keys, payload, new ulong[n], new int[n], n);
        payload.Should().Equal(Enumerable.Range(0, n).OrderBy(i => values[i]).ToArray());
    }

    public static TheoryData<int, int, QuantileRule> SelectionCases()
    {
        var data = new TheoryData<int, int, QuantileRule>();
        foreach (var rule in new[] { QuantileRule.Laeken, QuantileRule.Convey, QuantileRule.School })
        {
            for (int kind = 0; kind < 4; kind++)
            {
                data.Add(kind, 20_000, rule);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SelectionCases))]
    public void Quickselect_equals_the_sequential_cumulative_sum_rule(int kind, int n, QuantileRule rule)
    {
        var rng = new Random(1000 + kind);
        var x = new double[n];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = kind switch
            {
                0 => rng.NextDouble() * 1000,
                1 => rng.Next(50),              // heavy ties
                2 => i % 2 == 0 ? 1.0 : 2.0,    // two values, exact 50% hit
                _ => Math.Round(rng.NextDouble() * 100, 1),
            };
            w[i] = kind switch
            {
                0 => rng.NextDouble(),
                1 => rng.Next(0, 3),            // integer weights with zeros: exact hits
                2 => 1.0,
                _ => 0.1 * rng.Next(1, 30),     // inexact decimal weights
            };
        }

        w[0] = Math.Max(w[0], 1.0);
        foreach (double p in new[] { 0.01, 0.1, 0.2, 0.25, 0.5, 0.6, 0.8, 0.9, 0.999 })
        {
            double viaSort = Quantiles.SortedQuantile(x, w, p, rule);
            if (WeightedSelection.TrySelect(x, w, p, rule, out double selected))
            {
                selected.Should().Be(viaSort, $"selection p={p}");
            }

            Quantiles.WeightedQuantile(x, w, p, rule).Should().Be(viaSort, $"public path p={p}");
            Quantiles.WeightedQuantile(x, [], p, rule).Should().Be(Quantiles.SortedQuantile(x, [], p, rule));
        }
    }

    [Fact]
    public void Exact_hit_falls_back_to_the_sort_path()
    {
        int n = 10_000;
        var x = Enumerable.Range(1, n).Select(i => (double)i).ToArray();
        WeightedSelection.TrySelect(x, [], 0.5, QuantileRule.Laeken, out _).Should().BeFalse();
        Quantiles.WeightedMedian(x).Should().Be(5001, "laeken takes the upper value at an exact hit");
        Quantiles.WeightedMedian(x, QuantileRule.Convey).Should().Be(5000);
        Quantiles.WeightedMedian(x, QuantileRule.School).Should().Be(5000.5);
        Quantiles.WeightedMedian(x, QuantileRule.RType7).Should().Be(5000.5);
    }

    [Fact]
    public void Selection_is_used_when_far_from_a_boundary()
    {
        int n = 10_001;
        var x = Enumerable.Range(1, n).Select(i => (double)i).ToArray();
        WeightedSelection.TrySelect(x, [], 0.5, QuantileRule.Laeken, out double m).Should().BeTrue();
        m.Should().Be(5001);
    }

    [Fact]
    public void Large_sample_Gini_matches_a_simple_reference_implementation()
    {
        int n = 400_000;
        var rng = new Random(7);
        var x = new double[n];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = Math.Exp(rng.NextDouble() * 8) - 100;
            w[i] = rng.NextDouble() * 5;
        }

        var order = Enumerable.Range(0, n).OrderBy(i => x[i]).ToArray();
        double c = 0, t = 0, s = 0;
        foreach (int i in order)
        {
            c += w[i];
            t += w[i] * x[i];
            s += w[i] * x[i] * (c - (w[i] / 2));
        }

        double expected = (2 * s / (c * t)) - 1;
        Inequality.Gini(x, w).Should().Be(expected, "the same stable order and the same sequential sums");
    }

    [Theory]
    [InlineData(50, 1)]
    [InlineData(5_000, 2)]
    [InlineData(200_000, 3)] // persons above the two-thread sort threshold
    public void Gini_of_households_is_the_persons_gini_bit_for_bit(int households, int seed)
    {
        // Many ties across households (equal per-capita values with different weights) and empty households.
        var rng = new Random(seed);
        var totals = new double[households];
        var weights = new double[households];
        var start = new int[households + 1];
        for (int h = 0; h < households; h++)
        {
            int size = rng.Next(6); // 0–5 members
            start[h + 1] = start[h] + size;
            totals[h] = rng.Next(4) switch
            {
                0 => 0.0,
                1 => 12_000.0 * size,
                2 => -rng.NextDouble() * 5_000,
                _ => Math.Exp(9 + (2 * rng.NextDouble())),
            };
            weights[h] = rng.Next(3) == 0 ? 150.0 : 50 + (rng.NextDouble() * 200);
        }

        var values = new double[start[households]];
        var personWeights = new double[values.Length];
        for (int h = 0; h < households; h++)
        {
            for (int p = start[h]; p < start[h + 1]; p++)
            {
                values[p] = totals[h] / (start[h + 1] - start[h]);
                personWeights[p] = weights[h];
            }
        }

        double expected = Inequality.Gini(values, personWeights);
        BitConverter.DoubleToInt64Bits(Inequality.GiniOfHouseholds(totals, weights, start)).Should().Be(BitConverter.DoubleToInt64Bits(expected));
    }

    [Fact]
    public void Gini_of_households_rejects_a_non_finite_value_naming_the_household()
    {
        var act = () => Inequality.GiniOfHouseholds([1.0, double.NaN], [1.0, 1.0], [0, 1, 2]);
        act.Should().Throw<ArgumentException>().WithMessage("*household at index 1*");
    }
}
