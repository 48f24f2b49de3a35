namespace SocialSecurity.Modeling.Tests.Metrics;

/// <summary>The datasets of vectors.json as arrays (docs/indicators.md#reference-vectors).</summary>
internal static class ReferenceData
{
    internal static readonly double[] U = ReferenceVectors.Column("U", "x");
    internal static readonly double[] Upos = ReferenceVectors.Column("Upos", "x");
    internal static readonly double[] Q10 = ReferenceVectors.Column("Q10", "x");
    internal static readonly double[] Wx = ReferenceVectors.Column("W", "x");
    internal static readonly double[] Ww = ReferenceVectors.Column("W", "w");
    internal static readonly int[] Wregion = Codes(ReferenceVectors.Strings("W", "region"));
    internal static readonly double[] WposX = ReferenceVectors.Column("Wpos", "x");
    internal static readonly double[] WposW = ReferenceVectors.Column("Wpos", "w");
    internal static readonly int[] WposRegion = Codes(ReferenceVectors.Strings("Wpos", "region"));
    internal static readonly double[] W0x = [.. Wx, 1000.0];
    internal static readonly double[] W0w = [.. Ww, 0.0];
    internal static readonly double[] WintX = ReferenceVectors.Column("Wint", "x");
    internal static readonly double[] WintW = ReferenceVectors.Column("Wint", "w");
    internal static readonly double[] Pre = ReferenceVectors.Column("P", "pre");
    internal static readonly double[] Ben = ReferenceVectors.Column("P", "ben");
    internal static readonly double[] Tax = ReferenceVectors.Column("P", "tax");
    internal static readonly double[] Post = ReferenceVectors.Column("P", "post");
    internal static readonly double[] Pw = ReferenceVectors.Column("P", "w");
    internal static readonly long[] HHid = ReferenceVectors.Column("HH", "hid").Select(v => (long)v).ToArray();
    internal static readonly int[] HHage = ReferenceVectors.Column("HH", "age").Select(v => (int)v).ToArray();
    internal static readonly long[] HHcId = ReferenceVectors.Column("HHc", "hid").Select(v => (long)v).ToArray();
    internal static readonly int[] HHcAge = ReferenceVectors.Column("HHc", "age").Select(v => (int)v).ToArray();

    /// <summary>Probabilities of the Q10/W quantile vectors.</summary>
    internal static readonly double[] Probs = [0.1, 0.2, 0.25, 0.4, 0.5, 0.8, 0.9];

    internal const int Rural = 0;
    internal const int Urban = 1;

    internal static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();

    internal static double[] Expand(double[] x, double[] w)
    {
        var list = new List<double>();
        for (int i = 0; i < x.Length; i++)
        {
            for (int k = 0; k < (int)w[i]; k++)
            {
                list.Add(x[i]);
            }
        }

        return [.. list];
    }

    private static int[] Codes(string[] regions) => regions.Select(r => r switch
    {
        "rural" => Rural,
        "urban" => Urban,
        _ => throw new InvalidDataException(r),
    }).ToArray();
}
