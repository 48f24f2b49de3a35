// The main job: the four provinces of the reference study under the built-in policy package and parameters,
// then cross-province reforms against each baseline, with a printed table, JSON/CSV results and PNG charts.
// Dibao runs with take-up and identification errors (TargetedProgram), so exclusion errors exist in the baseline and
// Xinjiang's information platform can be carried to the other provinces as a lower exclusion-error rate.
using System.Diagnostics;
using System.Globalization;
using ProvincialComparison;
using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Targeting;
using SocialSecurity.Modeling.Programs.Tax;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
bool verbose = args.Contains("--verbose") || Environment.GetEnvironmentVariable("SOCIALSECURITY_VERBOSE") == "1";
SampleOptions options = new();
ParameterStore store = null!;
DateOnly reformStart = default;

// The national rural poverty standard at the end of the poverty-alleviation campaign: 2,300 yuan a year at 2010 prices,
// about 4,000 yuan at 2020 prices [D] (State Council Information Office, white paper "Poverty Alleviation: China's
// Experience and Contribution", 2021). Not uprated to the simulation year.
const double NationalAbsoluteLine = 4_000;
var illustrative = new SortedDictionary<string, List<string>>(StringComparer.Ordinal); // "parameter = value" → provinces
try
{
    // Every flag is parsed and checked, the date against the rules and the output folder on disk, before any work.
    options = SampleOptions.Parse(args);
    if (options.Help)
    {
        Console.WriteLine(SampleOptions.Usage);
        return 0;
    }

    store = ParameterStore.Default;
    CheckDate();
    var output = options.OutputFolder is { } path ? OutputFolder.Check(path) : null;
    reformStart = new DateOnly(options.Date.Year, 1, 1);
    return Run(output);
}
catch (UsageException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (Exception e)
{
    // One line (type and message) for an unexpected failure; the stack trace only on request.
    Console.Error.WriteLine($"error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
    if (verbose)
    {
        Console.Error.WriteLine(e);
    }
    else
    {
        Console.Error.WriteLine("(run with --verbose or SOCIALSECURITY_VERBOSE=1 for the stack trace)");
    }

    return 1;
}

// The date must have every value the policy (and the sample's health reforms) needs in force in every study province.
void CheckDate()
{
    var names = Policies.StandardWithPensions().Parameters.Concat(HealthParameters()).ToList();
    var required = names.Where(n => RegionCodes.StudyProvinces.All(p => store.TryResolve(n, SampleOptions.DefaultDate, store.Regions.GetId(p)) is not null)).ToList();
    DateOnly first = DateOnly.MinValue;
    foreach (var name in required)
    {
        foreach (var province in RegionCodes.StudyProvinces)
        {
            var regions = store.Regions.SelfAndAncestors(store.Regions.GetId(province)).ToHashSet();
            var starts = store.Definition(name).Entries.Where(e => regions.Contains(e.Region)).Select(e => e.From).ToList();
            if (starts.Count > 0 && starts.Min() > first)
            {
                first = starts.Min();
            }
        }
    }

    var missing = required.SelectMany(n => RegionCodes.StudyProvinces.Select(p => (Name: n, Province: p)))
        .FirstOrDefault(x => store.TryResolve(x.Name, options.Date, store.Regions.GetId(x.Province)) is null);
    if (options.Date < first || missing.Name is not null)
    {
        string detail = missing.Name is null ? "" : $" ({missing.Name} has no value in force in {ProvinceName(missing.Province)})";
        throw new UsageException($"--date '{options.Date:yyyy-MM-dd}' is before the built-in rules cover every province{detail}; allowed: a date from {first:yyyy-MM-dd}.");
    }
}

int Run(OutputFolder? output)
{
    var clock = Stopwatch.StartNew();
    var policy = Policies.StandardWithPensions();
    var progress = new ConsoleProgressBar();
    Console.WriteLine($"SocialSecurity.Modeling — four-province comparison at {options.Date:yyyy-MM-dd}, {options.PersonsPerProvince:N0} sample persons per province, seed {options.Seed}");
    Console.WriteLine($"Policy: {string.Join(", ", policy.Programs.Select(p => p.Name))}. Income: household per-capita disposable income (CEQ), persons weighted.");
    Console.WriteLine("Dibao with take-up and identification errors [I]; medical bills drawn from an illustrative spending model [I].");
    Console.WriteLine();

    // A date far beyond the newest dated values runs on carried-forward values: say which, once, before the results.
    foreach (var province in RegionCodes.StudyProvinces)
    {
        var extrapolated = store.ExtrapolatedAt(options.Date, store.Regions.GetId(province), policy.Parameters);
        if (extrapolated.Count > 0)
        {
            Console.Error.WriteLine($"warning: {ProvinceName(province)}: {extrapolated.Count} parameter value(s) are carried forward more than {store.ExtrapolationYears} years past their newest dated value (extrapolated): {string.Join(", ", extrapolated.Take(5).Select(r => r.Name))}{(extrapolated.Count > 5 ? ", …" : "")}");
        }
    }

    var rows = new List<ScenarioMetrics>();
    var validation = new List<ValidationRow>();
    var phases = new PhaseTimes();

    // Lorenz curves and decile incidence feed only the charts: computed only when files are written.
    bool withCharts = output is not null;

    // The national baseline first: its validation rows (income-group means, median, Gini, dibao caseload) are the ones
    // with national published figures.
    {
        Console.WriteLine("China: building and calibrating the national baseline …");
        var statistics = ProvinceStatistics.Load(RegionCodes.China, StatisticsYear(RegionCodes.China));
        var national = phases.Time(PhaseTimes.Generation, () => SyntheticBaseline.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.China, Persons = options.PersonsPerProvince, Seed = options.Seed, Year = statistics.Year }, policy, store, options.Date));
        validation.AddRange(phases.Time(PhaseTimes.Validation, () => BaselineValidation.Compute(national, statistics, policy, store, options.Date)));
        national.Result.Dispose();
    }

    var health = new List<HealthMetrics>();
    var lorenz = new List<(string, LorenzCurve, double)>();
    var incidence = new List<(string Province, List<(string, double[])> Reforms)>();
    foreach (var province in RegionCodes.StudyProvinces)
    {
        var name = ProvinceName(province);
        Console.WriteLine($"{name}: building the synthetic population and calibrating it after simulating the baseline …");
        var statistics = ProvinceStatistics.Load(province, StatisticsYear(province));
        var calibrated = phases.Time(PhaseTimes.Generation, () => SyntheticBaseline.Generate(new SyntheticPopulationOptions { RegionCode = province, Persons = options.PersonsPerProvince, Seed = options.Seed, Year = statistics.Year }, policy, store, options.Date));
        validation.AddRange(phases.Time(PhaseTimes.Validation, () => BaselineValidation.Compute(calibrated, statistics, policy, store, options.Date)));
        var population = calibrated.Population;
        var baseline = calibrated.Result;
        var baselineIncome = baseline.PerCapitaIncome(IncomeConcept.Disposable);
        var lines = new PovertyLines(0.6 * Quantiles.WeightedMedian(baselineIncome, baseline.PersonWeights), DibaoStandardLine(population), NationalAbsoluteLine);
        phases.Time(PhaseTimes.ReformMetrics, () => rows.Add(ScenarioMetrics.Compute(name, "baseline", baseline, lines, 0)));
        var decileIncidence = withCharts ? new DecileIncidence(baselineIncome, baseline.PersonWeights) : null;
        if (withCharts)
        {
            lorenz.Add((name, Lorenz.Curve(baselineIncome, baseline.PersonWeights), rows[^1].Gini));
        }

        // The net fiscal cost of a reform as ReformComparison.NetFiscalCostAnnual gives it, the baseline's totals taken once.
        double baselineSpending = baseline.PublicSpendingAnnual, baselineRevenue = baseline.PublicRevenueAnnual;
        var deciles = new List<(string, double[])>();
        foreach (var reform in Reforms(province))
        {
            // Each reform run is disposed once its metrics are taken: one run's columns alive at a time.
            using var run = phases.Time(PhaseTimes.ReformComparison, () => Microsimulation.Run(population, policy, store.WithReform(reform), options.Date, progress: progress, stage: $"{name} {reform.Name}"));
            double netFiscalCost = (run.PublicSpendingAnnual - baselineSpending) - (run.PublicRevenueAnnual - baselineRevenue);
            phases.Time(PhaseTimes.ReformMetrics, () => rows.Add(ScenarioMetrics.Compute(name, reform.Name, run, lines, netFiscalCost)));
            if (decileIncidence is not null)
            {
                deciles.Add((reform.Name, decileIncidence.MeanChanges(run.PerCapitaIncome(IncomeConcept.Disposable))));
            }
        }

        baseline.Dispose();
        if (withCharts)
        {
            incidence.Add((name, deciles));
        }

        // Medical bills: Hangzhou's household out-of-pocket cap applied province-wide, and the dibao standard reform, whose new
        // dibao households get medical assistance and the cap in the same run; Monte Carlo replicates.
        progress.Report(new SimulationProgress($"{name} medical bills", 0, 1));
        health.AddRange(phases.Time(PhaseTimes.HealthReplicates, () => HealthProtection.Compare(name, province, population, policy, Reforms(province).First(), store, options.Date, options.HealthReplicates, options.Seed).ToList()));
        progress.Report(new SimulationProgress($"{name} medical bills", 1, 1));

        foreach (var parameter in policy.Parameters)
        {
            var resolved = store.TryResolve(parameter, options.Date, store.Regions.GetId(province));
            if (resolved is { IsIllustrative: true })
            {
                Illustrative($"{parameter} = {resolved.Value}", name);
            }
        }
    }

    // The household-cap values the cap reform copies from Hangzhou to every province.
    foreach (var parameter in HealthParameters())
    {
        var resolved = store.TryResolve(parameter, options.Date, store.Regions.GetId(RegionCodes.Hangzhou));
        if (resolved is { IsIllustrative: true })
        {
            Illustrative($"{parameter} = {resolved.Value}", "Hangzhou; the cap reform applies it province-wide");
        }
    }

    rows = WithCommonProsperityIndex(rows);
    validation.Add(ProsperityOrderCheck(rows));
    var illustrativeLines = illustrative.Select(kv => $"{kv.Key} ({string.Join(", ", kv.Value)})").ToList();
    Report.Print(rows, health, illustrativeLines);
    Report.PrintValidation(validation);
    if (output is not null)
    {
        var charts = new List<string>();
        output.WriteAtomically(folder =>
        {
            Report.Write(folder, rows, health, illustrativeLines, validation);
            charts.Add(Charts.Lorenz(folder, lorenz));
            charts.Add(Charts.LorenzGap(folder, lorenz));
            charts.AddRange(incidence.Select(i => Charts.DecileIncidence(folder, i.Province, i.Reforms)));
            charts.Add(Charts.DibaoSchedule(folder, "urban, 3 persons, rule alone", DibaoSchedules()));
            HtmlReport.Write(folder, new HtmlReport.RunInfo(options.Date, options.Seed, options.PersonsPerProvince, args, [.. RegionCodes.StudyProvinces.SelectMany(Reforms).DistinctBy(r => r.Name)], new ValidationTable(validation)));
        });
        Console.WriteLine($"Results written to {output.Target}: results.json, results.csv, validation.csv, health.csv, {string.Join(", ", charts.Select(Path.GetFileName))}, {HtmlReport.FileName}.");
    }

    Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:F1} s.");
    if (verbose)
    {
        phases.Print(Console.Error);
    }

    return 0;
}

