using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Parameters;

/// <summary>
/// Every parameter with its dated, sourced values by region, and the lookup rules: a value is looked up at
/// (date, region) by walking from the region up to the nation and taking, at the first level that has one, the
/// value in force with the latest start date. Reforms layer on top without changing the store they start from: a
/// value a reform sets at a level beats the files' values at that level while it is in force (whatever their start
/// dates), but a lower region that sets its own value keeps it; scale and add adjustments apply at and below their
/// region, and a result outside the parameter's range stops the lookup with a <see cref="ReformValidationException"/>.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Lookups are cached; rules resolve parameters once per region before their
/// per-person loop, never inside it. The built-in files live in <c>Data/parameters/</c>, in folders named after
/// the authority that sets the values (<c>cn/</c> national, <c>cn-zj/</c> Zhejiang, …).
/// </remarks>
public sealed class ParameterStore : IParameterSource
{
    private static readonly Lazy<ParameterStore> BuiltIn = new(() => LoadBuiltIn(RegionCatalog.Default));

    private readonly FrozenDictionary<string, ParameterDefinition> _definitions;
    private readonly FrozenDictionary<string, ImmutableArray<Adjustment>> _adjustments;
    private readonly ConcurrentDictionary<(string Name, DateOnly Date, ushort Region), ResolvedParameter?> _cache = new();

    private ParameterStore(RegionCatalog regions, FrozenDictionary<string, ParameterDefinition> definitions, FrozenDictionary<string, ImmutableArray<Adjustment>> adjustments, ImmutableArray<string> reforms)
    {
        Regions = regions;
        _definitions = definitions;
        _adjustments = adjustments;
        ReformNames = reforms;
    }

    /// <summary>The built-in parameters (national, Zhejiang, Jiangsu, Xinjiang, Inner Mongolia) over <see cref="RegionCatalog.Default"/>.</summary>
    public static ParameterStore Default => BuiltIn.Value;

    /// <summary>The region hierarchy used for lookups.</summary>
    public RegionCatalog Regions { get; }

    /// <summary>The names of the reforms applied to this store, in order; empty for a baseline.</summary>
    public ImmutableArray<string> ReformNames { get; }

    /// <summary>The names of every parameter, sorted.</summary>
    public IReadOnlyList<string> Names => _definitions.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every parameter definition.</summary>
    public IEnumerable<ParameterDefinition> Definitions => _definitions.Values;

