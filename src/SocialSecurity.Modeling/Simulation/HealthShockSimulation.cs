using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Health;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Randomness;

namespace SocialSecurity.Modeling.Simulation;

/// <summary>
/// Monte Carlo health shocks: each replicate is an ordinary <see cref="Microsimulation"/> run in which every person's
/// annual medical bill is drawn from a <see cref="HealthSpendingModel"/> (<see cref="MedicalBillDrawProgram"/>), the
/// medical layers in force where the household lives pay it (<see cref="MedicalPayoutProgram"/>), and catastrophic
/// health expenditure is measured per household (<see cref="CatastrophicHealthExpenditureProgram"/>).
/// </summary>
/// <remarks>
/// <para>The assistance groups that select medical assistance and the household cap come from the same run: pass the
/// programs that decide the statuses (for example an assistance package) and <see cref="MedicalAssistanceGroupProgram.LinkedTo"/>
/// derives the groups from their outputs, so a dibao reform moves households into medical assistance and under the
/// cap. For a population whose statuses are observed, pass <see cref="MedicalAssistanceGroupProgram.Observed"/>
/// instead. With no programs nobody is in a group.</para>
/// <para>Huiminbao enrolment is read from <see cref="MedicalPayoutProgram.InclusiveCommercialEnrolledColumn"/> when the
/// population carries it; otherwise nobody is enrolled.</para>
/// <para>Indicators are weighted household shares and means per replicate, with a Student-t interval over replicates
/// (<see cref="ReplicateEstimate"/>). Draws are keyed by (seed, stream name, person id, replicate), and each run is
/// independent of the thread count and block size, so results are too; across row orders they agree up to the order
/// of floating-point sums.</para>
/// <para>The programs that do not read the drawn bills (derived from the declared inputs and outputs: the status
/// programs and the assistance groups) run once per <see cref="Run(Population, DateOnly, HealthShockOptions?, CancellationToken)"/>; each replicate runs only the bill draws and the
/// programs downstream of them, reusing one set of output columns. The indicators are those of a run of
/// <see cref="ReplicatePolicy"/> per replicate, bit for bit.</para>
/// <para>Several simulations over the same population (a baseline and its reforms) run together with
/// <see cref="Run(IReadOnlyList{HealthShockSimulation}, Population, DateOnly, HealthShockOptions?, CancellationToken)"/>:
/// the bills of each replicate are drawn once per spending model and copied into the other simulations' runs, the
/// results unchanged.</para>
/// </remarks>
public sealed class HealthShockSimulation
{
    private readonly HealthSpendingModel _model;
    private readonly ParameterStore _parameters;
    private readonly PolicyProgram[] _programs;
    private readonly IReadOnlyList<string> _income;

    /// <summary>A simulation with a spending model, the parameters, and the programs that decide the assistance statuses.</summary>
    /// <param name="model">The spending model.</param>
    /// <param name="parameters">The parameter store (baseline or reformed).</param>
    /// <param name="statusPrograms">
    /// Programs run before the medical layers (once per <see cref="Run(Population, DateOnly, HealthShockOptions?, CancellationToken)"/>, as they do not read the bills): the assistance programs whose statuses set each
    /// person's group (for example <c>AssistancePolicies.ExtendedWithTargeting().Programs</c>), and optionally a
    /// <see cref="MedicalAssistanceGroupProgram"/> (otherwise one linked to these programs is added). None: nobody is in a group.
    /// </param>
    public HealthShockSimulation(HealthSpendingModel model, ParameterStore parameters, IEnumerable<PolicyProgram>? statusPrograms = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameters);
        _model = model;
        _parameters = parameters;
        var programs = statusPrograms?.ToList() ?? [];
        if (!programs.Any(p => p.Name == MedicalAssistanceGroupProgram.ProgramName))
        {
            programs.Add(MedicalAssistanceGroupProgram.LinkedTo(programs));
        }

        _programs = [.. programs];