void Illustrative(string value, string province)
{
    if (!illustrative.TryGetValue(value, out var provinces))
    {
        illustrative[value] = provinces = [];
    }

    if (!provinces.Contains(province))
    {
        provinces.Add(province);
    }
}

string ProvinceName(string code) => store.Regions[store.Regions.GetId(code)].Pinyin;

// The statistics year of the simulation date (the baseline runs at 2023-07-01, the study's fieldwork): that year's
// built-in statistics, or the latest earlier year available.
int StatisticsYear(string region)
{
    var years = ProvinceStatistics.AvailableYears(region);
    return years.Where(y => y <= options.Date.Year).DefaultIfEmpty(years.Min()).Max();
}

// The dibao standard of each person's household (its region and area) at the simulation date, yuan per person per
// year: a poverty line that dibao reforms act on. Held at the baseline's standards for every scenario.
double[] DibaoStandardLine(Population population)
{
    var line = new double[population.PersonCount];
    var cache = new Dictionary<(ushort, AreaType), double>();
    for (int h = 0; h < population.HouseholdCount; h++)
    {
        var region = population.HouseholdRegion[h];
        var area = population.Area[h];
        if (!cache.TryGetValue((region.Index, area), out double standard))
        {
            standard = store.Resolve(area == AreaType.Urban ? DibaoProgram.StandardUrban : DibaoProgram.StandardRural, options.Date, region).PerYear();
            cache[(region.Index, area)] = standard;
        }

        for (int p = population.MemberStart[h]; p < population.MemberStart[h + 1]; p++)
        {
            line[p] = standard;
        }
    }

    return line;
}

