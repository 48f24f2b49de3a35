using SocialSecurity.Modeling.Metrics;

namespace SocialSecurity.Modeling.Tests.Metrics;

/// <summary>The streamed indicators read a sorted sample in pages and give the in-memory functions' bits.</summary>
public class SortedStreamsTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(7, 3, 2)]
    [InlineData(500, 64, 3)]
    [InlineData(5_000, 1_000, 4)]
    [InlineData(20_000, 4_096, 5)]
    public void Streamed_indicators_equal_the_in_memory_ones_bit_for_bit(int n, int page, int seed)
    {
        var random = new Random(seed);
        var values = new double[n];
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            // Ties in values and weights, zero weights and non-positive incomes, as merged partitions have.
            values[i] = random.Next(6) == 0 ? 12_000 : random.Next(20) == 0 ? -random.Next(3_000) : Math.Round(Math.Exp(8 + (2 * random.NextDouble())), 2);
            weights[i] = random.Next(15) == 0 ? 0 : random.Next(4) == 0 ? 150 : 1 + (random.NextDouble() * 400);
        }

        weights[0] = n == 1 ? 2 : weights[0];
        values[0] = n == 1 ? 5_000 : values[0];
        var order = Enumerable.Range(0, n).OrderBy(i => values[i]).ThenBy(i => weights[i]).ToArray();
        double[] x = [.. order.Select(i => values[i])], w = [.. order.Select(i => weights[i])];
        int passes = 0;
        IEnumerable<SortedPage> Pages()
        {
            passes++;
            for (int start = 0; start < n; start += page)
            {
                int count = Math.Min(page, n - start);
                yield return new SortedPage(x.AsMemory(start, count), w.AsMemory(start, count));
            }
        }

        // The in-memory functions get the rows unsorted: they sort them themselves.
        SortedStreams.Gini(Pages).Should().Be(Inequality.Gini(values, weights));
        double median = SortedStreams.WeightedMedian(Pages);
        median.Should().Be(Quantiles.WeightedMedian(values, weights));
        SortedStreams.HeadcountRatio(Pages, 0.6 * median).Should().Be(Poverty.AtRiskOfPovertyRate(values, weights));
        SortedStreams.HeadcountRatio(Pages, 0.5 * median).Should().Be(Poverty.HeadcountRatio(values, weights, 0.5 * median));
        SortedStreams.QuantileGroupShares(Pages).Should().Equal(Lorenz.QuantileGroupShares(values, weights, 10));
        SortedStreams.QuantileGroupShares(Pages, 5).Should().Equal(Lorenz.QuantileGroupShares(values, weights, 5));
        passes.Should().Be(1 + 2 + 1 + 1 + 2 + 2);
    }

    [Fact]
    public void An_unsorted_or_empty_stream_is_rejected()
    {
        double[] x = [3, 1], w = [1, 1];
        var unsorted = () => SortedStreams.Gini(() => [new SortedPage(x, w)]);
        unsorted.Should().Throw<ArgumentException>().WithMessage("*not sorted*");
        var empty = () => SortedStreams.WeightedMedian(() => []);
        empty.Should().Throw<ArgumentException>().WithMessage("*empty*");
    }
}
