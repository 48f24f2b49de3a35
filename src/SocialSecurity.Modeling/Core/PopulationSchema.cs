namespace SocialSecurity.Modeling.Core;

/// <summary>
/// The declared schema of the built-in population columns: every attribute a <see cref="Population"/> always has, with
/// its entity, type, storage, unit, period, income role, valid values and meaning. The builder validates against these
/// definitions, the file readers take their field names and required fields from here, and
/// <see cref="InputVariables"/> are the amount columns of this schema seen as variables. Extra columns are declared by
/// their own <see cref="ColumnDefinition"/> when they are added.
/// </summary>
/// <remarks>
/// Adding a built-in attribute touches three files: this one (its definition and its row in <see cref="BuiltIns"/>),
/// the record it is given in (<c>PersonRecord</c> or <c>HouseholdRecord</c>) and <see cref="Population"/> (its typed
/// accessor). The builder, the CSV and Parquet readers and writers follow this table for double columns; a coded or
/// region attribute also needs its parse and format line in the file reader (see docs/schema.md).
/// </remarks>
public static class PopulationSchema
{
    /// <summary>The household's identifier, unique in the population.</summary>
    public static readonly ColumnDefinition HouseholdId = ColumnDefinition.Identifier("household.id", Entity.Household, "The household's identifier, unique in the population");

    /// <summary>The survey weight: households of the real population each sampled household stands for (finite, ≥ 0).</summary>
    public static readonly ColumnDefinition Weight = ColumnDefinition.Quantity("household.weight", Entity.Household, "households", 0, double.PositiveInfinity, "Survey weight: the number of real households the household stands for; also each member's person weight");

    /// <summary>The region the household lives in (a GB/T 2260 code from the region catalogue).</summary>
    public static readonly ColumnDefinition Region = ColumnDefinition.Region("household.region", Entity.Household, "The region the household lives in (GB/T 2260 code)");

    /// <summary>Urban or rural area of residence (<see cref="AreaType"/>).</summary>
    public static readonly ColumnDefinition Area = ColumnDefinition.Code<AreaType>("household.area", Entity.Household, "Urban or rural area of residence").StoredAs(ColumnStorage.Byte);

    /// <summary>Financial assets (deposits, securities), yuan: a stock.</summary>
    public static readonly ColumnDefinition FinancialAssets = ColumnDefinition.Amount("household.financial_assets", Entity.Household, AmountPeriod.None, IncomeRole.None, "Financial assets (a stock)");

    /// <summary>Homes owned (0–255).</summary>
    public static readonly ColumnDefinition HousingUnits = ColumnDefinition.Count("household.housing_units", Entity.Household, "homes", 0, 255, "Homes owned").StoredAs(ColumnStorage.Byte);

    /// <summary>1 when the household owns a non-essential vehicle, else 0.</summary>
    public static readonly ColumnDefinition NonEssentialVehicle = ColumnDefinition.Flag("household.non_essential_vehicle", Entity.Household, "The household owns a non-essential vehicle (one not used for work or by a disabled member)").StoredAs(ColumnStorage.Byte);

    /// <summary>The person's identifier, unique in the population (keys the person's random streams).</summary>
    public static readonly ColumnDefinition PersonId = ColumnDefinition.Identifier("person.id", Entity.Person, "The person's identifier, unique in the population");

    /// <summary>The identifier of the person's household (stored as the household's index).</summary>
    public static readonly ColumnDefinition PersonHouseholdId = ColumnDefinition.Identifier("person.household_id", Entity.Person, "The identifier of the person's household").StoredAs(ColumnStorage.Int32);

    /// <summary>Age in completed years (0–120).</summary>
    public static readonly ColumnDefinition Age = ColumnDefinition.Count("person.age", Entity.Person, "years", 0, 120, "Age in completed years").StoredAs(ColumnStorage.Byte);

    /// <summary>Sex (<see cref="Core.Sex"/>).</summary>
    public static readonly ColumnDefinition Sex = ColumnDefinition.Code<Sex>("person.sex", Entity.Person, "Sex").StoredAs(ColumnStorage.Byte);

    /// <summary>Type of household registration (<see cref="HukouType"/>).</summary>
    public static readonly ColumnDefinition Hukou = ColumnDefinition.Code<HukouType>("person.hukou", Entity.Person, "Type of household registration (hukou)").StoredAs(ColumnStorage.Byte);

