using System.Buffers;
using System.Globalization;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// The pass of <see cref="MedicalPayoutProgram"/>: per household, each member's claim through
/// <see cref="MedicalPayoutSchedule"/>, then the household cap (<see cref="HouseholdBurdenCapTerms.Apply"/>), with the
/// terms of the household's region resolved once in <see cref="MedicalTerms"/>.
/// </summary>
internal sealed class MedicalPayoutPass : ProgramPass
{
    private const int StackMembers = 16;
    private readonly MedicalTerms?[] _terms;

    public MedicalPayoutPass(ProgramSetup setup)
    {
        _terms = new MedicalTerms?[setup.Regions.Count];
        foreach (var r in setup.RegionsPresent)
        {
            _terms[r.Index] = MedicalTerms.Read(TermsReader.For(setup, r));
        }
    }

    public override void Execute(ProgramContext context)
    {
        var population = context.Population;
        var start = population.MemberStart;
        var region = population.HouseholdRegion;
        var within = context.Read(MedicalPayoutProgram.WithinPolicyBillColumn);
        var outside = context.Read(MedicalPayoutProgram.OutOfPolicyBillColumn);
        var level = context.Read(MedicalPayoutProgram.HospitalLevelColumn);
        var admissions = context.Read(MedicalPayoutProgram.AdmissionsColumn);
        var groupColumn = context.Read(MedicalAssistanceGroupProgram.Group.Name);
        var enrolled = context.Read(MedicalPayoutProgram.InclusiveCommercialEnrolledColumn);
        var basicOut = context.Write(MedicalPayoutProgram.BasicInsurance.Name);
        var catastrophicOut = context.Write(MedicalPayoutProgram.CatastrophicInsurance.Name);
        var assistanceOut = context.Write(MedicalPayoutProgram.MedicalAssistance.Name);
        var majorOut = context.Write(MedicalPayoutProgram.MajorDiseaseSubsidy.Name);
        var commercialOut = context.Write(MedicalPayoutProgram.InclusiveCommercialInsurance.Name);
        var capOut = context.Write(MedicalPayoutProgram.HouseholdCap.Name);
        var oopOut = context.Write(MedicalPayoutProgram.OutOfPocket.Name);

        Span<MedicalPayout> stack = stackalloc MedicalPayout[StackMembers];
        for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
        {
            var r = region[h];
            var terms = _terms[r.Index] ?? throw new InvalidOperationException($"No medical terms were resolved for region index {r.Index}.");
            var schedule = terms.Schedule;
            int first = start[h], n = start[h + 1] - first;
            MedicalPayout[]? rented = null;
            var members = n <= StackMembers ? stack[..n] : (rented = ArrayPool<MedicalPayout>.Shared.Rent(n)).AsSpan(0, n);
            double? cap = null;
            for (int i = 0; i < n; i++)
            {
                int p = first + i;
                var group = GroupOf(groupColumn[p], p);
                if (within[p] == 0 && outside[p] == 0)
                {
                    members[i] = default; // no bill: every layer pays 0 (most persons in a year)
                }
                else
                {
                    var claim = new MedicalClaim(Amount(within[p], MedicalPayoutProgram.WithinPolicyBillColumn, p), Amount(outside[p], MedicalPayoutProgram.OutOfPolicyBillColumn, p), LevelOf(level[p]), Math.Max(1, (int)Math.Min(admissions[p], 10_000)));
                    members[i] = schedule.Compute(claim, group, enrolled[p] != 0);
                }

                cap = HouseholdBurdenCapTerms.Lower(cap, terms.HouseholdCap.CapFor(group));
            }

            HouseholdBurdenCapTerms.Apply(members, cap);
            for (int i = 0; i < n; i++)
            {
                int p = first + i;
                ref readonly var m = ref members[i];
                basicOut[p] = m.BasicInsurance;
                catastrophicOut[p] = m.CatastrophicInsurance;
                assistanceOut[p] = m.MedicalAssistance;
                majorOut[p] = m.MajorDiseaseSubsidy;
                commercialOut[p] = m.InclusiveCommercialInsurance;
                capOut[p] = m.HouseholdCap;
                oopOut[p] = m.OutOfPocket;
                if (context.Explanation is { } explain)
                {
                    MedicalPayoutExplanation.Record(explain, population.PersonId[p], m, cap, schedule, LevelOf(level[p]), GroupOf(groupColumn[p], p), terms.Sources);
                }
            }

            if (rented is not null)
            {
                ArrayPool<MedicalPayout>.Shared.Return(rented);
            }
        }
    }

    private static double Amount(double value, string column, int person)
        => double.IsFinite(value) && value >= 0
            ? value
            : throw new InvalidOperationException($"Column '{column}' holds {value.ToString(CultureInfo.InvariantCulture)} for person row {person}; expected a finite amount ≥ 0 yuan per year.");

    private static HospitalLevel LevelOf(double value) => value switch
    {
        1 => HospitalLevel.Primary,
        2 => HospitalLevel.Secondary,
        _ => HospitalLevel.Tertiary,
    };

    private static AssistanceGroup GroupOf(double value, int person)
        => value is >= 0 and <= 4 && value == Math.Floor(value)
            ? (AssistanceGroup)(byte)value
            : throw new InvalidOperationException($"Variable '{MedicalAssistanceGroupProgram.Group.Name}' holds {value.ToString(CultureInfo.InvariantCulture)} for person row {person}; expected a group code 0–4 (AssistanceGroup).");
}
