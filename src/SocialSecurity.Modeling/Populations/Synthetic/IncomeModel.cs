using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;
using static SocialSecurity.Modeling.Populations.Synthetic.SyntheticAssumptions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>
/// Gives every household a per-capita disposable income and splits it into the five income columns, then draws assets.
/// </summary>
/// <remarks>
/// <para>Per-capita income is lognormal within each area: yₕ = Mₐ·exp(σ·zₕ) / E[exp(σ·z)]ₐ, where zₕ is the household's
/// standard normal score, Mₐ the published mean of area a and the expectation is the person-weighted sample mean, so the
/// weighted means are met exactly. A common σ is found by Brent's method so that the person-weighted Gini of yₕ equals
/// the target (the Gini of one lognormal is 2Φ(σ/√2) − 1; the mixture of the two areas is measured on the sample).
/// The lower tail of the rural distribution supplies the low-income households that dibao tests find.</para>
/// <para>Components [I]: members' pensions first (retirees: a share of per-capita income; others 60+: the average
/// resident pension), then property income and private transfers as shares of the rest (to the household head), and
/// the remainder as wages (employees, unemployed odd jobs) or business income (self-employed, farmers) in proportion
/// to earning weights. Households without earners receive the remainder as private transfers (remittances). The
/// components add up to the household's disposable income exactly.</para>
/// </remarks>
internal static class IncomeModel
{
    public const double GiniAccuracy = 1e-7;

    /// <summary>Finds σ and writes per-capita incomes (one per household) into <paramref name="perCapita"/>.</summary>
    /// <returns>The σ used.</returns>
    public static double AssignPerCapitaIncome(SyntheticDraft draft, ProvinceStatistics statistics, double[] perCapita)
    {
        // Each area's households in ascending score order, with contiguous copies of score and person weight, so that
        // every evaluation of the Gini is two sequential passes and one linear merge (no sort, no random access).
        var urban = AreaInScoreOrder(draft, AreaType.Urban);
        var rural = AreaInScoreOrder(draft, AreaType.Rural);
        double target = statistics.Gini.Value;
        if (urban.Households.Length == 0 || rural.Households.Length == 0)
        {
            throw new InvalidOperationException($"The synthetic population of {statistics.RegionCode} has no {(urban.Households.Length == 0 ? "urban" : "rural")} households; use more persons.");
        }

        double GiniAt(double sigma)
        {
            urban.Fill(sigma, statistics.DisposableIncomeUrban.Value);
            rural.Fill(sigma, statistics.DisposableIncomeRural.Value);
            return MergedGini(urban, rural);
        }

        // Bracket: the σ of a single lognormal with the target Gini, 2Φ(σ/√2) − 1 = G, is a natural upper region; widen if needed.
        const double low = 1e-3;
        double high = Math.Min(3.0, (1.2 * Math.Sqrt(2) * Normal.InvCDF(0, 1, (target + 1) / 2)) + 0.05);
        double atLow = GiniAt(low) - target;
        double atHigh = GiniAt(high) - target;
        if (atHigh < 0)
        {
            high = 3.0;
            atHigh = GiniAt(high) - target;
        }

        if (atLow > 0 || atHigh < 0)
        {
            throw new InvalidOperationException(
                $"The Gini target {target} for {statistics.RegionCode} cannot be met: with these urban and rural means the attainable range is {atLow + target:0.###}–{atHigh + target:0.###} (the lower bound is the between-area inequality alone).");
        }

        double sigmaFound = Brent.FindRoot(s => GiniAt(s) - target, low, high, GiniAccuracy, 200);
        GiniAt(sigmaFound);
        urban.CopyTo(perCapita);
        rural.CopyTo(perCapita);
        return sigmaFound;
    }

