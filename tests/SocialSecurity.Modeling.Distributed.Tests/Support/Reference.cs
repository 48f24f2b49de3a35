using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Distributed.Tests.Support;

/// <summary>The single-process oracle: the library's own engine and metrics on the whole population, compared bit for bit.</summary>
public static class Reference
{
    public static readonly DateOnly Date = new(2024, 7, 1);

    public static readonly Reform[] Reforms =
    [
        Reform.Create("Zhejiang dibao +10%").Scale("dibao.standard.urban", RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 1.1).Scale("dibao.standard.rural", RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 1.1),
        Reform.Create("Xinjiang dibao +25%").Scale("dibao.standard.urban", RegionCodes.Xinjiang, new DateOnly(2024, 1, 1), 1.25).Scale("dibao.standard.rural", RegionCodes.Xinjiang, new DateOnly(2024, 1, 1), 1.25),
    ];

    public static PartitionedJob Job => new() { Policy = "Policies.Standard", Date = Date, Reforms = [.. Reforms.Select(r => r.ToJson())] };

    /// <summary>Asserts that every figure of <paramref name="result"/> equals the single-process run of <paramref name="whole"/>, bit for bit.</summary>
    public static void ShouldEqualSingleProcess(PartitionedResult result, Population whole)
    {
        var policy = Policies.Standard();
        var baseline = Microsimulation.Run(whole, policy, ParameterStore.Default, Date);
        var runs = new List<SimulationResult> { baseline };
        runs.AddRange(Reforms.Select(r => Microsimulation.Run(whole, policy, ParameterStore.Default.WithReform(r), Date)));
        result.Scenarios.Should().HaveCount(runs.Count);
        result.Partitions.Sum(p => p.Households).Should().Be(whole.HouseholdCount);
        result.Partitions.Sum(p => p.Persons).Should().Be(whole.PersonCount);
        for (int s = 0; s < runs.Count; s++)
        {
            var run = runs[s];
            var summary = result.Scenarios[s];
            foreach (var output in policy.Outputs.Where(o => o.Period != AmountPeriod.None))
            {
                summary.AnnualTotals[output.Name].Should().Be(run.AnnualTotal(output.Name), "the annual total of {0} in scenario {1}", output.Name, summary.Name);
                summary.Recipients[output.Name].Should().Be(run.Recipients(output.Name), "the recipients of {0} in scenario {1}", output.Name, summary.Name);
            }

            summary.PublicSpendingAnnual.Should().Be(run.PublicSpendingAnnual);
            summary.PublicRevenueAnnual.Should().Be(run.PublicRevenueAnnual);
            var income = run.PerCapitaIncome(IncomeConcept.Disposable);
            var weights = run.PersonWeights;
            summary.Gini.Should().Be(Inequality.Gini(income, weights));
            summary.MedianIncome.Should().Be(Quantiles.WeightedMedian(income, weights));
            summary.AtRiskOfPovertyRate.Should().Be(Poverty.AtRiskOfPovertyRate(income, weights));
            summary.DecileShares.Should().Equal(Lorenz.QuantileGroupShares(income, weights, 10));
            summary.WeightedPersons.Should().Be(whole.WeightedPersons);
            summary.MeanIncome.Should().Be(ExactSum.SumOfProducts(weights, income) / ExactSum.Sum(weights));
            foreach (var concept in Enum.GetValues<IncomeConcept>())
            {
                var household = run.HouseholdIncome(concept);
                foreach (var province in new[] { RegionCodes.Zhejiang, RegionCodes.Jiangsu, RegionCodes.Xinjiang, RegionCodes.InnerMongolia })
                {
                    var id = whole.Regions.GetId(province);
                    var total = new ExactSum();
                    for (int h = 0; h < household.Length; h++)
                    {
                        if (whole.Regions.IsWithin(whole.HouseholdRegion[h], id))
                        {
                            total.AddProduct(household[h], whole.Weight[h]);
                        }
                    }

                    summary.IncomeTotals[$"{concept}|{province}"].Should().Be(total.Result(), "the {0} income total of {1}", concept, province);
                }
            }

            // Not a vacuous comparison: the run has an income distribution and dibao recipients.
            summary.Gini.Should().BeInRange(0.2, 0.8);
            summary.Recipients.Where(r => r.Key.StartsWith("dibao", StringComparison.Ordinal)).Sum(r => r.Value).Should().BeGreaterThan(0);
        }

        for (int r = 0; r < Reforms.Length; r++)
        {
            var expected = ReformComparison.Compare(baseline, runs[r + 1]);
            var actual = result.Comparisons[r];
            actual.Reform.Should().Be(Reforms[r].Name);
            actual.Programs.Should().Equal(expected.Programs);
            actual.Deciles.Should().Equal(expected.Deciles);
            actual.NetFiscalCostAnnual.Should().Be(expected.NetFiscalCostAnnual);
            actual.NetFiscalCostAnnual.Should().BeGreaterThan(0, "raising a dibao standard costs money");
        }
    }
}
