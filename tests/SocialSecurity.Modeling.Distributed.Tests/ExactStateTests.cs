using SocialSecurity.Modeling.Metrics;

namespace SocialSecurity.Modeling.Distributed.Tests;

/// <summary>Exact sums travel between processes as bytes and merge as if every term had been added in one place.</summary>
public sealed class ExactStateTests
{
    [Fact]
    public void A_sum_rebuilt_from_its_bytes_merges_like_the_sum_of_every_term()
    {
        // 1e16 + 1 + (−1e16) in one double accumulation loses the 1; split over three "partitions" the exact merge keeps it.
        double[][] parts = [[1e16, 0.1], [1.0, 0.2, -3.5], [-1e16, 0.3, 5e-324]];
        var merged = new ExactSum();
        foreach (var part in parts)
        {
            var local = new ExactSum();
            foreach (var term in part)
            {
                local.Add(term);
            }

            merged.Merge(ExactSum.FromBytes(local.ToBytes()));
        }

        merged.Result().Should().Be(ExactSum.Sum([.. parts.SelectMany(p => p)]));
        merged.Result().Should().Be(-1.9, "1 + 0.1 + 0.2 + 0.3 − 3.5 rounded once; the subnormal is below the last bit");
        merged.Count.Should().Be(8);
    }

    [Fact]
    public void Special_values_survive_the_trip_and_bad_bytes_are_refused()
    {
        var infinite = new ExactSum();
        infinite.Add(double.PositiveInfinity);
        ExactSum.FromBytes(infinite.ToBytes()).Result().Should().Be(double.PositiveInfinity);
        var bytes = new ExactSum().ToBytes();
        bytes.Should().HaveCount(553);
        var act = () => ExactSum.FromBytes(bytes.AsSpan(1));
        act.Should().Throw<ArgumentException>();
    }
}
