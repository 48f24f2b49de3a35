using System.Collections.Concurrent;
using System.Text;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Simulation;

/// <summary>
/// The citizen's or caseworker's view: the same programs and parameters as a population run, applied to one
/// hand-built household, with an explanation of every step and of every parameter value used (its region, date,
/// provenance and source).
/// </summary>
/// <remarks>
/// The calculator remembers the programs it prepared for each date and set of regions (docs/architecture.md#household-calculator):
/// a program whose preparation reads parameters, the date and the regions only (not the household) is prepared once
/// and its pass reused for every later household of the same regions; the few that look at the household while
/// preparing are prepared again for each. A calculator may be used from several threads at once.
/// </remarks>
/// <example>
/// <code>
/// var calculator = new HouseholdCalculator(Policies.Standard(), ParameterStore.Default);
/// var result = calculator.Calculate(
///     new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou },
///     [new PersonRecord { Id = 1, HouseholdId = 1, Age = 50, WagesAnnual = 6_000 }],
///     new DateOnly(2023, 6, 30));
/// Console.WriteLine(result.Explanation.ToText(ParameterStore.Default.Regions));
/// </code>
/// </example>
public sealed class HouseholdCalculator
{
    // Bounds the memory of a calculator asked about many dates: past this many keys, the cache starts afresh.
    private const int PreparedKept = 256;

    // The message PopulationBuilder.AddColumn ends with when an extra column takes a built-in column's name.
    private const string BuiltInHint = "give it through the household or person records";

    // Never written: the one-household build reads its (empty) columns.
    private static readonly ExtraColumns NoExtras = new();

    private readonly ConcurrentDictionary<string, ProgramPass?[]> _prepared = new(StringComparer.Ordinal);

    // Whether the policy's column checks passed for a household without extra columns (they then pass for every such household).
    private volatile bool _checkedPlain;

