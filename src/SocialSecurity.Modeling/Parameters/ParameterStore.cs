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
/// value a reform sets in a region replaces, while it is in force, the files' values there and in every region below
/// it, including lower regions that set their own (unless the change keeps them,
/// <see cref="ParameterOverride.KeepLowerRegions"/>), and a later reform's set value replaces an earlier one's; scale
/// and add adjustments apply at and below their region. <see cref="ReformWarnings"/> lists the lower regions' own
/// values each change replaced, kept or adjusted. Files are validated when loaded and reforms when applied, in every region and on every date they reach
/// (see <c>docs/parameter-validation.md</c>); a resolved value says whether it is extrapolated beyond the dates its
/// parameter's values are known to (<see cref="ExtrapolationYears"/>).
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

    private ParameterStore(RegionCatalog regions, FrozenDictionary<string, ParameterDefinition> definitions, FrozenDictionary<string, ImmutableArray<Adjustment>> adjustments, ImmutableArray<string> reforms, int extrapolationYears, DateOnly valuesAsOf, ImmutableArray<ReformWarning> warnings)
    {
        Regions = regions;
        ReformWarnings = warnings.IsDefault ? [] : warnings;
        _definitions = definitions;
        _adjustments = adjustments;
        ReformNames = reforms;
        ExtrapolationYears = extrapolationYears;
        ValuesAsOf = valuesAsOf;
    }

    /// <summary>The <see cref="ValuesAsOf"/> date of the built-in store: its values were compiled from sources published up to the end of 2024.</summary>
    public static readonly DateOnly BuiltInValuesAsOf = new(2024, 12, 31);

    /// <summary>The default <see cref="ExtrapolationYears"/>: 5.</summary>
    public const int DefaultExtrapolationYears = 5;

    /// <summary>
    /// The extrapolation horizon in years. A parameter's values are known up to the later of its newest start date in
    /// any region (values from files and values set by reforms; not scale or add adjustments) and
    /// <see cref="ValuesAsOf"/>; a value resolved more than this many years after that date is marked
    /// <see cref="ResolvedParameter.IsExtrapolated"/>. Default <see cref="DefaultExtrapolationYears"/>; see
    /// <c>docs/parameter-validation.md</c>.
    /// </summary>
    public int ExtrapolationYears { get; }

    /// <summary>
    /// The date up to which the store's values were checked against their sources: a value still in force then is
    /// known to hold then, however old its start date. <see cref="BuiltInValuesAsOf"/> for the built-in store;
    /// <see cref="DateOnly.MinValue"/> for a store built from <see cref="Empty"/>; kept by <see cref="WithFiles(string[])"/>,
    /// <see cref="WithJson"/> and reforms; changed with <see cref="WithExtrapolationHorizon"/>.
    /// </summary>
    public DateOnly ValuesAsOf { get; }

    /// <summary>The built-in parameters (national, Zhejiang, Jiangsu, Xinjiang, Inner Mongolia) over <see cref="RegionCatalog.Default"/>.</summary>
    public static ParameterStore Default => BuiltIn.Value;

    /// <summary>The region hierarchy used for lookups.</summary>
    public RegionCatalog Regions { get; }

    /// <summary>The names of the reforms applied to this store, in order; empty for a baseline.</summary>
    public ImmutableArray<string> ReformNames { get; }

    /// <summary>
    /// The warnings of the reforms applied to this store, in order: for every change, each region below the change's
    /// region that set its own value of the parameter on a day the change is in force, and whether the change replaced
    /// that value (a set), kept it (a set with <see cref="ParameterOverride.KeepLowerRegions"/>) or scaled or added to
    /// it. Empty for a baseline. The library never prints them; show them where the reform is run.
    /// </summary>
    public ImmutableArray<ReformWarning> ReformWarnings { get; }

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
        return Build(regions, files.Select(f => (Bytes: EmbeddedData.Read(f), Name: "Data/" + f)), [], valuesAsOf: BuiltInValuesAsOf);
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
    /// folders. A value for the same parameter, region and start date as an existing one (or as another in the same
    /// file) is an error (change values with a reform instead); a parameter declared with a different unit, period or
    /// shape than before is an error; a re-declaration may repeat or narrow <c>min</c>, <c>max</c> and <c>items</c>
    /// but never widen them; every value must fit its parameter's range and list constraints
    /// (<c>docs/parameter-validation.md</c>).
    /// </summary>
    /// <param name="paths">Files or folders.</param>
    /// <exception cref="DataFormatException">A file is malformed or conflicts; the message names the file and JSON path.</exception>
    /// <exception cref="FileNotFoundException">A file or folder does not exist; the message names it.</exception>
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

        return Build(Regions, files, _definitions.Values, ReformNames, _adjustments, ExtrapolationYears, ValuesAsOf, ReformWarnings);
    }

    /// <summary>This store plus the parameters in one JSON text (same shape as a parameter file).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">A name for error messages.</param>
    public ParameterStore WithJson(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        return Build(Regions, [(System.Text.Encoding.UTF8.GetBytes(json), sourceName)], _definitions.Values, ReformNames, _adjustments, ExtrapolationYears, ValuesAsOf, ReformWarnings);
    }

    /// <summary>This store with another extrapolation horizon (see <see cref="ExtrapolationYears"/> and <see cref="ValuesAsOf"/>); values and reforms are unchanged.</summary>
    /// <param name="years">Years after the date a parameter's values are known to, beyond which its value counts as extrapolated; ≥ 0.</param>
    /// <param name="valuesAsOf">The new <see cref="ValuesAsOf"/>, or <see langword="null"/> to keep this store's.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="years"/> is negative.</exception>
    public ParameterStore WithExtrapolationHorizon(int years, DateOnly? valuesAsOf = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        return new ParameterStore(Regions, _definitions, _adjustments, ReformNames, years, valuesAsOf ?? ValuesAsOf, ReformWarnings);
    }

    /// <summary>
    /// The parameters whose values at (<paramref name="date"/>, <paramref name="region"/>) are extrapolated (see
    /// <see cref="ExtrapolationYears"/>), sorted by name: what a projection to that date carries forward rather than
    /// takes from a dated source. Parameters with no value in force there are skipped.
    /// </summary>
    /// <param name="date">The run's date.</param>
    /// <param name="region">A region of <see cref="Regions"/>.</param>
    /// <param name="names">The parameters to check (for example a policy's declared parameters), or <see langword="null"/> for every parameter.</param>
    /// <exception cref="ParameterNotFoundException">A name is not a parameter.</exception>
    public IReadOnlyList<ResolvedParameter> ExtrapolatedAt(DateOnly date, RegionId region, IEnumerable<string>? names = null)
    {
        var result = new List<ResolvedParameter>();
        foreach (var name in (names ?? Names).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (TryResolve(name, date, region) is { IsExtrapolated: true } resolved)
            {
                result.Add(resolved);
            }
        }

        return result;
    }

    /// <summary>
    /// This store with a named set of overrides applied (what <c>Reforms.ReformApplication.WithReform</c> calls). A set
    /// value replaces the value in force in its region and every region below it while in force (unless it keeps the
    /// lower regions' own values); set values apply in order (reforms as applied, changes as listed), except that at one
    /// region the value with the latest start date wins. The lower regions'
    /// own values each change meets are added to <see cref="ReformWarnings"/>. Every override is validated first (the parameter exists; the region is in the catalogue; a set value has the
    /// parameter's shape and lies in its range; a scale factor is finite and non-negative; the dates are ordered), then
    /// the value after it in every region at or below its region and on every date in its interval where the value in
    /// force can change; all problems are reported together and nothing is applied.
    /// </summary>
    /// <param name="reformName">The reform's name, recorded on every value it changes.</param>
    /// <param name="overrides">The changes, in order.</param>
    /// <exception cref="ReformValidationException">The overrides do not fit this store.</exception>
    public ParameterStore WithOverrides(string reformName, IReadOnlyList<ParameterOverride> overrides) => WithOverrides(reformName, overrides, null);

    /// <summary>As <see cref="WithOverrides(string, IReadOnlyList{ParameterOverride})"/>, for a reform read from <paramref name="source"/>, which a validation error names.</summary>
    /// <param name="reformName">The reform's name, recorded on every value it changes.</param>
    /// <param name="overrides">The changes, in order.</param>
    /// <param name="source">The file (or other source) the reform was read from, or null.</param>
    /// <exception cref="ReformValidationException">The overrides do not fit this store.</exception>
    public ParameterStore WithOverrides(string reformName, IReadOnlyList<ParameterOverride> overrides, string? source)
    {
        ArgumentNullException.ThrowIfNull(reformName);
        ArgumentNullException.ThrowIfNull(overrides);
        var problems = new List<string>();
        var definitions = _definitions.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var adjustments = _adjustments.ToDictionary(kv => kv.Key, kv => kv.Value.ToBuilder(), StringComparer.Ordinal);
        var accepted = new List<int>();
        var setEntries = new List<(string Parameter, ParameterEntry Entry)>();
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

            if (o.KeepLowerRegions && o.Kind != OverrideKind.Set)
            {
                problems.Add($"{where}: keeping the lower regions' own values applies only to a set value, not to a {o.Kind.ToString().ToLowerInvariant()}");
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

                    var entry = new ParameterEntry(region, o.From, o.Until, o.Value, Provenance.Reform, $"reform '{reformName}'" + (o.Note is null ? string.Empty : $": {o.Note}"), o.Note, $"reform '{reformName}'")
                    {
                        ReachesLowerRegions = !o.KeepLowerRegions,
                    };
                    setEntries.Add((o.Parameter, entry));
                    accepted.Add(i);
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
                    accepted.Add(i);
                    break;
            }
        }

        foreach (var (parameter, entry) in setEntries)
        {
            definitions[parameter] = definitions[parameter] with { Entries = definitions[parameter].Entries.Add(entry) };
        }

        var warnings = ReformWarnings.ToBuilder();
        foreach (var i in accepted)
        {
            warnings.AddRange(LowerRegionWarnings(reformName, overrides[i], i));
        }

        var store = new ParameterStore(
            Regions,
            definitions.ToFrozenDictionary(StringComparer.Ordinal),
            adjustments.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToImmutable(), StringComparer.Ordinal),
            ReformNames.Add(reformName),
            ExtrapolationYears,
            ValuesAsOf,
            warnings.ToImmutable());

        // A scaled or added value (or a set value under an earlier reform's adjustment) depends on the region and the
        // date; check it now, in every region of the catalogue at or below the change's region and on every date in
        // the change's interval where the value in force can change, so that the reform fails here and not in a run.
        // Changes rejected above are left out of the store; the others are checked so that every problem is reported.
        foreach (var i in accepted)
        {
            problems.AddRange(store.ProblemsUnder(overrides[i], i));
        }

        return problems.Count > 0 ? throw new ReformValidationException(reformName, problems.Distinct().ToList(), source) : store;
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

    /// <summary>
    /// The problems of the value of <paramref name="o"/>'s parameter in every region at or below <paramref name="o"/>'s
    /// region, on its first day and on every later day of its interval where an entry or an adjustment of that
    /// parameter starts or ends (the value in force is constant between those days).
    /// </summary>
    private IEnumerable<string> ProblemsUnder(ParameterOverride o, int index)
    {
        var definition = _definitions[o.Parameter];
        var top = Regions.GetId(o.RegionCode);
        var last = o.Until ?? DateOnly.MaxValue;
        var dates = new SortedSet<DateOnly> { o.From };
        void Boundary(DateOnly from, DateOnly? until)
        {
            if (from > o.From && from <= last)
            {
                dates.Add(from);
            }

            if (until is { } u && u < last && u >= o.From)
            {
                dates.Add(u.AddDays(1));
            }
        }

        // Lists that must have the same length as this one, or as which this one must have the same length.
        var partners = _definitions.Values
            .Where(d => d.SameLengthAs == o.Parameter || (d.Name == o.Parameter && d.SameLengthAs is not null && _definitions.ContainsKey(d.SameLengthAs)))
            .Select(d => d.Name == o.Parameter ? (First: d, Second: _definitions[d.SameLengthAs!]) : (First: d, Second: definition))
            .ToList();
        foreach (var entry in definition.Entries.Concat(partners.SelectMany(p => p.First.Entries.Concat(p.Second.Entries))))
        {
            Boundary(entry.From, entry.Until);
        }

        if (_adjustments.TryGetValue(o.Parameter, out var adjustments))
        {
            foreach (var adjustment in adjustments)
            {
                Boundary(adjustment.Override.From, adjustment.Override.Until);
            }
        }

        for (int r = 0; r < Regions.Count; r++)
        {
            var region = new RegionId((ushort)r);
            if (!Regions.IsWithin(region, top))
            {
                continue;
            }

            foreach (var date in dates)
            {
                ResolveCore(definition, date, region, out var problem);
                if (problem is not null)
                {
                    yield return $"change {index} ({o.Parameter} in {o.RegionCode}): {problem.Value.Message}";
                }

                foreach (var (first, second) in partners)
                {
                    if (LengthProblem(first, second, date, region, out _) is { } mismatch)
                    {
                        yield return $"change {index} ({o.Parameter} in {o.RegionCode}): {mismatch}";
                    }
                }
            }
        }
    }

    /// <summary>
    /// The warnings for change <paramref name="index"/>: every value that a region strictly below the change's region
    /// set for itself (in this store, before the reform) and that is that region's own value on some day the change is
    /// in force, with what the change does to it.
    /// </summary>
    private IEnumerable<ReformWarning> LowerRegionWarnings(string reformName, ParameterOverride o, int index)
    {
        var definition = _definitions[o.Parameter];
        var top = Regions.GetId(o.RegionCode);
        var last = o.Until ?? DateOnly.MaxValue;
        var lower = definition.Entries
            .Where(e => e.Region != top && Regions.IsWithin(e.Region, top) && e.From <= last && (e.Until is null || e.Until >= o.From))
            .ToList();
        var seen = new HashSet<ParameterEntry>(ReferenceEqualityComparer.Instance);
        foreach (var group in lower.GroupBy(e => e.Region.Index).OrderBy(g => Regions[new RegionId(g.Key)].Code, StringComparer.Ordinal))
        {
            // The level's own value on the change's first day and on each later day one of its values starts.
            var days = group.Select(e => e.From).Where(d => d > o.From).Prepend(o.From).Distinct().Order();
            foreach (var day in days)
            {
                var own = OwnValueAt(group, day);
                if (own is null || !seen.Add(own))
                {
                    continue;
                }

                var lowerRegion = Regions[own.Region];
                var value = $"{own.Value} from {own.From:yyyy-MM-dd}{(own.Until is { } u ? $" until {u:yyyy-MM-dd}" : string.Empty)} ({own.File})";
                bool replaced = o.Kind == OverrideKind.Set && !o.KeepLowerRegions;
                string what = o.Kind switch
                {
                    OverrideKind.Set when replaced => $"replaces, while in force, the own value of {lowerRegion}, {value}; to keep it, give the change lower_regions: keep (KeepLowerRegions)",
                    OverrideKind.Set => $"does not reach {lowerRegion}, which keeps its own value {value}",
                    OverrideKind.Scale => $"multiplies the own value of {lowerRegion}, {value}, there, not the value of {Regions[top]}",
                    _ => $"adds to the own value of {lowerRegion}, {value}, there, not to the value of {Regions[top]}",
                };
                yield return new ReformWarning(reformName, index, o.Parameter, o.RegionCode, lowerRegion.Code, own, replaced,
                    $"Reform '{reformName}', change {index} ({o.Parameter} {o.Describe()}): {what}.");
            }
        }
    }

    /// <summary>Among one level's entries, the one in force on <paramref name="day"/> with the latest start (a reform's value first).</summary>
    private static ParameterEntry? OwnValueAt(IEnumerable<ParameterEntry> level, DateOnly day)
    {
        ParameterEntry? own = null;
        foreach (var entry in level)
        {
            if (!entry.IsInForce(day))
            {
                continue;
            }

            bool reform = entry.Provenance == Provenance.Reform, ownReform = own?.Provenance == Provenance.Reform;
            if (own is null || (reform && !ownReform) || (reform == ownReform && entry.From >= own.From))
            {
                own = entry;
            }
        }

        return own;
    }

    private ResolvedParameter? ResolveUncached(ParameterDefinition definition, DateOnly date, RegionId region)
    {
        var resolved = ResolveCore(definition, date, region, out var problem);
        return problem is null ? resolved : throw new ReformValidationException(problem.Value.Reform, [problem.Value.Message]);
    }

    private ResolvedParameter? ResolveCore(ParameterDefinition definition, DateOnly date, RegionId region, out (string Reform, string Message)? problem)
    {
        problem = null;
        ParameterEntry? chosen = null;
        RegionId chosenLevel = region;
        bool anyReform = false;

        // The files: the nearest level with a value in force; there the latest start date wins, later entries win ties.
        foreach (var level in Regions.SelfAndAncestors(region))
        {
            foreach (var entry in definition.Entries)
            {
                anyReform |= entry.Provenance == Provenance.Reform;
                if (entry.Region != level || entry.Provenance == Provenance.Reform || !entry.IsInForce(date))
                {
                    continue;
                }

                if (chosen is null || entry.From >= chosen.From)
                {
                    chosen = entry;
                }
            }

            if (chosen is not null)
            {
                chosenLevel = level;
                break;
            }
        }

        // Then the values set by reforms in force at or above the region, in order of application (reforms in the
        // order applied, a reform's changes as listed): one that reaches lower regions replaces whatever is in force;
        // one that keeps them replaces only a value set at its own level or above (a value inherited from it or from
        // higher up), so that a lower region's own value stays. At one region, as in the files, the reform value with
        // the latest start date wins (later ones win ties), whatever the order of the changes.
        if (anyReform)
        {
            foreach (var entry in definition.Entries)
            {
                if (entry.Provenance != Provenance.Reform || !entry.IsInForce(date) || !Regions.IsWithin(region, entry.Region))
                {
                    continue;
                }

                bool laterAtSameRegion = chosen is { Provenance: Provenance.Reform } && chosen.Region == entry.Region && chosen.From > entry.From;
                if (!laterAtSameRegion && (entry.ReachesLowerRegions || chosen is null || Regions.IsWithin(entry.Region, chosenLevel)))
                {
                    chosen = entry;
                    chosenLevel = entry.Region;
                }
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
                    if (definition.Check(value) is { } outOfRange)
                    {
                        problem = (adjustment.ReformName, $"{definition.Name} in {Regions[region]} on {date:yyyy-MM-dd}: after {o.Describe()}, {outOfRange}");
                        return null;
                    }
                }
            }
        }

        var known = definition.Entries.Max(e => e.From);
        known = known > ValuesAsOf ? known : ValuesAsOf;
        return new ResolvedParameter(definition, date, region, chosen, value, applied)
        {
            ExtrapolatedBeyond = known.Year <= DateOnly.MaxValue.Year - ExtrapolationYears && date > known.AddYears(ExtrapolationYears) ? known : null,
        };
    }

    private string Suggest(string name) => NearMisses.Hint(name, _definitions.Keys);


    private static ParameterStore Build(
        RegionCatalog regions,
        IEnumerable<(byte[] Bytes, string Name)> files,
        IEnumerable<ParameterDefinition> existing,
        ImmutableArray<string> reforms = default,
        FrozenDictionary<string, ImmutableArray<Adjustment>>? adjustments = null,
        int extrapolationYears = DefaultExtrapolationYears,
        DateOnly valuesAsOf = default,
        ImmutableArray<ReformWarning> warnings = default)
    {
        var definitions = existing.ToDictionary(d => d.Name, d => d, StringComparer.Ordinal);
        var declaredAt = definitions.ToDictionary(kv => kv.Key, kv => kv.Value.Entries.FirstOrDefault()?.File ?? "(existing store)", StringComparer.Ordinal);
        var boundsAt = new Dictionary<string, string>(declaredAt, StringComparer.Ordinal);
        var touched = new Dictionary<string, (string File, string Path)>(StringComparer.Ordinal);
        foreach (var (bytes, name) in files)
        {
            foreach (var declared in ParameterFileReader.Read(bytes, name, regions))
            {
                CheckNoRepeatedDates(declared, regions);
                touched[declared.Name] = (declared.File, declared.Path);
                if (definitions.TryGetValue(declared.Name, out var previous))
                {
                    if (previous.Unit != declared.Unit || previous.Period != declared.Period || previous.IsList != declared.IsList)
                    {
                        throw new DataFormatException(declared.File, declared.Path,
                            $"parameter '{declared.Name}' is declared as {Shape(declared.Unit, declared.Period, declared.IsList)} here but as {Shape(previous.Unit, previous.Period, previous.IsList)} in {declaredAt[declared.Name]}; a file cannot change a parameter's unit, period or shape");
                    }

                    CheckNotLoosened(declared, previous, boundsAt[declared.Name]);
                    if (declared.SameLengthAs is not null && previous.SameLengthAs is not null && declared.SameLengthAs != previous.SameLengthAs)
                    {
                        throw new DataFormatException(declared.File, declared.Path + ".same_length_as",
                            $"parameter '{declared.Name}' is declared the same length as '{declared.SameLengthAs}' here but as '{previous.SameLengthAs}' in {boundsAt[declared.Name]}; a file cannot change it");
                    }

                    for (int i = 0; i < declared.Entries.Count; i++)
                    {
                        var entry = declared.Entries[i];
                        var clash = previous.Entries.FirstOrDefault(e => e.Region == entry.Region && e.From == entry.From);
                        if (clash is not null)
                        {
                            throw new DataFormatException(declared.File, Json.Item(declared.Path + ".values", i),
                                $"parameter '{declared.Name}' already has a value for region {regions[entry.Region].Code} from {entry.From:yyyy-MM-dd} (in {clash.File}); change values with a reform");
                        }
                    }

                    var merged = previous with
                    {
                        Label = previous.Label.Length > 0 ? previous.Label : declared.Label ?? string.Empty,
                        Minimum = declared.Minimum ?? previous.Minimum,
                        Maximum = declared.Maximum ?? previous.Maximum,
                        Items = declared.Items ?? previous.Items,
                        SameLengthAs = declared.SameLengthAs ?? previous.SameLengthAs,
                        Entries = previous.Entries.AddRange(declared.Entries),
                    };
                    if (declared.Minimum is not null || declared.Maximum is not null || declared.Items is not null || declared.SameLengthAs is not null)
                    {
                        boundsAt[declared.Name] = declared.File;
                    }

                    CheckEntries(merged, declared, regions);
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
                        declared.Minimum ?? DefaultMinimum,
                        declared.Maximum ?? DefaultMaximum(declared.Unit),
                        [.. declared.Entries])
                    {
                        Items = declared.Items ?? ListConstraints.None,
                        SameLengthAs = declared.SameLengthAs,
                    };
                    CheckEntries(definition, declared, regions);
                    definitions[declared.Name] = definition;
                    declaredAt[declared.Name] = declared.File;
                    boundsAt[declared.Name] = declared.File;
                }
            }
        }

        var store = new ParameterStore(
            regions,
            definitions.ToFrozenDictionary(StringComparer.Ordinal),
            adjustments ?? FrozenDictionary<string, ImmutableArray<Adjustment>>.Empty,
            reforms.IsDefault ? [] : reforms,
            extrapolationYears,
            valuesAsOf,
            warnings);
        store.CheckSameLengths(touched, boundsAt);
        return store;
    }

    /// <summary>
    /// Checks every <see cref="ParameterDefinition.SameLengthAs"/> pair that a loaded declaration touches, in every
    /// region and on every date where either list's value in force can change; the error names the file of the newer
    /// of the two values and that parameter's JSON path.
    /// </summary>
    private void CheckSameLengths(Dictionary<string, (string File, string Path)> touched, Dictionary<string, string> boundsAt)
    {
        foreach (var d in _definitions.Values)
        {
            if (d.SameLengthAs is not { } other || !(touched.ContainsKey(d.Name) || touched.ContainsKey(other)))
            {
                continue;
            }

            var declaredIn = boundsAt.GetValueOrDefault(d.Name, "(existing store)");
            if (!_definitions.TryGetValue(other, out var q) || !q.IsList)
            {
                var (file, path) = touched.TryGetValue(d.Name, out var site) ? site : touched[other];
                throw new DataFormatException(file, path + (touched.ContainsKey(d.Name) ? ".same_length_as" : string.Empty),
                    $"parameter '{d.Name}' is declared the same length as '{other}' (in {declaredIn}), which is {(q is null ? "not a parameter" : "not a list")}");
            }

            var dates = d.Entries.Concat(q.Entries).SelectMany(e => e.Until is { } u && u < DateOnly.MaxValue ? [e.From, u.AddDays(1)] : new[] { e.From }).Distinct().Order();
            foreach (var date in dates)
            {
                for (int r = 0; r < Regions.Count; r++)
                {
                    if (LengthProblem(d, q, date, new RegionId((ushort)r), out var blamed) is { } problem)
                    {
                        throw new DataFormatException(blamed.Entry.File, Json.Child("$.parameters", blamed.Name), $"{problem} ('same_length_as' declared in {declaredIn})");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Whether the values of <paramref name="d"/> and the list it must match in length, <paramref name="q"/>, differ in
    /// length at (<paramref name="date"/>, <paramref name="region"/>); <paramref name="blamed"/> is the newer of the two entries in force.
    /// </summary>
    private string? LengthProblem(ParameterDefinition d, ParameterDefinition q, DateOnly date, RegionId region, out (ParameterEntry Entry, string Name) blamed)
    {
        blamed = default;
        var a = ResolveCore(d, date, region, out _);
        var b = ResolveCore(q, date, region, out _);
        if (a is null || b is null || a.Value.Items.Length == b.Value.Items.Length)
        {
            return null;
        }

        blamed = b.Entry.From > a.Entry.From ? (b.Entry, q.Name) : (a.Entry, d.Name);
        return $"parameter '{d.Name}' has {a.Value.Items.Length} item(s) but '{q.Name}' has {b.Value.Items.Length} in {Regions[region]} on {date:yyyy-MM-dd} " +
               $"(values from {a.Entry.From:yyyy-MM-dd} in {a.Entry.File} and from {b.Entry.From:yyyy-MM-dd} in {b.Entry.File}); they must have the same length";
    }

    /// <summary>One value per parameter, region and start date within a declaration: a repeated date would silently let the later value win.</summary>
    private static void CheckNoRepeatedDates(ParameterFileReader.DeclaredParameter declared, RegionCatalog regions)
    {
        for (int i = 1; i < declared.Entries.Count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (declared.Entries[i].Region == declared.Entries[j].Region && declared.Entries[i].From == declared.Entries[j].From)
                {
                    throw new DataFormatException(declared.File, Json.Item(declared.Path + ".values", i),
                        $"parameter '{declared.Name}' has two values for region {regions[declared.Entries[i].Region].Code} from {declared.Entries[i].From:yyyy-MM-dd} " +
                        $"(values[{j}] and values[{i}]); give each start date one value");
                }
            }
        }
    }

    /// <summary>
    /// A re-declaration may repeat or narrow a parameter's range and list constraints (it may also leave them out, keeping
    /// the earlier ones) but never widen them: a user file cannot make a built-in parameter accept values it rejects.
    /// </summary>
    private static void CheckNotLoosened(ParameterFileReader.DeclaredParameter declared, ParameterDefinition previous, string boundsFile)
    {
        var bounds = $"[{previous.Minimum}, {previous.Maximum}]";
        if (declared.Minimum is { } min && min < previous.Minimum)
        {
            throw new DataFormatException(declared.File, declared.Path + ".min",
                $"parameter '{declared.Name}' is declared with min {min}, which widens its allowed range {bounds} (declared in {boundsFile}); a file may repeat or narrow a parameter's range, never widen it");
        }

        if (declared.Maximum is { } max && max > previous.Maximum)
        {
            throw new DataFormatException(declared.File, declared.Path + ".max",
                $"parameter '{declared.Name}' is declared with max {max}, which widens its allowed range {bounds} (declared in {boundsFile}); a file may repeat or narrow a parameter's range, never widen it");
        }

        if (declared.Minimum is { } lo && declared.Maximum is null && lo > previous.Maximum)
        {
            throw new DataFormatException(declared.File, declared.Path + ".min", $"min {lo} is greater than the allowed maximum {previous.Maximum} (declared in {boundsFile})");
        }

        if (declared.Maximum is { } hi && declared.Minimum is null && hi < previous.Minimum)
        {
            throw new DataFormatException(declared.File, declared.Path + ".max", $"max {hi} is less than the allowed minimum {previous.Minimum} (declared in {boundsFile})");
        }

        if (declared.Items is { } items && (previous.Items & ~items) != ListConstraints.None)
        {
            throw new DataFormatException(declared.File, declared.Path + ".items",
                $"parameter '{declared.Name}' is declared with items {ConstraintNames(items)}, which drops {ConstraintNames(previous.Items & ~items)} required in {boundsFile}; a file may add list constraints, never remove them");
        }
    }

    private static string ConstraintNames(ListConstraints constraints)
    {
        var names = new List<string>();
        if ((constraints & ListConstraints.StrictlyAscending) == ListConstraints.StrictlyAscending)
        {
            names.Add("strictly_ascending");
        }
        else if ((constraints & ListConstraints.Ascending) != 0)
        {
            names.Add("ascending");
        }
        else if ((constraints & ListConstraints.StrictlyAscending) != 0)
        {
            names.Add("strictly_ascending");
        }

        if ((constraints & ListConstraints.StartsAtZero) != 0)
        {
            names.Add("starts_at_zero");
        }

        return names.Count == 0 ? "(none)" : string.Join(", ", names);
    }

    /// <summary>
    /// Every value of the (possibly merged) definition must fit its range and list constraints: a value of this
    /// declaration is named by its JSON path; an earlier value that a narrower re-declaration excludes is named by its
    /// file, region and date, and the error points at the re-declaration.
    /// </summary>
    private static void CheckEntries(ParameterDefinition definition, ParameterFileReader.DeclaredParameter declared, RegionCatalog regions)
    {
        for (int i = 0; i < declared.Entries.Count; i++)
        {
            var entry = declared.Entries[i];
            if (definition.Check(entry.Value) is { } problem)
            {
                throw new DataFormatException(declared.File, Json.Item(declared.Path + ".values", i) + ".value",
                    $"parameter '{definition.Name}' in region {regions[entry.Region].Code} from {entry.From:yyyy-MM-dd}: {problem}");
            }
        }

        foreach (var entry in definition.Entries)
        {
            if (!declared.Entries.Contains(entry) && definition.Check(entry.Value) is { } problem)
            {
                throw new DataFormatException(declared.File, declared.Path,
                    $"parameter '{definition.Name}' as declared here would reject its existing value for region {regions[entry.Region].Code} from {entry.From:yyyy-MM-dd} (in {entry.File}): {problem}");
            }
        }
    }

    private static string Shape(ParameterUnit unit, AmountPeriod period, bool isList)
        => $"{(isList ? "a list of " : string.Empty)}{unit} per {period}".ToLowerInvariant();

    /// <summary>Every unit defaults to a lower bound of 0: no parameter is negative unless its file says so.</summary>
    private const double DefaultMinimum = 0;

    private static double DefaultMaximum(ParameterUnit unit) => unit switch
    {
        ParameterUnit.Fraction or ParameterUnit.Flag => 1,
        _ => double.MaxValue,
    };

    private sealed record Adjustment(RegionId Region, ParameterOverride Override, string ReformName);
}
