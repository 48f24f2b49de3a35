using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;

namespace SocialSecurity.Modeling.Simulation;

/// <summary>
/// A policy prepared for repeated runs over one population: the run context of reforms, replicates and projection
/// years. The population's columns are checked against the policy once, here; each parameter store and date is
/// prepared once (parameters resolved per region) and remembered; output columns are pooled, so a run whose previous
/// result was disposed allocates nothing per household; and outputs that depend on population columns alone (the
/// household income of the means tests) are computed once per population and shared by every run.
/// </summary>
/// <remarks>
/// <para>Results are identical, bit for bit, to those of <see cref="Microsimulation.Run"/>: every output row is
/// cleared before its program writes it, so nothing of an earlier run leaks into the next, and the order of every
/// sum is unchanged.</para>
/// <para>A result lends its output columns until it is disposed: dispose it (<c>using var result = context.Run(…)</c>)
/// once read, and the next run reuses the columns. A result kept alive keeps its columns; the next run then takes
/// fresh ones. A disposed result cannot be read. Runs may be started from several threads at once.</para>
/// <para>See docs/architecture.md#run-contexts.</para>
/// </remarks>
/// <example>
/// <code>
/// var context = new SimulationContext(population, Policies.Standard());
/// foreach (var store in reformedStores)
/// {
///     using var result = context.Run(store, new DateOnly(2025, 6, 30));
///     Console.WriteLine(result.PublicSpendingAnnual);
/// }
/// </code>
/// </example>
public sealed class SimulationContext
{
    /// <summary>Households computed together by every program before the next group (the programs are fused per chunk, so a program's outputs are still in cache when the next reads them).</summary>
    internal const int ChunkHouseholds = 1024;

    private const int PreparedKept = 8;
    private static readonly ConditionalWeakTable<Population, ConcurrentDictionary<string, double[][]>> PopulationOutputs = [];

    private readonly object _gate = new();
    private readonly List<(ParameterStore Parameters, DateOnly Date, ProgramPass[] Passes)> _prepared = [];
    private readonly ConcurrentBag<VariableTable> _free = [];
    private readonly string?[] _cacheKey;
    private readonly HashSet<string> _cachedOutputs;
    private readonly bool[] _carried;

    /// <summary>Checks the population's columns against the policy and prepares the context.</summary>
    /// <param name="population">The population every run of the context simulates.</param>
    /// <param name="policy">The programs.</param>
    /// <param name="options">Partitioning; <see cref="SimulationOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The population lacks a column the policy needs, or declares one differently.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The block size is below 1.</exception>
    public SimulationContext(Population population, Policy policy, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(policy);
        options ??= SimulationOptions.Default;
        if (options.BlockSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BlockSize, "SimulationOptions.BlockSize must be at least 1.");
        }

        Microsimulation.CheckColumns(population, policy);
        Population = population;
        Policy = policy;
        Options = options;

