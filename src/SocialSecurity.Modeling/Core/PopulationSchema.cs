namespace SocialSecurity.Modeling.Core;

/// <summary>
/// The declared schema of the built-in population columns: every attribute a <see cref="Population"/> always has, with
/// its entity, type, storage, unit, period, income role, valid values and meaning. The builder validates against these
/// definitions, the file readers take their field names and required fields from here, and
/// <see cref="InputVariables"/> are the amount columns of this schema seen as variables. Extra columns are declared by
/// their own <see cref="ColumnDefinition"/> when they are added.
/// </summary>
/// <remarks>
/// Adding a built-in attribute touches at most three files: this one (one <c>Declare</c> line: the definition with its
/// storage and range, its field name in files and whether files must carry it), the record it is given in
/// (<c>PersonRecord</c> or <c>HouseholdRecord</c>: the property and its line in the record's <c>Mapping</c>) and,
/// optionally, <see cref="Population"/> (a typed span accessor). The population's arrays, the builder, derived and
/// synthetic populations, and the CSV and Parquet readers and writers follow this table (see docs/schema.md).
/// </remarks>
public static class PopulationSchema
{
    // Filled by Declare, in declaration order (static initialisers run in textual order): keep it first.
    private static readonly List<BuiltInColumn> Declared = [];

    /// <summary>The household's identifier, unique in the population.</summary>
    public static readonly ColumnDefinition HouseholdId = Declare(ColumnDefinition.Identifier("household.id", Entity.Household, "The household's identifier, unique in the population"), "household_id", required: true);

    /// <summary>The survey weight: households of the real population each sampled household stands for (finite, ≥ 0).</summary>
    public static readonly ColumnDefinition Weight = Declare(ColumnDefinition.Quantity("household.weight", Entity.Household, "households", 0, double.PositiveInfinity, "Survey weight: the number of real households the household stands for; also each member's person weight"), "weight", required: true);

    /// <summary>The region the household lives in (a GB/T 2260 code from the region catalogue).</summary>
    public static readonly ColumnDefinition Region = Declare(ColumnDefinition.Region("household.region", Entity.Household, "The region the household lives in (GB/T 2260 code)"), "region", required: true);

    /// <summary>Urban or rural area of residence (<see cref="AreaType"/>).</summary>
    public static readonly ColumnDefinition Area = Declare(ColumnDefinition.Code<AreaType>("household.area", Entity.Household, "Urban or rural area of residence").StoredAs(ColumnStorage.Byte), "area", required: true);

    /// <summary>Financial assets (deposits, securities), yuan: a stock.</summary>
    public static readonly ColumnDefinition FinancialAssets = Declare(ColumnDefinition.Amount("household.financial_assets", Entity.Household, AmountPeriod.None, IncomeRole.None, "Financial assets (a stock)"), "financial_assets", required: false);

    /// <summary>Homes owned (0–255).</summary>
    public static readonly ColumnDefinition HousingUnits = Declare(ColumnDefinition.Count("household.housing_units", Entity.Household, "homes", 0, 255, "Homes owned").StoredAs(ColumnStorage.Byte), "housing_units", required: false);

    /// <summary>1 when the household owns a non-essential vehicle, else 0.</summary>
    public static readonly ColumnDefinition NonEssentialVehicle = Declare(ColumnDefinition.Flag("household.non_essential_vehicle", Entity.Household, "The household owns a non-essential vehicle (one not used for work or by a disabled member)").StoredAs(ColumnStorage.Byte), "non_essential_vehicle", required: false);

    /// <summary>Children of the household in education (from age 3, pre-school to doctoral study) who qualify a parent for the children's-education income-tax deduction; each must be a member aged 3–5 or a student.</summary>
    public static readonly ColumnDefinition ChildrenInEducation = Declare(ColumnDefinition.Count("household.children_in_education", Entity.Household, "children", 0, 20, "Children in education (age 3 to doctoral study) for the income-tax deduction").StoredAs(ColumnStorage.Byte), "children_in_education", required: false);

