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