    /// <summary>Creates a calculator for a policy and parameter store.</summary>
    /// <param name="policy">The programs to apply.</param>
    /// <param name="parameters">The parameters (baseline, or with a reform).</param>
    public HouseholdCalculator(Policy policy, ParameterStore parameters)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(parameters);
        Policy = policy;
        Parameters = parameters;
    }

    /// <summary>The programs applied.</summary>
    public Policy Policy { get; }

    /// <summary>The parameters used.</summary>
    public ParameterStore Parameters { get; }

    /// <summary>Computes every program output for one household at <paramref name="date"/>.</summary>
    /// <param name="household">The household (its weight is ignored; its id links the members).</param>
    /// <param name="members">The members; each one's <see cref="PersonRecord.HouseholdId"/> must equal the household's id.</param>
    /// <param name="date">The date the rules are evaluated at.</param>
    /// <param name="extraPersonColumns">Values of extra person columns the policy reads, one array per column in member order; optional. Each is declared as the policy's programs declare it (<see cref="Policy.InputColumns"/>), or by name only when no program does.</param>
    /// <param name="extraHouseholdColumns">Values of extra household columns the policy reads (for example a dibao class or grassland area), one value per column; optional; declared the same way.</param>
    /// <exception cref="PopulationValidationException">The household or a member is invalid, or an extra value is outside its column's declared range.</exception>
    public HouseholdResult Calculate(HouseholdRecord household, IReadOnlyList<PersonRecord> members, DateOnly date, IReadOnlyDictionary<string, double[]>? extraPersonColumns = null, IReadOnlyDictionary<string, double>? extraHouseholdColumns = null)
    {
        var (population, table, passes) = Prepare(household, members, date, extraPersonColumns, extraHouseholdColumns);
        Microsimulation.RunBlock(population, Policy, table, passes, 0, 1, explanation: null);
        var result = new SimulationResult(population, Policy, Parameters, date, table);
        return new HouseholdResult(result, () => Explain(population, passes));
    }

    /// <summary>
    /// Computes every program output for one household at <paramref name="date"/> and explains every step, in one run:
    /// the values of <see cref="Calculate"/> (bit for bit) with its explanation already made. For callers that always
    /// read the explanation (a web calculator, a caseworker's statement), about half the work of
    /// <see cref="Calculate"/> followed by <see cref="HouseholdResult.Explanation"/>, which runs the programs twice.
    /// </summary>
    /// <param name="household">The household (its weight is ignored; its id links the members).</param>
    /// <param name="members">The members; each one's <see cref="PersonRecord.HouseholdId"/> must equal the household's id.</param>
    /// <param name="date">The date the rules are evaluated at.</param>
    /// <param name="extraPersonColumns">As for <see cref="Calculate"/>.</param>
    /// <param name="extraHouseholdColumns">As for <see cref="Calculate"/>.</param>
    /// <exception cref="PopulationValidationException">The household or a member is invalid, or an extra value is outside its column's declared range.</exception>
    public HouseholdResult CalculateExplained(HouseholdRecord household, IReadOnlyList<PersonRecord> members, DateOnly date, IReadOnlyDictionary<string, double[]>? extraPersonColumns = null, IReadOnlyDictionary<string, double>? extraHouseholdColumns = null)
    {
        var (population, table, passes) = Prepare(household, members, date, extraPersonColumns, extraHouseholdColumns);
        var explanation = new Explanation();
        Microsimulation.RunBlock(population, Policy, table, passes, 0, 1, explanation);
        return new HouseholdResult(new SimulationResult(population, Policy, Parameters, date, table), explanation);
    }

    /// <summary>The one-household population, checked against the policy, with a fresh table and the household's passes.</summary>
    private (Population Population, VariableTable Table, ProgramPass[] Passes) Prepare(HouseholdRecord household, IReadOnlyList<PersonRecord> members, DateOnly date, IReadOnlyDictionary<string, double[]>? extraPersonColumns, IReadOnlyDictionary<string, double>? extraHouseholdColumns)
    {
        ArgumentNullException.ThrowIfNull(members);
        var population = Build(household with { Weight = 1 }, members, extraPersonColumns, extraHouseholdColumns);
        bool plain = extraPersonColumns is null && extraHouseholdColumns is null;
        if (!plain || !_checkedPlain)
        {
            // Without extra columns the outcome depends on the policy alone (built-in columns are declared by the schema): checked once.
            Microsimulation.CheckColumns(population, Policy);
            _checkedPlain = _checkedPlain || plain;
        }

        var table = new VariableTable(population, Policy);
        return (population, table, Passes(population, date, table, extraPersonColumns, extraHouseholdColumns));
    }

    /// <summary>
    /// The explanation of a calculation, when it is asked for: the same passes run again, recording each step, over
    /// a table of their own (the result's columns are not written again). Rules compute the same values whether or
    /// not they explain, so the steps describe exactly the values of the result.
    /// </summary>
    private Explanation Explain(Population population, ProgramPass[] passes)
    {
        var explanation = new Explanation();
        Microsimulation.RunBlock(population, Policy, new VariableTable(population, Policy), passes, 0, 1, explanation);
        return explanation;
    }

    /// <summary>
    /// The one-household population: built straight from the records (<see cref="HouseholdBuild"/>) when they are
    /// valid and the members come in person-id order, else through <see cref="PopulationBuilder"/>, which reorders the
    /// members or reports the problems.
    /// </summary>
    private Population Build(HouseholdRecord household, IReadOnlyList<PersonRecord> members, IReadOnlyDictionary<string, double[]>? extraPersonColumns, IReadOnlyDictionary<string, double>? extraHouseholdColumns)
    {
        if (extraPersonColumns is null && extraHouseholdColumns is null)
        {
            if (HouseholdBuild.TryBuild(Parameters.Regions, in household, members, NoExtras) is { } plain)
            {
                return plain;
            }
        }
        else
        {
            var extras = new ExtraColumns();
            foreach (var (name, values) in extraPersonColumns ?? Empty<double[]>())
            {
                extras.Add(Declared(name, Entity.Person), values, BuiltInHint);
            }

            foreach (var (name, value) in extraHouseholdColumns ?? Empty<double>())
            {
                extras.Add(Declared(name, Entity.Household), [value], BuiltInHint);
            }

            if (HouseholdBuild.TryBuild(Parameters.Regions, in household, members, extras) is { } population)
            {
                return population;
            }
        }

        var builder = new PopulationBuilder(Parameters.Regions, members.Count, 1);
        builder.AddHousehold(household);
        foreach (var member in members)
        {
            builder.AddPerson(member);
        }

        foreach (var (name, values) in extraPersonColumns ?? Empty<double[]>())
        {
            builder.AddColumn(Declared(name, Entity.Person), values);
        }

        foreach (var (name, value) in extraHouseholdColumns ?? Empty<double>())
        {
            builder.AddColumn(Declared(name, Entity.Household), [value]);
        }

        return builder.Build();

        static IReadOnlyDictionary<string, T> Empty<T>() => System.Collections.Frozen.FrozenDictionary<string, T>.Empty;
    }

    /// <summary>
    /// The passes of this household: those prepared earlier for the same date, regions and extra columns, and the
    /// programs that read the population while preparing, prepared again for this one.
    /// </summary>
    private ProgramPass[] Passes(Population population, DateOnly date, VariableTable table, IReadOnlyDictionary<string, double[]>? extraPersonColumns, IReadOnlyDictionary<string, double>? extraHouseholdColumns)
    {
        // The extra columns' names fix their definitions (Declared), which programs may ask for while preparing.
        var key = new StringBuilder().Append(date.DayNumber);
        foreach (var region in population.RegionsPresent)
        {
            key.Append(',').Append(region.Index);
        }

        foreach (var name in extraPersonColumns?.Keys ?? [])
        {
            key.Append("|p:").Append(name);
        }

        foreach (var name in extraHouseholdColumns?.Keys ?? [])
        {
            key.Append("|h:").Append(name);
        }

        var programs = Policy.Programs;
        var passes = new ProgramPass[programs.Length];
        var text = key.ToString();
        if (_prepared.TryGetValue(text, out var kept))
        {
            for (int i = 0; i < passes.Length; i++)
            {
                passes[i] = kept[i] ?? programs[i].Prepare(new ProgramSetup(programs[i], date, Parameters, population, population.RegionsPresent, table));
            }

            return passes;
        }

        var prepared = Microsimulation.PreparePasses(population, Policy, Parameters, date, table, out var readPopulation);
        kept = new ProgramPass?[programs.Length];
        for (int i = 0; i < passes.Length; i++)
        {
            kept[i] = readPopulation[i] ? null : prepared[i];
        }

        if (_prepared.Count >= PreparedKept)
        {
            _prepared.Clear();
        }

        _prepared.TryAdd(text, kept);
        return prepared;
    }

    private ColumnDefinition Declared(string name, Entity entity)
        => Policy.InputColumns.Concat(Policy.OptionalInputColumns).FirstOrDefault(c => c.Name == name && c.Entity == entity) ?? ColumnDefinition.Number(name, entity);
}
