using System.Globalization;
using SocialSecurity.Modeling.Randomness;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Targeting;

/// <summary>
/// Runs a means-tested program with take-up and identification errors: a decorator that computes the
/// wrapped program's rule (true eligibility and entitlement) and then decides, with per-household random draws, who
/// actually receives it. Use it in a policy <b>in place of</b> the wrapped program.
/// </summary>
/// <remarks>
/// <para><b>Design.</b> The decorator declares the wrapped program's inputs, parameters and outputs (same names), runs
/// the wrapped pass on each block, and then rewrites the block:</para>
/// <list type="bullet">
/// <item>the rule's eligibility flag is copied to <c>targeting.{key}.truly_eligible</c>;</item>
/// <item>the eligibility output itself (for example <c>dibao.eligible</c>) becomes the administrative status, 1 when
/// the household <i>receives</i>, so programs linked to the status (supplements, disability and elderly subsidies,
/// dibao-marginal) follow actual receipt, as administration does;</item>
/// <item>every money output of the wrapped program (household or person, monthly or annual) is set to 0 for a
/// household that does not receive: an excluded or non-applying household receives nothing. A wrongly included
/// household keeps what the rule computed for it, which is 0 for rules that pay only the eligible (gap-filling
/// dibao); the cost of inclusion errors then comes through the linked programs, not the wrapped one;</item>
/// <item><c>targeting.{key}.received</c> and <c>targeting.{key}.outcome</c> (a <see cref="TargetingOutcome"/>) record
/// what happened; <see cref="SocialSecurity.Modeling.Simulation.TargetingReport"/> summarises them.</item>
/// </list>
/// <para><b>Unit.</b> The unit is the entity of the eligibility flag: households (dibao and the other household
/// means tests; draws keyed by household id), or persons (destitute support; draws keyed by person id, and the
/// wrapped program's amounts must then be person amounts). Below, "household" reads "person" for person flags.</para>
/// <para><b>Draws.</b> For household id <i>i</i>, three independent uniform draws from <see cref="RandomStream"/>
/// under the decorator's seed, with stream names <c>targeting.{key}.take_up</c>, <c>targeting.{key}.exclusion</c> and
/// <c>targeting.{key}.inclusion</c> (draw index 0). An eligible household receives when its take-up draw &lt;
/// <c>targeting.{key}.take_up_rate</c> and its exclusion draw ≥ <c>targeting.{key}.exclusion_error_rate</c>; an
/// ineligible household receives when its inclusion draw &lt; <c>targeting.{key}.inclusion_error_rate</c>. Draws
/// depend only on (seed, key, household id), never on rates, row order, threads or blocks, so a reform that changes
/// a rate meets the same draws as the baseline: raising take-up or inclusion never removes a recipient, and raising
/// the exclusion error never adds one.</para>
/// <para><b>Rates</b> are ordinary parameters (fractions in [0, 1]) resolved where the household lives, so a region
/// can differ: Xinjiang's information platform and "active discovery" are modelled as a lower exclusion error.</para>
/// </remarks>
public sealed class TargetedProgram : RuleProgram
{
    /// <summary>The seed used when none is given.</summary>
    public const ulong DefaultSeed = 20_240_401;

    private readonly PolicyProgram _inner;
    private readonly string _eligibility;
    private readonly string _key;
    private readonly ulong _seed;
    private readonly VariableDefinition[] _moneyOutputs;
    private readonly Entity _unit;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">A program that writes an eligibility flag (for example <see cref="Assistance.DibaoProgram"/>).</param>
    /// <param name="eligibilityVariable">The wrapped program's flag of true eligibility, household or person (for example <c>dibao.eligible</c> or <c>destitute.eligible</c>).</param>
    /// <param name="key">The name used in the rate parameters, random streams and outputs (<c>targeting.{key}.…</c>); by default the wrapped program's name.</param>
    /// <param name="seed">The seed of the draws; keep it fixed across baseline and reform.</param>
    /// <exception cref="ArgumentException">The eligibility variable is not a flag written by <paramref name="inner"/>; it is a person flag but the program pays household amounts; or the key is not a valid name.</exception>
    public TargetedProgram(PolicyProgram inner, string eligibilityVariable, string? key = null, ulong seed = DefaultSeed)
        : this(Check(inner, eligibilityVariable, key), eligibilityVariable, seed)
    {
    }

