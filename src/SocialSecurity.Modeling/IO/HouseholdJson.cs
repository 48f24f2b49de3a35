using System.Globalization;
using System.Text.Json;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// One household read from JSON: the household, its members in order, and the extra columns given through
/// <c>"columns"</c> (names that are not built-in columns), ready for <see cref="Simulation.HouseholdCalculator"/>.
/// </summary>
/// <param name="Household">The household (id 1, weight 1).</param>
/// <param name="Members">The members in order, with ids 1…n.</param>
/// <param name="PersonColumns">Extra person columns, one value per member (0 where a member gives none).</param>
/// <param name="HouseholdColumns">Extra household columns.</param>
public sealed record HouseholdInput(
    HouseholdRecord Household,
    IReadOnlyList<PersonRecord> Members,
    IReadOnlyDictionary<string, double[]> PersonColumns,
    IReadOnlyDictionary<string, double> HouseholdColumns);

/// <summary>
/// Reads one household written in the library's household JSON format, strictly: an unknown property, a wrong type,
/// a value outside its column's declared range or an unknown region is a <see cref="DataFormatException"/> naming the
/// file and the JSON path. The household-case files of the tests and the web calculator's requests use this format
/// (docs/household-json.md):
/// <code>
/// household: { "region": "330100", "area": "urban" | "rural", "financial_assets": 0, "homes": 1, "vehicle": false,
///              "columns": { "household.children_in_education": 1, "household.dibao_class": 2 } }
/// members:   [ { "age": 40, "sex": "male", "hukou": "urban", "hukou_region": "330100", "disability_grade": 0,
///                "self_care": "able", "employment": "employee", "wages_annual": 60000, "business_income_annual": 0,
///                "property_income_annual": 0, "private_transfers_annual": 0, "pension_income_annual": 0,
///                "columns": { "person.annual_bonus": 12000 } } ]
/// </code>
/// Each household is read as household 1 with persons 1…n: the ids seed per-person random streams, so a household
/// gives the same result however it is delivered.
/// </summary>
public static class HouseholdJson
{
    /// <summary>The properties of a household object.</summary>
    public static IReadOnlyList<string> HouseholdProperties { get; } = ["region", "area", "financial_assets", "homes", "vehicle", "columns"];

    /// <summary>The properties of a member object.</summary>
    public static IReadOnlyList<string> PersonProperties { get; } =
    [
        "age", "sex", "hukou", "hukou_region", "disability_grade", "self_care", "employment", "wages_annual", "business_income_annual",
        "property_income_annual", "private_transfers_annual", "pension_income_annual", "columns",
    ];

    /// <summary>Reads a household and its members.</summary>
    /// <param name="household">The household object.</param>
    /// <param name="members">The array of member objects.</param>
    /// <param name="regions">The region catalogue the region codes must belong to.</param>
    /// <param name="file">The file (or request) name, for messages.</param>
    /// <param name="householdPath">The household object's JSON path, for messages (for example <c>$.household</c>).</param>
    /// <param name="membersPath">The member array's JSON path, for messages (for example <c>$.members</c>).</param>
    /// <param name="otherHouseholdProperties">Further properties the household object may hold, read by the caller (for example <c>members</c>).</param>
    /// <exception cref="DataFormatException">The household or a member is invalid; the message names the JSON path.</exception>
    public static HouseholdInput Read(JsonElement household, JsonElement members, RegionCatalog regions, string file, string householdPath = "$.household", string membersPath = "$.members", IEnumerable<string>? otherHouseholdProperties = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(file);
        var reader = new Reader(file);
        var (record, householdColumns) = ReadHousehold(reader, household, regions, householdPath, [.. HouseholdProperties, .. otherHouseholdProperties ?? []]);
        var (list, personColumns) = ReadMembers(reader, members, regions, membersPath);
        return new HouseholdInput(record, list, personColumns, householdColumns);
    }