    /// <summary>Children of the household under 3 who qualify a parent for the infant-care income-tax deduction; each must be a member aged 0–2.</summary>
    public static readonly ColumnDefinition ChildrenUnder3 = Declare(ColumnDefinition.Count("household.children_under_3", Entity.Household, "children", 0, 20, "Children under 3 for the infant-care income-tax deduction").StoredAs(ColumnStorage.Byte), "children_under_3", required: false);

    /// <summary>The household's housing cost for the income-tax deductions: a first-home mortgage or rent (exclusive).</summary>
    public static readonly ColumnDefinition Housing = Declare(ColumnDefinition.Code<HousingCost>("household.housing", Entity.Household, "Housing cost for the income-tax deductions").StoredAs(ColumnStorage.Byte), "housing", required: false);

    /// <summary>The class of the city where the household lives, which sets the housing-rent deduction.</summary>
    public static readonly ColumnDefinition City = Declare(ColumnDefinition.Code<CityClass>("household.city_class", Entity.Household, "City class for the housing-rent deduction").StoredAs(ColumnStorage.Byte), "city_class", required: false);

    /// <summary>Members who died of a work injury this year: their survivors in the household receive the one-time work-injury death subsidy.</summary>
    public static readonly ColumnDefinition WorkInjuryDeaths = Declare(ColumnDefinition.Count("household.work_injury_deaths", Entity.Household, "persons", 0, 10, "Members who died of a work injury this year").StoredAs(ColumnStorage.Byte), "work_injury_deaths", required: false);

    /// <summary>The person's identifier, unique in the population (keys the person's random streams).</summary>
    public static readonly ColumnDefinition PersonId = Declare(ColumnDefinition.Identifier("person.id", Entity.Person, "The person's identifier, unique in the population"), "person_id", required: true);

    /// <summary>The identifier of the person's household (stored as the household's index).</summary>
    public static readonly ColumnDefinition PersonHouseholdId = Declare(ColumnDefinition.Identifier("person.household_id", Entity.Person, "The identifier of the person's household").StoredAs(ColumnStorage.Int32), "household_id", required: true);

    /// <summary>Age in completed years (0–120).</summary>
    public static readonly ColumnDefinition Age = Declare(ColumnDefinition.Count("person.age", Entity.Person, "years", 0, 120, "Age in completed years").StoredAs(ColumnStorage.Byte), "age", required: true);

    /// <summary>Sex (<see cref="Core.Sex"/>).</summary>
    public static readonly ColumnDefinition Sex = Declare(ColumnDefinition.Code<Sex>("person.sex", Entity.Person, "Sex").StoredAs(ColumnStorage.Byte), "sex", required: true);

    /// <summary>Type of household registration (<see cref="HukouType"/>).</summary>
    public static readonly ColumnDefinition Hukou = Declare(ColumnDefinition.Code<HukouType>("person.hukou", Entity.Person, "Type of household registration (hukou)").StoredAs(ColumnStorage.Byte), "hukou", required: true);

    /// <summary>Place of hukou registration (a GB/T 2260 code); where the household lives when not given.</summary>
    public static readonly ColumnDefinition HukouRegion = Declare(ColumnDefinition.Region("person.hukou_region", Entity.Person, "Place of hukou registration (GB/T 2260 code); the household's region when not given"), "hukou_region", required: false);

    /// <summary>Certified disability grade (<see cref="DisabilityGrade"/>).</summary>
    public static readonly ColumnDefinition Disability = Declare(ColumnDefinition.Code<DisabilityGrade>("person.disability", Entity.Person, "Certified disability grade").StoredAs(ColumnStorage.Byte), "disability", required: false);

    /// <summary>Assessed self-care ability (<see cref="SelfCareAbility"/>).</summary>
    public static readonly ColumnDefinition SelfCare = Declare(ColumnDefinition.Code<SelfCareAbility>("person.self_care", Entity.Person, "Assessed self-care ability").StoredAs(ColumnStorage.Byte), "self_care", required: false);

    /// <summary>Main activity (<see cref="EmploymentStatus"/>).</summary>
    public static readonly ColumnDefinition Employment = Declare(ColumnDefinition.Code<EmploymentStatus>("person.employment", Entity.Person, "Main activity").StoredAs(ColumnStorage.Byte), "employment", required: false);