// The order of the four provinces on the common prosperity index, against the study's order (a check, exact).
static ValidationRow ProsperityOrderCheck(List<ScenarioMetrics> rows)
{
    string[] published = ["Zhejiang", "Jiangsu", "Inner Mongolia", "Xinjiang"];
    var simulated = rows.Where(r => r.Scenario == "baseline").OrderByDescending(r => r.CommonProsperityIndex).Select(r => r.Province).ToArray();
    // Catalogue names may carry a transliteration ("Inner Mongolia (Nei Mongol)"): compare the names before it.
    static string Key(string name) => name.Split('(')[0].Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
    bool met = simulated.Select(Key).SequenceEqual(published.Select(Key));
    return new ValidationRow("four provinces", $"common_prosperity_order: published {string.Join(" > ", published)}; simulated {string.Join(" > ", simulated)}", ValidationKind.Check, 1, met ? 1 : 0, "order", 2019, Provenance.Paper,
        "Xi & Abudurehman (2024), citing Xi & Wang (2023): common prosperity index 0.976 (Zhejiang), 0.892 (Jiangsu), 0.689 (Inner Mongolia), 0.462 (Xinjiang), 2019", 0, false,
        met ? ValidationStatus.Met : ValidationStatus.Missed,
        met ? "" : "[I] the index method (entropy-weight TOPSIS over five indicators of the simulated baselines, docs/indicators.md#common-prosperity-index), not the study's own index", "");
}

