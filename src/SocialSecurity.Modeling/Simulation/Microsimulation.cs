using System.Runtime.CompilerServices;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Simulation;

/// <summary>
/// Runs a policy over a weighted population at one date: the static microsimulation. The same engine serves the
/// <see cref="HouseholdCalculator"/>, so a household computed alone gets exactly what it gets in a population run.
/// </summary>
/// <remarks>
/// <para>Households are cut into fixed blocks; blocks run in parallel, and within a block every program runs in policy
/// order over small chunks of households. Each program reads and writes only its own block's rows, so results are
/// identical whatever the number of threads. Amounts are computed at the date given and annualised by their period
/// (× 12 for monthly) in the income concepts: a static, "as if all year" view.</para>
/// <para>To run one policy over one population many times (reforms, replicates, projection years), prepare a
/// <see cref="SimulationContext"/>: it checks the population once, remembers prepared parameters and reuses output
/// columns. <see cref="Run"/> itself keeps such contexts per population: the contexts of the last four policies and
/// options run over it, kept as long as the population lives (a live policy keeps no population; a live population
/// keeps at most four policies, the least recently used dropped first). A one-shot run thus reuses the parameters an
/// earlier run prepared, and the columns of an earlier result that was disposed. Outputs that depend on population columns alone (the means tests' household income) are computed
/// once per population and reused by later runs of either kind.</para>
/// </remarks>
public static class Microsimulation
{
    /// <summary>The contexts <see cref="Run"/> keeps per population (most recently used first).</summary>
    internal const int SharedContextsPerPopulation = 4;

    // One weak key, the population: a context references its population and its policy, so a table keyed by the policy
    // (or nested under it) would let a live policy keep every population it ever ran over, and the converse.
    private static readonly ConditionalWeakTable<Population, SharedContextList> SharedContexts = [];