    /// <summary>Wages and salaries, yuan per year (≥ 0).</summary>
    public static readonly ColumnDefinition Wages = Declare(ColumnDefinition.Amount("person.wages_annual", Entity.Person, AmountPeriod.Year, IncomeRole.MarketIncome, "Wages and salaries"), "wages_annual", required: false);

    /// <summary>Net business income, including farming and herding, yuan per year (may be negative).</summary>
    public static readonly ColumnDefinition BusinessIncome = Declare(ColumnDefinition.Amount("person.business_income_annual", Entity.Person, AmountPeriod.Year, IncomeRole.MarketIncome, "Net business income, including farming and herding", allowNegative: true), "business_income_annual", required: false);

    /// <summary>Net property income, yuan per year (may be negative).</summary>
    public static readonly ColumnDefinition PropertyIncome = Declare(ColumnDefinition.Amount("person.property_income_annual", Entity.Person, AmountPeriod.Year, IncomeRole.MarketIncome, "Net property income", allowNegative: true), "property_income_annual", required: false);

    /// <summary>Private transfers received (remittances, gifts), yuan per year (≥ 0).</summary>
    public static readonly ColumnDefinition PrivateTransfers = Declare(ColumnDefinition.Amount("person.private_transfers_annual", Entity.Person, AmountPeriod.Year, IncomeRole.MarketIncome, "Private transfers received"), "private_transfers_annual", required: false);

    /// <summary>Pensions received as reported in the data (not simulated), yuan per year (≥ 0).</summary>
    public static readonly ColumnDefinition ReportedPension = Declare(ColumnDefinition.Amount("person.reported_pension_annual", Entity.Person, AmountPeriod.Year, IncomeRole.ContributoryPension, "Pensions received, as reported in the data (not simulated)"), "pension_income_annual", required: false);

    /// <summary>Labour remuneration (劳务报酬所得): pay for independent personal services, yuan per year; 80% of it is comprehensive income for income tax.</summary>
    public static readonly ColumnDefinition LabourRemuneration = Declare(ColumnDefinition.Amount("person.labour_remuneration_annual", Entity.Person, AmountPeriod.Year, IncomeRole.MarketIncome, "Labour remuneration (independent personal services)"), "labour_remuneration_annual", required: false);

    /// <summary>Author's remuneration (稿酬所得), yuan per year; 56% of it (80% × 70%) is comprehensive income for income tax.</summary>
    public static readonly ColumnDefinition AuthorRemuneration = Declare(ColumnDefinition.Amount("person.author_remuneration_annual", Entity.Person, AmountPeriod.Year, IncomeRole.MarketIncome, "Author's remuneration"), "author_remuneration_annual", required: false);

    /// <summary>Royalties (特许权使用费所得), yuan per year; 80% of them are comprehensive income for income tax.</summary>
    public static readonly ColumnDefinition Royalties = Declare(ColumnDefinition.Amount("person.royalties_annual", Entity.Person, AmountPeriod.Year, IncomeRole.MarketIncome, "Royalties"), "royalties_annual", required: false);

