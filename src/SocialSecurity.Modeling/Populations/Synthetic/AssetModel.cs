using MathNet.Numerics.Distributions;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>
/// Plausible household assets, all <b>[I] illustrative</b> (no asset statistics are in the sources consulted), rising
/// with the household's income rank q = Φ(z) within its area, so that low-income households mostly pass dibao asset
/// tests:
/// <list type="bullet">
/// <item>financial assets = annual household income × (0.5 + 2.5q) × a lognormal factor (σ 0.6, mean 1);</item>
/// <item>homes: rural households own their house with probability 0.95 and a second with 0.08q; urban local-hukou
/// households own none with probability 0.25(1 − q), migrant households 0.1 + 0.6(1 − q); a second home with
/// 0.05 + 0.3q², a third with a tenth of that;</item>
/// <item>a non-essential vehicle with probability 0.03 + 0.55q² (urban) or 0.02 + 0.35q² (rural).</item>
/// </list>
/// </summary>
internal static class AssetModel
{
    public static void Assign(SyntheticDraft draft, double[] perCapita, double[] financialAssets, byte[] homes, bool[] vehicle, SeededGenerator random)
    {
        for (int h = 0; h < draft.HouseholdCount; h++)
        {
            double q = Normal.CDF(0, 1, draft.IncomeRank[h]);
            double income = perCapita[h] * draft.Size(h);
            financialAssets[h] = income * (0.5 + (2.5 * q)) * Math.Exp((0.6 * draft.AssetNoise[h]) - 0.18);

            bool urban = draft.Area[h] == AreaType.Urban;
            int owned;
            if (!urban)
            {
                owned = (random.Chance(0.95) ? 1 : 0) + (random.Chance(0.08 * q) ? 1 : 0);
            }
            else
            {
                bool local = draft.Hukou[draft.MemberStart[h]] == HukouType.Urban;
                double none = local ? 0.25 * (1 - q) : 0.1 + (0.6 * (1 - q));
                double second = 0.05 + (0.3 * q * q);
                double u = random.NextDouble();
                owned = u < none ? 0 : 1;
                if (owned == 1 && random.Chance(second))
                {
                    owned = random.Chance(0.1) ? 3 : 2;
                }
            }

            homes[h] = (byte)owned;
            vehicle[h] = random.Chance(urban ? 0.03 + (0.55 * q * q) : 0.02 + (0.35 * q * q));
        }
    }
}