        // A program is computed once per population when its outputs depend on its inputs alone and every input is a
        // population column (no program of the policy writes it).
        var produced = policy.Outputs.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        _cacheKey = [.. policy.Programs.Select(p => p.OutputsDependOnlyOnInputs && !p.Inputs.Any(produced.Contains)
            ? $"{p.GetType().FullName}|{string.Join(",", p.Inputs)}|{string.Join(",", p.Outputs.Select(o => o.Name))}"
            : null)];
        _cachedOutputs = policy.Programs.Where((_, i) => _cacheKey[i] is not null).SelectMany(p => p.Outputs).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        _carried = Carried(policy, _cacheKey);
    }

    /// <summary>The population simulated.</summary>
    public Population Population { get; }

    /// <summary>
    /// Where the runs' output arrays come from instead of new memory (called with the rows needed; may return a longer
    /// array, its values left from an earlier use): the projection's arrays recycled from year to year. Null: new arrays.
    /// </summary>
    internal Func<int, double[]>? OutputArrays { get; init; }

    /// <summary>
    /// Whether the context lends its disposed results' columns to <see cref="ColumnPool"/> and takes its new columns
    /// from it (the contexts behind <see cref="Microsimulation.Run"/>, which a caller never sees and which live only
    /// as long as their population): another population's one-shot run can then reuse them.
    /// </summary>
    internal bool SharesColumns { get; init; }

    /// <summary>Whether this context's columns go to <see cref="ColumnPool"/>: it <see cref="SharesColumns"/> and its population is large enough for the pool.</summary>
    private bool PoolsColumns => SharesColumns && Math.Max(Population.PersonCount, Population.HouseholdCount) >= ColumnPool.MinimumLength;

    /// <summary>The programs run.</summary>
    public Policy Policy { get; }

    /// <summary>The partitioning of every run.</summary>
    public SimulationOptions Options { get; }

    /// <summary>
    /// Runs the policy with the parameters in force on <paramref name="date"/>. Dispose the result when done with it
    /// so that the next run reuses its columns.
    /// </summary>
    /// <param name="parameters">The parameter store (baseline, or with a reform applied).</param>
    /// <param name="date">The date the rules are evaluated at.</param>
    /// <param name="progress">Receives progress after each block, if given.</param>
    /// <param name="stage">A label for progress reports.</param>
    /// <param name="cancellationToken">Cancels the run between blocks.</param>
    /// <exception cref="ParameterNotFoundException">A program's parameter has no value in force where households live.</exception>
    /// <exception cref="ArgumentException">The population and parameters use different region catalogues.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public SimulationResult Run(
        ParameterStore parameters,
        DateOnly date,
        IProgress<SimulationProgress>? progress = null,
        string stage = "simulation",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!_free.TryTake(out var table))
        {
            table = new VariableTable(Population, Policy, Pooled, keepAllocated: PoolsColumns);
        }

        return RunOn(parameters, date, table, carry: false, progress, stage, cancellationToken);
    }

    /// <summary>
    /// Runs the policy on the output columns of <paramref name="previous"/>, a result of this policy with the same
    /// parameters and date over this population's households and persons with only other incomes and weights (the
    /// caller knows it: a calibration round): the programs that read no income and no weight, and whose input variables
    /// are outputs of such programs, keep that result's outputs and are not run again. When the result cannot be taken
    /// (another policy, parameters or date, or another shape), a full run on fresh columns.
    /// </summary>
    internal SimulationResult RunAfterIncomeChange(SimulationResult previous, ParameterStore parameters, DateOnly date)
    {
        bool same = ReferenceEquals(previous.Parameters, parameters) && previous.Date == date;
        if (!ReferenceEquals(previous.Policy, Policy) || ReferenceEquals(previous.Population, Population)
            || previous.Release() is not { } table || !table.TryRebind(Population, previous.Population))
        {
            return Run(parameters, date);
        }

        return RunOn(parameters, date, table, carry: same, progress: null, stage: "simulation", CancellationToken.None);
    }

    private SimulationResult RunOn(ParameterStore parameters, DateOnly date, VariableTable table, bool carry, IProgress<SimulationProgress>? progress, string stage, CancellationToken cancellationToken)
    {
        var passes = Passes(parameters, date);
        var programs = Policy.Programs;
        var skip = carry ? (bool[])_carried.Clone() : new bool[programs.Length];
        var cache = _cacheKey.Any(k => k is not null) ? PopulationOutputs.GetOrCreateValue(Population) : null;
        var computed = new double[][]?[programs.Length];
        for (int i = 0; i < programs.Length; i++)
        {
            if (_cacheKey[i] is not { } key)
            {
                continue;
            }

            var outputs = programs[i].Outputs;
            if (cache!.TryGetValue(key, out var columns))
            {
                skip[i] = true;
            }
            else
            {
                columns = [.. outputs.Select(Uninitialised)];
                computed[i] = columns;
            }

            for (int o = 0; o < outputs.Count; o++)
            {
                table.Replace(outputs[o].Name, columns[o]);
            }
        }

        var writes = programs.Select(p => p.WritesEveryRow ? [] : p.Outputs.Select(o => (table.Column(o.Name), o.Entity == Entity.Person)).DistinctBy(w => w.Item1).ToArray()).ToArray();
        var plan = new BlockPlan(Population, Policy, table, passes, skip, writes);
        int households = Population.HouseholdCount;
        int blockSize = Options.BlockSize;
        int blocks = (households + blockSize - 1) / blockSize;
        int done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, blocks, parallel, block =>
            {
                int first = block * blockSize;
                int end = Math.Min(households, first + blockSize);
                plan.Run(first, end);
                int now = Interlocked.Add(ref done, end - first);
                progress?.Report(new SimulationProgress(stage, now, households));
            });
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch
        {
            _free.Add(table);
            throw;
        }

        for (int i = 0; i < programs.Length; i++)
        {
            if (computed[i] is { } columns)
            {
                cache!.TryAdd(_cacheKey[i]!, columns);
            }
        }

        return new SimulationResult(Population, Policy, parameters, date, table, this);
    }

    /// <summary>
    /// Takes the output columns of <paramref name="result"/>, a result of another context of this policy over a
    /// population with this one's households, persons and extra columns (the same population rebuilt with other values),
    /// for this context's next run instead of allocating new ones. The result cannot be read afterwards. Nothing is
    /// taken when the policy or the population's shape differs.
    /// </summary>
    internal void Adopt(SimulationResult result)
    {
        if (!ReferenceEquals(result.Policy, Policy) || ReferenceEquals(result.Population, Population))
        {
            return;
        }

        var current = result.Population;
        if (result.Release() is { } table && table.TryRebind(Population, current))
        {
            _free.Add(table);
        }
    }

    /// <summary>
    /// Takes back a disposed result's table for the next run; a context that <see cref="SharesColumns"/> gives a table
    /// of long columns to <see cref="ColumnPool"/> instead, where this context's next run finds them again and so does
    /// the next one-shot run over another population of the same size.
    /// </summary>
    internal void Return(VariableTable table)
    {
        if (PoolsColumns && table.AllocatedOutputs is { } columns)
        {
            ColumnPool.Return(columns);
            return;
        }

        _free.Add(table);
    }

    /// <summary>
    /// The programs a run after an income change keeps (<see cref="RunAfterIncomeChange"/>): those that read no income
    /// and no weight, are not cached per population, and whose every input variable is one of the program's own input
    /// columns or an output of an earlier such program.
    /// </summary>
    private static bool[] Carried(Policy policy, string?[] cacheKey)
    {
        var programs = policy.Programs;
        var carried = new bool[programs.Length];
        var kept = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < programs.Length; i++)
        {
            var program = programs[i];
            var columns = program.InputColumns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            if (cacheKey[i] is null && program.ReadsNoIncomesOrWeights && program.Inputs.All(v => columns.Contains(v) || kept.Contains(v)))
            {
                carried[i] = true;
                kept.UnionWith(program.Outputs.Select(o => o.Name));
            }
        }

        return carried;
    }

    // Outputs computed once per population get their arrays from the population's cache, not from the table.
    private double[] Pooled(VariableDefinition output)
        => _cachedOutputs.Contains(output.Name) ? []
            : OutputArrays is { } arrays ? arrays(output.Entity == Entity.Person ? Population.PersonCount : Population.HouseholdCount)
            : Uninitialised(output);

    private double[] Uninitialised(VariableDefinition output)
    {
        int rows = output.Entity == Entity.Person ? Population.PersonCount : Population.HouseholdCount;
        return (PoolsColumns ? ColumnPool.Rent(rows) : null) ?? GC.AllocateUninitializedArray<double>(rows);
    }

    private ProgramPass[] Passes(ParameterStore parameters, DateOnly date)
    {
        lock (_gate)
        {
            foreach (var (store, day, passes) in _prepared)
            {
                if (ReferenceEquals(store, parameters) && day == date)
                {
                    return passes;
                }
            }
        }

        var prepared = Microsimulation.PreparePasses(Population, Policy, parameters, date);
        lock (_gate)
        {
            if (_prepared.Count == PreparedKept)
            {
                _prepared.RemoveAt(0);
            }

            _prepared.Add((parameters, date, prepared));
        }

        return prepared;
    }

    /// <summary>What every block of one run does: for each chunk of households, each program in order clears then writes its outputs' rows.</summary>
    private sealed class BlockPlan(Population population, Policy policy, VariableTable table, ProgramPass[] passes, bool[] skip, (double[] Data, bool Person)[][] writes)
    {
        public void Run(int first, int end)
        {
            var programs = policy.Programs;
            var contexts = new ProgramContext[passes.Length];
            for (int i = 0; i < contexts.Length; i++)
            {
                contexts[i] = new ProgramContext(programs[i], table, population, first, end, explanation: null);
            }

            var start = population.MemberStart;
            for (int chunk = first; chunk < end; chunk += ChunkHouseholds)
            {
                int chunkEnd = Math.Min(end, chunk + ChunkHouseholds);
                int firstPerson = start[chunk], endPerson = start[chunkEnd];
                for (int i = 0; i < passes.Length; i++)
                {
                    if (skip[i])
                    {
                        continue;
                    }

                    // A pass that writes every row of its outputs needs no clearing: nothing of an earlier run survives it.
                    foreach (var (data, person) in writes[i])
                    {
                        if (person)
                        {
                            data.AsSpan(firstPerson, endPerson - firstPerson).Clear();
                        }
                        else
                        {
                            data.AsSpan(chunk, chunkEnd - chunk).Clear();
                        }
                    }

                    contexts[i].MoveTo(chunk, chunkEnd);
                    passes[i].Execute(contexts[i]);
                }
            }
        }
    }
}