    /// <summary>The annual one-off bonus (全年一次性奖金) included in <see cref="Wages"/>, yuan per year: a part of wages, never more than them.</summary>
    public static readonly ColumnDefinition AnnualBonus = Declare(ColumnDefinition.Amount("person.annual_bonus", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Annual one-off bonus, a part of wages (not added to them)"), "annual_bonus", required: false);

    /// <summary>How the person works: labour contract, flexible worker, owner of an individual business, or none.</summary>
    public static readonly ColumnDefinition Contract = Declare(ColumnDefinition.Code<WorkContract>("person.contract", Entity.Person, "Work arrangement for social insurance and income tax").StoredAs(ColumnStorage.Byte), "contract", required: false);

    /// <summary>The employer's industry risk class for work-injury insurance, 1 (lowest) to 8 (highest); 0 when not employed.</summary>
    public static readonly ColumnDefinition IndustryRiskClass = Declare(ColumnDefinition.Count("person.industry_risk_class", Entity.Person, "class", 0, 8, "Industry risk class for work-injury insurance (1–8; 0 none)").StoredAs(ColumnStorage.Byte), "industry_risk_class", required: false);

    /// <summary>The basic medical insurance the person is enrolled in.</summary>
    public static readonly ColumnDefinition Medical = Declare(ColumnDefinition.Code<MedicalScheme>("person.medical_scheme", Entity.Person, "Basic medical insurance scheme").StoredAs(ColumnStorage.Byte), "medical_scheme", required: false);

    /// <summary>The number of the person's living parents aged 60 or more, wherever they live.</summary>
    public static readonly ColumnDefinition ParentsAged60Plus = Declare(ColumnDefinition.Count("person.parents_60_plus", Entity.Person, "parents", 0, 4, "Living parents aged 60 or more, wherever they live").StoredAs(ColumnStorage.Byte), "parents_60_plus", required: false);

    /// <summary>How the person claims the elderly-parent deduction; a claim needs at least one parent in <see cref="ParentsAged60Plus"/>.</summary>
    public static readonly ColumnDefinition ElderlyParents = Declare(ColumnDefinition.Code<ElderlyParentClaim>("person.elderly_parent_claim", Entity.Person, "Elderly-parent deduction claim: none, only child or shared with siblings").StoredAs(ColumnStorage.Byte), "elderly_parent_claim", required: false);

    /// <summary>Continuing education this year, for the income-tax deduction.</summary>
    public static readonly ColumnDefinition Education = Declare(ColumnDefinition.Code<ContinuingEducation>("person.continuing_education", Entity.Person, "Continuing education this year").StoredAs(ColumnStorage.Byte), "continuing_education", required: false);

    /// <summary>Self-paid medical costs within the policy scope this year, yuan per year: the base of the serious-illness deduction.</summary>
    public static readonly ColumnDefinition MedicalSelfPay = Declare(ColumnDefinition.Amount("person.medical_self_pay_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Self-paid medical costs within the policy scope (an expense, not income)"), "medical_self_pay_annual", required: false);

    /// <summary>Years of contributions to unemployment insurance, including deemed years.</summary>
    public static readonly ColumnDefinition UnemploymentInsuranceYears = Declare(ColumnDefinition.Quantity("person.unemployment_insurance_years", Entity.Person, "years", 0, 70, "Years of unemployment-insurance contributions"), "unemployment_insurance_years", required: false);

    /// <summary>Months of the year spent registered as unemployed after an involuntary job loss (0–12).</summary>
    public static readonly ColumnDefinition UnemploymentMonths = Declare(ColumnDefinition.Count("person.unemployment_months", Entity.Person, "months", 0, 12, "Months registered as unemployed after an involuntary job loss this year").StoredAs(ColumnStorage.Byte), "unemployment_months", required: false);

    /// <summary>The assessed work-injury disability grade, 1 (most severe) to 10; 0 for none.</summary>
    public static readonly ColumnDefinition WorkInjuryGrade = Declare(ColumnDefinition.Count("person.work_injury_grade", Entity.Person, "grade", 0, 10, "Work-injury disability grade (1 most severe … 10; 0 none)").StoredAs(ColumnStorage.Byte), "work_injury_grade", required: false);

    /// <summary>1 when the work-injury grade was assessed this year, which pays the one-time disability subsidy; needs a grade.</summary>
    public static readonly ColumnDefinition WorkInjuryNew = Declare(ColumnDefinition.Flag("person.work_injury_new", Entity.Person, "The work-injury grade was assessed this year").StoredAs(ColumnStorage.Byte), "work_injury_new", required: false);

    /// <summary>The nursing dependence assessed with a work injury, which sets the nursing allowance; needs a grade.</summary>
    public static readonly ColumnDefinition WorkInjuryNursing = Declare(ColumnDefinition.Code<NursingDependency>("person.work_injury_nursing", Entity.Person, "Nursing dependence assessed with a work injury").StoredAs(ColumnStorage.Byte), "work_injury_nursing", required: false);

    /// <summary>The person's own monthly wage before the work injury (本人工资), yuan per month; 0 means wages ÷ 12.</summary>
    public static readonly ColumnDefinition WorkInjuryWage = Declare(ColumnDefinition.Amount("person.work_injury_wage_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.None, "Own monthly wage before the work injury (0: wages ÷ 12)"), "work_injury_wage_monthly", required: false);

    /// <summary>
    /// The built-in columns in declaration order, which is file order and the order of a population's built-in arrays
    /// (<see cref="ColumnDefinition.BuiltInIndex"/>), each with its canonical field name in population files and whether
    /// files must carry it. Households first, then persons.
    /// </summary>
    internal static readonly BuiltInColumn[] BuiltIns = [.. Declared];

    /// <summary>The built-in household columns, in file order.</summary>
    public static IReadOnlyList<ColumnDefinition> HouseholdColumns { get; } = [.. BuiltIns.Where(b => b.Definition.Entity == Entity.Household).Select(b => b.Definition)];

    /// <summary>The built-in person columns, in file order.</summary>
    public static IReadOnlyList<ColumnDefinition> PersonColumns { get; } = [.. BuiltIns.Where(b => b.Definition.Entity == Entity.Person).Select(b => b.Definition)];

    /// <summary>Every built-in column: households, then persons.</summary>
    public static IReadOnlyList<ColumnDefinition> All { get; } = [.. HouseholdColumns, .. PersonColumns];

    /// <summary>The built-in column named <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="name">A column name, for example <c>person.age</c>.</param>
    public static ColumnDefinition? Find(string name)
    {
        foreach (var column in BuiltIns)
        {
            if (string.Equals(column.Definition.Name, name, StringComparison.Ordinal))
            {
                return column.Definition;
            }
        }

        return null;
    }

    /// <summary>The canonical field name of a built-in column in population files (<c>wages_annual</c> for <c>person.wages_annual</c>).</summary>
    internal static string FieldName(ColumnDefinition column)
    {
        foreach (var builtIn in BuiltIns)
        {
            if (ReferenceEquals(builtIn.Definition, column))
            {
                return builtIn.Field;
            }
        }

        return column.Name;
    }

    /// <summary>The canonical field names of the built-in columns of one entity, in file order.</summary>
    internal static string[] Fields(Entity entity) => [.. BuiltIns.Where(b => b.Definition.Entity == entity).Select(b => b.Field)];

    /// <summary>The field names that files must carry for one entity.</summary>
    internal static string[] RequiredFields(Entity entity) => [.. BuiltIns.Where(b => b.Definition.Entity == entity && b.Required).Select(b => b.Field)];

    /// <summary>A new zero-filled array for a built-in column's storage, <paramref name="length"/> long.</summary>
    internal static Array NewArray(ColumnStorage storage, int length) => storage switch
    {
        ColumnStorage.Double => new double[length],
        ColumnStorage.Byte => new byte[length],
        ColumnStorage.UInt16 => new ushort[length],
        ColumnStorage.Int32 => new int[length],
        _ => new long[length],
    };

    /// <summary>A new array for a built-in column's storage, <paramref name="length"/> long, not zeroed: only for arrays the caller writes in full.</summary>
    internal static Array NewUninitializedArray(ColumnStorage storage, int length) => storage switch
    {
        ColumnStorage.Double => GC.AllocateUninitializedArray<double>(length),
        ColumnStorage.Byte => GC.AllocateUninitializedArray<byte>(length),
        ColumnStorage.UInt16 => GC.AllocateUninitializedArray<ushort>(length),
        ColumnStorage.Int32 => GC.AllocateUninitializedArray<int>(length),
        _ => GC.AllocateUninitializedArray<long>(length),
    };

    /// <summary>The element type of a built-in column's storage.</summary>
    internal static Type ElementType(ColumnStorage storage) => storage switch
    {
        ColumnStorage.Double => typeof(double),
        ColumnStorage.Byte => typeof(byte),
        ColumnStorage.UInt16 => typeof(ushort),
        ColumnStorage.Int32 => typeof(int),
        _ => typeof(long),
    };

    /// <summary>Declares a built-in column: its row in <see cref="BuiltIns"/> (in declaration order), which is also its index in a population's built-in arrays.</summary>
    private static ColumnDefinition Declare(ColumnDefinition definition, string field, bool required)
    {
        definition.BuiltInIndex = Declared.Count;
        Declared.Add(new BuiltInColumn(definition, field, required));
        return definition;
    }

    /// <summary>One built-in column: its definition, its canonical field name in files, and whether files must carry it.</summary>
    internal readonly record struct BuiltInColumn(ColumnDefinition Definition, string Field, bool Required);
}
