using System.Text.Json;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Populations;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// A declarative mapping from two population files, CSV or Parquet (households and persons), to a
/// <see cref="Population"/>: which column holds each field, how coded values translate, how amounts scale, and which
/// extra columns to carry with their declarations (<see cref="Columns"/>). A field that is not mapped is read from
/// the column with its canonical name (<see cref="HouseholdFields"/>, <see cref="PersonFields"/>, taken from
/// <see cref="PopulationSchema"/>), so files written by <see cref="PopulationCsv.Write"/> or
/// <see cref="PopulationParquet.Write"/> need no mapping at all.
/// </summary>
/// <remarks>
/// <para>JSON shape (every part optional):</para>
/// <code>
/// { "delimiter": ",",
///   "households": { "household_id": "hhid", "area": { "column": "urban", "values": { "1": "urban", "0": "rural" } } },
///   "persons": { "wages_annual": { "column": "wage_month", "scale": 12 } },
///   "household_extras": { "medical.bills_annual": { "column": "med_bills", "type": "amount", "period": "year" } },
///   "person_extras": { "assistance.dibao_recipient": { "column": "dibao", "type": "flag" } },
///   "ignore": [ "interviewer", "survey_wave" ] }
/// </code>
/// <para>Every column of a file must be used: bound to a field, carried as an extra, declared by the file itself
/// (Parquet written by this library) or listed in <c>ignore</c> (<see cref="IgnoredColumns"/>). Any other column is an
/// error naming the file, the column and, when close, the expected name, so that a misspelt optional header such as
/// <c>wages_anual</c> is not silently read as zero wages.</para>
/// <para>An extra column is declared by the definition properties of its object (<c>type</c>: number, amount,
/// quantity, count, flag or code; <c>unit</c>; <c>period</c>: none, month or year; <c>role</c>: an
/// <see cref="IncomeRole"/> in snake case; <c>min</c>, <c>max</c>; <c>codes</c>: <c>{ "0": "name", … }</c>;
/// <c>description</c>), or by a definition in <see cref="Columns"/> of the same name, or, in Parquet files written
/// by this library, by the file's own metadata; otherwise it is <see cref="ColumnDefinition.Number"/> (any finite
/// number). Values are checked against the declaration when the population is built.</para>
/// <para>Required fields: households <c>household_id, weight, region, area</c>; persons <c>person_id,
/// household_id, age, sex, hukou</c>. The others default to 0 / none / able / inactive when their column is absent.
/// Canonical values: area and hukou <c>urban|rural</c>; sex <c>female|male</c>; disability <c>none|grade1|grade2|grade3|grade4</c>
/// (the codes 1–4 are read too);
/// self_care <c>able|partly_unable|fully_unable</c>; employment <c>inactive|employee|self_employed|agricultural|
/// unemployed|retired|student</c>; non_essential_vehicle <c>0|1</c>; the enums' integer codes are accepted too.</para>
/// </remarks>
public sealed class PopulationFileMapping
{
    private static readonly IReadOnlyDictionary<string, FieldMapping> Empty = new Dictionary<string, FieldMapping>();

    /// <summary>The canonical household fields, in the column order that <see cref="PopulationCsv.Write"/> uses.</summary>
    public static IReadOnlyList<string> HouseholdFields { get; } = PopulationSchema.Fields(Entity.Household);

    /// <summary>The canonical person fields, in the column order that <see cref="PopulationCsv.Write"/> uses.</summary>
    public static IReadOnlyList<string> PersonFields { get; } = PopulationSchema.Fields(Entity.Person);

    /// <summary>The identity mapping: canonical column names, comma-separated, no extra columns.</summary>
    public static PopulationFileMapping Default { get; } = new();

    /// <summary>The field delimiter (one character; default comma).</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Household fields mapped to other columns, keyed by canonical field name.</summary>
    public IReadOnlyDictionary<string, FieldMapping> Households { get; init; } = Empty;

    /// <summary>Person fields mapped to other columns, keyed by canonical field name.</summary>
    public IReadOnlyDictionary<string, FieldMapping> Persons { get; init; } = Empty;

    /// <summary>Extra household columns to carry (see <see cref="PopulationBuilder.AddColumn"/>), keyed by the population's column name.</summary>
    public IReadOnlyDictionary<string, FieldMapping> HouseholdExtras { get; init; } = Empty;

    /// <summary>Extra person columns to carry (see <see cref="PopulationBuilder.AddColumn"/>), keyed by the population's column name.</summary>
    public IReadOnlyDictionary<string, FieldMapping> PersonExtras { get; init; } = Empty;

    /// <summary>
    /// The declarations of extra columns, matched by name and entity: of those listed in <see cref="HouseholdExtras"/>
    /// and <see cref="PersonExtras"/>, and of those a Parquet file carries by itself. Pass the columns a policy
    /// reads (<see cref="Policy.InputColumns"/>) to have them checked as its programs expect while the files are read.
    /// </summary>
    public IReadOnlyList<ColumnDefinition> Columns { get; init; } = [];

