using MathNet.Numerics.Distributions;
using static SocialSecurity.Modeling.Populations.Synthetic.SyntheticAssumptions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>
/// Gives every household a target per-capita disposable income, splits it into pensions and pre-tax, pre-transfer
/// market-income columns, then (in <see cref="SyntheticPopulation"/>) assets are drawn.
/// </summary>
/// <remarks>
/// <para>Shape: a quantile-function model. Within each area, log per-capita income is a piecewise-linear function of
/// the household's standard normal score z, with knots at the normal quantiles of 20, 40, 60 and 80% and one slope per
/// segment: yₕ = Mₐ·exp(g(zₕ)) / E[exp(g(z))]ₐ, so that the person-weighted area means equal the published ones exactly.
/// A single lognormal is the special case of five equal slopes; five slopes can fit the five published income-group
/// means (a lognormal cannot: its lower groups come out too poor and its top group too rich). When the statistics
/// carry the five group means (national), the slopes are fitted to them by damped Gauss–Newton on the sample; otherwise
/// the slopes of the national 2023 fit are used (<see cref="SyntheticAssumptions.IncomeShapeSlopes"/>, [D] from the
/// national fit, and [I] as an assumption that provinces share the national within-area shape). The Gini is not a
/// target: it comes out of the shape and is reported as a check.</para>
/// <para>Components [I]: members' pensions first (retirees: a share of per-capita income; others 60+: the average
/// resident pension), then property income (financial property income for every household), the imputed rent of
/// owner-occupied homes (which NBS counts in property income; a column of its own, <see cref="SyntheticIncomeColumns.ImputedRent"/>,
/// so that means tests and tax do not count it) and private transfers as shares of the rest (to the household head), and the remainder as earnings (wages for employees and the unemployed's odd jobs, business income
/// for the self-employed and farmers) in proportion to earning weights, grossed up by an [I] first guess of the
/// employee's contributions and tax. Households without earners receive the remainder as private transfers. The
/// components are pre-tax and pre-transfer (pensions are the only transfer the populations carry, in the reported
/// pension column); <see cref="SyntheticPopulation.GenerateCalibrated"/> then moves each household's market income
/// until its <i>simulated</i> disposable income equals the target.</para>
/// </remarks>
internal static class IncomeModel
{
    /// <summary>The normal scores of the knots of the shape (quantiles 0.2, 0.4, 0.6, 0.8).</summary>
    public static readonly double[] Knots = [Normal.InvCDF(0, 1, 0.2), Normal.InvCDF(0, 1, 0.4), Normal.InvCDF(0, 1, 0.6), Normal.InvCDF(0, 1, 0.8)];

    /// <summary>The log-income offset g(z) of the piecewise-linear shape (g(0) = 0; slope i on segment i).</summary>
    public static double Shape(double z, ReadOnlySpan<double> slopes)
    {
        // Segment 2 holds 0; add the parts of the segments between 0 and z.
        if (z >= 0)
        {
            double g = slopes[2] * Math.Min(z, Knots[2]);
            if (z > Knots[2])
            {
                g += slopes[3] * (Math.Min(z, Knots[3]) - Knots[2]);
            }

            if (z > Knots[3])
            {
                g += slopes[4] * (z - Knots[3]);
            }

            return g;
        }

        double n = slopes[2] * Math.Max(z, Knots[1]);
        if (z < Knots[1])
        {
            n += slopes[1] * (Math.Max(z, Knots[0]) - Knots[1]);
        }

        if (z < Knots[0])
        {
            n += slopes[0] * (z - Knots[0]);
        }

        return n;
    }

    /// <summary>Writes target per-capita incomes (one per household) into <paramref name="perCapita"/>.</summary>
    /// <returns>The slopes used.</returns>
    /// <param name="draft">The draft.</param>
    /// <param name="statistics">The targets.</param>
    /// <param name="perCapita">Receives the incomes.</param>
    /// <param name="topSlopeFactor">Multiplies the top segment's slope after the fit (1: the fitted shape; other values for sensitivity only).</param>
    public static double[] AssignPerCapitaIncome(SyntheticDraft draft, ProvinceStatistics statistics, double[] perCapita, double topSlopeFactor = 1)
    {
        // Each area's households in ascending score order, with contiguous copies of score and person weight: incomes
        // rise with the score within an area, so the national order is one linear merge (no sort per evaluation).
        var urban = AreaInScoreOrder(draft, AreaType.Urban);
        var rural = AreaInScoreOrder(draft, AreaType.Rural);
        if (urban.Households.Length == 0 || rural.Households.Length == 0)
        {
            throw new InvalidOperationException($"The synthetic population of {statistics.RegionCode} has no {(urban.Households.Length == 0 ? "urban" : "rural")} households; use more persons.");
        }

        var slopes = SyntheticAssumptions.IncomeShapeSlopes.ToArray();
        void Fill(double[] s)
        {
            urban.Fill(s, statistics.DisposableIncomeUrban.Value);
            rural.Fill(s, statistics.DisposableIncomeRural.Value);
        }

        if (statistics.HouseholdQuintileMeans.Count == 5)
        {
            slopes = FitSlopes(slopes, statistics, urban, rural, Fill);
        }

        slopes[4] *= topSlopeFactor;
        Fill(slopes);
        urban.CopyTo(perCapita);
        rural.CopyTo(perCapita);
        return slopes;
    }

