using System.Globalization;
using System.Text;
using System.Text.Json;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// Column definitions as JSON, in population file mappings and in the metadata of Parquet files written by
/// <see cref="PopulationParquet"/>: <c>{ "type": "amount", "unit": "yuan", "period": "year", "role": "market_income",
/// "min": 0, "max": null, "codes": { "0": "none" }, "description": "…" }</c>. Names of types, periods and roles are
/// the enum names in snake case (<c>direct_transfer</c>); a missing <c>min</c> or <c>max</c> is unbounded.
/// </summary>
internal static class ColumnDefinitionJson
{
    /// <summary>The definition properties that may appear in a mapping's extra-column object, besides the field mapping's own.</summary>
    public static readonly string[] Properties = ["type", "unit", "period", "role", "min", "max", "codes", "description"];

    /// <summary>Whether <paramref name="element"/> (an extra-column object) declares a definition.</summary>
    public static bool Declares(JsonElement element) => element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out _);

    /// <summary>Reads a definition of the column <paramref name="name"/> from an object holding at least <c>"type"</c>.</summary>
    public static ColumnDefinition Parse(JsonElement element, string name, Entity entity, string file, string path)
    {
        var type = Enum<ColumnType>(Json.RequiredString(element, "type", file, path), file, Json.Child(path, "type"));
        var period = Json.OptionalString(element, "period", file, path) is { } p ? Enum<AmountPeriod>(p, file, Json.Child(path, "period")) : AmountPeriod.None;
        var role = Json.OptionalString(element, "role", file, path) is { } r ? Enum<IncomeRole>(r, file, Json.Child(path, "role")) : IncomeRole.None;
        var unit = Json.OptionalString(element, "unit", file, path) ?? (type == ColumnType.Amount ? "yuan" : string.Empty);
        // An amount is ≥ 0 unless "min" says otherwise; "min": null is unbounded (negative amounts allowed).
        var min = !element.TryGetProperty("min", out var low) ? (type == ColumnType.Amount ? 0 : double.NegativeInfinity)
            : low.ValueKind == JsonValueKind.Null ? double.NegativeInfinity
            : Json.Number(low, file, Json.Child(path, "min"));
        var max = Json.OptionalNumber(element, "max", file, path) ?? double.PositiveInfinity;
        var description = Json.OptionalString(element, "description", file, path) ?? "extra population column";
        var codes = new List<ColumnCode>();
        if (element.TryGetProperty("codes", out var map) && map.ValueKind != JsonValueKind.Null)
        {
            var codesPath = Json.Child(path, "codes");
            if (map.ValueKind != JsonValueKind.Object)
            {
                throw new DataFormatException(file, codesPath, $"expected an object of code → name, found {Json.Describe(map)}");
            }

            foreach (var code in map.EnumerateObject())
            {
                if (!byte.TryParse(code.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || code.Value.ValueKind != JsonValueKind.String)
                {
                    throw new DataFormatException(file, Json.Child(codesPath, code.Name), "expected a code 0–255 mapped to its name");
                }

                codes.Add(new ColumnCode(value, code.Value.GetString()!));
            }
        }

        try
        {
            return ColumnDefinition.Declare(name, entity, type, unit, period, role, min, max, codes, description);
        }
        catch (ArgumentException e)
        {
            throw new DataFormatException(file, path, e.Message, e);
        }
    }

    /// <summary>The definitions as a JSON object keyed by column name (for a Parquet file's metadata).</summary>
    public static string Write(IEnumerable<ColumnDefinition> columns)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var column in columns)
            {
                writer.WriteStartObject(column.Name);
                writer.WriteString("type", Snake(column.Type.ToString()));
                if (column.Unit.Length > 0)
                {
                    writer.WriteString("unit", column.Unit);
                }

                if (column.Period != AmountPeriod.None)
                {
                    writer.WriteString("period", Snake(column.Period.ToString()));
                }

                if (column.Role != IncomeRole.None)
                {
                    writer.WriteString("role", Snake(column.Role.ToString()));
                }

                if (double.IsFinite(column.Minimum))
                {
                    writer.WriteNumber("min", column.Minimum);
                }
                else if (column.Type == ColumnType.Amount)
                {
                    writer.WriteNull("min");
                }

                if (double.IsFinite(column.Maximum))
                {
                    writer.WriteNumber("max", column.Maximum);
                }

                if (column.Type == ColumnType.Code)
                {
                    writer.WriteStartObject("codes");
                    foreach (var code in column.Codes)
                    {
                        writer.WriteString(code.Value.ToString(CultureInfo.InvariantCulture), code.Name);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteString("description", column.Description);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads definitions written by <see cref="Write"/>.</summary>
    public static Dictionary<string, ColumnDefinition> Read(string json, Entity entity, string file, string location)
    {
        using var document = Json.Parse(Encoding.UTF8.GetBytes(json), $"{file} ({location})");
        var result = new Dictionary<string, ColumnDefinition>(StringComparer.Ordinal);
        foreach (var column in document.RootElement.EnumerateObject())
        {
            result[column.Name] = Parse(column.Value, column.Name, entity, $"{file} ({location})", Json.Child("$", column.Name));
        }

        return result;
    }

    private static TEnum Enum<TEnum>(string text, string file, string path)
        where TEnum : struct, Enum
    {
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(Snake(value.ToString()), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new DataFormatException(file, path, $"'{text}' is not one of {string.Join(", ", System.Enum.GetValues<TEnum>().Select(v => Snake(v.ToString())))}");
    }

    private static string Snake(string name)
    {
        var result = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                result.Append('_');
            }

            result.Append(char.ToLowerInvariant(name[i]));
        }

        return result.ToString();
    }
}
