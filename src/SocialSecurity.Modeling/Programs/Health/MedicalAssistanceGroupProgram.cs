using System.Globalization;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Assistance;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// Each person's assistance group for medical purposes (<see cref="AssistanceGroup"/>), derived from the social-assistance
/// statuses written earlier in the same run: destitute support, dibao, the dibao-marginal status and other hardship.
/// <see cref="MedicalPayoutProgram"/> reads it to choose the assistance terms, the vulnerable catastrophic terms and the
/// household burden cap, so a reform of dibao changes medical assistance and the cap in the same run.
/// </summary>
/// <remarks>
/// <para>Rule (docs/rules/medical.md): a person is destitute when their own destitute flag is set; otherwise in the
/// dibao group when their household is on dibao; otherwise marginal when the household has the dibao-marginal status;
/// otherwise other hardship when the household has that status; otherwise in no group. A status variable may be a
/// household or a person flag; any non-zero value counts.</para>
/// <para>Statuses follow the programs they come from: with <see cref="Targeting.TargetedProgram"/> the dibao flag is the
/// administrative roll (receipt after take-up and identification errors), as medical assistance follows the roll.</para>
/// <para>For a population whose statuses are observed rather than simulated (a survey that records dibao receipt),
/// <see cref="Observed"/> reads the group codes from the extra person column <see cref="ObservedGroupColumn"/> instead:
/// a declared override, so a dibao reform then leaves the groups unchanged.</para>
/// </remarks>
public sealed class MedicalAssistanceGroupProgram : PolicyProgram
{
    /// <summary>The program's name: <c>medical_assistance_group</c>.</summary>
    public const string ProgramName = "medical_assistance_group";

    /// <summary>
    /// Input person column of <see cref="Observed"/>: the observed group code (<see cref="AssistanceGroup"/>: 0 none,
    /// 1 destitute, 2 dibao, 3 marginal, 4 other hardship).
    /// </summary>
    public const string ObservedGroupColumn = "medical.assistance_group_observed";

    /// <summary>Output: the person's assistance group code for medical purposes (<see cref="AssistanceGroup"/>).</summary>
    public static readonly VariableDefinition Group = new("medical.assistance_group", Entity.Person, AmountPeriod.None, IncomeRole.None, "Assistance group for medical purposes: 0 none, 1 destitute, 2 dibao, 3 marginal, 4 other hardship");

    private readonly string?[] _statuses; // by group: destitute, dibao, marginal, other hardship
    private readonly bool _observed;

    private MedicalAssistanceGroupProgram(string?[] statuses, bool observed)
    {
        _statuses = statuses;
        _observed = observed;
        Inputs = observed ? [ObservedGroupColumn] : [.. statuses.OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public override string Name => ProgramName;

    /// <inheritdoc />
    public override string Description => _observed
        ? "Assistance group for medical purposes, read from observed group codes (a declared override of the simulated statuses)."
        : $"Assistance group for medical purposes, from the statuses of the same run ({(Inputs.Count == 0 ? "none linked: nobody is in a group" : string.Join(", ", Inputs))}).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; }

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } = [Group];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = [];

    /// <summary>Whether the groups are read from <see cref="ObservedGroupColumn"/> rather than derived.</summary>
    public bool IsObserved => _observed;

    /// <summary>Groups derived from the named status flags (each a household or person variable; null when the status is not modelled).</summary>
    /// <param name="destitute">The destitute flag, for example <see cref="DestitutePersonsProgram.OnRoll"/>.</param>
    /// <param name="dibao">The dibao flag, for example <see cref="DibaoProgram.OnRoll"/>.</param>
    /// <param name="marginal">The dibao-marginal flag, for example <see cref="DibaoMarginalProgram.OnRoll"/>.</param>
    /// <param name="otherHardship">The other-hardship flag, for example <see cref="ExpenditureHardshipProgram.OnRoll"/>.</param>
    /// <exception cref="ArgumentException">A name is empty or white space.</exception>
    public static MedicalAssistanceGroupProgram FromStatuses(string? destitute = null, string? dibao = null, string? marginal = null, string? otherHardship = null)
    {
        string?[] statuses = [destitute, dibao, marginal, otherHardship];
        if (statuses.Any(s => s is not null && string.IsNullOrWhiteSpace(s)))
        {
            throw new ArgumentException("A status variable name must not be empty; pass null for a status that is not modelled.");
        }

        return new(statuses, observed: false);
    }

    /// <summary>
    /// Groups derived from whichever built-in statuses <paramref name="programs"/> write: <c>destitute.on_roll</c>,
    /// <c>dibao.on_roll</c> (else <c>dibao_tiered.on_roll</c>), <c>dibao_marginal.on_roll</c> and
    /// <c>expenditure_hardship.on_roll</c>. With no such program nobody is in a group.
    /// </summary>
    /// <param name="programs">The programs of the policy the medical layers run with (for example an assistance package).</param>
    public static MedicalAssistanceGroupProgram LinkedTo(IEnumerable<PolicyProgram> programs)
    {
        ArgumentNullException.ThrowIfNull(programs);
        var written = programs.SelectMany(p => p.Outputs).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        string? Pick(params string[] names) => names.FirstOrDefault(written.Contains);
        return FromStatuses(
            Pick(DestitutePersonsProgram.OnRoll.Name),
            Pick(DibaoProgram.OnRoll.Name, TieredDibaoProgram.OnRoll.Name),
            Pick(DibaoMarginalProgram.OnRoll.Name),
            Pick(ExpenditureHardshipProgram.OnRoll.Name));
    }

    /// <summary>Groups read from the observed codes in <see cref="ObservedGroupColumn"/>: for populations whose statuses are observed, not simulated.</summary>
    public static MedicalAssistanceGroupProgram Observed() => new([null, null, null, null], observed: true);

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.Population.ExtraPersonColumns.Contains(Group.Name))
        {
            throw new InvalidOperationException(
                $"The population carries a column '{Group.Name}', which program '{ProgramName}' derives in the run and would silently replace. "
                + $"If the groups are observed, name the column '{ObservedGroupColumn}' and use MedicalAssistanceGroupProgram.Observed(); otherwise drop it.");
        }

