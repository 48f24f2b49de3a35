using System.Globalization;
using CsCheck;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.Simulation;

/// <summary>
/// Every aggregate of a run, of a reform comparison and of the indicators computed on them is bit-identical whatever
/// the order of the household and person rows, the block size and the thread count (docs/indicators.md#exact-order-independent-sums).
/// </summary>
public class OrderIndependenceTests
{
    private static readonly DateOnly Date = new(2024, 6, 30);

    private static readonly ParameterStore Reformed = ParameterStore.Default.WithReform(Reform.Create("dibao +13%")
        .Scale(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 1.13)
        .Scale(DibaoProgram.StandardRural, RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 1.13)
        .Scale(DibaoProgram.StandardUrban, RegionCodes.Jiangsu, new DateOnly(2024, 1, 1), 1.07)
        .Scale(DibaoProgram.StandardRural, RegionCodes.Xinjiang, new DateOnly(2024, 1, 1), 1.21));

    [Fact]
    public void Every_aggregate_is_bit_identical_whatever_the_row_order_block_size_and_thread_count()
    {
        var generator = Gen.Select(TestPopulations.Households(8, 80), Gen.Int, Gen.Int[1, 4], Gen.Int[1, 9]);
        generator.Sample((sample, seed, threads, block) =>
        {
            var random = new Random(seed);

            // Weights with fractional parts, as calibrated weights have: their sums round in every order.
            var households = sample.Households.Select(h => h with { Weight = 0.3 + (random.NextDouble() * 700) }).ToArray();
            // Non-negative incomes: indicators such as the Gini and Sen's index are undefined for a non-positive total,
            // which random negative business or property incomes can produce (seeds 7nK-RFnXC3A1, eTE91jTFmEL4).
            var persons = sample.Persons.Select(p => p with { BusinessIncomeAnnual = Math.Abs(p.BusinessIncomeAnnual), PropertyIncomeAnnual = Math.Abs(p.PropertyIncomeAnnual) }).ToArray();
            var ordered = TestPopulations.Build(households, persons);
            var shuffled = TestPopulations.Build(households.OrderBy(_ => random.Next()).ToArray(), persons.OrderBy(_ => random.Next()).ToArray());

            var expected = Aggregates(ordered, new SimulationOptions { MaxDegreeOfParallelism = 1, BlockSize = 16_384 });
            var actual = Aggregates(shuffled, new SimulationOptions { MaxDegreeOfParallelism = threads, BlockSize = block });
            actual.Select(a => a.Name).Should().Equal(expected.Select(e => e.Name));
            var differing = expected.Zip(actual)
                .Where(pair => BitConverter.DoubleToInt64Bits(pair.First.Value) != BitConverter.DoubleToInt64Bits(pair.Second.Value))
                .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.First.Name}: {pair.First.Value:R} vs {pair.Second.Value:R}"))
                .ToList();
            differing.Should().BeEmpty($"all {expected.Count} aggregates must be bit-identical after shuffling; {differing.Count} differ: {string.Join("; ", differing.Take(30))}");
        }, iter: 25, threads: 1);
    }

    /// <summary>Every aggregate of a baseline run, a reform run, their comparison and the indicators, by name.</summary>
    private static List<(string Name, double Value)> Aggregates(Population population, SimulationOptions options)
    {
        var policy = AssistancePolicies.ExtendedWithTargeting();
        var baseline = Microsimulation.Run(population, policy, ParameterStore.Default, Date, options);
        var reform = Microsimulation.Run(population, policy, Reformed, Date, options);
        var result = new List<(string Name, double Value)>();
        void Add(string name, double value) => result.Add((name, value));

        foreach (var (label, run) in new[] { ("baseline", baseline), ("reform", reform) })
        {
            foreach (var output in run.Policy.Outputs)
            {
                if (output.Period != AmountPeriod.None)
                {
                    Add($"{label} total {output.Name}", run.AnnualTotal(output.Name));
                }

                Add($"{label} recipients {output.Name}", run.Recipients(output.Name));
            }

            Add($"{label} spending", run.PublicSpendingAnnual);
            Add($"{label} revenue", run.PublicRevenueAnnual);
            foreach (var key in new[] { "dibao", "dibao_marginal" })
            {
                var targeting = TargetingReport.Compute(run, key);
                Add($"{label} {key} truly eligible", targeting.TrulyEligible);
                Add($"{label} {key} recipients", targeting.Recipients);
                Add($"{label} {key} excluded", targeting.EligibleExcluded);
                Add($"{label} {key} leakage", targeting.Leakage);
            }
        }

        var comparison = ReformComparison.Compare(baseline, reform);
        foreach (var p in comparison.Programs)
        {
            Add($"change {p.Variable.Name} baseline", p.BaselineAnnual);
            Add($"change {p.Variable.Name} reform", p.ReformAnnual);
            Add($"change {p.Variable.Name} recipients", p.BaselineRecipients);
            Add($"change {p.Variable.Name} reform recipients", p.ReformRecipients);
            Add($"change {p.Variable.Name} gained", p.Gained);
            Add($"change {p.Variable.Name} lost", p.Lost);
        }

        Add("net fiscal cost", comparison.NetFiscalCostAnnual);
        foreach (var d in comparison.Deciles)
        {
            Add($"decile {d.Decile} persons", d.PersonsWeighted);
            Add($"decile {d.Decile} baseline", d.BaselineMean);
            Add($"decile {d.Decile} reform", d.ReformMean);
        }

        var w = baseline.PersonWeights.ToArray();
        var urban = new int[population.PersonCount];
        var start = population.MemberStart;
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            for (int p = start[h]; p < start[h + 1]; p++)
            {
                urban[p] = population.Area[h] == AreaType.Urban ? 1 : 0;
            }
        }

        var market = baseline.PerCapitaIncome(IncomeConcept.Market).ToArray();
        var disposable = baseline.PerCapitaIncome(IncomeConcept.Disposable).ToArray();
        var transfers = new double[disposable.Length];
        for (int i = 0; i < transfers.Length; i++)
        {
            transfers[i] = baseline.PerCapitaIncome(IncomeConcept.Gross)[i] - baseline.PerCapitaIncome(IncomeConcept.MarketPlusPensions)[i];
        }

        foreach (var concept in Enum.GetValues<IncomeConcept>())
        {
            foreach (var (label, run) in new[] { ("baseline", baseline), ("reform", reform) })
            {
                var x = run.PerCapitaIncome(concept).ToArray();
                string c = $"{label} {concept}";
                var hh = run.HouseholdIncome(concept);
                Add($"{c} household mean", GroupComparison.GroupMeans(hh, population.Weight, new int[hh.Length])[0]);
                Add($"{c} mean", GroupComparison.GroupMeans(x, w, new int[x.Length])[0]);
                // The ratio is undefined (and rejected) when a sample has no rural household or a zero rural mean, as
                // a sample of 8 households sometimes has (seed c3Bowmv8xvv1); the group sums are compared instead.
                var means = GroupComparison.GroupMeans(x, w, urban);
                if (means.TryGetValue(0, out double ruralMean) && ruralMean != 0 && means.ContainsKey(1))
                {
                    Add($"{c} urban/rural", GroupComparison.RatioOfMeans(x, w, urban, 1, 0));
                }

                foreach (var (group, sum) in GroupComparison.GroupSums(x, w, urban))
                {
                    Add($"{c} group {group} total", sum.Total);
                    Add($"{c} group {group} squares", sum.TotalOfSquares);
                }
                Add($"{c} gini", Inequality.Gini(x, w));
                // The result's Gini sorts the households, not the persons: the same bits as the persons' Gini.
                BitConverter.DoubleToInt64Bits(run.Gini(concept)).Should().Be(BitConverter.DoubleToInt64Bits(Inequality.Gini(x, w)), $"{c}: SimulationResult.Gini");
                Add($"{c} gini convey", Inequality.Gini(x, w, GiniConvention.Convey));
                Add($"{c} theil", Inequality.Theil(x, w, NonPositiveIncomePolicy.DropNonPositive));
                Add($"{c} mld", Inequality.MeanLogDeviation(x, w, NonPositiveIncomePolicy.DropNonPositive));
                Add($"{c} ge2", GeneralizedEntropy.Compute(x, w, 2.0, NonPositiveIncomePolicy.DropNonPositive));
                Add($"{c} ge-1", GeneralizedEntropy.Compute(x, w, -1.0, NonPositiveIncomePolicy.DropNonPositive));
                var theil = Inequality.TheilDecomposition(x, w, urban, NonPositiveIncomePolicy.DropNonPositive);
                Add($"{c} theil within", theil.Within);
                Add($"{c} theil between", theil.Between);
                var mld = Inequality.MeanLogDeviationDecomposition(x, w, urban, NonPositiveIncomePolicy.DropNonPositive);
                Add($"{c} mld within", mld.Within);
                Add($"{c} mld between", mld.Between);
                foreach (double epsilon in new[] { 0.5, 1.0, 2.0 })
                {
                    Add($"{c} atkinson {epsilon}", Inequality.Atkinson(x, w, epsilon, NonPositiveIncomePolicy.DropNonPositive));
                }

                Add($"{c} cv", Inequality.CoefficientOfVariation(x, w));
                Add($"{c} pietra", Inequality.Pietra(x, w));
                Add($"{c} s80/s20", Guarded(() => Inequality.QuintileShareRatio(x, w)));
                Add($"{c} s80/s20 convey", Guarded(() => Inequality.QuintileShareRatio(x, w, QuantileRule.Convey)));
                Add($"{c} palma", Guarded(() => Inequality.Palma(x, w)));
                Add($"{c} palma cut", Guarded(() => Inequality.Palma(x, w, PalmaMethod.CutPoint)));
                foreach (var rule in new[] { QuantileRule.Laeken, QuantileRule.Convey, QuantileRule.School })
                {
                    var q = Quantiles.WeightedQuantiles(x, w, [0.1, 0.25, 0.5, 0.75, 0.9], rule);
                    for (int k = 0; k < q.Length; k++)
                    {
                        Add($"{c} quantile {rule} {k}", q[k]);
                    }

                    Add($"{c} median {rule}", Quantiles.WeightedMedian(x, w, rule));
                }

                var shares = Lorenz.QuantileGroupShares(x, w);
                for (int k = 0; k < shares.Length; k++)
                {
                    Add($"{c} decile share {k}", shares[k]);
                }

                var curve = Lorenz.Curve(x, w);
                Add($"{c} lorenz mean", curve.Mean);
                Add($"{c} lorenz area", curve.L.Sum() + curve.P.Sum());
                Add($"{c} lorenz p", curve.P[curve.P.Length / 3]);
                Add($"{c} lorenz l", curve.L[curve.L.Length / 3]);
                var concentration = Lorenz.ConcentrationCurve(x, market, w);
                Add($"{c} concentration l", concentration.L[concentration.L.Length / 2]);
                Add($"{c} concentration", Guarded(() => Redistribution.ConcentrationCoefficient(x, market, w)));

                double line = 5_000;
                for (int alpha = 0; alpha <= 2; alpha++)
                {
                    Add($"{c} fgt{alpha}", Poverty.Fgt(x, w, line, alpha));
                }

                Add($"{c} watts", Poverty.Watts(x, w, line, policy: NonPositiveIncomePolicy.DropNonPositive));
                Add($"{c} sen", Poverty.Sen(x, w, line));
                Add($"{c} sst", Poverty.SenShorrocksThon(x, line));
                Add($"{c} arpt", Poverty.AtRiskOfPovertyThreshold(x, w));
                Add($"{c} arpr", Poverty.AtRiskOfPovertyRate(x, w));
                Add($"{c} rmpg", Poverty.RelativeMedianPovertyGap(x, w));
                Add($"{c} relative mean line", Poverty.RelativeLine(x, w, 0.5, RelativeLineBasis.Mean));
                Add($"{c} middle", GroupComparison.MiddleIncomeShare(x, w));
                Add($"{c} middle income", GroupComparison.MiddleIncomeIncomeShare(x, w));
                var linearized = LinearizedVariance.ConveyGini(x, w);
                Add($"{c} linearized gini", linearized.Estimate);
                Add($"{c} linearized gini se", linearized.StandardError);
                var arpr = LinearizedVariance.ConveyAtRiskOfPovertyRate(x, w);
                Add($"{c} linearized arpr", arpr.Estimate);
                Add($"{c} linearized arpr se", arpr.StandardError);
            }
        }

        var rs = Redistribution.Decompose(market, disposable, w);
        Add("rs", rs.Total);
        Add("rs vertical", rs.VerticalEquity);
        Add("rs reranking", rs.Reranking);
        Add("kakwani transfers", Guarded(() => Redistribution.Kakwani(transfers, market, w, InterventionKind.Benefit)));
        var marginal = FiscalIncidence.MarginalContributionToGini(market, disposable, transfers, w, InterventionKind.Benefit);
        Add("marginal", marginal.Total);
        Add("marginal vertical", marginal.VerticalEquity);
        Add("marginal reranking", marginal.Reranking);
        var impoverishment = FiscalIncidence.Impoverishment(market, disposable, w, 5_000);
        Add("impoverished", impoverishment.ImpoverishedShare);
        Add("impoverishment", impoverishment.ImpoverishmentPerCapita);
        Add("gainers", impoverishment.GainersShare);
        Add("gains", impoverishment.GainsPerCapita);
        return result;
    }

    /// <summary>An indicator that may be undefined on a small random sample (then NaN, identically in both orders).</summary>
    private static double Guarded(Func<double> indicator)
    {
        try
        {
            return indicator();
        }
        catch (ArgumentException)
        {
            return double.NaN;
        }
    }
}
