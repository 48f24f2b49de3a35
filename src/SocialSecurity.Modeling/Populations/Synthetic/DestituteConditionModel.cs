using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Randomness;

namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>
/// The three "no" conditions of destitute support (Decree 649 art. 14; docs/rules/destitute.md) and the form of support,
/// as the person columns the destitute-support rule reads. Every rule here is an assumption [I]
/// (docs/baseline.md#destitute-persons):
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>No work capacity:</b> aged 60+ and not able to look after themselves, or aged 70+, or a grade 1–2
/// disability at any age, or under 16.</item>
/// <item><b>No source of livelihood:</b> no activity that earns or pays a pension: inactive, unemployed or a student
/// (not an employee, self-employed, farmer or retiree).</item>
/// <item><b>No supporter:</b> living alone (a one-person household) and, with probability <see cref="NoSupporterWhenAlone"/>,
/// without a legal supporter able to support (children or a spouse elsewhere); nobody living with others qualifies.</item>
/// <item><b>Centralised support:</b> half of those who cannot look after themselves at all live in an institution.</item>
/// </list>
/// </remarks>
internal static class DestituteConditionModel
{
    /// <summary>Probability that a person living alone has no legal supporter able to support them [I].</summary>
    public const double NoSupporterWhenAlone = 0.10;

    /// <summary>Probability of centralised support for a person fully unable to look after themselves [I].</summary>
    public const double CentralisedWhenFullyUnable = 0.5;

    public static readonly ColumnDefinition NoWorkCapacity = ColumnDefinition.Flag("person.no_work_capacity", Entity.Person, "The person has no work capacity; synthetic [I]");

    public static readonly ColumnDefinition NoLivelihood = ColumnDefinition.Flag("person.no_livelihood", Entity.Person, "The person has no source of livelihood; synthetic [I]");

    public static readonly ColumnDefinition NoSupporter = ColumnDefinition.Flag("person.no_supporter", Entity.Person, "The person has no legal supporter, or the supporter cannot support them; synthetic [I]");

    public static readonly ColumnDefinition Centralised = ColumnDefinition.Flag("person.centralised_support", Entity.Person, "The person is supported in an institution (centralised support); synthetic [I]");

    /// <summary>The four columns, in the order above.</summary>
    public static (ColumnDefinition Column, double[] Values)[] Assign(SyntheticDraft draft, ulong seed)
    {
        int persons = draft.PersonCount;
        var work = new double[persons];
        var livelihood = new double[persons];
        var supporter = new double[persons];
        var centralised = new double[persons];
        var supporterStream = new RandomStream(seed, "synthetic.destitute_no_supporter");
        var institutionStream = new RandomStream(seed, "synthetic.destitute_centralised");
        for (int h = 0; h < draft.HouseholdCount; h++)
        {
            bool alone = draft.Size(h) == 1;
            for (int i = draft.MemberStart[h]; i < draft.MemberStart[h + 1]; i++)
            {
                long id = i + 1;
                int age = draft.Age[i];
                var selfCare = draft.SelfCare[i];
                work[i] = (age >= 60 && selfCare != SelfCareAbility.Able) || age >= 70 || age < 16 || draft.Disability[i] is DisabilityGrade.Grade1 or DisabilityGrade.Grade2 ? 1 : 0;
                livelihood[i] = draft.Employment[i] is EmploymentStatus.Inactive or EmploymentStatus.Unemployed or EmploymentStatus.Student ? 1 : 0;
                supporter[i] = alone && supporterStream.Uniform(id) < NoSupporterWhenAlone ? 1 : 0;
                centralised[i] = selfCare == SelfCareAbility.FullyUnable && institutionStream.Uniform(id) < CentralisedWhenFullyUnable ? 1 : 0;
            }
        }

        return [(NoWorkCapacity, work), (NoLivelihood, livelihood), (NoSupporter, supporter), (Centralised, centralised)];
    }
}
