namespace SocialSecurity.Modeling.Core;

/// <summary>
/// One rule of the social-security system (a program such as dibao or the resident pension), evaluated over a
/// columnar population for one date. Implement it for your own rules.
/// </summary>
/// <remarks>
/// <para>A program declares what it reads (<see cref="Inputs"/>), what it writes (<see cref="Outputs"/>) and which
/// parameters it uses (<see cref="Parameters"/>). <see cref="Policy"/> orders programs by these declarations and
/// rejects missing inputs, duplicate outputs and cycles when the policy is built, not in the middle of a run.</para>
/// <para>Evaluation has two phases. <see cref="Prepare"/> runs once per simulation: it resolves every parameter for
/// every region present, so that no lookup happens per person. The returned <see cref="ProgramPass"/> then runs over
/// blocks of households, possibly in parallel; it may read and write only its own households' rows.</para>
/// </remarks>
public abstract class PolicyProgram
{
    /// <summary>A short unique name, for example <c>dibao</c>.</summary>
    public abstract string Name { get; }

    /// <summary>What the program does, with its legal basis.</summary>
    public abstract string Description { get; }

    /// <summary>The variables the program reads: built-in inputs (<see cref="InputVariables"/>), extra population columns, or other programs' outputs.</summary>
    public abstract IReadOnlyList<string> Inputs { get; }

    /// <summary>
    /// The population columns the program reads, declared as it expects them (entity, type, unit, period, valid values):
    /// extra columns such as a pension scheme's contribution years, or built-in ones. Each name must also be listed in
    /// <see cref="Inputs"/>. Before a run, every column that no program of the policy writes is checked against the
    /// population's own declaration (a column added by name only has its values checked once instead), so the
    /// program's loops read valid values and need no checks of their own. Empty by default.
    /// </summary>
    public virtual IReadOnlyList<ColumnDefinition> InputColumns => [];

    /// <summary>
    /// Extra population columns the program reads when the population carries them and does without otherwise (for
    /// example a retired flag that a projection supplies and a static run does not). They are never required and not
    /// listed in <see cref="Inputs"/>; when present, each is checked against the population's declaration before a run,
    /// as <see cref="InputColumns"/> are. Empty by default.
    /// </summary>
    public virtual IReadOnlyList<ColumnDefinition> OptionalInputColumns => [];

    /// <summary>The variables the program writes.</summary>
    public abstract IReadOnlyList<VariableDefinition> Outputs { get; }

    /// <summary>
    /// Programs this one needs and that <see cref="Policy.Create(IEnumerable{PolicyProgram})"/> adds when the policy does
    /// not already contain a program of the same name (for example the household means-test income that every
    /// means-tested program reads). A program of that name already present must read and write the same variables,
    /// or the policy is rejected. Empty by default.
    /// </summary>
    public virtual IReadOnlyList<PolicyProgram> Prerequisites => [];

    /// <summary>
    /// The benefits this program pays, by name (for example <c>dibao</c>, <c>old_age_allowance</c>). Two programs of
    /// one policy may not pay the same benefit: <see cref="Policy.Create(IEnumerable{PolicyProgram})"/> rejects such a
    /// policy, so a benefit modelled by two rules (dibao and tiered dibao; the resident pension's 80+ top-up and the
    /// stand-alone allowance) cannot be paid twice. Empty by default.
    /// </summary>
    public virtual IReadOnlyList<string> Pays => [];

    /// <summary>The parameters the program uses; each must exist in the parameter store a simulation runs with.</summary>
    public abstract IReadOnlyList<string> Parameters { get; }

    /// <summary>
    /// Whether the outputs are a function of the inputs alone: no parameter, no date, no random draw. When every input
    /// is a population column, the engine computes such a program once per population and reuses its outputs in later
    /// runs (docs/architecture.md#run-contexts). Only built-in programs can say so.
    /// </summary>
    internal virtual bool OutputsDependOnlyOnInputs => false;

    /// <summary>
    /// Whether the pass writes every row of every output for the households it is given, whatever the inputs and
    /// parameters: the engine then does not clear the rows before the pass (docs/architecture.md#run-contexts).
    /// Only built-in programs can say so; a test poisons reused columns to hold them to it.
    /// </summary>
    internal virtual bool WritesEveryRow => false;

    /// <summary>
    /// Whether the pass reads no income column and no weight of the population: only persons' and households' traits
    /// (ids, place, area, age, sex, hukou, employment), its <see cref="InputColumns"/> and its input variables. A run on
    /// the same households with other incomes and weights, with the same parameters and date, then gives it the outputs
    /// of the run before when its input variables are unchanged; the calibration rounds of a synthetic baseline keep them
    /// instead of computing them again (docs/architecture.md#run-contexts). Only built-in programs can say so.
    /// </summary>
    internal virtual bool ReadsNoIncomesOrWeights => false;

    /// <summary>
    /// An output that is always an exact copy of another output of the same program (the on-roll flag of a status
    /// program run by its rule alone is its eligibility flag), or null: the engine then gives both one column, and the
    /// pass skips the copy when it finds them shared (docs/architecture.md#run-contexts). Only built-in programs can say so.
    /// </summary>
    internal virtual (string Copy, string Source)? CopiedOutput => null;

    /// <summary>Resolves parameters for the date and the regions present, and returns the pass that computes the outputs.</summary>
    /// <param name="setup">The date, parameters and population of the run.</param>
    public abstract ProgramPass Prepare(ProgramSetup setup);

    /// <inheritdoc />
    public override string ToString() => Name;
}