        // The indicators measure income as the status programs' means tests do (simulated pensions included when a
        // pension program feeds the household income), or by the default means-test income when none is given.
        _income = programs.OfType<HouseholdIncomeProgram>().FirstOrDefault()?.Inputs ?? InputVariables.IncomeForMeansTests;
    }

    /// <summary>The policy of replicate <paramref name="replicate"/>: the status programs, the assistance groups, the drawn bills, the medical layers and the indicators.</summary>
    /// <param name="replicate">The replicate index, ≥ 0.</param>
    /// <param name="options">Seed and stream name; defaults when null.</param>
    public Policy ReplicatePolicy(int replicate, HealthShockOptions? options = null)
    {
        options ??= new HealthShockOptions();
        return Policy.Create(
        [
            .. _programs,
            new MedicalBillDrawProgram(_model, new RandomStream(options.Seed, options.StreamName), replicate),
            new MedicalPayoutProgram(),
            new CatastrophicHealthExpenditureProgram(_income),
        ]);
    }

    /// <summary>Runs the replicates over <paramref name="population"/> with the rules in force on <paramref name="date"/>.</summary>
    /// <param name="population">The population (weights, ages, sexes, hukou, incomes, and the columns the status programs read).</param>
    /// <param name="date">The date the rules are evaluated at.</param>
    /// <param name="options">Seed, replicates and partitioning; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the run between blocks.</param>
    /// <exception cref="ParameterNotFoundException">A parameter has no value where households live.</exception>
    public HealthShockResult Run(Population population, DateOnly date, HealthShockOptions? options = null, CancellationToken cancellationToken = default)
        => Run([this], population, date, options, cancellationToken)[0];

    /// <summary>
    /// Runs several simulations (typically one spending model under baseline and reformed parameters) over the same
    /// population with the same options: each result is that of the simulation's own <see cref="Run(Population, DateOnly, HealthShockOptions?, CancellationToken)"/>,
    /// bit for bit, but the bills of each replicate are drawn once for the simulations that share a spending model
    /// (the same object) and reused by the others, as they would draw the same bills (common random numbers).
    /// </summary>
    /// <param name="simulations">The simulations, in the order of the results.</param>
    /// <param name="population">The population (weights, ages, sexes, hukou, incomes, and the columns the status programs read).</param>
    /// <param name="date">The date the rules are evaluated at.</param>
    /// <param name="options">Seed, replicates and partitioning; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the run between blocks.</param>
    /// <returns>One result per simulation, in order.</returns>
    /// <exception cref="ParameterNotFoundException">A parameter has no value where households live.</exception>
    public static IReadOnlyList<HealthShockResult> Run(IReadOnlyList<HealthShockSimulation> simulations, Population population, DateOnly date, HealthShockOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(simulations);
        ArgumentNullException.ThrowIfNull(population);
        if (simulations.Any(s => s is null))
        {
            throw new ArgumentException("A simulation is null.", nameof(simulations));
        }

        options ??= new HealthShockOptions();
        if (population.HouseholdCount == 0)
        {
            throw new ArgumentException("The population has no households.", nameof(population));
        }

        if (!population.ExtraPersonColumns.Contains(MedicalPayoutProgram.InclusiveCommercialEnrolledColumn))
        {
            population = population.WithPersonColumn(MedicalPayoutProgram.InclusiveCommercialEnrolledColumn, new double[population.PersonCount]);
        }

        var simulation = new SimulationOptions { BlockSize = options.BlockSize, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        string[] measures =
        [
            CatastrophicHealthExpenditureProgram.CatastrophicCapacity40.Name, CatastrophicHealthExpenditureProgram.CatastrophicIncome10.Name,
            CatastrophicHealthExpenditureProgram.CatastrophicIncome25.Name, CatastrophicHealthExpenditureProgram.HouseholdOutOfPocket.Name,
            CatastrophicHealthExpenditureProgram.HouseholdPublicPayment.Name,
        ];
        var values = new double[simulations.Count, measures.Length][];
        for (int s = 0; s < simulations.Count; s++)
        {
            for (int k = 0; k < measures.Length; k++)
            {
                values[s, k] = new double[options.Replicates];
            }
        }

        // A spending model used by more than one simulation draws each replicate's bills once, into one shared set of
        // columns that the first of its simulations fills and the others copy.
        var shared = simulations.GroupBy(s => s._model, ReferenceEqualityComparer.Instance).Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key!, _ => new MedicalBillDrawProgram.SharedDraws(population.PersonCount), ReferenceEqualityComparer.Instance);
        var weight = population.Weight;
        double weights = ExactSum.Sum(weight);
        var replicates = simulations.Select(s => new ReplicateRuns(s, population, date, simulation, options, cancellationToken)).ToArray();
        var drawn = new HashSet<object>(ReferenceEqualityComparer.Instance);
        for (int r = 0; r < options.Replicates; r++)
        {
            drawn.Clear();
            for (int s = 0; s < simulations.Count; s++)
            {
                var model = simulations[s]._model;
                using var run = replicates[s].Run(r, shared.GetValueOrDefault(model), copy: !drawn.Add(model));
                for (int k = 0; k < measures.Length; k++)
                {
                    // Exact, so neither the thread count nor the order of the rows matters.
                    values[s, k][r] = ExactSum.SumOfProducts(weight, run.Values(measures[k])) / weights;
                }
            }
        }

        return Enumerable.Range(0, simulations.Count).Select(s => new HealthShockResult(
            options,
            new ReplicateEstimate(values[s, 0], options.ConfidenceLevel),
            new ReplicateEstimate(values[s, 1], options.ConfidenceLevel),
            new ReplicateEstimate(values[s, 2], options.ConfidenceLevel),
            new ReplicateEstimate(values[s, 3], options.ConfidenceLevel),
            new ReplicateEstimate(values[s, 4], options.ConfidenceLevel))).ToArray();
    }

    /// <summary>
    /// The replicates of one run. The programs of <see cref="ReplicatePolicy"/> that do not read the drawn bills,
    /// directly or through another program's outputs (derived from the declared inputs and outputs), run once, and the
    /// outputs the other programs read join the population as declared columns; each replicate runs only the bill
    /// draws and the programs downstream of them, in one <see cref="SimulationContext"/> whose output columns every
    /// replicate reuses. Every program computes from the same inputs as in a run of the whole replicate policy, so the
    /// values are the same, bit for bit.
    /// </summary>
    private sealed class ReplicateRuns
    {
        private readonly SimulationContext _context;
        private readonly MedicalBillDrawProgram _bills;
        private readonly ParameterStore _parameters;
        private readonly DateOnly _date;
        private readonly CancellationToken _cancellationToken;

        public ReplicateRuns(HealthShockSimulation simulation, Population population, DateOnly date, SimulationOptions options, HealthShockOptions shock, CancellationToken cancellationToken)
        {
            _parameters = simulation._parameters;
            _date = date;
            _cancellationToken = cancellationToken;

            // The programs downstream of the bills: the draw, then every program reading an output of one of them. The
            // indicators' household income does not read the bills: split off, it runs once.
            var programs = simulation.ReplicatePolicy(0, shock).Programs
                .SelectMany(p => p is CatastrophicHealthExpenditureProgram indicators ? indicators.SplitIncome() : [p]).ToList();
            _bills = programs.OfType<MedicalBillDrawProgram>().Single();
            var drawn = new HashSet<string>(StringComparer.Ordinal);
            var perReplicate = new List<PolicyProgram>();
            var once = new List<PolicyProgram>();
            foreach (var program in programs)
            {
                bool reads = program == _bills
                    || program.Inputs.Any(drawn.Contains)
                    || program.OptionalInputColumns.Any(c => drawn.Contains(c.Name));
                if (reads)
                {
                    perReplicate.Add(program);
                    drawn.UnionWith(program.Outputs.Select(o => o.Name));
                }
                else
                {
                    once.Add(program);
                }
            }

            // A replicate program whose prerequisite runs once would bring a second copy of it into the replicate
            // policy: then every program runs in every replicate.
            var names = perReplicate.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            if (perReplicate.Any(p => p.Prerequisites.Any(q => !names.Contains(q.Name))))
            {
                perReplicate = [.. programs];
                once.Clear();
            }

            // The once-computed outputs the replicate programs read become population columns, declared as the outputs are.
            var read = perReplicate.SelectMany(p => p.Inputs.Concat(p.OptionalInputColumns.Select(c => c.Name))).ToHashSet(StringComparer.Ordinal);
            var carried = once.SelectMany(p => p.Outputs).Where(o => read.Contains(o.Name)).ToArray();
            if (carried.Length > 0)
            {
                // A context of its own, not Microsimulation's shared one (kept while the population lives): its columns go
                // once the statuses are carried, rather than staying for the whole run, one set per simulation.
                using var statuses = new SimulationContext(population, Policy.Create(once), options).Run(_parameters, date, cancellationToken: cancellationToken);
                foreach (var output in carried)
                {
                    var column = output.Period == AmountPeriod.None
                        ? ColumnDefinition.Number(output.Name, output.Entity, output.Description)
                        : ColumnDefinition.Amount(output.Name, output.Entity, output.Period, output.Role, output.Description, allowNegative: true);
                    population = population.WithColumn(column, statuses.Values(output.Name).ToArray());
                }
            }

            _context = new SimulationContext(population, Policy.Create(perReplicate), options);
        }

        /// <summary>Runs replicate <paramref name="replicate"/>, drawing its bills or copying them from <paramref name="shared"/>; dispose the result before the next.</summary>
        public SimulationResult Run(int replicate, MedicalBillDrawProgram.SharedDraws? shared, bool copy)
        {
            _bills.MoveToReplicate(replicate, shared, copy);
            return _context.Run(_parameters, _date, cancellationToken: _cancellationToken);
        }
    }
}
