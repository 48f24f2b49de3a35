using System.Globalization;
using SocialSecurity.Modeling.Randomness;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Targeting;

/// <summary>
/// Runs a means-tested program with take-up and identification errors: a decorator that computes the
/// wrapped program's rule (true eligibility and entitlement) and then decides, with per-household random draws, who
/// is on the roll. Use it in a policy <b>in place of</b> the wrapped program.
/// </summary>
/// <remarks>
/// <para><b>Design.</b> The decorator declares the wrapped program's inputs, parameters and outputs (same names), runs
/// the wrapped pass on each block, and then rewrites the block (docs/rules/dibao_targeted.md):</para>
/// <list type="bullet">
/// <item>the rule's eligibility flag (for example <c>dibao.eligible</c>) keeps its meaning: truly eligible by the
/// rule (it is also copied to <c>targeting.{key}.truly_eligible</c>);</item>
/// <item>the on-roll flag (<see cref="OnRollVariable"/>, for example <c>dibao.on_roll</c>) becomes the administrative
/// status, 1 when the unit is on the roll, so programs linked to the roll (supplements, disability and elderly
/// subsidies, medical-assistance groups, dibao-marginal) follow the roll, as administration does;</item>
/// <item>every money output of the wrapped program is set to 0 for a unit not on the roll: an excluded or
/// non-applying household receives nothing. A household wrongly on the roll (inclusion error) of a program that
/// implements <see cref="IIncomeTestedProgram"/> is paid what the rule gives at an under-reported income (below);
/// of another program it keeps what the rule computed for it (0 for the rules that pay only the eligible);</item>
/// <item><c>targeting.{key}.received</c> (equal to the on-roll flag) and <c>targeting.{key}.outcome</c> (a
/// <see cref="TargetingOutcome"/>) record what happened; <see cref="SocialSecurity.Modeling.Simulation.TargetingReport"/>
/// summarises them.</item>
/// </list>
/// <para><b>Unit.</b> The unit is the entity of the eligibility flag: households (dibao and the other household
/// means tests; draws keyed by household id), or persons (destitute support; draws keyed by person id, and the
/// wrapped program's amounts must then be person amounts). Below, "household" reads "person" for person flags.</para>
/// <para><b>Draws.</b> For household id <i>i</i>, independent uniform draws from <see cref="RandomStream"/> under the
/// decorator's seed, with stream names <c>targeting.{key}.take_up</c>, <c>targeting.{key}.exclusion</c>,
/// <c>targeting.{key}.inclusion</c> and <c>targeting.{key}.reported_income</c> (draw index 0). An eligible household
/// is on the roll when its take-up draw &lt; <c>targeting.{key}.take_up_rate</c> and its exclusion draw ≥
/// <c>targeting.{key}.exclusion_error_rate</c>. An ineligible household is on the roll when its inclusion draw &lt;
/// <c>targeting.{key}.inclusion_error_rate</c> and, for an <see cref="IIncomeTestedProgram"/>, its income is near the
/// threshold: income &lt; <c>targeting.{key}.inclusion_income_multiple</c> (<i>k</i>) × the threshold (n × S for
/// dibao). Draws depend only on (seed, key, household id), never on rates, row order, threads or blocks, so a reform
/// that changes a rate meets the same draws as the baseline: raising take-up, inclusion or <i>k</i> never removes a
/// unit from the roll, and raising the exclusion error never adds one.</para>
/// <para><b>Under-reported income.</b> A household included in error by a program with an amount
/// (<see cref="IIncomeTestedProgram.AmountVariable"/>) reports income <i>Y</i> × <i>u</i>, with <i>u</i> = <i>a</i> +
/// (<i>b</i> − <i>a</i>) × its <c>reported_income</c> draw, uniform on [<i>a</i>, <i>b</i>] =
/// [<c>targeting.{key}.reported_income_share_min</c>, <c>targeting.{key}.reported_income_share_max</c>], and is paid
/// <see cref="IIncomeTest.AmountAt"/> at that income (for dibao (n × S − Y × u)/12 a month). With the illustrative
/// defaults <i>k</i> = 1.5, <i>a</i> = 0.4, <i>b</i> = 0.65, <i>k</i> × <i>b</i> &lt; 1, so every such household
/// reports an income below the threshold and is paid a positive amount.</para>
/// <para><b>Rates</b> are ordinary parameters resolved where the household lives, so a region can differ: Xinjiang's
/// information platform and "active discovery" are modelled as a lower exclusion error.</para>
/// </remarks>
public sealed class TargetedProgram : RuleProgram
{
    /// <summary>The seed used when none is given.</summary>
    public const ulong DefaultSeed = 20_240_401;

