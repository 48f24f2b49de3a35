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
public sealed class OldAgeAllowanceProgram : RuleProgram
{
    /// <summary>Parameter: the monthly allowance.</summary>
    public const string AmountParameter = "old_age_allowance.amount";

    /// <summary>Parameter: the age from which the allowance is paid.</summary>
    public const string MinAge = "old_age_allowance.min_age";

    /// <summary>Input (default): person column, 1 for a recipient of the urban–rural resident pension.</summary>
    public const string RecipientColumn = "person.resident_pension_recipient";

    /// <summary>Output: the allowance, yuan per month (person).</summary>
    public static readonly VariableDefinition Amount = new("old_age_allowance.amount_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.DirectTransfer, "Old-age allowance for resident-pension recipients of the qualifying age, yuan per month");

    /// <summary>Creates the allowance reading <see cref="RecipientColumn"/>.</summary>
    public OldAgeAllowanceProgram()
        : this(RecipientColumn)
    {
    }

    /// <summary>Creates the allowance reading a custom recipient variable.</summary>
    /// <param name="recipientVariable">A person variable above 0 for resident-pension recipients (a flag, or a simulated pension amount).</param>
    public OldAgeAllowanceProgram(string recipientVariable)
        : base(
            "old_age_allowance",
            "Old-age allowance for resident-pension recipients aged 80+ (Zhejiang [P]; illustrative amount).",
            inputs: [RuleArguments.Required(recipientVariable, nameof(recipientVariable))],
            outputs: [Amount],
            parameters: [AmountParameter, MinAge],
            pays: ["old_age_allowance"])
    {
    }

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
        => PerPerson<Rule, Rule.Block>(new Rule(Inputs[0], setup.PerMonth(AmountParameter), setup.Scalar(MinAge)));

    private readonly struct Rule(string recipient, RegionalValues amount, RegionalValues minAge) : IPersonRule<Rule.Block>
    {
        public Block Bind(ProgramContext context) => new(context.Population.Age, context.Read(recipient), context.Write(Amount.Name));

        public void Compute(ref Block block, in PersonRow person, Explanation? explanation)
        {
            int p = person.Index, r = person.Region.Index;
            bool qualifies = block.Age[p] >= minAge.ByRegion[r] && block.Recipient[p] > 0;
            block.Amount[p] = qualifies ? amount.ByRegion[r] : 0.0;
            explanation?.Record("old_age_allowance", StepText.Create($"member {person.Member}: age {block.Age[p]} ≥ {minAge[person.Region]:0} and resident-pension recipient ({(block.Recipient[p] > 0 ? "yes" : "no")}) → {(qualifies ? "allowance" : "none")}"), block.Amount[p], "yuan/month", amount.Source(person.Region), minAge.Source(person.Region));
        }

        public readonly ref struct Block(ReadOnlySpan<byte> age, ReadOnlySpan<double> recipient, Span<double> amount)
        {
            public readonly ReadOnlySpan<byte> Age = age;
            public readonly ReadOnlySpan<double> Recipient = recipient;
            public readonly Span<double> Amount = amount;
        }
    }
}