    /// <summary>Damped Gauss–Newton on log(group mean / target) over the log slopes, with a numerical Jacobian.</summary>
    private static double[] FitSlopes(double[] start, ProvinceStatistics statistics, AreaIncomes urban, AreaIncomes rural, Action<double[]> fill)
    {
        var target = statistics.HouseholdQuintileMeans.Select(q => q.Value).ToArray();
        var logSlopes = start.Select(x => Math.Log(x)).ToArray();
        double[] Residuals(double[] log)
        {
            fill(log.Select(Math.Exp).ToArray());
            var means = GroupMeans(urban, rural);
            return means.Select((m, q) => Math.Log(m / target[q])).ToArray();
        }

        var r = Residuals(logSlopes);
        double lambda = 1e-3;
        for (int iteration = 0; iteration < 20 && r.Max(Math.Abs) > 1e-4; iteration++)
        {
            var jacobian = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(5, 5);
            for (int k = 0; k < 5; k++)
            {
                var shifted = (double[])logSlopes.Clone();
                shifted[k] += 1e-4;
                var rk = Residuals(shifted);
                for (int q = 0; q < 5; q++)
                {
                    jacobian[q, k] = (rk[q] - r[q]) / 1e-4;
                }
            }

            var jt = jacobian.Transpose();
            var normal = (jt * jacobian) + (lambda * MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(5));
            var step = normal.Solve(jt * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(r).Negate());
            var candidate = logSlopes.Select((v, k) => v + Math.Clamp(step[k], -0.5, 0.5)).ToArray();
            var rc = Residuals(candidate);
            if (rc.Sum(x => x * x) < r.Sum(x => x * x))
            {
                logSlopes = candidate;
                r = rc;
                lambda = Math.Max(1e-6, lambda / 3);
            }
            else
            {
                lambda *= 10;
            }
        }

        return logSlopes.Select(Math.Exp).ToArray();
    }

    /// <summary>Per-capita means of five equal groups of weighted households ranked by per-capita income (merge of the two areas).</summary>
    private static double[] GroupMeans(AreaIncomes a, AreaIncomes b)
    {
        double total = a.HouseholdWeight.Sum() + b.HouseholdWeight.Sum();
        var income = new double[5];
        var persons = new double[5];
        double cumulative = 0;
        int i = 0, j = 0;
        while (i < a.Income.Length || j < b.Income.Length)
        {
            bool fromA = j >= b.Income.Length || (i < a.Income.Length && a.Income[i] <= b.Income[j]);
            var source = fromA ? a : b;
            int k = fromA ? i++ : j++;
            double remaining = source.HouseholdWeight[k];
            double size = source.PersonWeight[k] / remaining;
            while (remaining > 0)
            {
                int group = Math.Min(4, (int)(cumulative / total * 5));
                double room = ((group + 1) * total / 5) - cumulative;
                double part = group == 4 || room >= remaining || room <= total * 1e-15 ? remaining : room;
                income[group] += part * size * source.Income[k];
                persons[group] += part * size;
                cumulative += part;
                remaining -= part;
            }
        }

        for (int q = 0; q < 5; q++)
        {
            income[q] /= persons[q];
        }

        return income;
    }

    /// <summary>Splits each household's target income (size × per-capita) into members' pensions and pre-tax market-income components.</summary>
    public static void AllocateComponents(SyntheticDraft draft, double[] perCapita, byte[] homes, double residentPensionAnnual)
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
            bool urban = draft.Area[h] == AreaType.Urban;
            double property = rest * (urban ? PropertyShareUrban : PropertyShareRural);
            double imputedRent = homes[h] > 0 ? rest * (urban ? ImputedRentShareUrban : ImputedRentShareRural) : 0;
            double transfers = rest * PrivateTransferShare;
            double earnings = rest - property - imputedRent - transfers;

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
                    draft.Wages[i] = amount * WageGrossUpFirstGuess;
                    draft.Business[i] = 0;
                }

                draft.Property[i] = m == 0 ? property : 0;
                draft.ImputedRent[i] = m == 0 ? imputedRent : 0;
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
        var householdWeight = new double[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            householdWeight[i] = draft.Weight[order[i]];
            weight[i] = draft.Weight[order[i]] * draft.Size(order[i]);
        }

        return new AreaIncomes(order, score, weight, householdWeight, new double[order.Length]);
    }

    /// <summary>One area's households in ascending score order (index, score, person weight) and their incomes at the current σ.</summary>
    private sealed record AreaIncomes(int[] Households, double[] Score, double[] PersonWeight, double[] HouseholdWeight, double[] Income)
    {
        /// <summary>Income = mean × exp(g(z)) / (person-weighted mean of exp(g(z))): the quantile-function shape, exact mean.</summary>
        public void Fill(double[] slopes, double mean)
        {
            double weighted = 0, weight = 0;
            for (int i = 0; i < Score.Length; i++)
            {
                double e = Math.Exp(Shape(Score[i], slopes));
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