    private readonly PolicyProgram _inner;
    private readonly string _eligibility;
    private readonly string _onRoll;
    private readonly string _key;
    private readonly ulong _seed;
    private readonly VariableDefinition[] _moneyOutputs;
    private readonly Entity _unit;
    private readonly IIncomeTestedProgram? _incomeTested;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">A program that writes an eligibility flag (for example <see cref="Assistance.DibaoProgram"/>).</param>
    /// <param name="eligibilityVariable">The wrapped program's flag of true eligibility, household or person (for example <c>dibao.eligible</c> or <c>destitute.eligible</c>); its on-roll flag is <see cref="OnRollVariable"/>.</param>
    /// <param name="key">The name used in the rate parameters, random streams and outputs (<c>targeting.{key}.…</c>); by default the wrapped program's name.</param>
    /// <param name="seed">The seed of the draws; keep it fixed across baseline and reform.</param>
    /// <exception cref="ArgumentException">The eligibility variable is not a flag written by <paramref name="inner"/>; it is a person flag but the program pays household amounts; the key is not a valid name; or the program's <see cref="IIncomeTestedProgram.AmountVariable"/> is not one of its household money outputs.</exception>
    public TargetedProgram(PolicyProgram inner, string eligibilityVariable, string? key = null, ulong seed = DefaultSeed)
        : this(Check(inner, eligibilityVariable, key), eligibilityVariable, seed)
    {
    }

    private TargetedProgram((PolicyProgram Inner, VariableDefinition Flag, VariableDefinition[] Money, string Key, IIncomeTestedProgram? IncomeTested) checkedArguments, string eligibilityVariable, ulong seed)
        : base(
            checkedArguments.Inner.Name + "_targeted",
            checkedArguments.Inner.Description + " Run with take-up and identification errors (exclusion 漏保, inclusion 错保) drawn per household.",
            inputs: checkedArguments.Inner.Inputs,
            outputs: TargetedOutputs(checkedArguments.Inner, eligibilityVariable, checkedArguments.Key, checkedArguments.Flag.Entity),
            parameters: [.. checkedArguments.Inner.Parameters, .. OwnParameters(checkedArguments.Key, checkedArguments.IncomeTested)],
            pays: checkedArguments.Inner.Pays,
            prerequisites: checkedArguments.Inner.Prerequisites)
    {
        _inner = checkedArguments.Inner;
        _eligibility = eligibilityVariable;
        _onRoll = OnRollVariable(eligibilityVariable);
        _key = checkedArguments.Key;
        _seed = seed;
        _moneyOutputs = checkedArguments.Money;
        _unit = checkedArguments.Flag.Entity;
        _incomeTested = checkedArguments.IncomeTested;
    }

    /// <summary>The wrapped program.</summary>
    public PolicyProgram Inner => _inner;

    /// <inheritdoc />
    public override IReadOnlyList<ColumnDefinition> InputColumns => _inner.InputColumns;

    /// <inheritdoc />
    public override IReadOnlyList<ColumnDefinition> OptionalInputColumns => _inner.OptionalInputColumns;

    /// <summary>The key of the rate parameters, streams and outputs.</summary>
    public string Key => _key;

    /// <summary>The seed of the draws.</summary>
    public ulong Seed => _seed;

    /// <summary>The unit drawn for: households, or persons when the eligibility flag is a person variable (destitute support).</summary>
    public Entity Unit => _unit;

    /// <summary>The wrapped program's eligibility flag (truly eligible by the rule; not rewritten).</summary>
    public string EligibilityVariable => _eligibility;

    /// <summary>The on-roll flag this program writes (for example <c>dibao.on_roll</c>).</summary>
    public string OnRoll => _onRoll;

    /// <summary>
    /// Whether inclusion errors are limited to households near the threshold and paid at an under-reported income:
    /// the wrapped program implements <see cref="IIncomeTestedProgram"/> and the unit is the household.
    /// </summary>
    public bool IsIncomeTested => _incomeTested is not null;