    /// <summary>Loads the built-in parameter files over a region catalogue.</summary>
    /// <param name="regions">The catalogue; it must contain every region the built-in files name.</param>
    /// <exception cref="DataFormatException">A built-in file does not fit the catalogue.</exception>
    public static ParameterStore LoadBuiltIn(RegionCatalog regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var files = EmbeddedData.List("parameters").Where(n => n.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
        return Build(regions, files.Select(f => (Bytes: EmbeddedData.Read(f), Name: "Data/" + f)), []);
    }

    /// <summary>An empty store over a catalogue, to be filled with <see cref="WithFiles(string[])"/> or <see cref="WithJson(string, string)"/>.</summary>
    /// <param name="regions">The region catalogue.</param>
    public static ParameterStore Empty(RegionCatalog regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        return Build(regions, [], []);
    }

    /// <summary>
    /// This store plus the parameters in the given JSON files, or in every <c>*.json</c> file below the given
    /// folders. A value for the same parameter, region and start date as an existing one is an error (change values
    /// with a reform instead); a parameter declared with a different unit or period than before is an error.
    /// </summary>
    /// <param name="paths">Files or folders.</param>
    /// <exception cref="DataFormatException">A file is malformed or conflicts; the message names the file and JSON path.</exception>
    public ParameterStore WithFiles(params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<(byte[] Bytes, string Name)>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (File.ReadAllBytes(f), f)));
            }
            else if (File.Exists(path))
            {
                files.Add((File.ReadAllBytes(path), path));
            }
            else
            {
                throw new FileNotFoundException($"Parameter file or folder '{path}' does not exist.", path);
            }
        }

        return Build(Regions, files, _definitions.Values, ReformNames);
    }

    /// <summary>This store plus the parameters in one JSON text (same shape as a parameter file).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">A name for error messages.</param>
    public ParameterStore WithJson(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        return Build(Regions, [(System.Text.Encoding.UTF8.GetBytes(json), sourceName)], _definitions.Values, ReformNames);
    }

    /// <summary>
    /// This store with a named set of overrides applied (what <c>Reforms.ReformApplication.WithReform</c> calls).
    /// Every override is validated first (the parameter exists; the region is in the catalogue; a set value has the
    /// parameter's shape and lies in its range; a scale factor is finite and non-negative; the dates are ordered);
    /// all problems are reported together and nothing is applied.
    /// </summary>
    /// <param name="reformName">The reform's name, recorded on every value it changes.</param>
    /// <param name="overrides">The changes, in order.</param>
    /// <exception cref="ReformValidationException">The overrides do not fit this store.</exception>
    public ParameterStore WithOverrides(string reformName, IReadOnlyList<ParameterOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(reformName);
        ArgumentNullException.ThrowIfNull(overrides);
        var problems = new List<string>();
        var definitions = _definitions.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var adjustments = _adjustments.ToDictionary(kv => kv.Key, kv => kv.Value.ToBuilder(), StringComparer.Ordinal);
        for (int i = 0; i < overrides.Count; i++)
        {
            var o = overrides[i];
            var where = $"change {i} ({o.Parameter} in {o.RegionCode})";
            if (!definitions.TryGetValue(o.Parameter, out var definition))
            {
                problems.Add($"{where}: unknown parameter '{o.Parameter}'{Suggest(o.Parameter)}");
                continue;
            }

            if (!Regions.TryGetId(o.RegionCode, out var region))
            {
                problems.Add($"{where}: unknown region code '{o.RegionCode}'");
                continue;
            }

            if (o.Until is not null && o.Until < o.From)
            {
                problems.Add($"{where}: 'until' {o.Until:yyyy-MM-dd} is before 'from' {o.From:yyyy-MM-dd}");
                continue;
            }

            switch (o.Kind)
            {
                case OverrideKind.Set:
                    var problem = definition.Check(o.Value);
                    if (problem is not null)
                    {
                        problems.Add($"{where}: {problem}");
                        continue;
                    }

                    var entry = new ParameterEntry(region, o.From, o.Until, o.Value, Provenance.Reform, $"reform '{reformName}'" + (o.Note is null ? string.Empty : $": {o.Note}"), o.Note, $"reform '{reformName}'");
                    definitions[o.Parameter] = definition with { Entries = definition.Entries.Add(entry) };
                    break;
                case OverrideKind.Scale when !double.IsFinite(o.Amount) || o.Amount < 0:
                    problems.Add($"{where}: a scale factor must be finite and ≥ 0, found {o.Amount}");
                    continue;
                case OverrideKind.Add when !double.IsFinite(o.Amount):
                    problems.Add($"{where}: an added amount must be finite, found {o.Amount}");
                    continue;
                default:
                    if (!adjustments.TryGetValue(o.Parameter, out var list))
                    {
                        list = ImmutableArray.CreateBuilder<Adjustment>();
                        adjustments[o.Parameter] = list;
                    }

                    list.Add(new Adjustment(region, o, reformName));
                    break;
            }
        }

        if (problems.Count > 0)
        {
            throw new ReformValidationException(reformName, problems);
        }

        var store = new ParameterStore(
            Regions,
            definitions.ToFrozenDictionary(StringComparer.Ordinal),
            adjustments.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToImmutable(), StringComparer.Ordinal),
            ReformNames.Add(reformName));

        // Range checks of scaled/added values happen at lookup (they depend on date and region); check the built-in
        // regions now so that an out-of-range reform fails before a run rather than in the middle of it.
        foreach (var o in overrides.Where(o => o.Kind != OverrideKind.Set))
        {
            var region = Regions.GetId(o.RegionCode);
            var resolved = store.TryResolve(o.Parameter, o.From, region);
            if (resolved is not null && definitions[o.Parameter].Check(resolved.Value) is { } outOfRange)
            {
                problems.Add($"change ({o.Parameter} in {o.RegionCode}): after the change, {outOfRange}");
            }
        }

        return problems.Count > 0 ? throw new ReformValidationException(reformName, problems) : store;
    }

    /// <summary>Whether a parameter of that name exists.</summary>
    /// <param name="name">The parameter's name.</param>
    public bool Contains(string name) => name is not null && _definitions.ContainsKey(name);

    /// <summary>The definition of a parameter.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <exception cref="ParameterNotFoundException">No parameter has that name.</exception>
    public ParameterDefinition Definition(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _definitions.TryGetValue(name, out var definition)
            ? definition
            : throw new ParameterNotFoundException(name, $"Unknown parameter '{name}'{Suggest(name)}.");
    }

    /// <summary>The value of a parameter in force on <paramref name="date"/> in the region with <paramref name="regionCode"/>.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="date">The date.</param>
    /// <param name="regionCode">A GB/T 2260 code from <see cref="Regions"/>.</param>
    /// <exception cref="ParameterNotFoundException">Unknown parameter, or no value in force there.</exception>
    /// <exception cref="UnknownRegionException">Unknown region code.</exception>
    public ResolvedParameter Resolve(string name, DateOnly date, string regionCode) => Resolve(name, date, Regions.GetId(regionCode));

    /// <summary>The value of a parameter in force on <paramref name="date"/> in <paramref name="region"/>.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="date">The date.</param>
    /// <param name="region">A region of <see cref="Regions"/>.</param>
    /// <exception cref="ParameterNotFoundException">Unknown parameter, or no value in force there.</exception>
    public ResolvedParameter Resolve(string name, DateOnly date, RegionId region)
    {
        var definition = Definition(name);
        return TryResolve(name, date, region)
            ?? throw new ParameterNotFoundException(name,
                $"Parameter '{name}' has no value in force on {date:yyyy-MM-dd} in {string.Join(" or ", Regions.SelfAndAncestors(region).Select(r => Regions[r].ToString()))}; " +
                $"values exist from {(definition.Entries.Length == 0 ? "nowhere" : string.Join(", ", definition.Entries.Select(e => $"{e.From:yyyy-MM-dd} in {Regions[e.Region].Code}").Distinct()))}.");
    }

    /// <summary>Like <see cref="Resolve(string, DateOnly, RegionId)"/>, but returns <see langword="null"/> when no value is in force.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="date">The date.</param>
    /// <param name="region">A region of <see cref="Regions"/>.</param>
    /// <exception cref="ParameterNotFoundException">Unknown parameter.</exception>
    public ResolvedParameter? TryResolve(string name, DateOnly date, RegionId region)
    {
        var definition = Definition(name);
        return _cache.GetOrAdd((name, date, region.Index), key => ResolveUncached(definition, key.Date, new RegionId(key.Region)));
    }

    private ResolvedParameter? ResolveUncached(ParameterDefinition definition, DateOnly date, RegionId region)
    {
        ParameterEntry? chosen = null;
        foreach (var level in Regions.SelfAndAncestors(region))
        {
            foreach (var entry in definition.Entries)
            {
                if (entry.Region != level || !entry.IsInForce(date))
                {
                    continue;
                }

                // At one level, a value set by a reform beats the files' values while it is in force, whatever their
                // start dates; otherwise the latest start date wins, and later entries win ties.
                bool reform = entry.Provenance == Provenance.Reform, chosenReform = chosen?.Provenance == Provenance.Reform;
                if (chosen is null || (reform && !chosenReform) || (reform == chosenReform && entry.From >= chosen.From))
                {
                    chosen = entry;
                }
            }

            if (chosen is not null)
            {
                break;
            }
        }

        if (chosen is null)
        {
            return null;
        }

        var value = chosen.Value;
        var applied = new List<string>();
        if (_adjustments.TryGetValue(definition.Name, out var adjustments))
        {
            foreach (var adjustment in adjustments)
            {
                var o = adjustment.Override;
                if (Regions.IsWithin(region, adjustment.Region) && o.From <= date && (o.Until is null || date <= o.Until))
                {
                    value = o.Kind == OverrideKind.Scale ? value.Scale(o.Amount) : value.Add(o.Amount);
                    applied.Add($"'{adjustment.ReformName}' {o.Describe()}");
                    if (definition.Check(value) is { } problem)
                    {
                        throw new ReformValidationException(adjustment.ReformName, [$"{definition.Name} in {Regions[region]} on {date:yyyy-MM-dd}: after {o.Describe()}, {problem}"]);
                    }
                }
            }
        }

        return new ResolvedParameter(definition, date, region, chosen, value, applied);
    }

    private string Suggest(string name)
    {
        var close = _definitions.Keys
            .Select(k => (Key: k, Distance: Levenshtein(k, name)))
            .Where(x => x.Distance <= Math.Max(2, name.Length / 4))
            .OrderBy(x => x.Distance)
            .Select(x => x.Key)
            .Take(3)
            .ToArray();
        return close.Length == 0 ? string.Empty : $" (did you mean {string.Join(", ", close.Select(c => $"'{c}'"))}?)";
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static ParameterStore Build(RegionCatalog regions, IEnumerable<(byte[] Bytes, string Name)> files, IEnumerable<ParameterDefinition> existing, ImmutableArray<string> reforms = default)
    {
        var definitions = existing.ToDictionary(d => d.Name, d => d, StringComparer.Ordinal);
        var declaredAt = definitions.ToDictionary(kv => kv.Key, kv => kv.Value.Entries.FirstOrDefault()?.File ?? "(existing store)", StringComparer.Ordinal);
        foreach (var (bytes, name) in files)
        {
            foreach (var declared in ParameterFileReader.Read(bytes, name, regions))
            {
                if (definitions.TryGetValue(declared.Name, out var previous))
                {
                    if (previous.Unit != declared.Unit || previous.Period != declared.Period || previous.IsList != declared.IsList)
                    {
                        throw new DataFormatException(declared.File, declared.Path,
                            $"parameter '{declared.Name}' is declared as {Shape(declared.Unit, declared.Period, declared.IsList)} here but as {Shape(previous.Unit, previous.Period, previous.IsList)} in {declaredAt[declared.Name]}");
                    }

                    foreach (var entry in declared.Entries)
                    {
                        var clash = previous.Entries.FirstOrDefault(e => e.Region == entry.Region && e.From == entry.From);
                        if (clash is not null)
                        {
                            throw new DataFormatException(declared.File, declared.Path,
                                $"parameter '{declared.Name}' already has a value for region {regions[entry.Region].Code} from {entry.From:yyyy-MM-dd} (in {clash.File}); change values with a reform");
                        }
                    }

                    var merged = previous with
                    {
                        Label = previous.Label.Length > 0 ? previous.Label : declared.Label ?? string.Empty,
                        Minimum = declared.Minimum ?? previous.Minimum,
                        Maximum = declared.Maximum ?? previous.Maximum,
                        Entries = previous.Entries.AddRange(declared.Entries),
                    };
                    CheckEntries(merged, declared.File, declared.Path);
                    definitions[declared.Name] = merged;
                }
                else
                {
                    var definition = new ParameterDefinition(
                        declared.Name,
                        declared.Label ?? string.Empty,
                        declared.Unit,
                        declared.Period,
                        declared.IsList,
                        declared.Minimum ?? DefaultMinimum(declared.Unit),
                        declared.Maximum ?? DefaultMaximum(declared.Unit),
                        [.. declared.Entries]);
                    CheckEntries(definition, declared.File, declared.Path);
                    definitions[declared.Name] = definition;
                    declaredAt[declared.Name] = declared.File;
                }
            }
        }

        return new ParameterStore(
            regions,
            definitions.ToFrozenDictionary(StringComparer.Ordinal),
            FrozenDictionary<string, ImmutableArray<Adjustment>>.Empty,
            reforms.IsDefault ? [] : reforms);
    }

    private static void CheckEntries(ParameterDefinition definition, string file, string path)
    {
        for (int i = 0; i < definition.Entries.Length; i++)
        {
            var problem = definition.Check(definition.Entries[i].Value);
            if (problem is not null && definition.Entries[i].File == file)
            {
                throw new DataFormatException(file, path + $".values (value from {definition.Entries[i].From:yyyy-MM-dd})", problem);
            }
        }
    }

    private static string Shape(ParameterUnit unit, AmountPeriod period, bool isList)
        => $"{(isList ? "a list of " : string.Empty)}{unit} per {period}".ToLowerInvariant();

    private static double DefaultMinimum(ParameterUnit unit) => 0;

    private static double DefaultMaximum(ParameterUnit unit) => unit switch
    {
        ParameterUnit.Fraction or ParameterUnit.Flag => 1,
        _ => double.MaxValue,
    };

    private sealed record Adjustment(RegionId Region, ParameterOverride Override, string ReformName);
}