IEnumerable<string> HealthParameters() =>
[
    SocialSecurity.Modeling.Programs.Health.MedicalPayoutProgram.HouseholdCapDestituteDibao,
    SocialSecurity.Modeling.Programs.Health.MedicalPayoutProgram.HouseholdCapMarginal,
    SocialSecurity.Modeling.Programs.Health.MedicalPayoutProgram.HouseholdCapOtherHardship,
];

List<(string, double[], double[])> DibaoSchedules()
{
    // The dibao rule alone (no targeting draws) for an urban household of three with no assets: benefit per month
    // against household income per person per year, from 0 to 1.5 × the highest urban standard. The rule is
    // piecewise linear with its breakpoint at the standard S (the benefit reaches 0 there), so the rule is evaluated
    // on a fine grid plus exactly at S and one fen either side: the kink (or a jump, if a rule adds one) is drawn
    // where it is, not as a slope between two grid points.
    var calculator = new HouseholdCalculator(Policy.Create(new DibaoProgram()), store);
    double top = RegionCodes.StudyProvinces.Max(p => store.Resolve(DibaoProgram.StandardUrban, options.Date, p).PerYear()) * 1.5;
    var schedules = new List<(string, double[], double[])>();
    foreach (var province in RegionCodes.StudyProvinces)
    {
        double standard = store.Resolve(DibaoProgram.StandardUrban, options.Date, province).PerYear();
        var income = Enumerable.Range(0, 301).Select(i => top * i / 300)
            .Concat([standard - 0.01, standard, standard + 0.01])
            .Where(x => x >= 0 && x <= top).Distinct().Order().ToArray();
        var benefit = income.Select(perPerson => calculator.Calculate(
            new HouseholdRecord { Id = 1, Weight = 1, RegionCode = province, Area = AreaType.Urban },
            [
                new PersonRecord { Id = 1, HouseholdId = 1, Age = 40, WagesAnnual = perPerson * 3 },
                new PersonRecord { Id = 2, HouseholdId = 1, Age = 38 },
                new PersonRecord { Id = 3, HouseholdId = 1, Age = 10 },
            ],
            options.Date).HouseholdValue(DibaoProgram.Benefit.Name)).ToArray();
        schedules.Add((ProvinceName(province), income, benefit));
    }

    return schedules;
}

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

    // A tax reform: the children's-education deduction raised by half (2,000 → 3,000 yuan a month per child), a
    // revenue cost that reaches only households with children in education and income above the basic deduction.
    double childDeduction = store.Resolve(IncomeTaxProgram.ChildrenEducation, options.Date, province).PerMonth();
    yield return Reform.Create("children's education deduction +50%")
        .Describe("Raise the income-tax deduction for each child in education by half.")
        .Set(IncomeTaxProgram.ChildrenEducation, province, reformStart, childDeduction * 1.5);

    // Xinjiang's information platform and active discovery, modelled as its lower dibao exclusion-error rate [I]:
    // carried to the provinces whose rate is higher. The per-household draws stay the same, so only errors fall.
    string key = "dibao";
    double platform = store.Resolve(TargetedProgram.ExclusionErrorRate(key), options.Date, RegionCodes.Xinjiang).Scalar();
    double own = store.Resolve(TargetedProgram.ExclusionErrorRate(key), options.Date, province).Scalar();
    if (platform < own)
    {
        yield return Reform.Create("information platform (as Xinjiang)")
            .Describe("Lower the dibao exclusion-error rate to Xinjiang's, as its information platform and active discovery do (Xinjiang's file lowers dibao's rate only).")
            .Set(TargetedProgram.ExclusionErrorRate(key), province, reformStart, platform);
    }
}

static List<ScenarioMetrics> WithCommonProsperityIndex(List<ScenarioMetrics> rows)
{
    // Entropy-weight TOPSIS (docs/indicators.md#common-prosperity-index, an [I] method): the baselines of the four provinces set the weights and
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