    /// <summary>Place of hukou registration (a GB/T 2260 code); where the household lives when not given.</summary>
    public static readonly ColumnDefinition HukouRegion = ColumnDefinition.Region("person.hukou_region", Entity.Person, "Place of hukou registration (GB/T 2260 code); the household's region when not given");

    /// <summary>Certified disability grade (<see cref="DisabilityGrade"/>).</summary>
    public static readonly ColumnDefinition Disability = ColumnDefinition.Code<DisabilityGrade>("person.disability", Entity.Person, "Certified disability grade").StoredAs(ColumnStorage.Byte);

    /// <summary>Assessed self-care ability (<see cref="SelfCareAbility"/>).</summary>
    public static readonly ColumnDefinition SelfCare = ColumnDefinition.Code<SelfCareAbility>("person.self_care", Entity.Person, "Assessed self-care ability").StoredAs(ColumnStorage.Byte);

    /// <summary>Main activity (<see cref="EmploymentStatus"/>).</summary>
    public static readonly ColumnDefinition Employment = ColumnDefinition.Code<EmploymentStatus>("person.employment", Entity.Person, "Main activity").StoredAs(ColumnStorage.Byte);

    /// <summary>Wages and salaries, yuan per year (≥ 0).</summary>
    public static readonly ColumnDefinition Wages = ColumnDefinition.Amount("person.wages_annual", Entity.Person, AmountPeriod.Year, IncomeRole.MarketIncome, "Wages and salaries");

    /// <summary>Net business income, including farming and herding, yuan per year (may be negative).</summary>
    public static readonly ColumnDefinition BusinessIncome = ColumnDefinition.Amount("person.business_income_annual", Entity.Person, AmountPeriod.Year, IncomeRole.MarketIncome, "Net business income, including farming and herding", allowNegative: true);

    /// <summary>Net property income, yuan per year (may be negative).</summary>
    public static readonly ColumnDefinition PropertyIncome = ColumnDefinition.Amount("person.property_income_annual", Entity.Person, AmountPeriod.Year, IncomeRole.MarketIncome, "Net property income", allowNegative: true);

    /// <summary>Private transfers received (remittances, gifts), yuan per year (≥ 0).</summary>
    public static readonly ColumnDefinition PrivateTransfers = ColumnDefinition.Amount("person.private_transfers_annual", Entity.Person, AmountPeriod.Year, IncomeRole.MarketIncome, "Private transfers received");

    /// <summary>Pensions received as reported in the data (not simulated), yuan per year (≥ 0).</summary>
    public static readonly ColumnDefinition ReportedPension = ColumnDefinition.Amount("person.reported_pension_annual", Entity.Person, AmountPeriod.Year, IncomeRole.ContributoryPension, "Pensions received, as reported in the data (not simulated)");

    /// <summary>
    /// The built-in columns in file order, each with its canonical field name in population files and whether files
    /// must carry it. Households first, then persons.
    /// </summary>
    internal static readonly BuiltInColumn[] BuiltIns =
    [
        new(HouseholdId, "household_id", Required: true),
        new(Weight, "weight", Required: true),
        new(Region, "region", Required: true),
        new(Area, "area", Required: true),
        new(FinancialAssets, "financial_assets", Required: false),
        new(HousingUnits, "housing_units", Required: false),
        new(NonEssentialVehicle, "non_essential_vehicle", Required: false),
        new(PersonId, "person_id", Required: true),
        new(PersonHouseholdId, "household_id", Required: true),
        new(Age, "age", Required: true),
        new(Sex, "sex", Required: true),
        new(Hukou, "hukou", Required: true),
        new(HukouRegion, "hukou_region", Required: false),
        new(Disability, "disability", Required: false),
        new(SelfCare, "self_care", Required: false),
        new(Employment, "employment", Required: false),
        new(Wages, "wages_annual", Required: false),
        new(BusinessIncome, "business_income_annual", Required: false),
        new(PropertyIncome, "property_income_annual", Required: false),
        new(PrivateTransfers, "private_transfers_annual", Required: false),
        new(ReportedPension, "pension_income_annual", Required: false),
    ];

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

    /// <summary>One built-in column: its definition, its canonical field name in files, and whether files must carry it.</summary>
    internal readonly record struct BuiltInColumn(ColumnDefinition Definition, string Field, bool Required);
}
