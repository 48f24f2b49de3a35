using System.Collections.Immutable;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// Reads the medical parameters in force in one region at one date, for the terms types that resolve themselves
/// (each terms type knows its own parameter names), and records every value read so that explanations can cite it.
/// </summary>
/// <remarks>
/// In a run it reads through <see cref="ProgramSetup"/> and accepts only parameters the program declared; outside a
/// run (<see cref="MedicalPayoutProgram.TermsInForce"/>) it reads a parameter source directly.
/// </remarks>
internal sealed class TermsReader
{
    private readonly Func<string, ResolvedParameter> _resolve;
    private readonly List<ResolvedParameter> _read = [];

    private TermsReader(Func<string, ResolvedParameter> resolve) => _resolve = resolve;

    /// <summary>A reader of <paramref name="region"/>'s values in a run, limited to the parameters the program declared.</summary>
    public static TermsReader For(ProgramSetup setup, RegionId region) => new(name => setup.Resolve(name, region));

    /// <summary>A reader of the values in force in <paramref name="region"/> at <paramref name="date"/>.</summary>
    public static TermsReader For(IParameterSource parameters, DateOnly date, RegionId region) => new(name => parameters.Resolve(name, date, region));

    /// <summary>A monetary parameter as yuan per year.</summary>
    public double PerYear(string name) => Read(name).PerYear();

    /// <summary>A parameter without a period (rate, flag, ratio, a stock in yuan).</summary>
    public double Scalar(string name) => Read(name).Scalar();

    /// <summary>A flag parameter: true when not 0.</summary>
    public bool Flag(string name) => Read(name).Scalar() != 0;

    /// <summary>Co-insurance bands from a list of lower bounds and a list of rates.</summary>
    public CoinsuranceBands Bands(string thresholds, string rates) => CoinsuranceBands.Create(List(thresholds).AsSpan(), List(rates).AsSpan());

    /// <summary>The parameters read since the last call, in order; clears the record.</summary>
    public ResolvedParameter[] TakeSources()
    {
        var sources = _read.ToArray();
        _read.Clear();
        return sources;
    }

    private ImmutableArray<double> List(string name)
    {
        var resolved = Read(name);
        return resolved.Value.IsList ? resolved.Value.Items : throw new InvalidOperationException($"Parameter '{name}' must be a list (tiers, bands), but it is a single number.");
    }

    private ResolvedParameter Read(string name)
    {
        var resolved = _resolve(name);
        _read.Add(resolved);
        return resolved;
    }
}
