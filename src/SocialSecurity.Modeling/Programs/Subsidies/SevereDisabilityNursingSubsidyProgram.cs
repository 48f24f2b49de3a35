using System.Globalization;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Subsidies;

/// <summary>
/// Nursing subsidy for severely disabled people (重度残疾人护理补贴): a flat monthly amount for persons whose
/// certified disability grade is at or above a severity threshold, whatever their household income.
/// </summary>
/// <remarks>
/// <para>Basis: the national "two subsidies" scheme, in force from 1 January 2016 (State Council 国发〔2015〕52号): a
/// nursing subsidy for grade-1 and grade-2 disabled people who need long-term care [U: general knowledge, not among
/// the sources listed in docs/rules/README.md#sources]. Amounts are set by provinces and are unknown [I: 100 yuan/month]. The need for
/// long-term care is not in the data, so every grade-1 or grade-2 person is counted (an upper bound). The subsidy is
/// one of the benefits that exclude Yunhe's nursing subsidy (docs/rules/severe_disability_nursing_subsidy.md).</para>
/// <para>Rule, per person: amount = <c>severe_disability_nursing_subsidy.amount</c> yuan/month when 1 ≤ disability
/// grade ≤ <c>severe_disability_nursing_subsidy.max_grade</c> [U: 2], else 0.</para>
/// </remarks>
public sealed class SevereDisabilityNursingSubsidyProgram : PolicyProgram
{
    /// <summary>Parameter: the monthly subsidy.</summary>
    public const string AmountParameter = "severe_disability_nursing_subsidy.amount";

    /// <summary>Parameter: the least severe grade that qualifies (grade 1 is the most severe).</summary>
    public const string MaxGrade = "severe_disability_nursing_subsidy.max_grade";

    /// <summary>Output: the subsidy, yuan per month (person).</summary>
    public static readonly VariableDefinition Amount = new("severe_disability_nursing_subsidy.amount_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.DirectTransfer, "Nursing subsidy for severely disabled people, yuan per month");

    /// <inheritdoc />
    public override string Name => "severe_disability_nursing_subsidy";

    /// <inheritdoc />
    public override string Description => "Nursing subsidy for grade-1 and grade-2 disabled people (national two-subsidies scheme from 2016; illustrative amount).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; } = [];

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } = [Amount];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = [AmountParameter, MaxGrade];

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new Pass(this, setup);
    }

    private sealed class Pass(SevereDisabilityNursingSubsidyProgram program, ProgramSetup setup) : ProgramPass
    {
        private readonly RegionalValues _amount = setup.PerMonth(AmountParameter);
        private readonly RegionalValues _maxGrade = setup.Scalar(MaxGrade);

        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var disability = population.Disability;
            var amount = context.Write(Amount.Name);
            for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
            {
                var region = population.HouseholdRegion[h];
                for (int p = start[h]; p < start[h + 1]; p++)
                {
                    int grade = (int)disability[p];
                    bool qualifies = grade >= 1 && grade <= _maxGrade.ByRegion[region.Index];
                    amount[p] = qualifies ? _amount.ByRegion[region.Index] : 0.0;
                    if (context.Explanation is { } explain)
                    {
                        explain.Record(program.Name, string.Create(CultureInfo.InvariantCulture, $"member {p - start[h] + 1}: disability {disability[p]} (qualifying grades 1–{_maxGrade[region]:0})"), amount[p], "yuan/month", _amount.Source(region), _maxGrade.Source(region));
                    }
                }
            }
        }
    }
}
