using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations;

/// <summary>
/// One person as given to <see cref="PopulationBuilder.AddPerson(in PersonRecord)"/> or to the household
/// calculator. Income amounts are <b>annual</b> yuan, as surveys report them; rules that work monthly convert explicitly.
/// </summary>
public readonly record struct PersonRecord
{
    /// <summary>The person's identifier, unique in the population (used for per-person random streams).</summary>
    public long Id { get; init; }

    /// <summary>The identifier of the person's household; it must be added to the builder too.</summary>
    public long HouseholdId { get; init; }

    /// <summary>Age in completed years (0–120).</summary>
    public int Age { get; init; }

    /// <summary>Sex.</summary>
    public Sex Sex { get; init; }

    /// <summary>The type of household registration.</summary>
    public HukouType Hukou { get; init; }

    /// <summary>The GB/T 2260 code of the place of hukou registration, or <see langword="null"/> when it is where the household lives.</summary>
    public string? HukouRegionCode { get; init; }

    /// <summary>Certified disability grade.</summary>
    public DisabilityGrade Disability { get; init; }

    /// <summary>Assessed self-care ability.</summary>
    public SelfCareAbility SelfCare { get; init; }

    /// <summary>Main activity.</summary>
    public EmploymentStatus Employment { get; init; }

    /// <summary>Wages and salaries, yuan per year (工资性收入).</summary>
    public double WagesAnnual { get; init; }

    /// <summary>Net business income, including farming and herding, yuan per year (经营净收入).</summary>
    public double BusinessIncomeAnnual { get; init; }

    /// <summary>Net property income, yuan per year (财产净收入).</summary>
    public double PropertyIncomeAnnual { get; init; }

    /// <summary>Private transfers received (remittances, gifts), yuan per year.</summary>
    public double PrivateTransfersAnnual { get; init; }

    /// <summary>Pensions received as reported in the data (not simulated), yuan per year.</summary>
    public double PensionIncomeAnnual { get; init; }
}