    private TargetedProgram((PolicyProgram Inner, VariableDefinition Flag, VariableDefinition[] Money, string Key) checkedArguments, string eligibilityVariable, ulong seed)
        : base(
            checkedArguments.Inner.Name + "_targeted",
            checkedArguments.Inner.Description + " Run with take-up and identification errors (exclusion 漏保, inclusion 错保) drawn per household.",
            inputs: checkedArguments.Inner.Inputs,
            outputs: TargetedOutputs(checkedArguments.Inner, eligibilityVariable, checkedArguments.Key, checkedArguments.Flag.Entity),
            parameters: [.. checkedArguments.Inner.Parameters, TakeUpRate(checkedArguments.Key), ExclusionErrorRate(checkedArguments.Key), InclusionErrorRate(checkedArguments.Key)],
            pays: checkedArguments.Inner.Pays,
            prerequisites: checkedArguments.Inner.Prerequisites)
    {
        _inner = checkedArguments.Inner;
        _eligibility = eligibilityVariable;
        _key = checkedArguments.Key;
        _seed = seed;
        _moneyOutputs = checkedArguments.Money;
        _unit = checkedArguments.Flag.Entity;
    }

    /// <summary>The wrapped program.</summary>
    public PolicyProgram Inner => _inner;

    /// <inheritdoc />
    public override IReadOnlyList<ColumnDefinition> InputColumns => _inner.InputColumns;

    /// <summary>The key of the rate parameters, streams and outputs.</summary>
    public string Key => _key;

    /// <summary>The seed of the draws.</summary>
    public ulong Seed => _seed;

    /// <summary>The unit drawn for: households, or persons when the eligibility flag is a person variable (destitute support).</summary>
    public Entity Unit => _unit;

    /// <summary>The take-up rate parameter for <paramref name="key"/>: the share of eligible households that apply.</summary>
    /// <param name="key">A targeting key, for example <c>dibao</c>.</param>
    public static string TakeUpRate(string key) => $"targeting.{key}.take_up_rate";

    /// <summary>The exclusion-error parameter for <paramref name="key"/>: the share of applying eligible households not identified (漏保).</summary>
    /// <param name="key">A targeting key.</param>
    public static string ExclusionErrorRate(string key) => $"targeting.{key}.exclusion_error_rate";

    /// <summary>The inclusion-error parameter for <paramref name="key"/>: the share of ineligible households covered (错保).</summary>
    /// <param name="key">A targeting key.</param>
    public static string InclusionErrorRate(string key) => $"targeting.{key}.inclusion_error_rate";

    /// <summary>The output flag of true eligibility for <paramref name="key"/>.</summary>
    /// <param name="key">A targeting key.</param>
    public static string TrulyEligible(string key) => $"targeting.{key}.truly_eligible";

    /// <summary>The output flag of receipt for <paramref name="key"/>.</summary>
    /// <param name="key">A targeting key.</param>
    public static string Received(string key) => $"targeting.{key}.received";

    /// <summary>The output <see cref="TargetingOutcome"/> code for <paramref name="key"/>.</summary>
    /// <param name="key">A targeting key.</param>
    public static string Outcome(string key) => $"targeting.{key}.outcome";

