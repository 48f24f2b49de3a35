using System.Collections.Immutable;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Core;

/// <summary>
/// What a program sees while it prepares for a run: the date, the parameter store, and the regions its households
/// live in. Parameters are resolved here, once per region, never per person. A program may only resolve the
/// parameters it declared; a parameter with no value in force in a region where households live fails here,
/// before any household is computed.
/// </summary>
public sealed class ProgramSetup
{
    private readonly PolicyProgram _program;
    private readonly RegionId[] _regionsPresent;
    private readonly VariableTable? _variables;
    private readonly Population _population;

    internal ProgramSetup(PolicyProgram program, DateOnly date, IParameterSource parameters, Population population, RegionId[] regionsPresent, VariableTable? variables = null)
    {
        _program = program;
        _variables = variables;
        Date = date;
        Parameters = parameters;
        _population = population;
        _regionsPresent = regionsPresent;
    }

    /// <summary>The date the rules are evaluated at.</summary>
    public DateOnly Date { get; }

    /// <summary>The parameter store (baseline or reformed).</summary>
    public IParameterSource Parameters { get; }

    private IParameterSource Source => Parameters;

    /// <summary>The population of the run.</summary>
    /// <remarks>A pass prepared without reading this (only parameters, the date, <see cref="RegionsPresent"/> and input
    /// definitions) holds no population, so the household calculator reuses it for every household of the same regions.</remarks>
    public Population Population
    {
        get
        {
            ReadPopulation = true;
            return _population;
        }
    }

    /// <summary>Whether the program read <see cref="Population"/> while preparing: its pass may hold the population and cannot serve another one.</summary>
    internal bool ReadPopulation { get; private set; }

    /// <summary>The region catalogue.</summary>
    public RegionCatalog Regions => Source.Regions;

    /// <summary>The regions where at least one household of the run lives.</summary>
    public IReadOnlyList<RegionId> RegionsPresent => _regionsPresent;

    /// <summary>The definition (entity, period, role) of a variable the program declared as an input, for rules that accept inputs of either period.</summary>
    /// <param name="name">A variable the program declared in <see cref="PolicyProgram.Inputs"/>.</param>
    public VariableDefinition Variable(string name)
    {
        if (!_program.Inputs.Contains(name))
        {
            throw new InvalidOperationException($"Program '{_program.Name}' asks about variable '{name}' without declaring it in Inputs.");
        }

        return _variables?.Definition(name)
            ?? throw new InvalidOperationException($"Program '{_program.Name}' was prepared outside a simulation run, where variable definitions are not available.");
    }

    /// <summary>A monetary parameter as yuan per month in every region present (an annual parameter is divided by 12, explicitly).</summary>
    /// <param name="name">A parameter the program declared.</param>
    public RegionalValues PerMonth(string name) => Resolve(name, r => r.PerMonth());

    /// <summary>A monetary parameter as yuan per year in every region present (a monthly parameter is multiplied by 12, explicitly).</summary>
    /// <param name="name">A parameter the program declared.</param>
    public RegionalValues PerYear(string name) => Resolve(name, r => r.PerYear());

    /// <summary>A parameter without a period (a rate, ratio, count, age, flag or stock) in every region present.</summary>
    /// <param name="name">A parameter the program declared.</param>
    public RegionalValues Scalar(string name) => Resolve(name, r => r.Scalar());

    /// <summary>
    /// One declared parameter in force in one region at the run's date, with its source: for rules that resolve
    /// structured terms per region themselves. Like every reader here, it rejects a parameter the program did not declare.
    /// </summary>
    /// <param name="name">A parameter the program declared.</param>
    /// <param name="region">A region of the run's catalogue.</param>
    public ResolvedParameter Resolve(string name, RegionId region)
    {
        CheckDeclared(name);
        return Source.Resolve(name, Date, region);
    }

    /// <summary>A list parameter (tiers, brackets) in every region present.</summary>
    /// <param name="name">A parameter the program declared.</param>
    public RegionalList List(string name)
    {
        CheckDeclared(name);
        var values = new ImmutableArray<double>[Regions.Count];
        var sources = new ResolvedParameter?[Regions.Count];
        foreach (var region in _regionsPresent)
        {
            var resolved = Source.Resolve(name, Date, region);
            if (!resolved.Value.IsList)
            {
                throw new InvalidOperationException($"Program '{_program.Name}' asked for parameter '{name}' as a list, but it is a single number.");
            }

            values[region.Index] = resolved.Value.Items;
            sources[region.Index] = resolved;
        }

        return new RegionalList(name, values, sources);
    }

    private RegionalValues Resolve(string name, Func<ResolvedParameter, double> read)
    {
        CheckDeclared(name);
        var values = new double[Regions.Count];
        Array.Fill(values, double.NaN);
        var sources = new ResolvedParameter?[Regions.Count];
        foreach (var region in _regionsPresent)
        {
            var resolved = Source.Resolve(name, Date, region);
            values[region.Index] = read(resolved);
            sources[region.Index] = resolved;
        }

        return new RegionalValues(name, values, sources);
    }

    private void CheckDeclared(string name)
    {
        if (!_program.Parameters.Contains(name))
        {
            throw new InvalidOperationException($"Program '{_program.Name}' uses parameter '{name}' without declaring it in Parameters; declare every parameter so that stores and reforms can be checked before a run.");
        }
    }
}
