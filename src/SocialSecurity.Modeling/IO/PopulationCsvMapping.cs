using System.Text.Json;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Populations;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// A declarative mapping from two CSV files (households and persons) to a <see cref="Population"/>: which column
/// holds each field, how coded values translate, how amounts scale, and which extra numeric columns to carry.
/// A field that is not mapped is read from the column with its canonical name (<see cref="HouseholdFields"/>,
/// <see cref="PersonFields"/>), so files written by <see cref="PopulationCsv.Write"/> need no mapping at all.
/// </summary>
/// <remarks>
/// <para>JSON shape (every part optional):</para>
/// <code>
/// { "delimiter": ",",
///   "households": { "household_id": "hhid", "area": { "column": "urban", "values": { "1": "urban", "0": "rural" } } },
///   "persons": { "wages_annual": { "column": "wage_month", "scale": 12 } },
///   "household_extras": { "medical.bills_annual": "med_bills" },
///   "person_extras": { } }
/// </code>
/// <para>Required fields: households <c>household_id, weight, region, area</c>; persons <c>person_id,
/// household_id, age, sex, hukou</c>. The others default to 0 / none / able / inactive when their column is absent.
/// Canonical values: area and hukou <c>urban|rural</c>; sex <c>female|male</c>; disability <c>none|1|2|3|4</c>;
/// self_care <c>able|partly_unable|fully_unable</c>; employment <c>inactive|employee|self_employed|agricultural|
/// unemployed|retired|student</c>; non_essential_vehicle <c>0|1</c>; the enums' integer codes are accepted too.</para>
/// </remarks>
public sealed class PopulationCsvMapping
{
    private static readonly IReadOnlyDictionary<string, CsvFieldMapping> Empty = new Dictionary<string, CsvFieldMapping>();

    /// <summary>The canonical household fields, in the column order that <see cref="PopulationCsv.Write"/> uses.</summary>
    public static IReadOnlyList<string> HouseholdFields { get; } = ["household_id", "weight", "region", "area", "financial_assets", "housing_units", "non_essential_vehicle"];

    /// <summary>The canonical person fields, in the column order that <see cref="PopulationCsv.Write"/> uses.</summary>
    public static IReadOnlyList<string> PersonFields { get; } =
    [
        "person_id", "household_id", "age", "sex", "hukou", "hukou_region", "disability", "self_care", "employment",
        "wages_annual", "business_income_annual", "property_income_annual", "private_transfers_annual", "pension_income_annual",
    ];

    /// <summary>The identity mapping: canonical column names, comma-separated, no extra columns.</summary>
    public static PopulationCsvMapping Default { get; } = new();

    /// <summary>The field delimiter (one character; default comma).</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Household fields mapped to other columns, keyed by canonical field name.</summary>
    public IReadOnlyDictionary<string, CsvFieldMapping> Households { get; init; } = Empty;

    /// <summary>Person fields mapped to other columns, keyed by canonical field name.</summary>
    public IReadOnlyDictionary<string, CsvFieldMapping> Persons { get; init; } = Empty;

    /// <summary>Extra numeric household columns to carry (see <see cref="PopulationBuilder.AddHouseholdColumn"/>), keyed by the population's column name.</summary>
    public IReadOnlyDictionary<string, CsvFieldMapping> HouseholdExtras { get; init; } = Empty;

    /// <summary>Extra numeric person columns to carry (see <see cref="PopulationBuilder.AddPersonColumn"/>), keyed by the population's column name.</summary>
    public IReadOnlyDictionary<string, CsvFieldMapping> PersonExtras { get; init; } = Empty;

    /// <summary>Loads a mapping from JSON (shape in the remarks).</summary>
    /// <param name="path">The mapping file.</param>
    /// <exception cref="DataFormatException">The file is malformed or names an unknown field; the message names the JSON path.</exception>
    public static PopulationCsvMapping Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    internal CsvFieldMapping Household(string field) => Households.TryGetValue(field, out var m) ? m : new CsvFieldMapping(field);

    internal CsvFieldMapping Person(string field) => Persons.TryGetValue(field, out var m) ? m : new CsvFieldMapping(field);

    internal static PopulationCsvMapping Parse(byte[] utf8, string file)
    {
        using var document = Json.Parse(utf8, file);
        var root = document.RootElement;
        Json.NoUnknownProperties(root, file, "$", "description", "delimiter", "households", "persons", "household_extras", "person_extras");
        var delimiter = Json.OptionalString(root, "delimiter", file, "$") ?? ",";
        if (delimiter.Length != 1 || delimiter[0] is '"' or '\r' or '\n')
        {
            throw new DataFormatException(file, "$.delimiter", $"expected one character other than a quote or line break, found '{delimiter}'");
        }

        return new PopulationCsvMapping
        {
            Delimiter = delimiter[0],
            Households = Fields(root, "households", file, [.. HouseholdFields]),
            Persons = Fields(root, "persons", file, [.. PersonFields]),
            HouseholdExtras = Fields(root, "household_extras", file, null),
            PersonExtras = Fields(root, "person_extras", file, null),
        };
    }

    private static Dictionary<string, CsvFieldMapping> Fields(JsonElement root, string property, string file, string[]? allowed)
    {
        var result = new Dictionary<string, CsvFieldMapping>(StringComparer.Ordinal);
        if (!root.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        var path = Json.Child("$", property);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new DataFormatException(file, path, $"expected an object, found {Json.Describe(element)}");
        }

        if (allowed is not null)
        {
            Json.NoUnknownProperties(element, file, path, allowed);
        }

        foreach (var field in element.EnumerateObject())
        {
            var fieldPath = Json.Child(path, field.Name);
            if (allowed is null && !VariableNames.IsValid(field.Name))
            {
                throw new DataFormatException(file, fieldPath, "an extra column name must be lower-case words joined by dots or underscores");
            }

            result[field.Name] = field.Value.ValueKind switch
            {
                JsonValueKind.String when !string.IsNullOrWhiteSpace(field.Value.GetString()) => new CsvFieldMapping(field.Value.GetString()!),
                JsonValueKind.Object => Field(field.Value, file, fieldPath),
                _ => throw new DataFormatException(file, fieldPath, $"expected a column name or an object with \"column\", found {Json.Describe(field.Value)}"),
            };
        }

        return result;
    }

    private static CsvFieldMapping Field(JsonElement element, string file, string path)
    {
        Json.NoUnknownProperties(element, file, path, "column", "values", "scale");
        var scale = Json.OptionalNumber(element, "scale", file, path) ?? 1;
        if (scale == 0)
        {
            throw new DataFormatException(file, path + ".scale", "the scale must not be 0");
        }

        Dictionary<string, string>? values = null;
        if (element.TryGetProperty("values", out var map) && map.ValueKind != JsonValueKind.Null)
        {
            if (map.ValueKind != JsonValueKind.Object)
            {
                throw new DataFormatException(file, path + ".values", $"expected an object of raw value → canonical value, found {Json.Describe(map)}");
            }

            values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in map.EnumerateObject())
            {
                if (pair.Value.ValueKind != JsonValueKind.String)
                {
                    throw new DataFormatException(file, Json.Child(path + ".values", pair.Name), $"expected a string, found {Json.Describe(pair.Value)}");
                }

                values[pair.Name] = pair.Value.GetString()!;
            }
        }

        return new CsvFieldMapping(Json.RequiredString(element, "column", file, path)) { Values = values, Scale = scale };
    }
}