    private static (HouseholdRecord, Dictionary<string, double>) ReadHousehold(Reader reader, JsonElement h, RegionCatalog regions, string path, string[] allowed)
    {
        reader.Object(h, path, allowed);
        var region = reader.String(h, "region", path);
        if (!regions.TryGetId(region, out _))
        {
            throw new DataFormatException(reader.File, path + ".region", $"unknown region code '{region}'");
        }

        var household = new HouseholdRecord
        {
            Id = 1,
            Weight = 1,
            RegionCode = region,
            Area = reader.Choice(h, "area", path, AreaType.Urban, ("urban", AreaType.Urban), ("rural", AreaType.Rural)),
            FinancialAssets = reader.Number(h, "financial_assets", path, PopulationSchema.FinancialAssets, 0),
            HousingUnits = (byte)reader.Number(h, "homes", path, PopulationSchema.HousingUnits, 0),
            HasNonEssentialVehicle = reader.Boolean(h, "vehicle", path, false),
        };
        var extras = BuiltIns(reader, HouseholdRecord.Mapping, ref household, reader.Columns(h, path), path);
        return (household, extras);
    }

    private static (List<PersonRecord>, Dictionary<string, double[]>) ReadMembers(Reader reader, JsonElement members, RegionCatalog regions, string path)
    {
        if (members.ValueKind != JsonValueKind.Array || members.GetArrayLength() == 0)
        {
            throw new DataFormatException(reader.File, path, "expected a non-empty array of members");
        }

        var list = new List<PersonRecord>();
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        int count = members.GetArrayLength(), i = 0;
        foreach (var m in members.EnumerateArray())
        {
            var at = $"{path}[{i}]";
            reader.Object(m, at, PersonProperties);
            var hukouRegion = reader.OptionalString(m, "hukou_region", at);
            if (hukouRegion is not null && !regions.TryGetId(hukouRegion, out _))
            {
                throw new DataFormatException(reader.File, at + ".hukou_region", $"unknown region code '{hukouRegion}'");
            }

            var person = new PersonRecord
            {
                Id = i + 1,
                HouseholdId = 1,
                Age = (int)reader.Number(m, "age", at, PopulationSchema.Age, null),
                Sex = reader.Choice(m, "sex", at, Sex.Female, ("female", Sex.Female), ("male", Sex.Male)),
                Hukou = reader.Choice(m, "hukou", at, HukouType.Urban, ("urban", HukouType.Urban), ("rural", HukouType.Rural)),
                HukouRegionCode = hukouRegion,
                Disability = (DisabilityGrade)reader.Number(m, "disability_grade", at, PopulationSchema.Disability, 0),
                SelfCare = reader.Choice(m, "self_care", at, SelfCareAbility.Able, ("able", SelfCareAbility.Able), ("partly_unable", SelfCareAbility.PartlyUnable), ("fully_unable", SelfCareAbility.FullyUnable)),
                Employment = reader.Choice(
                    m, "employment", at, EmploymentStatus.Inactive, ("inactive", EmploymentStatus.Inactive), ("employee", EmploymentStatus.Employee), ("self_employed", EmploymentStatus.SelfEmployed),
                    ("agricultural", EmploymentStatus.Agricultural), ("unemployed", EmploymentStatus.Unemployed), ("retired", EmploymentStatus.Retired), ("student", EmploymentStatus.Student)),
                WagesAnnual = reader.Number(m, "wages_annual", at, PopulationSchema.Wages, 0),
                BusinessIncomeAnnual = reader.Number(m, "business_income_annual", at, PopulationSchema.BusinessIncome, 0),
                PropertyIncomeAnnual = reader.Number(m, "property_income_annual", at, PopulationSchema.PropertyIncome, 0),
                PrivateTransfersAnnual = reader.Number(m, "private_transfers_annual", at, PopulationSchema.PrivateTransfers, 0),
                PensionIncomeAnnual = reader.Number(m, "pension_income_annual", at, PopulationSchema.ReportedPension, 0),
            };
            var extras = BuiltIns(reader, PersonRecord.Mapping, ref person, reader.Columns(m, at), at);
            list.Add(person);
            foreach (var (name, value) in extras)
            {
                if (!columns.TryGetValue(name, out var values))
                {
                    columns[name] = values = new double[count];
                }

                values[i] = value;
            }

            i++;
        }

        return (list, columns);
    }