    /// <summary>
    /// Column names that may be present in either file and are skipped. Any other column that the mapping does not
    /// use is an error (a misspelt optional header would otherwise be read as zeros).
    /// </summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>This mapping with <paramref name="columns"/> added to <see cref="Columns"/> (a declaration given here replaces one of the same name and entity).</summary>
    /// <param name="columns">Column definitions, for example <c>policy.InputColumns</c>.</param>
    public PopulationFileMapping WithColumns(IEnumerable<ColumnDefinition> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var added = columns.ToList();
        return new PopulationFileMapping
        {
            Delimiter = Delimiter,
            Households = Households,
            Persons = Persons,
            HouseholdExtras = HouseholdExtras,
            PersonExtras = PersonExtras,
            IgnoredColumns = IgnoredColumns,
            Columns = [.. Columns.Where(c => !added.Any(a => a.Name == c.Name && a.Entity == c.Entity)), .. added],
        };
    }

    /// <summary>Loads a mapping from JSON (shape in the remarks).</summary>
    /// <param name="path">The mapping file.</param>
    /// <exception cref="DataFormatException">The file is malformed or names an unknown field; the message names the JSON path.</exception>
    public static PopulationFileMapping Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    internal FieldMapping Household(string field) => Households.TryGetValue(field, out var m) ? m : new FieldMapping(field);

    internal FieldMapping Person(string field) => Persons.TryGetValue(field, out var m) ? m : new FieldMapping(field);

    /// <summary>The declaration of an extra column given in <see cref="Columns"/>, or <see langword="null"/>.</summary>
    internal ColumnDefinition? Declared(string name, Entity entity) => Columns.LastOrDefault(c => c.Name == name && c.Entity == entity);

    internal static PopulationFileMapping Parse(byte[] utf8, string file)
    {
        using var document = Json.Parse(utf8, file);
        var root = document.RootElement;
        Json.NoUnknownProperties(root, file, "$", "description", "delimiter", "households", "persons", "household_extras", "person_extras", "ignore");
        var delimiter = Json.OptionalString(root, "delimiter", file, "$") ?? ",";
        if (delimiter.Length != 1 || delimiter[0] is '"' or '\r' or '\n')
        {
            throw new DataFormatException(file, "$.delimiter", $"expected one character other than a quote or line break, found '{delimiter}'");
        }

        var columns = new List<ColumnDefinition>();
        return new PopulationFileMapping
        {
            Delimiter = delimiter[0],
            Households = Fields(root, "households", file, [.. HouseholdFields], Entity.Household, null),
            Persons = Fields(root, "persons", file, [.. PersonFields], Entity.Person, null),
            HouseholdExtras = Fields(root, "household_extras", file, null, Entity.Household, columns),
            PersonExtras = Fields(root, "person_extras", file, null, Entity.Person, columns),
            Columns = columns,
            IgnoredColumns = Ignored(root, file),
        };
    }

    private static string[] Ignored(JsonElement root, string file)
    {
        if (!root.TryGetProperty("ignore", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new DataFormatException(file, "$.ignore", $"expected an array of column names, found {Json.Describe(element)}");
        }

        var names = new List<string>();
        int i = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                throw new DataFormatException(file, Json.Item("$.ignore", i), $"expected a column name, found {Json.Describe(item)}");
            }

            names.Add(item.GetString()!.Trim());
            i++;
        }

        return [.. names];
    }

    private static Dictionary<string, FieldMapping> Fields(JsonElement root, string property, string file, string[]? allowed, Entity entity, List<ColumnDefinition>? columns)
    {
        var result = new Dictionary<string, FieldMapping>(StringComparer.Ordinal);
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
                JsonValueKind.String when !string.IsNullOrWhiteSpace(field.Value.GetString()) => new FieldMapping(field.Value.GetString()!),
                JsonValueKind.Object => Field(field.Value, file, fieldPath, declarations: columns is not null),
                _ => throw new DataFormatException(file, fieldPath, $"expected a column name or an object with \"column\", found {Json.Describe(field.Value)}"),
            };
            if (columns is not null && ColumnDefinitionJson.Declares(field.Value))
            {
                columns.Add(ColumnDefinitionJson.Parse(field.Value, field.Name, entity, file, fieldPath));
            }
        }

        return result;
    }

    private static FieldMapping Field(JsonElement element, string file, string path, bool declarations)
    {
        Json.NoUnknownProperties(element, file, path, declarations ? ["column", "values", "scale", .. ColumnDefinitionJson.Properties] : ["column", "values", "scale"]);
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

        return new FieldMapping(Json.RequiredString(element, "column", file, path)) { Values = values, Scale = scale };
    }
}
