using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Randomness;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// Draws every person's annual inpatient bill for one Monte Carlo replicate from a <see cref="HealthSpendingModel"/>,
/// writing the bill columns that <see cref="MedicalPayoutProgram"/> reads, so that a replicate is an ordinary run of
/// the engine: bills, then the medical layers, in one policy.
/// </summary>
/// <remarks>
/// Each person's draws come from <see cref="RandomStream.Sequence(long, int)"/> keyed by (seed, stream name, person
/// id, replicate): a counter-based stream, so the bills depend neither on the thread count, the block size nor the
/// row order, and a baseline and a reform run with the same replicate meet the same bills (common random numbers).
/// </remarks>
public sealed class MedicalBillDrawProgram : PolicyProgram
{
    private readonly HealthSpendingModel _model;
    private readonly RandomStream _stream;
    private int _replicate;
    private SharedDraws? _shared;
    private bool _copy;

    /// <summary>The bills of replicate <paramref name="replicate"/>.</summary>
    /// <param name="model">The spending model.</param>
    /// <param name="stream">The random stream (seed and name).</param>
    /// <param name="replicate">The replicate index, ≥ 0.</param>
    public MedicalBillDrawProgram(HealthSpendingModel model, RandomStream stream, int replicate)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(replicate);
        _model = model;
        _stream = stream;
        _replicate = replicate;
    }

    /// <summary>Output: within-policy cost drawn, yuan per year.</summary>
    public static readonly VariableDefinition WithinPolicyBill = new(MedicalPayoutProgram.WithinPolicyBillColumn, Entity.Person, AmountPeriod.Year, IncomeRole.None, "Within-policy medical cost drawn from the spending model");

    /// <summary>Output: out-of-policy cost drawn, yuan per year.</summary>
    public static readonly VariableDefinition OutOfPolicyBill = new(MedicalPayoutProgram.OutOfPolicyBillColumn, Entity.Person, AmountPeriod.Year, IncomeRole.None, "Out-of-policy medical cost drawn from the spending model");

    /// <summary>Output: hospital level of the admissions (<see cref="HospitalLevel"/>).</summary>
    public static readonly VariableDefinition HospitalLevelDrawn = new(MedicalPayoutProgram.HospitalLevelColumn, Entity.Person, AmountPeriod.None, IncomeRole.None, "Hospital level drawn from the spending model (1 primary, 2 secondary, 3 tertiary)");

    /// <summary>Output: number of admissions drawn.</summary>
    public static readonly VariableDefinition Admissions = new(MedicalPayoutProgram.AdmissionsColumn, Entity.Person, AmountPeriod.None, IncomeRole.None, "Admissions drawn from the spending model");

    /// <summary>The replicate index.</summary>
    public int Replicate => _replicate;

    /// <summary>
    /// Draws replicate <paramref name="replicate"/> from the next run on: the health-shock simulation moves its own
    /// instance between the runs of one context. With <paramref name="shared"/>, the run either draws the bills and
    /// keeps a copy there (<paramref name="copy"/> false), or copies the bills another instance with the same model,
    /// stream and replicate drew there over the same persons (<paramref name="copy"/> true): the same values.
    /// </summary>
    internal void MoveToReplicate(int replicate, SharedDraws? shared = null, bool copy = false)
    {
        _replicate = replicate;
        _shared = shared;
        _copy = copy && shared is not null;
    }

    /// <summary>The bills of one replicate, per person in population order, kept for other runs over the same population.</summary>
    internal sealed class SharedDraws(int persons)
    {
        public double[] WithinPolicy { get; } = new double[persons];

        public double[] OutOfPolicy { get; } = new double[persons];

        public double[] Level { get; } = new double[persons];

        public double[] Admissions { get; } = new double[persons];
    }

    /// <inheritdoc />
    public override string Name => "medical_bills";

    /// <inheritdoc />
    public override string Description => "Annual inpatient bills drawn per person from a two-part spending model (illustrative unless calibrated).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; } = [];

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } = [WithinPolicyBill, OutOfPolicyBill, HospitalLevelDrawn, Admissions];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = [];

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new Pass(this);
    }

    private sealed class Pass(MedicalBillDrawProgram program) : ProgramPass
    {
        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var ids = population.PersonId;
            var age = population.Age;
            var sex = population.Sex;
            var hukou = population.Hukou;
            var within = context.Write(WithinPolicyBill.Name);
            var outside = context.Write(OutOfPolicyBill.Name);
            var level = context.Write(HospitalLevelDrawn.Name);
            var admissions = context.Write(Admissions.Name);
            int first = start[context.FirstHousehold], count = start[context.EndHousehold] - first;
            var shared = program._shared;
            if (shared is not null && program._copy)
            {
                shared.WithinPolicy.AsSpan(first, count).CopyTo(within.Slice(first, count));
                shared.OutOfPolicy.AsSpan(first, count).CopyTo(outside.Slice(first, count));
                shared.Level.AsSpan(first, count).CopyTo(level.Slice(first, count));
                shared.Admissions.AsSpan(first, count).CopyTo(admissions.Slice(first, count));
                return;
            }

            for (int p = first; p < first + count; p++)
            {
                var stream = program._stream.Sequence(ids[p], program._replicate);
                var claim = program._model.Draw(ref stream, age[p], sex[p], hukou[p]);
                within[p] = claim.WithinPolicy;
                outside[p] = claim.OutOfPolicy;
                level[p] = (double)claim.Level;
                admissions[p] = claim.Admissions;
            }

            if (shared is not null)
            {
                within.Slice(first, count).CopyTo(shared.WithinPolicy.AsSpan(first, count));
                outside.Slice(first, count).CopyTo(shared.OutOfPolicy.AsSpan(first, count));
                level.Slice(first, count).CopyTo(shared.Level.AsSpan(first, count));
                admissions.Slice(first, count).CopyTo(shared.Admissions.AsSpan(first, count));
            }
        }
    }
}