    /// <summary>
    /// The on-roll flag of a program whose eligibility flag is <paramref name="eligibilityVariable"/>:
    /// <c>x.eligible</c> → <c>x.on_roll</c> (for example <c>dibao.on_roll</c>); any other name gets <c>.on_roll</c> appended.
    /// </summary>
    /// <param name="eligibilityVariable">An eligibility flag.</param>
    public static string OnRollVariable(string eligibilityVariable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eligibilityVariable);
        const string suffix = ".eligible";
        return eligibilityVariable.EndsWith(suffix, StringComparison.Ordinal) ? eligibilityVariable[..^suffix.Length] + ".on_roll" : eligibilityVariable + ".on_roll";
    }

    /// <summary>The take-up rate parameter for <paramref name="key"/>: the share of eligible households that apply.</summary>
    /// <param name="key">A targeting key, for example <c>dibao</c>.</param>
    public static string TakeUpRate(string key) => $"targeting.{key}.take_up_rate";

    /// <summary>The exclusion-error parameter for <paramref name="key"/>: the share of applying eligible households not identified (漏保).</summary>
    /// <param name="key">A targeting key.</param>
    public static string ExclusionErrorRate(string key) => $"targeting.{key}.exclusion_error_rate";

    /// <summary>The inclusion-error parameter for <paramref name="key"/>: the share of ineligible households (near the threshold, for an income-tested program) put on the roll (错保).</summary>
    /// <param name="key">A targeting key.</param>
    public static string InclusionErrorRate(string key) => $"targeting.{key}.inclusion_error_rate";

    /// <summary>The parameter <i>k</i> for <paramref name="key"/>: only ineligible households with income below <i>k</i> × the threshold can be included in error (income-tested programs).</summary>
    /// <param name="key">A targeting key.</param>
    public static string InclusionIncomeMultiple(string key) => $"targeting.{key}.inclusion_income_multiple";

    /// <summary>The lower end <i>a</i> of the share of its income that a household included in error reports, for <paramref name="key"/>.</summary>
    /// <param name="key">A targeting key.</param>
    public static string ReportedIncomeShareMin(string key) => $"targeting.{key}.reported_income_share_min";

    /// <summary>The upper end <i>b</i> of the share of its income that a household included in error reports, for <paramref name="key"/>.</summary>
    /// <param name="key">A targeting key.</param>
    public static string ReportedIncomeShareMax(string key) => $"targeting.{key}.reported_income_share_max";

    /// <summary>The output flag of true eligibility for <paramref name="key"/> (a copy of the rule's eligibility flag).</summary>
    /// <param name="key">A targeting key.</param>
    public static string TrulyEligible(string key) => $"targeting.{key}.truly_eligible";

    /// <summary>The output flag of being on the roll for <paramref name="key"/> (equal to the program's on-roll flag).</summary>
    /// <param name="key">A targeting key.</param>
    public static string Received(string key) => $"targeting.{key}.received";

    /// <summary>The output <see cref="TargetingOutcome"/> code for <paramref name="key"/>.</summary>
    /// <param name="key">A targeting key.</param>
    public static string Outcome(string key) => $"targeting.{key}.outcome";

    /// <summary>The name of the random stream for <paramref name="decision"/> (<c>take_up</c>, <c>exclusion</c>, <c>inclusion</c> or <c>reported_income</c>) under <paramref name="key"/>.</summary>
    /// <param name="key">A targeting key.</param>
    /// <param name="decision">One of <c>take_up</c>, <c>exclusion</c>, <c>inclusion</c>, <c>reported_income</c>.</param>
    public static string StreamName(string key, string decision) => $"targeting.{key}.{decision}";

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup) => new Pass(this, setup);

    // Writes every row when the wrapped program does: the wrapped outputs are its own (the money ones only zeroed
    // off the roll), and the roll, the true eligibility, the receipt and the outcome are set for every unit of the block.
    internal override bool WritesEveryRow => _inner.WritesEveryRow;

    private static string[] OwnParameters(string key, IIncomeTestedProgram? incomeTested)
        => incomeTested is null ? [TakeUpRate(key), ExclusionErrorRate(key), InclusionErrorRate(key)]
            : incomeTested.AmountVariable is null ? [TakeUpRate(key), ExclusionErrorRate(key), InclusionErrorRate(key), InclusionIncomeMultiple(key)]
            : [TakeUpRate(key), ExclusionErrorRate(key), InclusionErrorRate(key), InclusionIncomeMultiple(key), ReportedIncomeShareMin(key), ReportedIncomeShareMax(key)];

    private static (PolicyProgram Inner, VariableDefinition Flag, VariableDefinition[] Money, string Key, IIncomeTestedProgram? IncomeTested) Check(PolicyProgram inner, string eligibilityVariable, string? key)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentException.ThrowIfNullOrWhiteSpace(eligibilityVariable);
        var flag = inner.Outputs.FirstOrDefault(o => o.Name == eligibilityVariable)
            ?? throw new ArgumentException($"Program '{inner.Name}' does not write '{eligibilityVariable}'; it writes {string.Join(", ", inner.Outputs.Select(o => $"'{o.Name}'"))}.", nameof(eligibilityVariable));
        if (flag.Period != AmountPeriod.None)
        {
            throw new ArgumentException($"'{eligibilityVariable}' must be a flag (no period); it is an amount per {flag.Period.ToString().ToLowerInvariant()}.", nameof(eligibilityVariable));
        }

        var money = inner.Outputs.Where(o => o.Period != AmountPeriod.None).ToArray();
        if (flag.Entity == Entity.Person && money.Any(o => o.Entity == Entity.Household))
        {
            throw new ArgumentException($"'{eligibilityVariable}' is a person flag, but '{inner.Name}' also pays household amounts ({string.Join(", ", money.Where(o => o.Entity == Entity.Household).Select(o => $"'{o.Name}'"))}); person-level targeting needs person-level amounts.", nameof(eligibilityVariable));
        }

        var onRoll = inner.Outputs.FirstOrDefault(o => o.Name == OnRollVariable(eligibilityVariable));
        if (onRoll is not null && (onRoll.Period != AmountPeriod.None || onRoll.Entity != flag.Entity))
        {
            throw new ArgumentException($"'{onRoll.Name}' must be a {flag.Entity.ToString().ToLowerInvariant()} flag like '{eligibilityVariable}'.", nameof(eligibilityVariable));
        }

        key ??= inner.Name;
        if (!IsValidKey(key))
        {
            throw new ArgumentException($"Targeting key '{key}' must be lower-case letters, digits and underscores, for example 'dibao'.", nameof(key));
        }

        var incomeTested = flag.Entity == Entity.Household ? inner as IIncomeTestedProgram : null;
        if (incomeTested?.AmountVariable is { } amount && !money.Any(o => o.Name == amount && o.Entity == Entity.Household))
        {
            throw new ArgumentException($"Program '{inner.Name}' names '{amount}' as the amount paid at a reported income, but it is not one of its household money outputs.", nameof(inner));
        }

        return (inner, flag, money, key, incomeTested);
    }

    private static VariableDefinition[] TargetedOutputs(PolicyProgram inner, string eligibilityVariable, string key, Entity unit)
    {
        string who = unit == Entity.Household ? "household" : "person";
        string onRoll = OnRollVariable(eligibilityVariable);
        var onRollDefinition = new VariableDefinition(onRoll, unit, AmountPeriod.None, IncomeRole.None,
            $"1 when the {who} is on the {inner.Name} roll (after take-up and identification errors; true eligibility is in {eligibilityVariable})");
        bool innerWritesRoll = inner.Outputs.Any(o => o.Name == onRoll);
        return
        [
            .. inner.Outputs.Select(o => o.Name == onRoll
                ? onRollDefinition
                : o.Period != AmountPeriod.None ? o with { Description = o.Description + " (paid on the roll only; 0 when not on the roll)" } : o),
            .. innerWritesRoll ? Array.Empty<VariableDefinition>() : [onRollDefinition],
            new VariableDefinition(TrulyEligible(key), unit, AmountPeriod.None, IncomeRole.None, $"1 when the {who} passes the {inner.Name} rule (a copy of {eligibilityVariable})"),
            new VariableDefinition(Received(key), unit, AmountPeriod.None, IncomeRole.None, $"1 when the {who} is on the {inner.Name} roll (a copy of {onRoll})"),
            new VariableDefinition(Outcome(key), unit, AmountPeriod.None, IncomeRole.None, $"Targeting outcome for {inner.Name}: 0 ineligible, 1 eligible on the roll, 2 not taking up, 3 excluded (漏保), 4 included in error (错保)"),
        ];
    }

    private static bool IsValidKey(string key)
        => key.Length > 0 && char.IsAsciiLetterLower(key[0]) && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    // A decorator rather than a formula: it runs the wrapped pass, then redraws the block unit by unit.
    private sealed class Pass : ProgramPass
    {
        private readonly TargetedProgram _program;
        private readonly ProgramPass _inner;
        private readonly RegionalValues _takeUp;
        private readonly RegionalValues _exclusion;
        private readonly RegionalValues _inclusion;
        private readonly RegionalValues? _nearMultiple;
        private readonly RegionalValues? _shareMin;
        private readonly RegionalValues? _shareMax;
        private readonly IIncomeTest? _incomeTest;
        private readonly RandomStream _takeUpStream;
        private readonly RandomStream _exclusionStream;
        private readonly RandomStream _inclusionStream;
        private readonly RandomStream _reportedStream;

        public Pass(TargetedProgram program, ProgramSetup setup)
        {
            _program = program;
            _inner = program._inner.Prepare(setup);
            _takeUp = Rates(setup, TakeUpRate(program._key));
            _exclusion = Rates(setup, ExclusionErrorRate(program._key));
            _inclusion = Rates(setup, InclusionErrorRate(program._key));
            if (program._incomeTested is { } tested)
            {
                _incomeTest = tested.PrepareIncomeTest(setup);
                _nearMultiple = setup.Scalar(InclusionIncomeMultiple(program._key));
                if (tested.AmountVariable is not null)
                {
                    _shareMin = Rates(setup, ReportedIncomeShareMin(program._key));
                    _shareMax = Rates(setup, ReportedIncomeShareMax(program._key));
                    foreach (var region in setup.RegionsPresent)
                    {
                        if (_shareMin[region] > _shareMax[region])
                        {
                            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                                $"Parameter '{ReportedIncomeShareMin(program._key)}' ({_shareMin[region]}) is above '{ReportedIncomeShareMax(program._key)}' ({_shareMax[region]}) in {setup.Regions[region]}; the share reported is drawn between them."));
                        }
                    }
                }
            }

            _takeUpStream = new RandomStream(program._seed, StreamName(program._key, "take_up"));
            _exclusionStream = new RandomStream(program._seed, StreamName(program._key, "exclusion"));
            _inclusionStream = new RandomStream(program._seed, StreamName(program._key, "inclusion"));
            _reportedStream = new RandomStream(program._seed, StreamName(program._key, "reported_income"));
        }

        public override void Execute(ProgramContext context)
        {
            _inner.Execute(context);

            var population = context.Population;
            var start = population.MemberStart;
            var eligibility = context.Read(_program._eligibility);
            var onRoll = context.Write(_program._onRoll);
            var truly = context.Write(TrulyEligible(_program._key));
            var received = context.Write(Received(_program._key));
            var outcome = context.Write(Outcome(_program._key));
            var income = _incomeTest is null ? default : context.Read(_program._incomeTested!.TestedIncomeVariable);
            var amount = _shareMin is null ? default : context.Write(_program._incomeTested!.AmountVariable!);
            bool perPerson = _program._unit == Entity.Person;
            var ids = perPerson ? population.PersonId : population.HouseholdId;
            for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
            {
                var region = population.HouseholdRegion[h];
                int first = perPerson ? start[h] : h;
                int end = perPerson ? start[h + 1] : h + 1;
                for (int u = first; u < end; u++)
                {
                    long id = ids[u];
                    bool eligible = eligibility[u] == 1;

                    // Near the threshold: only an income-tested household below k × its threshold can be included in error.
                    double y = 0, threshold = double.NaN;
                    bool near = true;
                    if (_incomeTest is not null && !eligible)
                    {
                        y = Math.Max(0.0, income[h]);
                        threshold = _incomeTest.Threshold(h);
                        near = y < _nearMultiple!.ByRegion[region.Index] * threshold;
                    }

                    var result = Decide(id, region.Index, eligible, near);
                    bool onTheRoll = result is TargetingOutcome.EligibleReceiving or TargetingOutcome.IneligibleIncluded;
                    truly[u] = eligible ? 1.0 : 0.0;
                    onRoll[u] = onTheRoll ? 1.0 : 0.0;
                    received[u] = onRoll[u];
                    outcome[u] = (double)result;
                    double share = double.NaN;
                    if (result == TargetingOutcome.IneligibleIncluded && _shareMin is not null)
                    {
                        // Paid what the rule gives at an under-reported income Y × u, u uniform on [a, b].
                        double a = _shareMin.ByRegion[region.Index], b = _shareMax!.ByRegion[region.Index];
                        share = a + ((b - a) * _reportedStream.Uniform(id));
                        amount[h] = _incomeTest!.AmountAt(h, y * share);
                    }

                    if (context.Explanation is { } explain)
                    {
                        Explain(explain, context, h, u, start[h], eligible, near, y, threshold, share, result, onRoll[u], region);
                    }
                }
            }

            // A unit not on the roll gets nothing from the wrapped program: zero its money outputs, one column at a
            // time (a column lookup per block, not per household).
            foreach (var output in _program._moneyOutputs)
            {
                var column = context.Write(output.Name);
                for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
                {
                    if (perPerson)
                    {
                        for (int p = start[h]; p < start[h + 1]; p++)
                        {
                            column[p] = onRoll[p] == 1 ? column[p] : 0.0;
                        }
                    }
                    else if (onRoll[h] != 1)
                    {
                        if (output.Entity == Entity.Household)
                        {
                            column[h] = 0;
                        }
                        else
                        {
                            column[start[h]..start[h + 1]].Clear();
                        }
                    }
                }
            }
        }

        private void Explain(Explanation explain, ProgramContext context, int h, int u, int firstMember, bool eligible, bool near, double y, double threshold, double share, TargetingOutcome result, double onRoll, Regions.RegionId region)
        {
            long id = (_program._unit == Entity.Person ? context.Population.PersonId : context.Population.HouseholdId)[u];
            string draws = eligible
                ? StepText.Create($"take-up draw {_takeUpStream.Uniform(id):0.0000} vs rate {_takeUp[region]:0.###}, exclusion draw {_exclusionStream.Uniform(id):0.0000} vs rate {_exclusion[region]:0.###}")
                : !near
                    ? StepText.Create($"income {y:0.00} ≥ k × threshold = {_nearMultiple![region]:0.###} × {threshold:0.00}: not near the threshold, never included")
                    : StepText.Create($"inclusion draw {_inclusionStream.Uniform(id):0.0000} vs rate {_inclusion[region]:0.###}") + (_incomeTest is null ? string.Empty : StepText.Create($" (income {y:0.00} < k × threshold = {_nearMultiple![region]:0.###} × {threshold:0.00})"));
            string who = _program._unit == Entity.Person ? StepText.Create($"member {u - firstMember + 1}") : "household";
            explain.Record(_program.Name, $"targeting, {who} ({(eligible ? "truly eligible" : "not eligible")}): {draws} → {result}", onRoll, "flag", _takeUp.Source(region), _exclusion.Source(region), _inclusion.Source(region));
            if (!double.IsNaN(share))
            {
                explain.Record(_program.Name, StepText.Create($"on the roll in error: reported income = Y × u = {y:0.00} × {share:0.0000} = {y * share:0.00} (u = a + (b − a) × draw {_reportedStream.Uniform(id):0.0000}, a = {_shareMin![region]:0.###}, b = {_shareMax![region]:0.###}); paid the rule's amount at that income"),
                    _incomeTest!.AmountAt(h, y * share), "amount", _shareMin.Source(region), _shareMax.Source(region), _nearMultiple!.Source(region));
            }
        }

        private TargetingOutcome Decide(long id, int region, bool eligible, bool nearThreshold)
        {
            if (eligible)
            {
                bool applies = _takeUpStream.Uniform(id) < _takeUp.ByRegion[region];
                bool excluded = _exclusionStream.Uniform(id) < _exclusion.ByRegion[region];
                return !applies ? TargetingOutcome.EligibleNotTakingUp : excluded ? TargetingOutcome.EligibleExcluded : TargetingOutcome.EligibleReceiving;
            }

            return nearThreshold && _inclusionStream.Uniform(id) < _inclusion.ByRegion[region] ? TargetingOutcome.IneligibleIncluded : TargetingOutcome.IneligibleNotCovered;
        }

        private static RegionalValues Rates(ProgramSetup setup, string name)
        {
            var values = setup.Scalar(name);
            foreach (var region in setup.RegionsPresent)
            {
                double rate = values[region];
                if (!(rate >= 0 && rate <= 1))
                {
                    throw new InvalidOperationException(StepText.Create($"Parameter '{name}' is {rate} in {setup.Regions[region]}; a rate must lie in [0, 1]."));
                }
            }

            return values;
        }
    }
}
