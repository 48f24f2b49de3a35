using System.Globalization;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Subsidies;

/// <summary>
/// Old-age allowance (高龄津贴) for the oldest resident-pension recipients: a flat monthly amount from a given age.
/// </summary>
/// <remarks>
/// <para>Basis: Zhejiang pays an old-age allowance to resident-pension recipients aged 80+ [P] (docs/rules/old_age_allowance.md); the
/// amount is unknown [I: 30 yuan/month]. No allowance is loaded for the other provinces (amount 0 [I], a structural
/// zero rather than a finding).</para>
/// <para>Rule, per person: amount = <c>old_age_allowance.amount</c> (yuan/month, resolved where the household lives)
/// when age ≥ <c>old_age_allowance.min_age</c> and the recipient column is above 0, else 0. The recipient column is
/// <see cref="RecipientColumn"/> by default (1 for a resident-pension recipient).</para>
/// <para>Use this program with populations whose pensions are reported, not simulated. When the resident pension is
/// simulated, <see cref="Pensions.ResidentPensionProgram"/> already pays the allowance as a top-up, from the same two
/// parameters; both declare that they pay <c>old_age_allowance</c>, so a policy with both is rejected when it is built.</para>
/// </remarks>
public sealed class OldAgeAllowanceProgram : PolicyProgram
{
    /// <summary>Parameter: the monthly allowance.</summary>
    public const string AmountParameter = "old_age_allowance.amount";

    /// <summary>Parameter: the age from which the allowance is paid.</summary>
    public const string MinAge = "old_age_allowance.min_age";

    /// <summary>Input (default): person column, 1 for a recipient of the urban–rural resident pension.</summary>
    public const string RecipientColumn = "person.resident_pension_recipient";

    /// <summary>Output: the allowance, yuan per month (person).</summary>
    public static readonly VariableDefinition Amount = new("old_age_allowance.amount_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.DirectTransfer, "Old-age allowance for resident-pension recipients of the qualifying age, yuan per month");

    private readonly string _recipient;

    /// <summary>Creates the allowance reading <see cref="RecipientColumn"/>.</summary>
    public OldAgeAllowanceProgram()
        : this(RecipientColumn)
    {
    }

    /// <summary>Creates the allowance reading a custom recipient variable.</summary>
    /// <param name="recipientVariable">A person variable above 0 for resident-pension recipients (a flag, or a simulated pension amount).</param>
    public OldAgeAllowanceProgram(string recipientVariable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipientVariable);
        _recipient = recipientVariable;
        Inputs = [recipientVariable];
    }

    /// <inheritdoc />
    public override string Name => "old_age_allowance";

    /// <inheritdoc />
    public override IReadOnlyList<string> Pays { get; } = ["old_age_allowance"];

    /// <inheritdoc />
    public override string Description => "Old-age allowance for resident-pension recipients aged 80+ (Zhejiang [P]; illustrative amount).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; }

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } = [Amount];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = [AmountParameter, MinAge];

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new Pass(this, setup);
    }

    private sealed class Pass(OldAgeAllowanceProgram program, ProgramSetup setup) : ProgramPass
    {
        private readonly RegionalValues _amount = setup.PerMonth(AmountParameter);
        private readonly RegionalValues _minAge = setup.Scalar(MinAge);

        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var age = population.Age;
            var recipient = context.Read(program._recipient);
            var amount = context.Write(Amount.Name);
            for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
            {
                var region = population.HouseholdRegion[h];
                for (int p = start[h]; p < start[h + 1]; p++)
                {
                    bool qualifies = age[p] >= _minAge.ByRegion[region.Index] && recipient[p] > 0;
                    amount[p] = qualifies ? _amount.ByRegion[region.Index] : 0.0;
                    if (context.Explanation is { } explain)
                    {
                        explain.Record(program.Name, string.Create(CultureInfo.InvariantCulture, $"member {p - start[h] + 1}: age {age[p]} ≥ {_minAge[region]:0} and resident-pension recipient ({(recipient[p] > 0 ? "yes" : "no")}) → {(qualifies ? "allowance" : "none")}"), amount[p], "yuan/month", _amount.Source(region), _minAge.Source(region));
                    }
                }
            }
        }
    }
}
