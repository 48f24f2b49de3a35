// The main job: the four provinces of the reference study under the built-in policy package and parameters,
// then cross-province reforms against each baseline, with a printed table and JSON/CSV results.
using System.Diagnostics;
using System.Globalization;
using ProvincialComparison;
using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Population.Synthetic;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
SampleOptions options;
try
{
    options = SampleOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var clock = Stopwatch.StartNew();
var store = ParameterStore.Default;
var policy = Policies.Standard();
var progress = new ConsoleProgressBar();
var reformStart = new DateOnly(options.Date.Year, 1, 1);
Console.WriteLine($"SocialSecurity.Modeling — four-province comparison at {options.Date:yyyy-MM-dd}, {options.PersonsPerProvince:N0} sample persons per province, seed {options.Seed}");
Console.WriteLine($"Policy: {string.Join(", ", policy.Programs.Select(p => p.Name))}. Income: household per-capita disposable income (CEQ), persons weighted.");
Console.WriteLine();

var rows = new List<ScenarioMetrics>();
var illustrative = new SortedSet<string>(StringComparer.Ordinal);
foreach (var province in RegionCodes.StudyProvinces)
{
    var name = store.Regions[store.Regions.GetId(province)].Pinyin;
    Console.WriteLine($"{name}: building the synthetic population …");
    var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = province, Persons = options.PersonsPerProvince, Seed = options.Seed });
    var baseline = Microsimulation.Run(population, policy, store, options.Date, progress: progress, stage: $"{name} baseline");
    var baselineIncome = baseline.PerCapitaIncome(IncomeConcept.Disposable);
    double povertyLine = 0.6 * Quantiles.WeightedMedian(baselineIncome, baseline.PersonWeights);
    rows.Add(ScenarioMetrics.Compute(name, "baseline", baseline, povertyLine, 0));

    foreach (var reform in Reforms(province))
    {
        var run = Microsimulation.Run(population, policy, store.WithReform(reform), options.Date, progress: progress, stage: $"{name} {reform.Name}");
        var comparison = ReformComparison.Compare(baseline, run);
        rows.Add(ScenarioMetrics.Compute(name, reform.Name, run, povertyLine, comparison.NetFiscalCostAnnual));
    }

    foreach (var parameter in policy.Parameters)
    {
        var resolved = store.TryResolve(parameter, options.Date, store.Regions.GetId(province));
        if (resolved is { IsIllustrative: true })
        {
            illustrative.Add($"{parameter} = {resolved.Value} ({name})");
        }
    }
}

rows = WithCommonProsperityIndex(rows);
Report.Print(rows, illustrative);
if (options.OutputFolder is { } folder)
{
    Report.Write(folder, rows, illustrative);
    Console.WriteLine($"Results written to {Path.GetFullPath(folder)} (results.json, results.csv).");
}

Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:F1} s.");
return 0;

IEnumerable<Reform> Reforms(string province)
{
    // Every province: raise the dibao standard by 10% from January of the simulation year.
    yield return Reform.Create("dibao standard +10%")
        .Describe("Raise the urban and rural dibao standards by 10%.")
        .Scale(DibaoProgram.StandardUrban, province, reformStart, 1.10)
        .Scale(DibaoProgram.StandardRural, province, reformStart, 1.10);

    // Where urban and rural standards differ: unify them at the urban level, the way Zhejiang did from 2022-12-01.
    double urban = store.Resolve(DibaoProgram.StandardUrban, options.Date, province).PerYear();
    double rural = store.Resolve(DibaoProgram.StandardRural, options.Date, province).PerYear();
    if (rural < urban)
    {
        yield return Reform.Create("unified urban-rural dibao (as Zhejiang)")
            .Describe("Set the rural dibao standard equal to the urban one, as Zhejiang unified its standards.")
            .Set(DibaoProgram.StandardRural, province, reformStart, urban);
    }
}

static List<ScenarioMetrics> WithCommonProsperityIndex(List<ScenarioMetrics> rows)
{
    // Entropy-weight TOPSIS (DOMAIN.md §9, an [I] method): the baselines of the four provinces set the weights and
    // the ideal points; each reform row is scored by replacing its province's baseline row.
    ProsperityIndicator[] indicators =
    [
        new("mean disposable income", ProsperityDimension.Affluence, IndicatorDirection.HigherIsBetter),
        new("Gini", ProsperityDimension.Sharing, IndicatorDirection.LowerIsBetter),
        new("poverty rate", ProsperityDimension.Sharing, IndicatorDirection.LowerIsBetter),
        new("urban-rural ratio", ProsperityDimension.Sharing, IndicatorDirection.LowerIsBetter),
        new("middle-income share", ProsperityDimension.Sharing, IndicatorDirection.HigherIsBetter),
    ];
    var baselines = rows.Where(r => r.Scenario == "baseline").ToList();
    double[] Values(ScenarioMetrics r) => [r.MeanDisposable, r.Gini, r.PovertyRate, r.UrbanRuralRatio, r.MiddleIncomeShare];
    double Score(ScenarioMetrics row)
    {
        var matrix = new double[baselines.Count, indicators.Length];
        int self = -1;
        for (int i = 0; i < baselines.Count; i++)
        {
            var source = baselines[i].Province == row.Province ? row : baselines[i];
            self = baselines[i].Province == row.Province ? i : self;
            var values = Values(source);
            for (int k = 0; k < values.Length; k++)
            {
                matrix[i, k] = values[k];
            }
        }

        return CommonProsperityIndex.Compute(baselines.Select(b => b.Province).ToArray(), matrix, indicators).Index[self];
    }

    return rows.Select(r => r with { CommonProsperityIndex = Score(r) }).ToList();
}
