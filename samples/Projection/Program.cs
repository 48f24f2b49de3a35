// The 2024 retirement reform against no reform, 2024–2060, for China and Zhejiang (issue 16 item 8): a synthetic
// sample of each region with illustrative employee-pension histories, projected twice with the same seed (the
// reform as in force, and the pre-2025 statutory ages kept as a reform), with population pyramids, dependency ratios,
// fund reserve paths with 95% intervals, replacement rates of new retirees by birth cohort, and the per-year tables
// as CSV and Parquet. docs/projection.md.
using System.Diagnostics;
using System.Globalization;
using ProjectionSample;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Projection;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
bool verbose = args.Contains("--verbose") || Environment.GetEnvironmentVariable("SOCIALSECURITY_VERBOSE") == "1";
try
{
    var options = SampleOptions.Parse(args);
    if (options.Help)
    {
        Console.WriteLine(SampleOptions.Usage);
        return 0;
    }

    var output = options.OutputFolder is { } path ? OutputFolder.Check(path) : null;
    var settings = new StudySettings(options.Persons, options.Replicates, SampleOptions.StartYear, options.EndYear, options.Seed);
    if (output is null)
    {
        RunStudy(settings, options, null);
    }
    else
    {
        output.WriteAtomically(folder => RunStudy(settings, options, folder));
        Console.WriteLine($"Written to {output.Target}");
    }

    return 0;
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

static void RunStudy(StudySettings settings, SampleOptions options, string? folder)
{
    var clock = Stopwatch.StartNew();
    var parameters = ParameterStore.Default;
    Console.WriteLine($"SocialSecurity.Modeling — the 2024 retirement reform against no reform, {settings.StartYear}–{settings.EndYear}");
    Console.WriteLine($"{settings.Persons:N0} sample persons per region, {settings.Replicates} replicate(s), seed {settings.Seed}. Synthetic samples with illustrative [I] pension histories; not forecasts.");
    Console.WriteLine($"No reform: {ReformStudy.NoReform.Description}");
    foreach (var region in ReformStudy.Regions)
    {
        var panels = new Dictionary<string, ProjectionPanelWriter>(StringComparer.Ordinal);
        try
        {
            Action<string, ProjectionYear>? onYear = null;
            if (options.Panel && folder is not null)
            {
                foreach (var scenario in new[] { "reform", "no-reform" })
                {
                    panels[scenario] = new ProjectionPanelWriter(Path.Combine(folder, $"{region.Name.ToLowerInvariant()}-{scenario}-panel.parquet"), PanelColumns);
                }

                onYear = (scenario, year) => panels[scenario].Append(year);
            }

            var study = ReformStudy.Run(region, settings, parameters, onYear);
            foreach (var panel in panels.Values)
            {
                panel.Complete();
            }

            Print(study, settings);
            if (folder is not null)
            {
                Write(study, folder, settings);
            }
        }
        finally
        {
            foreach (var panel in panels.Values)
            {
                panel.Dispose();
            }
        }
    }

    Console.WriteLine();
    Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:0.0} s.");
}

static void Print(RegionStudy study, StudySettings settings)
{
    Console.WriteLine();
    Console.WriteLine($"{study.Name} (mean over replicates; reserve in trillion yuan, scaled to the region's population)");
    Console.WriteLine($"{"year",6} {"65+/15-64",10} {"sys. dep. reform",17} {"no reform",10} {"reserve reform",15} {"no reform",10}");
    foreach (int year in ReportYears(settings))
    {
        double Mean(ProjectionResult r, string indicator) => r.Summary(year, indicator).Mean;
        Console.WriteLine($"{year,6} {Mean(study.Reform, ProjectionIndicators.OldAgeDependency),10:0.000} {Mean(study.Reform, ProjectionIndicators.SystemDependency),17:0.000} {Mean(study.NoReform, ProjectionIndicators.SystemDependency),10:0.000} {Mean(study.Reform, ProjectionIndicators.FundReserve) / 1e12,15:0.00} {Mean(study.NoReform, ProjectionIndicators.FundReserve) / 1e12,10:0.00}");
    }

    string Depletion(ProjectionResult r) => string.Join(", ", Enumerable.Range(0, settings.Replicates).Select(i => r.DepletionYear(i)?.ToString(CultureInfo.InvariantCulture) ?? "lasts"));
    Console.WriteLine($"Fund runs out, by replicate: reform {Depletion(study.Reform)}; no reform {Depletion(study.NoReform)}.");
}

static void Write(RegionStudy study, string folder, StudySettings settings)
{
    foreach (var (scenario, result) in new[] { ("reform", study.Reform), ("no-reform", study.NoReform) })
    {
        // The library writes fixed file names into a folder; here each goes to the output folder under a prefix.
        string tables = Path.Combine(folder, $".{study.Slug}-{scenario}");
        result.WriteCsv(tables);
        result.WriteParquet(tables);
        foreach (var file in Directory.GetFiles(tables))
        {
            File.Move(file, Path.Combine(folder, $"{study.Slug}-{scenario}-{Path.GetFileName(file)}"), overwrite: true);
        }

        Directory.Delete(tables);
    }

    using (var cohorts = new StreamWriter(Path.Combine(folder, $"{study.Slug}-replacement-by-cohort.csv")))
    {
        cohorts.WriteLine("birth_year,rate_reform,retirees_reform,rate_no_reform,retirees_no_reform");
        foreach (int cohort in study.ReformCohorts.Cohorts.Union(study.NoReformCohorts.Cohorts).Order())
        {
            var (reform, n) = study.ReformCohorts.Of(cohort);
            var (noReform, m) = study.NoReformCohorts.Of(cohort);
            cohorts.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cohort},{reform:R},{n},{noReform:R},{m}"));
        }
    }

    int[] pyramidYears = [.. new[] { settings.StartYear, 2040, settings.EndYear }.Where(y => y <= settings.EndYear).Distinct()];
    Charts.Pyramid(folder, study, pyramidYears);
    Charts.Dependency(folder, study);
    Charts.FundReserve(folder, study);
    Charts.ReplacementByCohort(folder, study, MinimumCohortPersons);
}

static IEnumerable<int> ReportYears(StudySettings settings)
    => new[] { settings.StartYear, 2030, 2035, 2040, 2045, 2050, 2055, 2060 }.Where(y => y <= settings.EndYear).Append(settings.EndYear).Distinct();

/// <summary>Partial declarations for the top-level program.</summary>
internal static partial class Program
{
    /// <summary>Cohorts shown in the replacement-rate chart need this many sample new retirees in both scenarios.</summary>
    internal const int MinimumCohortPersons = 10;

    /// <summary>The person columns of the optional panels.</summary>
    internal static readonly string[] PanelColumns =
    [
        EmployeePensionNames.Columns.ContributionYears, EmployeePensionNames.Columns.AccountBalance,
        ProjectionColumns.Retired.Name, ProjectionColumns.InPayment.Name,
    ];
}
