using System.Collections.Concurrent;
using System.Security.Cryptography;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Distributed;

/// <summary>
/// Runs one partition with the library's engine (<see cref="Microsimulation.Run"/>, once per scenario) and reduces
/// the results to a <see cref="PartitionAggregate"/>. The partition grain calls it on a silo; a single process can
/// call it directly (<see cref="PartitionedRun.RunLocal"/>).
/// </summary>
public static partial class PartitionWorker
{
    private static readonly ConcurrentDictionary<string, Lazy<(RegionCatalog Regions, ParameterStore Store)>> Stores = new(StringComparer.Ordinal);
    private static readonly string LibraryBuild = typeof(Microsimulation).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>Loads the partition, runs the baseline and every reform of <paramref name="job"/> on it, and returns the aggregates.</summary>
    /// <param name="source">The partition.</param>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancels the run between simulation blocks.</param>
    /// <exception cref="PartitionFailedException">The partition cannot run: a missing file, invalid data, another region catalogue, an unknown policy (the message names the partition and the culprit).</exception>
    public static PartitionAggregate Run(PartitionSource source, PartitionedJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(job);
        return PartitionFailedException.Naming(source.Id, () => RunUnchecked(source, job, cancellationToken));
    }

    private static PartitionAggregate RunUnchecked(PartitionSource source, PartitionedJob job, CancellationToken cancellationToken)
    {
        var policy = CreatePolicy(job.Policy);
        string jobCatalogue = CatalogueFingerprint(job.RegionCatalogPath);
        string catalogue = CatalogueFingerprint(source.RegionCatalogPath ?? job.RegionCatalogPath);
        if (catalogue != jobCatalogue)
        {
            throw new PartitionFailedException(source.Id, $"its data were built over the region catalogue '{source.RegionCatalogPath}' ({catalogue}), not the job's ({job.RegionCatalogPath ?? "built-in"}, {jobCatalogue}).");
        }

        var parameterFiles = source.ParameterFiles ?? job.ParameterFiles;
        var (regions, baselineStore) = Store(source.RegionCatalogPath ?? job.RegionCatalogPath, parameterFiles);
        var reforms = job.Reforms.Select(json => Reform.Parse(json)).ToArray();
        var stores = new List<(string Name, ParameterStore Store)> { ("baseline", baselineStore) };
        stores.AddRange(reforms.Select(r => (r.Name, baselineStore.WithReform(r))));

        var (population, calibratedBaseline) = Load(source, policy, baselineStore, job.Date, regions, job.Replicate);

        cancellationToken.ThrowIfCancellationRequested();
        var results = new List<SimulationResult>();
        foreach (var (name, store) in stores)
        {
            results.Add(results.Count == 0 && calibratedBaseline is not null
                ? calibratedBaseline
                : Microsimulation.Run(population, policy, store, job.Date, stage: $"{source.Id} {name}", cancellationToken: cancellationToken));
        }

        var ids = population.HouseholdId.ToArray();
        Array.Sort(ids);
        return new PartitionAggregate
        {
            PartitionId = source.Id,
            RegionCatalogFingerprint = catalogue,
            ParametersFingerprint = ParametersFingerprint(parameterFiles, job.Reforms),
            IdSpace = source.IdSpace,
            HouseholdIds = ids,
            Persons = population.PersonCount,
            Scenarios = [.. stores.Select((s, i) => Aggregate(s.Name, results[i], i == 0 ? null : results[0], policy, job.SortedRunDirectory, source.Id))],
        };
    }

    /// <summary>Reads a file partition, or generates and calibrates a synthetic one (its seed plus <paramref name="seedOffset"/>) with the baseline run at <paramref name="date"/>.</summary>
    internal static (Population Population, SimulationResult? CalibratedBaseline) Load(PartitionSource source, Policy policy, ParameterStore baseline, DateOnly date, RegionCatalog regions, ulong seedOffset)
    {
        if (source.IsFiles)
        {
            foreach (var path in new[] { source.HouseholdsPath, source.PersonsPath })
            {
                if (path is null || !File.Exists(path))
                {
                    throw new PartitionFailedException(source.Id, $"the population file '{path}' does not exist (partition files must be on storage every silo can read).");
                }
            }

            return (PopulationReader.Read(source.HouseholdsPath!, source.PersonsPath!, regions: regions), null);
        }

        var calibrated = SyntheticBaseline.Generate(
            new SyntheticPopulationOptions { RegionCode = source.SyntheticRegionCode!, Persons = source.SyntheticPersons, Seed = source.SyntheticSeed + seedOffset, Year = source.SyntheticYear },
            policy, baseline, date, regions);
        return (calibrated.Population, calibrated.Result);
    }