    /// <summary>
    /// Sets the built-in columns named in <paramref name="columns"/> (for example <c>person.annual_bonus</c>) on the
    /// record, each checked against its declaration, and returns the others, which are extra columns. Identifiers,
    /// weights and regions are not settable this way: the reader assigns them.
    /// </summary>
    private static Dictionary<string, double> BuiltIns<TRecord>(Reader reader, RecordMapping<TRecord> mapping, ref TRecord record, Dictionary<string, double> columns, string path)
        where TRecord : struct
    {
        var extras = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in columns)
        {
            var field = Array.Find(mapping.Fields, f => f.Column.Name == name);
            if (field is null)
            {
                extras[name] = value;
                continue;
            }

            var column = field.Column;
            if (column.Type is ColumnType.Identifier or ColumnType.Region || column == PopulationSchema.Weight)
            {
                throw new DataFormatException(reader.File, $"{path}.columns.{name}", $"built-in column '{name}' is set by the reader, not through \"columns\"");
            }

            if (!column.Accepts(value))
            {
                throw new DataFormatException(reader.File, $"{path}.columns.{name}", $"{value.ToString(CultureInfo.InvariantCulture)} is out of range for built-in column '{name}' ({column.Description}): expected {column.Expected}");
            }

            switch (field)
            {
                case NumberField<TRecord> number:
                    number.Set(ref record, value);
                    break;
                case IntegerField<TRecord> integer:
                    integer.Set(ref record, (long)value);
                    break;
            }
        }

        return extras;
    }

    /// <summary>Strict readers of JSON values, each failure a <see cref="DataFormatException"/> naming the file and path.</summary>
    private sealed class Reader(string file)
    {
        public string File { get; } = file;

        public static string Kind(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Null => "null",
            _ => "nothing",
        };

        public void Object(JsonElement element, string path, IReadOnlyList<string> allowed)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new DataFormatException(File, path, $"expected an object, found {Kind(element)}");
            }

            foreach (var property in element.EnumerateObject())
            {
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw new DataFormatException(File, $"{path}.{property.Name}", $"unknown property '{property.Name}'; expected one of {string.Join(", ", allowed)}");
                }
            }
        }

        public string String(JsonElement element, string name, string path)
            => OptionalString(element, name, path) is { } s && s.Trim().Length > 0 ? s : throw new DataFormatException(File, $"{path}.{name}", "expected a non-empty string");

        public string? OptionalString(JsonElement element, string name, string path)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new DataFormatException(File, $"{path}.{name}", $"expected a string, found {Kind(value)}");
        }

        public double Number(JsonElement element, string name, string path, double? fallback)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return fallback ?? throw new DataFormatException(File, $"{path}.{name}", "missing");
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double v) || !double.IsFinite(v))
            {
                throw new DataFormatException(File, $"{path}.{name}", $"expected a finite number, found {Kind(value)}");
            }

            return v;
        }

        /// <summary>A number checked against the declaration of the column it fills.</summary>
        public double Number(JsonElement element, string name, string path, ColumnDefinition column, double? fallback)
        {
            double v = Number(element, name, path, fallback);
            return column.Accepts(v)
                ? v
                : throw new DataFormatException(File, $"{path}.{name}", $"{v.ToString(CultureInfo.InvariantCulture)} is out of range: expected {column.Expected}");
        }

        public bool Boolean(JsonElement element, string name, string path, bool fallback)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return fallback;
            }

            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new DataFormatException(File, $"{path}.{name}", $"expected true or false, found {Kind(value)}"),
            };
        }

        public T Choice<T>(JsonElement element, string name, string path, T fallback, params (string Name, T Value)[] choices)
        {
            var text = OptionalString(element, name, path);
            if (text is null)
            {
                return fallback;
            }

            foreach (var (n, v) in choices)
            {
                if (n == text)
                {
                    return v;
                }
            }

            throw new DataFormatException(File, $"{path}.{name}", $"'{text}': expected one of {string.Join(", ", choices.Select(c => c.Name))}");
        }

        public Dictionary<string, double> Columns(JsonElement element, string path)
        {
            var columns = new Dictionary<string, double>(StringComparer.Ordinal);
            if (!element.TryGetProperty("columns", out var value))
            {
                return columns;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                throw new DataFormatException(File, path + ".columns", $"expected an object of column names and numbers, found {Kind(value)}");
            }

            foreach (var column in value.EnumerateObject())
            {
                columns[column.Name] = Number(value, column.Name, path + ".columns", null);
            }

            return columns;
        }
    }
}
