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

    /// <summary>
    /// The record's built-in columns (<see cref="PopulationSchema"/>, person entity): how the builder reads each one and
    /// how the file readers set it. A new built-in person column needs its property above and its line here.
    /// </summary>
    internal static RecordMapping<PersonRecord> Mapping { get; } = new(
        Entity.Person,
        new IntegerField<PersonRecord>(PopulationSchema.PersonId, (in PersonRecord p) => p.Id, (ref PersonRecord p, long v) => p = p with { Id = v }),
        new IntegerField<PersonRecord>(PopulationSchema.PersonHouseholdId, (in PersonRecord p) => p.HouseholdId, (ref PersonRecord p, long v) => p = p with { HouseholdId = v }),
        new IntegerField<PersonRecord>(PopulationSchema.Age, (in PersonRecord p) => p.Age, (ref PersonRecord p, long v) => p = p with { Age = (int)v }),
        new IntegerField<PersonRecord>(PopulationSchema.Sex, (in PersonRecord p) => (long)p.Sex, (ref PersonRecord p, long v) => p = p with { Sex = (Sex)v }),
        new IntegerField<PersonRecord>(PopulationSchema.Hukou, (in PersonRecord p) => (long)p.Hukou, (ref PersonRecord p, long v) => p = p with { Hukou = (HukouType)v }),
        new RegionField<PersonRecord>(PopulationSchema.HukouRegion, (in PersonRecord p) => p.HukouRegionCode, (ref PersonRecord p, string? v) => p = p with { HukouRegionCode = v }),
        new IntegerField<PersonRecord>(PopulationSchema.Disability, (in PersonRecord p) => (long)p.Disability, (ref PersonRecord p, long v) => p = p with { Disability = (DisabilityGrade)v }),
        new IntegerField<PersonRecord>(PopulationSchema.SelfCare, (in PersonRecord p) => (long)p.SelfCare, (ref PersonRecord p, long v) => p = p with { SelfCare = (SelfCareAbility)v }),
        new IntegerField<PersonRecord>(PopulationSchema.Employment, (in PersonRecord p) => (long)p.Employment, (ref PersonRecord p, long v) => p = p with { Employment = (EmploymentStatus)v }),
        new NumberField<PersonRecord>(PopulationSchema.Wages, (in PersonRecord p) => p.WagesAnnual, (ref PersonRecord p, double v) => p = p with { WagesAnnual = v }),
        new NumberField<PersonRecord>(PopulationSchema.BusinessIncome, (in PersonRecord p) => p.BusinessIncomeAnnual, (ref PersonRecord p, double v) => p = p with { BusinessIncomeAnnual = v }),
        new NumberField<PersonRecord>(PopulationSchema.PropertyIncome, (in PersonRecord p) => p.PropertyIncomeAnnual, (ref PersonRecord p, double v) => p = p with { PropertyIncomeAnnual = v }),
        new NumberField<PersonRecord>(PopulationSchema.PrivateTransfers, (in PersonRecord p) => p.PrivateTransfersAnnual, (ref PersonRecord p, double v) => p = p with { PrivateTransfersAnnual = v }),
        new NumberField<PersonRecord>(PopulationSchema.ReportedPension, (in PersonRecord p) => p.PensionIncomeAnnual, (ref PersonRecord p, double v) => p = p with { PensionIncomeAnnual = v }));
}