    /// <summary>Splits each household's income (size × per-capita) into members' components.</summary>
    public static void AllocateComponents(SyntheticDraft draft, double[] perCapita, double residentPensionAnnual)
    {
        Span<double> earningWeight = stackalloc double[MaxHouseholdSize];
        for (int h = 0; h < draft.HouseholdCount; h++)
        {
            int first = draft.MemberStart[h];
            int size = draft.Size(h);
            double y = perCapita[h];
            double total = y * size;

            double pensions = 0;
            for (int i = first; i < first + size; i++)
            {
                double pension = 0;
                if (draft.Employment[i] == EmploymentStatus.Retired)
                {
                    pension = RetireePensionToPerCapitaIncome * y;
                }
                else if (draft.Age[i] >= 60)
                {
                    pension = Math.Min(residentPensionAnnual, ResidentPensionMaxShareOfPerCapitaIncome * y);
                }

                draft.Pensions[i] = pension;
                pensions += pension;
            }

            double cap = MaxPensionShareOfHouseholdIncome * total;
            if (pensions > cap)
            {
                double shrink = cap / pensions;
                for (int i = first; i < first + size; i++)
                {
                    draft.Pensions[i] *= shrink;
                }

                pensions = cap;
            }

            double rest = total - pensions;
            double property = rest * (draft.Area[h] == AreaType.Urban ? PropertyShareUrban : PropertyShareRural);
            double transfers = rest * PrivateTransferShare;
            double earnings = rest - property - transfers;

            double weights = 0;
            for (int m = 0; m < size; m++)
            {
                int i = first + m;
                double w = draft.Employment[i] switch
                {
                    EmploymentStatus.Employee => 1.0,
                    EmploymentStatus.SelfEmployed => 1.0,
                    EmploymentStatus.Agricultural => 0.6,
                    EmploymentStatus.Unemployed => 0.1,
                    _ => 0,
                };
                if (draft.Disability[i] is DisabilityGrade.Grade1 or DisabilityGrade.Grade2)
                {
                    w *= 0.3;
                }

                earningWeight[m] = w;
                weights += w;
            }

            if (weights == 0)
            {
                transfers += earnings;
                earnings = 0;
                weights = 1;
            }

            for (int m = 0; m < size; m++)
            {
                int i = first + m;
                double amount = earnings * earningWeight[m] / weights;
                if (draft.Employment[i] is EmploymentStatus.SelfEmployed or EmploymentStatus.Agricultural)
                {
                    draft.Business[i] = amount;
                    draft.Wages[i] = 0;
                }
                else
                {
                    draft.Wages[i] = amount;
                    draft.Business[i] = 0;
                }

                draft.Property[i] = m == 0 ? property : 0;
                draft.Transfers[i] = m == 0 ? transfers : 0;
            }
        }
    }

    private static AreaIncomes AreaInScoreOrder(SyntheticDraft draft, AreaType area)
    {
        var households = new List<int>();
        for (int h = 0; h < draft.HouseholdCount; h++)
        {
            if (draft.Area[h] == area)
            {
                households.Add(h);
            }
        }

        var order = households.ToArray();
        var score = new double[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            score[i] = draft.IncomeRank[order[i]];
        }

        Array.Sort(score, order);
        var weight = new double[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            weight[i] = draft.Weight[order[i]] * draft.Size(order[i]);
        }

        return new AreaIncomes(order, score, weight, new double[order.Length]);
    }

    /// <summary>The Gini of the union of two areas, each ascending in income: a linear merge.</summary>
    private static double MergedGini(AreaIncomes a, AreaIncomes b)
    {
        var accumulator = default(WeightedGini.Accumulator);
        int i = 0, j = 0;
        while (i < a.Income.Length || j < b.Income.Length)
        {
            if (j >= b.Income.Length || (i < a.Income.Length && a.Income[i] <= b.Income[j]))
            {
                accumulator.Add(a.Income[i], a.PersonWeight[i]);
                i++;
            }
            else
            {
                accumulator.Add(b.Income[j], b.PersonWeight[j]);
                j++;
            }
        }

        return accumulator.Gini;
    }

    /// <summary>One area's households in ascending score order (index, score, person weight) and their incomes at the current σ.</summary>
    private sealed record AreaIncomes(int[] Households, double[] Score, double[] PersonWeight, double[] Income)
    {
        /// <summary>Income = mean × exp(σ·z) / (person-weighted mean of exp(σ·z)): lognormal shape, exact mean.</summary>
        public void Fill(double sigma, double mean)
        {
            double weighted = 0, weight = 0;
            for (int i = 0; i < Score.Length; i++)
            {
                double e = Math.Exp(sigma * Score[i]);
                Income[i] = e;
                weighted += PersonWeight[i] * e;
                weight += PersonWeight[i];
            }

            double factor = mean * weight / weighted;
            for (int i = 0; i < Income.Length; i++)
            {
                Income[i] *= factor;
            }
        }

        public void CopyTo(double[] perCapita)
        {
            for (int i = 0; i < Households.Length; i++)
            {
                perCapita[Households[i]] = Income[i];
            }
        }
    }
}
