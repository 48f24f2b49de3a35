using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Insurance;

/// <summary>
/// A region's statutory pension age indexed by the code of sex: the male age for <see cref="Sex.Male"/>, the female age
/// for every other code, as <c>sex == Sex.Male ? male : female</c> gives it. Rules read it without a branch on the sex,
/// which is unpredictable person by person.
/// </summary>
internal static class PensionAgeTable
{
    /// <summary>The 256 ages, one per byte code of <see cref="Sex"/>.</summary>
    /// <param name="male">The male pension age.</param>
    /// <param name="female">The female pension age.</param>
    public static double[] BySex(double male, double female)
    {
        var ages = new double[256];
        ages.AsSpan().Fill(female);
        ages[(int)Sex.Male] = male;
        return ages;
    }
}