    /// <summary>The name of the random stream for <paramref name="decision"/> (<c>take_up</c>, <c>exclusion</c> or <c>inclusion</c>) under <paramref name="key"/>.</summary>
    /// <param name="key">A targeting key.</param>
    /// <param name="decision">One of <c>take_up</c>, <c>exclusion</c>, <c>inclusion</c>.</param>
    public static string StreamName(string key, string decision) => $"targeting.{key}.{decision}";

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup) => new Pass(this, setup);

    private static (PolicyProgram Inner, VariableDefinition Flag, VariableDefinition[] Money, string Key) Check(PolicyProgram inner, string eligibilityVariable, string? key)
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

        key ??= inner.Name;
        if (!IsValidKey(key))
        {
            throw new ArgumentException($"Targeting key '{key}' must be lower-case letters, digits and underscores, for example 'dibao'.", nameof(key));
        }

        return (inner, flag, money, key);
    }

    private static VariableDefinition[] TargetedOutputs(PolicyProgram inner, string eligibilityVariable, string key, Entity unit)
    {
        string who = unit == Entity.Household ? "household" : "person";
        return
        [
            .. inner.Outputs.Select(o => o.Name == eligibilityVariable
                ? o with { Description = $"1 when the {who} receives {inner.Name} (administrative status after take-up and identification errors; true eligibility is in {TrulyEligible(key)})" }
                : o.Period != AmountPeriod.None ? o with { Description = o.Description + " (received: 0 when not receiving)" } : o),
            new VariableDefinition(TrulyEligible(key), unit, AmountPeriod.None, IncomeRole.None, $"1 when the {who} passes the {inner.Name} rule (before take-up and identification errors)"),
            new VariableDefinition(Received(key), unit, AmountPeriod.None, IncomeRole.None, $"1 when the {who} receives {inner.Name}"),
            new VariableDefinition(Outcome(key), unit, AmountPeriod.None, IncomeRole.None, $"Targeting outcome for {inner.Name}: 0 ineligible, 1 eligible receiving, 2 not taking up, 3 excluded (漏保), 4 included in error (错保)"),
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
        private readonly RandomStream _takeUpStream;
        private readonly RandomStream _exclusionStream;
        private readonly RandomStream _inclusionStream;

        public Pass(TargetedProgram program, ProgramSetup setup)
        {
            _program = program;
            _inner = program._inner.Prepare(setup);
            _takeUp = Rates(setup, TakeUpRate(program._key));
            _exclusion = Rates(setup, ExclusionErrorRate(program._key));
            _inclusion = Rates(setup, InclusionErrorRate(program._key));
            _takeUpStream = new RandomStream(program._seed, StreamName(program._key, "take_up"));
            _exclusionStream = new RandomStream(program._seed, StreamName(program._key, "exclusion"));
            _inclusionStream = new RandomStream(program._seed, StreamName(program._key, "inclusion"));
        }

        public override void Execute(ProgramContext context)
        {
            _inner.Execute(context);

            var population = context.Population;
            var start = population.MemberStart;
            var status = context.Write(_program._eligibility);
            var truly = context.Write(TrulyEligible(_program._key));
            var received = context.Write(Received(_program._key));
            var outcome = context.Write(Outcome(_program._key));
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
                    bool eligible = status[u] == 1;
                    var result = Decide(id, region.Index, eligible);
                    bool receives = result is TargetingOutcome.EligibleReceiving or TargetingOutcome.IneligibleIncluded;
                    truly[u] = eligible ? 1.0 : 0.0;
                    received[u] = receives ? 1.0 : 0.0;
                    outcome[u] = (double)result;
                    status[u] = received[u];
                    if (context.Explanation is { } explain)
                    {
                        var c = CultureInfo.InvariantCulture;
                        string draws = eligible
                            ? string.Create(c, $"take-up draw {_takeUpStream.Uniform(id):0.0000} vs rate {_takeUp[region]:0.###}, exclusion draw {_exclusionStream.Uniform(id):0.0000} vs rate {_exclusion[region]:0.###}")
                            : string.Create(c, $"inclusion draw {_inclusionStream.Uniform(id):0.0000} vs rate {_inclusion[region]:0.###}");
                        string who = perPerson ? string.Create(c, $"member {u - start[h] + 1}") : "household";
                        explain.Record(_program.Name, $"targeting, {who} ({(eligible ? "truly eligible" : "not eligible")}): {draws} → {result}", received[u], "flag", _takeUp.Source(region), _exclusion.Source(region), _inclusion.Source(region));
                    }
                }
            }

            // A unit that does not receive gets nothing from the wrapped program: zero its money outputs, one column
            // at a time (a column lookup per block, not per household).
            foreach (var output in _program._moneyOutputs)
            {
                var column = context.Write(output.Name);
                for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
                {
                    if (perPerson)
                    {
                        for (int p = start[h]; p < start[h + 1]; p++)
                        {
                            column[p] = received[p] == 1 ? column[p] : 0.0;
                        }
                    }
                    else if (received[h] != 1)
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

        private TargetingOutcome Decide(long id, int region, bool eligible)
        {
            if (eligible)
            {
                bool applies = _takeUpStream.Uniform(id) < _takeUp.ByRegion[region];
                bool excluded = _exclusionStream.Uniform(id) < _exclusion.ByRegion[region];
                return !applies ? TargetingOutcome.EligibleNotTakingUp : excluded ? TargetingOutcome.EligibleExcluded : TargetingOutcome.EligibleReceiving;
            }

            return _inclusionStream.Uniform(id) < _inclusion.ByRegion[region] ? TargetingOutcome.IneligibleIncluded : TargetingOutcome.IneligibleNotCovered;
        }

        private static RegionalValues Rates(ProgramSetup setup, string name)
        {
            var values = setup.Scalar(name);
            foreach (var region in setup.RegionsPresent)
            {
                double rate = values[region];
                if (!(rate >= 0 && rate <= 1))
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Parameter '{name}' is {rate} in {setup.Regions[region]}; a rate must lie in [0, 1]."));
                }
            }

            return values;
        }
    }
}