        return _observed ? new ObservedPass() : new DerivedPass(_statuses, _statuses.Select(s => s is not null && setup.Variable(s).Entity == Entity.Person).ToArray());
    }

    private sealed class DerivedPass(string?[] statuses, bool[] personLevel) : ProgramPass
    {
        public override void Execute(ProgramContext context)
        {
            var start = context.Population.MemberStart;
            var group = context.Write(Group.Name);
            var destitute = Flags(context, 0);
            var dibao = Flags(context, 1);
            var marginal = Flags(context, 2);
            var otherHardship = Flags(context, 3);
            for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
            {
                for (int p = start[h]; p < start[h + 1]; p++)
                {
                    var code = Has(destitute, 0, p, h) ? AssistanceGroup.Destitute
                        : Has(dibao, 1, p, h) ? AssistanceGroup.Dibao
                        : Has(marginal, 2, p, h) ? AssistanceGroup.Marginal
                        : Has(otherHardship, 3, p, h) ? AssistanceGroup.OtherHardship
                        : AssistanceGroup.None;
                    group[p] = (double)code;
                    context.Explanation?.Record(ProgramName, Describe(context.Population.PersonId[p], code), (double)code, "group code");
                }
            }
        }

        private string Describe(long personId, AssistanceGroup code)
        {
            string from = code == AssistanceGroup.None
                ? (statuses.Any(s => s is not null) ? $"none of {string.Join(", ", statuses.OfType<string>())} is set" : "no status is linked")
                : $"{statuses[(int)code - 1]} is set";
            return StepText.Create($"person {personId}: assistance group {code} ({from})");
        }

        private ReadOnlySpan<double> Flags(ProgramContext context, int status) => statuses[status] is { } name ? context.Read(name) : default;

        private bool Has(ReadOnlySpan<double> flags, int status, int person, int household) => !flags.IsEmpty && flags[personLevel[status] ? person : household] != 0;
    }

    private sealed class ObservedPass : ProgramPass
    {
        public override void Execute(ProgramContext context)
        {
            var start = context.Population.MemberStart;
            var observed = context.Read(ObservedGroupColumn);
            var group = context.Write(Group.Name);
            for (int p = start[context.FirstHousehold]; p < start[context.EndHousehold]; p++)
            {
                double v = observed[p];
                group[p] = v is >= 0 and <= 4 && v == Math.Floor(v)
                    ? v
                    : throw new InvalidOperationException($"Column '{ObservedGroupColumn}' holds {v.ToString(CultureInfo.InvariantCulture)} for person row {p}; expected a group code 0–4 (AssistanceGroup).");
            }
        }
    }
}