    /// <summary>Runs <paramref name="policy"/> over <paramref name="population"/> with the parameters in force on <paramref name="date"/>.</summary>
    /// <param name="population">The population.</param>
    /// <param name="policy">The programs.</param>
    /// <param name="parameters">The parameter store (baseline, or with a reform applied).</param>
    /// <param name="date">The date the rules are evaluated at.</param>
    /// <param name="options">Partitioning; <see cref="SimulationOptions.Default"/> when null.</param>
    /// <param name="progress">Receives progress after each block, if given.</param>
    /// <param name="stage">A label for progress reports.</param>
    /// <param name="cancellationToken">Cancels the run between blocks.</param>
    /// <exception cref="ParameterNotFoundException">A program's parameter has no value in force where households live.</exception>
    /// <exception cref="ArgumentException">The population and parameters use different region catalogues, or lacks a column the policy needs.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static SimulationResult Run(
        Population population,
        Policy policy,
        ParameterStore parameters,
        DateOnly date,
        SimulationOptions? options = null,
        IProgress<SimulationProgress>? progress = null,
        string stage = "simulation",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(parameters);
        options ??= SimulationOptions.Default;
        if (options.BlockSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BlockSize, "SimulationOptions.BlockSize must be at least 1.");
        }

        CheckCatalogue(population, parameters);
        return Shared(population, policy, options).Run(parameters, date, progress, stage, cancellationToken);
    }

    /// <summary>
    /// As <see cref="Run"/> with the default options, the output columns of <paramref name="previous"/> (a result of the
    /// same policy over a population with the same households, persons and extra columns, for example rebuilt with other
    /// incomes) reused instead of allocated; <paramref name="previous"/> cannot be read afterwards. The values are
    /// those of <see cref="Run"/>: every output row is cleared before its program writes it.
    /// </summary>
    internal static SimulationResult RunReusing(Population population, Policy policy, ParameterStore parameters, DateOnly date, SimulationResult? previous)
    {
        CheckCatalogue(population, parameters);
        var context = Shared(population, policy, SimulationOptions.Default);
        if (previous is not null)
        {
            context.Adopt(previous);
        }

        return context.Run(parameters, date);
    }

    /// <summary>
    /// As <see cref="RunReusing"/> when <paramref name="population"/> differs from the population of
    /// <paramref name="previous"/> in incomes and weights only (a calibration round; the caller vouches for it): the
    /// programs that read neither keep <paramref name="previous"/>'s outputs when it ran with the same parameters and
    /// date (<see cref="SimulationContext.RunAfterIncomeChange"/>). The values are those of <see cref="Run"/>.
    /// </summary>
    internal static SimulationResult RunAfterIncomeChange(Population population, Policy policy, ParameterStore parameters, DateOnly date, SimulationResult? previous)
    {
        CheckCatalogue(population, parameters);
        var context = Shared(population, policy, SimulationOptions.Default);
        return previous is null ? context.Run(parameters, date) : context.RunAfterIncomeChange(previous, parameters, date);
    }

    /// <summary>
    /// The context <see cref="Run"/> uses for this population, policy and options: made once and kept while the
    /// population lives and the pair is among its <see cref="SharedContextsPerPopulation"/> most recently used, so that
    /// a one-shot run reuses the prepared parameters of an earlier one, and the output columns of an earlier result
    /// that was disposed.
    /// </summary>
    private static SimulationContext Shared(Population population, Policy policy, SimulationOptions options)
    {
        var list = SharedContexts.GetOrCreateValue(population);
        return list.Find(policy, options) ?? list.Add(new SimulationContext(population, policy, options) { SharesColumns = true });
    }

    /// <summary>A population's shared contexts, most recently used first, at most <see cref="SharedContextsPerPopulation"/>.</summary>
    private sealed class SharedContextList
    {
        private readonly List<SimulationContext> _contexts = [];

        public SimulationContext? Find(Policy policy, SimulationOptions options)
        {
            lock (_contexts)
            {
                int i = _contexts.FindIndex(c => ReferenceEquals(c.Policy, policy) && c.Options.Equals(options));
                if (i < 0)
                {
                    return null;
                }

                var context = _contexts[i];
                _contexts.RemoveAt(i);
                _contexts.Insert(0, context);
                return context;
            }
        }

        /// <summary>Keeps <paramref name="context"/>, or the equal one another thread added first.</summary>
        public SimulationContext Add(SimulationContext context)
        {
            lock (_contexts)
            {
                if (Find(context.Policy, context.Options) is { } existing)
                {
                    return existing;
                }

                _contexts.Insert(0, context);
                if (_contexts.Count > SharedContextsPerPopulation)
                {
                    _contexts.RemoveAt(_contexts.Count - 1);
                }

                return context;
            }
        }
    }

    internal static (VariableTable Table, ProgramPass[] Passes) Prepare(Population population, Policy policy, ParameterStore parameters, DateOnly date)
    {
        CheckCatalogue(population, parameters);
        CheckColumns(population, policy);
        var table = new VariableTable(population, policy);
        return (table, PreparePasses(population, policy, parameters, date, table));
    }

    /// <summary>The checks of the population against the policy, which do not depend on parameters or date.</summary>
    internal static void CheckColumns(Population population, Policy policy)
    {
        var missing = policy.ExternalInputs.Where(n => !population.ExtraPersonColumns.Contains(n) && !population.ExtraHouseholdColumns.Contains(n)).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException($"The policy reads {string.Join(", ", missing.Select(m => $"'{m}'"))}, which no program writes and the population does not carry as an extra column.", nameof(population));
        }

        // Declared columns are compared by declaration; a column added by name only has its values checked once here.
        foreach (var program in policy.Programs)
        {
            foreach (var column in policy.InputColumnsOf(program))
            {
                population.EnsureMeets(column, $"program '{program.Name}'");
            }

            foreach (var column in program.OptionalInputColumns)
            {
                if ((column.Entity == Entity.Person ? population.ExtraPersonColumns : population.ExtraHouseholdColumns).Contains(column.Name))
                {
                    population.EnsureMeets(column, $"program '{program.Name}'");
                }
            }
        }
    }

    /// <summary>Resolves every program's parameters for <paramref name="date"/>: the passes of a run.</summary>
    internal static ProgramPass[] PreparePasses(Population population, Policy policy, ParameterStore parameters, DateOnly date, VariableTable? table = null)
        => PreparePasses(population, policy, parameters, date, table, out _);

    /// <summary>Resolves every program's parameters for <paramref name="date"/>, saying which programs read the population while preparing (their passes hold it).</summary>
    internal static ProgramPass[] PreparePasses(Population population, Policy policy, ParameterStore parameters, DateOnly date, VariableTable? table, out bool[] readPopulation)
    {
        CheckCatalogue(population, parameters);
        var unknown = policy.Parameters.Where(p => !parameters.Contains(p)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ParameterNotFoundException(unknown[0], $"The policy uses parameters that the store does not define: {string.Join(", ", unknown)}.");
        }

        var present = population.RegionsPresent;
        table ??= new VariableTable(population, policy, _ => []); // definitions only: programs ask for their inputs' periods
        var programs = policy.Programs;
        var passes = new ProgramPass[programs.Length];
        readPopulation = new bool[programs.Length];
        for (int i = 0; i < programs.Length; i++)
        {
            var setup = new ProgramSetup(programs[i], date, parameters, population, present, table);
            passes[i] = programs[i].Prepare(setup);
            readPopulation[i] = setup.ReadPopulation;
        }

        return passes;
    }

    internal static void RunBlock(Population population, Policy policy, VariableTable table, ProgramPass[] passes, int first, int end, Explanation? explanation)
    {
        for (int i = 0; i < passes.Length; i++)
        {
            passes[i].Execute(new ProgramContext(policy.Programs[i], table, population, first, end, explanation));
        }
    }

    private static void CheckCatalogue(Population population, ParameterStore parameters)
    {
        if (!ReferenceEquals(population.Regions, parameters.Regions))
        {
            throw new ArgumentException("The population and the parameter store use different region catalogues; build both over the same RegionCatalog.", nameof(parameters));
        }
    }
}