    /// <summary>The region catalogue and the parameter store of a partition (cached per catalogue and parameter files), after checking that the partition's catalogue is the job's.</summary>
    internal static (RegionCatalog Regions, ParameterStore Store, string Catalogue) Setup(PartitionSource source, string? jobCatalogue, IReadOnlyList<string> parameterFiles)
    {
        string expected = CatalogueFingerprint(jobCatalogue);
        string catalogue = CatalogueFingerprint(source.RegionCatalogPath ?? jobCatalogue);
        if (catalogue != expected)
        {
            throw new PartitionFailedException(source.Id, $"its data were built over the region catalogue '{source.RegionCatalogPath}' ({catalogue}), not the job's ({jobCatalogue ?? "built-in"}, {expected}).");
        }

        var (regions, store) = Store(source.RegionCatalogPath ?? jobCatalogue, parameterFiles);
        return (regions, store, catalogue);
    }

    /// <summary>The policy of a catalogue package name.</summary>
    internal static Policy CreatePolicy(string name)
        => ProgramCatalog.Packages.TryGetValue(name, out var create)
            ? create()
            : throw new ArgumentException($"Unknown policy package '{name}'; known: {string.Join(", ", ProgramCatalog.Packages.Keys.Order(StringComparer.Ordinal))}.", nameof(name));

