using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Programs.Tax;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;

namespace ProvincialComparison;

/// <summary>The poverty lines of one province, held fixed across its scenarios: 60% of the baseline median, each person's household dibao standard of the baseline, and a national absolute line (yuan per person per year).</summary>
internal sealed record PovertyLines(double Relative, double[] DibaoStandard, double National);

/// <summary>The indicators the sample reports for one province under one scenario (all fractions, yuan per year).</summary>
internal sealed record ScenarioMetrics(
    string Province,
    string Scenario,
    double MeanDisposable,
    double Gini,
    double PovertyRate,
    double PovertyGap,
    double PovertyLine,
    double PovertyRateDibaoStandard,
    double PovertyGapDibaoStandard,
    double PovertyRateNationalLine,
    double NationalLine,
    double UrbanRuralRatio,
    double MiddleIncomeShare,
    double DibaoCoverage,
    double DibaoEligibleCoverage,
    double DibaoExclusionRate,
    double DibaoCostAnnual,
    double IncomeTaxAnnual,
    double ContributionsAnnual,
    double NetFiscalCostAnnual)
{
    /// <summary>The common prosperity index, filled in once all provinces are known.</summary>
    public double CommonProsperityIndex { get; init; } = double.NaN;

    /// <summary>
    /// Computes the indicators on household per-capita disposable income, persons weighted by household weight.
    /// The relative poverty line is 60% of the baseline median (laeken's rule, x &lt; z), held fixed for reforms.
    /// Dibao runs with targeting errors: coverage of households is actual receipt, and the targeting report gives the
    /// share of truly eligible households that receive and the share excluded after applying (漏保).
    /// </summary>
    public static ScenarioMetrics Compute(string province, string scenario, SimulationResult run, PovertyLines lines, double netFiscalCost)
    {
        var income = run.PerCapitaIncome(IncomeConcept.Disposable);
        var weights = run.PersonWeights;
        var population = run.Population;
        var area = new int[population.PersonCount];
        var personHousehold = population.PersonHousehold;
        var householdArea = population.Area;
        for (int p = 0; p < area.Length; p++)
        {
            area[p] = householdArea[personHousehold[p]] == AreaType.Urban ? 0 : 1;
        }

        double total = 0, weight = 0;
        for (int p = 0; p < income.Length; p++)
        {
            total += weights[p] * income[p];
            weight += weights[p];
        }

        var targeting = TargetingReport.Compute(run, "dibao");
        return new ScenarioMetrics(
            province,
            scenario,
            total / weight,
            run.Gini(IncomeConcept.Disposable), // = Inequality.Gini(income, weights), bit for bit, from a sort of the households
            Poverty.HeadcountRatio(income, weights, lines.Relative),
            Poverty.Fgt(income, weights, lines.Relative, 1),
            lines.Relative,
            Below(income, weights, lines.DibaoStandard, gap: false),
            Below(income, weights, lines.DibaoStandard, gap: true),
            Poverty.HeadcountRatio(income, weights, lines.National),
            lines.National,
            GroupComparison.RatioOfMeans(income, weights, area, 0, 1),
            GroupComparison.MiddleIncomeShare(income, weights),
            run.Recipients(DibaoProgram.Benefit.Name) / population.WeightedHouseholds,
            targeting.Coverage,
            targeting.ExclusionRate,
            run.AnnualTotal(DibaoProgram.Benefit.Name),
            run.AnnualTotal(IncomeTaxProgram.Total.Name),
            SocialInsuranceContributionsProgram.Contributions.Sum(v => run.AnnualTotal(v.Name)),
            netFiscalCost);
    }

    /// <summary>Headcount ratio (x &lt; z) or FGT(1) gap against a line that differs by person.</summary>
    private static double Below(ReadOnlySpan<double> income, ReadOnlySpan<double> weights, double[] line, bool gap)
    {
        double poor = 0, total = 0;
        for (int p = 0; p < income.Length; p++)
        {
            total += weights[p];
            if (income[p] < line[p])
            {
                poor += weights[p] * (gap ? (line[p] - Math.Max(0, income[p])) / line[p] : 1);
            }
        }

        return poor / total;
    }
}
