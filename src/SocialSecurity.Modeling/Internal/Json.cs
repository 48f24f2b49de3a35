using System.Globalization;
using System.Text.Json;

namespace SocialSecurity.Modeling.Internal;

/// <summary>
/// Small, strict helpers over <see cref="JsonElement"/> that report errors with the file and JSON path
/// (for example <c>Data/parameters/cn/dibao.json at $.parameters['dibao.standard.urban'].values[0].value</c>).
/// </summary>
internal static class Json
{
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static JsonDocument Parse(byte[] utf8, string file)
    {
        // The JSON reader checks UTF-8 only when a string is read, with an InvalidOperationException naming nothing.
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            System.Text.Unicode.Utf8.ToUtf16(utf8, new char[utf8.Length], out int valid, out _, replaceInvalidSequences: false);
            var before = utf8.AsSpan(0, valid);
            throw new DataFormatException(file, $"$ (line {before.Count((byte)'\n') + 1}, byte {valid - before.LastIndexOf((byte)'\n')})", "the text is not valid UTF-8");
        }

        try
        {
            return JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new DataFormatException(file, $"$ (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})", $"malformed JSON: {e.Message}", e);
        }
    }

    public static JsonElement Required(JsonElement obj, string property, string file, string path)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new DataFormatException(file, path, $"expected an object, found {Describe(obj)}");
        }

        if (!obj.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new DataFormatException(file, Child(path, property), "required property is missing");
        }

        return value;
    }

    public static string RequiredString(JsonElement obj, string property, string file, string path)
    {
        var value = Required(obj, property, file, path);
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new DataFormatException(file, Child(path, property), $"expected a non-empty string, found {Describe(value)}");
        }

        return value.GetString()!;
    }

    public static string? OptionalString(JsonElement obj, string property, string file, string path)
    {
        if (!obj.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new DataFormatException(file, Child(path, property), $"expected a string, found {Describe(value)}");
        }

        return value.GetString();
    }

    public static double RequiredNumber(JsonElement obj, string property, string file, string path)
        => Number(Required(obj, property, file, path), file, Child(path, property));

    public static double? OptionalNumber(JsonElement obj, string property, string file, string path)
        => obj.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? Number(value, file, Child(path, property))
            : null;

    public static double Number(JsonElement value, string file, string path)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            throw new DataFormatException(file, path, $"expected a finite number, found {Describe(value)}");
        }

        return number;
    }

    public static DateOnly RequiredDate(JsonElement obj, string property, string file, string path)
    {
        var text = RequiredString(obj, property, file, path);
        return ParseDate(text, file, Child(path, property));
    }

    public static DateOnly? OptionalDate(JsonElement obj, string property, string file, string path)
    {
        var text = OptionalString(obj, property, file, path);
        return text is null ? null : ParseDate(text, file, Child(path, property));
    }

    public static DateOnly ParseDate(string text, string file, string path)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new DataFormatException(file, path, $"expected a date as yyyy-MM-dd, found '{text}'");

    /// <summary>Rejects any property of <paramref name="obj"/> not in <paramref name="allowed"/>: a misspelt key is an error, not a silent no-op.</summary>
    public static void NoUnknownProperties(JsonElement obj, string file, string path, params string[] allowed)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                throw new DataFormatException(file, Child(path, property.Name), $"unknown property; expected one of: {string.Join(", ", allowed)}");
            }
        }
    }

    public static string Child(string path, string property)
        => property.All(c => char.IsLetterOrDigit(c) || c == '_') ? $"{path}.{property}" : $"{path}['{property}']";

    public static string Item(string path, int index) => $"{path}[{index}]";

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
