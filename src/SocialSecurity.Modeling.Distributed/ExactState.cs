using SocialSecurity.Modeling.Metrics;

namespace SocialSecurity.Modeling.Distributed;

/// <summary>Exact sums in transit: the state of an <see cref="ExactSum"/> (<see cref="ExactSum.ToBytes"/>), merged on arrival.</summary>
internal static class ExactState
{
    public static byte[] Of(ExactSum sum) => sum.ToBytes();

    public static ExactSum Merge(IEnumerable<byte[]> states)
    {
        var total = new ExactSum();
        foreach (var state in states)
        {
            total.Merge(ExactSum.FromBytes(state));
        }

        return total;
    }
}
