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

    /// <summary>Labour remuneration (劳务报酬所得), yuan per year.</summary>
    public double LabourRemunerationAnnual { get; init; }

    /// <summary>Author's remuneration (稿酬所得), yuan per year.</summary>
    public double AuthorRemunerationAnnual { get; init; }

    /// <summary>Royalties (特许权使用费所得), yuan per year.</summary>
    public double RoyaltiesAnnual { get; init; }

    /// <summary>The annual one-off bonus included in <see cref="WagesAnnual"/>, yuan per year (a part of wages, at most them).</summary>
    public double AnnualBonus { get; init; }

    /// <summary>The work arrangement: labour contract, flexible worker, individual business, or none.</summary>
    public WorkContract Contract { get; init; }

    /// <summary>The employer's industry risk class for work-injury insurance, 1–8; 0 when not employed.</summary>
    public int IndustryRiskClass { get; init; }

    /// <summary>The basic medical insurance scheme.</summary>
    public MedicalScheme MedicalScheme { get; init; }

    /// <summary>Living parents aged 60 or more, wherever they live (0–4).</summary>
    public int ParentsAged60Plus { get; init; }

    /// <summary>How the person claims the elderly-parent income-tax deduction; a claim needs <see cref="ParentsAged60Plus"/> ≥ 1.</summary>
    public ElderlyParentClaim ElderlyParentClaim { get; init; }

    /// <summary>Continuing education this year.</summary>
    public ContinuingEducation ContinuingEducation { get; init; }

    /// <summary>Self-paid medical costs within the policy scope this year, yuan (the serious-illness deduction's base).</summary>
    public double MedicalSelfPayAnnual { get; init; }

    /// <summary>Years of unemployment-insurance contributions.</summary>
    public double UnemploymentInsuranceYears { get; init; }

    /// <summary>Months this year registered as unemployed after an involuntary job loss (0–12).</summary>
    public int UnemploymentMonths { get; init; }

    /// <summary>Work-injury disability grade, 1 (most severe) to 10; 0 for none.</summary>
    public int WorkInjuryGrade { get; init; }

    /// <summary>Whether the work-injury grade was assessed this year (pays the one-time disability subsidy).</summary>
    public bool WorkInjuryAssessedThisYear { get; init; }

    /// <summary>Nursing dependence assessed with a work injury.</summary>
    public NursingDependency WorkInjuryNursing { get; init; }

    /// <summary>Own monthly wage before the work injury, yuan per month; 0 means <see cref="WagesAnnual"/> ÷ 12.</summary>
    public double WorkInjuryWageMonthly { get; init; }

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
        new NumberField<PersonRecord>(PopulationSchema.ReportedPension, (in PersonRecord p) => p.PensionIncomeAnnual, (ref PersonRecord p, double v) => p = p with { PensionIncomeAnnual = v }),
        new NumberField<PersonRecord>(PopulationSchema.LabourRemuneration, (in PersonRecord p) => p.LabourRemunerationAnnual, (ref PersonRecord p, double v) => p = p with { LabourRemunerationAnnual = v }),
        new NumberField<PersonRecord>(PopulationSchema.AuthorRemuneration, (in PersonRecord p) => p.AuthorRemunerationAnnual, (ref PersonRecord p, double v) => p = p with { AuthorRemunerationAnnual = v }),
        new NumberField<PersonRecord>(PopulationSchema.Royalties, (in PersonRecord p) => p.RoyaltiesAnnual, (ref PersonRecord p, double v) => p = p with { RoyaltiesAnnual = v }),
        new NumberField<PersonRecord>(PopulationSchema.AnnualBonus, (in PersonRecord p) => p.AnnualBonus, (ref PersonRecord p, double v) => p = p with { AnnualBonus = v }),
        new IntegerField<PersonRecord>(PopulationSchema.Contract, (in PersonRecord p) => (long)p.Contract, (ref PersonRecord p, long v) => p = p with { Contract = (WorkContract)v }),
        new IntegerField<PersonRecord>(PopulationSchema.IndustryRiskClass, (in PersonRecord p) => p.IndustryRiskClass, (ref PersonRecord p, long v) => p = p with { IndustryRiskClass = (int)v }),
        new IntegerField<PersonRecord>(PopulationSchema.Medical, (in PersonRecord p) => (long)p.MedicalScheme, (ref PersonRecord p, long v) => p = p with { MedicalScheme = (MedicalScheme)v }),
        new IntegerField<PersonRecord>(PopulationSchema.ParentsAged60Plus, (in PersonRecord p) => p.ParentsAged60Plus, (ref PersonRecord p, long v) => p = p with { ParentsAged60Plus = (int)v }),
        new IntegerField<PersonRecord>(PopulationSchema.ElderlyParents, (in PersonRecord p) => (long)p.ElderlyParentClaim, (ref PersonRecord p, long v) => p = p with { ElderlyParentClaim = (ElderlyParentClaim)v }),
        new IntegerField<PersonRecord>(PopulationSchema.Education, (in PersonRecord p) => (long)p.ContinuingEducation, (ref PersonRecord p, long v) => p = p with { ContinuingEducation = (ContinuingEducation)v }),
        new NumberField<PersonRecord>(PopulationSchema.MedicalSelfPay, (in PersonRecord p) => p.MedicalSelfPayAnnual, (ref PersonRecord p, double v) => p = p with { MedicalSelfPayAnnual = v }),
        new NumberField<PersonRecord>(PopulationSchema.UnemploymentInsuranceYears, (in PersonRecord p) => p.UnemploymentInsuranceYears, (ref PersonRecord p, double v) => p = p with { UnemploymentInsuranceYears = v }),
        new IntegerField<PersonRecord>(PopulationSchema.UnemploymentMonths, (in PersonRecord p) => p.UnemploymentMonths, (ref PersonRecord p, long v) => p = p with { UnemploymentMonths = (int)v }),
        new IntegerField<PersonRecord>(PopulationSchema.WorkInjuryGrade, (in PersonRecord p) => p.WorkInjuryGrade, (ref PersonRecord p, long v) => p = p with { WorkInjuryGrade = (int)v }),
        new IntegerField<PersonRecord>(PopulationSchema.WorkInjuryNew, (in PersonRecord p) => p.WorkInjuryAssessedThisYear ? 1 : 0, (ref PersonRecord p, long v) => p = p with { WorkInjuryAssessedThisYear = v == 1 }),
        new IntegerField<PersonRecord>(PopulationSchema.WorkInjuryNursing, (in PersonRecord p) => (long)p.WorkInjuryNursing, (ref PersonRecord p, long v) => p = p with { WorkInjuryNursing = (NursingDependency)v }),
        new NumberField<PersonRecord>(PopulationSchema.WorkInjuryWage, (in PersonRecord p) => p.WorkInjuryWageMonthly, (ref PersonRecord p, double v) => p = p with { WorkInjuryWageMonthly = v }));
}