    /// <summary>A fingerprint of a region catalogue: the library build for the built-in one, the file's hash otherwise.</summary>
    internal static string CatalogueFingerprint(string? path)
        => path is null ? "built-in@" + LibraryBuild : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(ReadExisting(path)));

    /// <summary>A fingerprint of a parameter store: the library build, the contents of the parameter files (not their paths), and the reforms.</summary>
    internal static string ParametersFingerprint(IReadOnlyList<string> files, IReadOnlyList<string> reforms)
    {
        var parts = new List<string> { "built-in@" + LibraryBuild };
        parts.AddRange(ExpandFiles(files).Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))).Order(StringComparer.Ordinal));
        parts.AddRange(reforms.Select(r => "reform:" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(r)))));
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', parts))));
    }

    private static byte[] ReadExisting(string path)
        => File.Exists(path) ? File.ReadAllBytes(path) : throw new FileNotFoundException($"The region catalogue file '{path}' does not exist.", path);

    private static IEnumerable<string> ExpandFiles(IReadOnlyList<string> paths)
        => paths.SelectMany<string, string>(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : File.Exists(p) ? [p] : throw new FileNotFoundException($"The parameter file '{p}' does not exist.", p));

    private static (RegionCatalog Regions, ParameterStore Store) Store(string? cataloguePath, IReadOnlyList<string> parameterFiles)
    {
        string key = CatalogueFingerprint(cataloguePath) + "|" + ParametersFingerprint(parameterFiles, []);
        return Stores.GetOrAdd(key, _ => new Lazy<(RegionCatalog, ParameterStore)>(() =>
        {
            var regions = cataloguePath is null ? RegionCatalog.Default : RegionCatalog.Load(cataloguePath);
            var store = cataloguePath is null ? ParameterStore.Default : ParameterStore.LoadBuiltIn(regions);
            return (regions, parameterFiles.Count == 0 ? store : store.WithFiles([.. parameterFiles]));
        })).Value;
    }

    private static ScenarioAggregate Aggregate(string name, SimulationResult result, SimulationResult? baseline, Policy policy, string? runDirectory, string partition)
    {
        var population = result.Population;
        var outputs = policy.Outputs.Where(o => o.Period != AmountPeriod.None).ToArray();
        var sums = new byte[outputs.Length][];
        var recipients = new byte[outputs.Length][];
        var gained = new byte[baseline is null ? 0 : outputs.Length][];
        var lost = new byte[baseline is null ? 0 : outputs.Length][];
        for (int k = 0; k < outputs.Length; k++)
        {
            var output = outputs[k];
            var values = result.Values(output.Name);
            var weights = output.Entity == Entity.Household ? population.Weight : result.PersonWeights;
            var sum = new ExactSum();
            var positive = new ExactSum();
            for (int i = 0; i < values.Length; i++)
            {
                sum.Add(values[i] * weights[i]);
                if (values[i] > 0)
                {
                    positive.Add(weights[i]);
                }
            }

            sums[k] = sum.ToBytes();
            recipients[k] = positive.ToBytes();
            if (baseline is not null)
            {
                var before = baseline.Values(output.Name);
                var g = new ExactSum();
                var l = new ExactSum();
                for (int i = 0; i < values.Length; i++)
                {
                    if (before[i] <= 0 && values[i] > 0)
                    {
                        g.Add(weights[i]);
                    }
                    else if (before[i] > 0 && values[i] <= 0)
                    {
                        l.Add(weights[i]);
                    }
                }

                gained[k] = g.ToBytes();
                lost[k] = l.ToBytes();
            }
        }

        // Income-concept totals by province (the household's region, or its province when it lies below one).
        var regions = population.Regions;
        var region = population.HouseholdRegion;
        var provinceOf = new Dictionary<RegionId, string>();
        var groups = new SortedDictionary<string, ExactSum>(StringComparer.Ordinal);
        var householdWeights = population.Weight;
        foreach (var concept in Enum.GetValues<IncomeConcept>())
        {
            var income = result.HouseholdIncome(concept);
            for (int h = 0; h < income.Length; h++)
            {
                if (!provinceOf.TryGetValue(region[h], out var code))
                {
                    code = regions[regions.Province(region[h]) ?? region[h]].Code;
                    provinceOf[region[h]] = code;
                }

                string key = $"{concept}|{code}";
                if (!groups.TryGetValue(key, out var total))
                {
                    groups[key] = total = new ExactSum();
                }

                total.Add(income[h] * householdWeights[h]);
            }
        }

        var perCapita = result.PerCapitaIncome(IncomeConcept.Disposable);
        var personWeights = result.PersonWeights;
        var (sortedIncome, sortedWeight) = SortedPairs(perCapita, personWeights);
        double[] decileBaseline = [], decileWeight = [], decileReform = [];
        if (baseline is not null)
        {
            (decileBaseline, decileWeight, decileReform) = SortedTriples(baseline.PerCapitaIncome(IncomeConcept.Disposable), baseline.PersonWeights, perCapita);
        }

        var weightedIncome = new ExactSum();
        var weightedPersons = new ExactSum();
        for (int p = 0; p < perCapita.Length; p++)
        {
            weightedIncome.Add(personWeights[p] * perCapita[p]);
            weightedPersons.Add(personWeights[p]);
        }

        string? sortedFile = null, decileFile = null;
        if (runDirectory is not null)
        {
            // Each attempt writes files of its own: a re-run never meets a half-written file of a lost silo.
            string stem = Path.Combine(runDirectory, $"{partition.Replace('/', '_')}-{Guid.NewGuid():N}");
            sortedFile = stem + "-income.f64";
            SortedRun.Write(sortedFile, sortedIncome, sortedWeight);
            sortedIncome = sortedWeight = [];
            if (baseline is not null)
            {
                decileFile = stem + "-deciles.f64";
                SortedRun.Write(decileFile, decileBaseline, decileWeight, decileReform);
                decileBaseline = decileWeight = decileReform = [];
            }
        }

        return new ScenarioAggregate
        {
            SortedRows = perCapita.Length,
            SortedRunFile = sortedFile,
            DecileRunFile = decileFile,
            Name = name,
            Outputs = [.. outputs.Select(o => o.Name)],
            WeightedSums = sums,
            Recipients = recipients,
            Gained = gained,
            Lost = lost,
            IncomeGroups = [.. groups.Keys],
            IncomeTotals = [.. groups.Values.Select(s => s.ToBytes())],
            SortedIncome = sortedIncome,
            SortedWeight = sortedWeight,
            DecileBaseline = decileBaseline,
            DecileWeight = decileWeight,
            DecileReform = decileReform,
            WeightedIncome = weightedIncome.ToBytes(),
            WeightedPersons = weightedPersons.ToBytes(),
        };
    }

    /// <summary>The (value, weight) pairs ascending by value, then weight: the partition's sorted run.</summary>
    internal static (double[] Values, double[] Weights) SortedPairs(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        var pairs = new (double Value, double Weight)[values.Length];
        for (int i = 0; i < pairs.Length; i++)
        {
            pairs[i] = (values[i], weights[i]);
        }

        Array.Sort(pairs, static (x, y) =>
        {
            int c = x.Value.CompareTo(y.Value);
            return c != 0 ? c : x.Weight.CompareTo(y.Weight);
        });
        return ([.. pairs.Select(p => p.Value)], [.. pairs.Select(p => p.Weight)]);
    }

    /// <summary>The (baseline, weight, reform) triples ascending in that order, as <c>ReformComparison</c> ranks persons for its deciles.</summary>
    internal static (double[] Baseline, double[] Weights, double[] Reform) SortedTriples(ReadOnlySpan<double> baseline, ReadOnlySpan<double> weights, ReadOnlySpan<double> reform)
    {
        var triples = new (double B, double W, double A)[baseline.Length];
        for (int i = 0; i < triples.Length; i++)
        {
            triples[i] = (baseline[i], weights[i], reform[i]);
        }

        Array.Sort(triples, CompareTriples);
        return ([.. triples.Select(t => t.B)], [.. triples.Select(t => t.W)], [.. triples.Select(t => t.A)]);
    }

    internal static int CompareTriples((double B, double W, double A) x, (double B, double W, double A) y)
    {
        int c = x.B.CompareTo(y.B);
        if (c == 0)
        {
            c = x.W.CompareTo(y.W);
        }

        return c != 0 ? c : x.A.CompareTo(y.A);
    }
}
