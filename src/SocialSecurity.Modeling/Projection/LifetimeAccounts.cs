using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// The lifetime accounts of one replicate's cohort (docs/projection.md#lifetime), accumulated year by year as the
/// projection runs: per person (by id) the weight and the discounted sums of market income, benefits and
/// contributions and taxes; O(persons) memory, no panel held.
/// </summary>
internal sealed class LifetimeAccounts
{
    private readonly LifetimeCohort _cohort;
    private readonly Dictionary<long, int> _row = [];
    private readonly List<double> _weight = [];
    private readonly List<double> _market = [];
    private readonly List<double> _benefits = [];
    private readonly List<double> _levies = [];

    public LifetimeAccounts(LifetimeCohort cohort) => _cohort = cohort;

    /// <summary>
    /// Adds one year: each cohort member is credited with the household's per-capita amounts of the year (household
    /// total ÷ size, as the static indicators) × <paramref name="discount"/>: market income (the market-income roles),
    /// benefits (contributory pensions and direct transfers) and contributions and taxes (pension and other
    /// contributions, direct taxes).
    /// </summary>
    public void Add(SimulationResult result, double discount)
    {
        var population = result.Population;
        var start = population.MemberStart;
        int households = population.HouseholdCount;
        var market = new double[households];
        var benefits = new double[households];
        var levies = new double[households];
        foreach (var variable in result.Variables)
        {
            var target = variable.Role switch
            {
                IncomeRole.MarketIncome => market,
                IncomeRole.ContributoryPension or IncomeRole.DirectTransfer => benefits,
                IncomeRole.PensionContribution or IncomeRole.DirectTax or IncomeRole.OtherContribution => levies,
                _ => null,
            };
            double factor = variable.ToAnnualFactor;
            if (target is null || factor == 0)
            {
                continue;
            }

            var values = result.Values(variable.Name);
            for (int h = 0; h < households; h++)
            {
                if (variable.Entity == Entity.Household)
                {
                    target[h] += factor * values[h];
                }
                else
                {
                    for (int p = start[h]; p < start[h + 1]; p++)
                    {
                        target[h] += factor * values[p];
                    }
                }
            }
        }

        var ids = population.PersonId;
        var weight = population.Weight;
        var birthYear = population.ExtraPersonColumn(RetirementAgeProgram.Columns.BirthYear);
        for (int h = 0; h < households; h++)
        {
            double size = start[h + 1] - start[h];
            for (int p = start[h]; p < start[h + 1]; p++)
            {
                if (!_cohort.Contains(birthYear[p]))
                {
                    continue;
                }

                if (!_row.TryGetValue(ids[p], out int row))
                {
                    _row[ids[p]] = row = _weight.Count;
                    _weight.Add(weight[h]);
                    _market.Add(0);
                    _benefits.Add(0);
                    _levies.Add(0);
                }

                _market[row] += discount * (market[h] / size);
                _benefits[row] += discount * (benefits[h] / size);
                _levies[row] += discount * (levies[h] / size);
            }
        }
    }

    /// <summary>The decile table and indices of the replicate, persons in the order of their ids (so the result does not depend on row order).</summary>
    public (LifetimeDecile[] Deciles, LifetimeIndices Indices) Summarise(int replicate)
    {
        var order = _row.OrderBy(kv => kv.Key).Select(kv => kv.Value).ToArray();
        double[] weight = [.. order.Select(r => _weight[r])];
        double[] market = [.. order.Select(r => _market[r])];
        double[] benefits = [.. order.Select(r => _benefits[r])];
        double[] levies = [.. order.Select(r => _levies[r])];
        double[] net = [.. order.Select(r => _benefits[r] - _levies[r])];
        double[] disposable = [.. order.Select(r => _market[r] + _benefits[r] - _levies[r])];
        double persons = ExactSum.Sum(weight);
        if (order.Length == 0)
        {
            return ([], new LifetimeIndices(replicate, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN));
        }

        // Deciles of lifetime market income as the reform decile table forms them (ReformComparison.DecileTable).
        var byBenefits = ReformComparison.DecileTable(market, weight, benefits);
        var byLevies = ReformComparison.DecileTable(market, weight, levies);
        var byNet = ReformComparison.DecileTable(market, weight, net);
        var byDisposable = ReformComparison.DecileTable(market, weight, disposable);
        var deciles = new LifetimeDecile[byBenefits.Length];
        for (int d = 0; d < deciles.Length; d++)
        {
            deciles[d] = new LifetimeDecile(replicate, byBenefits[d].Decile, byBenefits[d].PersonsWeighted, byBenefits[d].BaselineMean,
                byBenefits[d].ReformMean, byLevies[d].ReformMean, byNet[d].ReformMean, byDisposable[d].ReformMean);
        }

        // An index is undefined (NaN) when the total it divides by is not positive (or, for a concentration, zero).
        double Total(double[] values) => ExactSum.SumOfProducts(values, weight);
        bool marketDefined = Total(market) > 0;
        double giniMarket = marketDefined ? Inequality.Gini(market, weight) : double.NaN;
        double giniDisposable = Total(disposable) > 0 ? Inequality.Gini(disposable, weight) : double.NaN;
        var indices = new LifetimeIndices(replicate, persons, giniMarket, giniDisposable,
            marketDefined && !double.IsNaN(giniDisposable) ? Redistribution.ReynoldsSmolensky(market, disposable, weight) : double.NaN,
            marketDefined && Total(levies) != 0 ? Redistribution.Kakwani(levies, market, weight, InterventionKind.Tax) : double.NaN,
            marketDefined && Total(benefits) != 0 ? Redistribution.Kakwani(benefits, market, weight, InterventionKind.Benefit) : double.NaN);
        return (deciles, indices);
    }
}
