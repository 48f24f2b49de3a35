using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Core;

/// <summary>
/// A parameter resolved for every region of a run, converted once to the period the rule works in. Index it with
/// a household's <see cref="RegionId"/> inside the per-household loop: a plain array read, no lookup.
/// </summary>
public sealed class RegionalValues
{
    private readonly double[] _values;
    private readonly ResolvedParameter?[] _sources;

    internal RegionalValues(string name, double[] values, ResolvedParameter?[] sources)
    {
        Name = name;
        _values = values;
        _sources = sources;
    }

    /// <summary>The parameter's name.</summary>
    public string Name { get; }

    /// <summary>The value in <paramref name="region"/>, in the period it was requested in.</summary>
    /// <param name="region">A region present in the run.</param>
    public double this[RegionId region] => _values[region.Index];

    /// <summary>The values by region index (NaN for regions not present in the run), for hot loops.</summary>
    public ReadOnlySpan<double> ByRegion => _values;

    /// <summary>The backing array, for rules that keep it across calls (hot loops).</summary>
    internal double[] Array => _values;

    /// <summary>Where the value in <paramref name="region"/> comes from, for explanations.</summary>
    /// <param name="region">A region present in the run.</param>
    public ResolvedParameter Source(RegionId region)
        => _sources[region.Index] ?? throw new InvalidOperationException($"Parameter '{Name}' was not resolved for region index {region.Index}: no household of the run lives there.");
}
