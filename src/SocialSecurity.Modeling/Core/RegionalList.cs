using System.Collections.Immutable;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Core;

/// <summary>A list-valued parameter (a tier table, bracket thresholds) resolved for every region of a run.</summary>
public sealed class RegionalList
{
    private readonly ImmutableArray<double>[] _values;
    private readonly ResolvedParameter?[] _sources;

    internal RegionalList(string name, ImmutableArray<double>[] values, ResolvedParameter?[] sources)
    {
        Name = name;
        _values = values;
        _sources = sources;
    }

    /// <summary>The parameter's name.</summary>
    public string Name { get; }

    /// <summary>The list in force in <paramref name="region"/>.</summary>
    /// <param name="region">A region present in the run.</param>
    public ImmutableArray<double> this[RegionId region] => _values[region.Index];

    /// <summary>Where the list in <paramref name="region"/> comes from, for explanations.</summary>
    /// <param name="region">A region present in the run.</param>
    public ResolvedParameter Source(RegionId region)
        => _sources[region.Index] ?? throw new InvalidOperationException($"Parameter '{Name}' was not resolved for region index {region.Index}.");
}
