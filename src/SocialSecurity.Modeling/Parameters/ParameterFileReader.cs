using System.Text.Json;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Parameters;

/// <summary>
/// Reads one parameter file. The shape (see <c>docs/parameter-files.md</c>):
/// <code>
/// {
///   "authority": "Zhejiang Provincial Department of Civil Affairs",
///   "region": "330000",
///   "parameters": {
///     "dibao.standard.urban": {
///       "label": "…", "unit": "yuan", "period": "year", "min": 0, "max": 200000, ("list": true, "items": "strictly_ascending",)
///       "values": [ { "from": "2022-12-01", "value": 11000, "provenance": "P", "source": "…", "note": "…" } ]
///     }
///   }
/// }
/// </code>
/// A value may carry its own <c>"region"</c> to override the file's. Unknown keys are errors.
/// </summary>
internal static class ParameterFileReader
{
    internal sealed record DeclaredParameter(
        string Name, string? Label, ParameterUnit Unit, AmountPeriod Period, bool IsList, double? Minimum, double? Maximum,
        ListConstraints? Items, string? SameLengthAs, List<ParameterEntry> Entries, string File, string Path);

    public static IEnumerable<DeclaredParameter> Read(byte[] utf8, string file, RegionCatalog regions)
    {
        using var document = Json.Parse(utf8, file);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DataFormatException(file, "$", $"expected an object, found {Json.Describe(root)}");
        }

        Json.NoUnknownProperties(root, file, "$", "authority", "region", "description", "parameters");
        Json.RequiredString(root, "authority", file, "$");
        var fileRegion = RegionAt(Json.RequiredString(root, "region", file, "$"), regions, file, "$.region");
        var parameters = Json.Required(root, "parameters", file, "$");
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            throw new DataFormatException(file, "$.parameters", $"expected an object keyed by parameter name, found {Json.Describe(parameters)}");
        }

        var result = new List<DeclaredParameter>();
        foreach (var property in parameters.EnumerateObject())
        {
            var path = Json.Child("$.parameters", property.Name);
            result.Add(ReadParameter(property.Name, property.Value, file, path, fileRegion, regions));
        }

        return result;
    }

    private static DeclaredParameter ReadParameter(string name, JsonElement p, string file, string path, RegionId fileRegion, RegionCatalog regions)
    {
        if (!VariableNames.IsValid(name))
        {
            throw new DataFormatException(file, path, "a parameter name is lower-case words joined by dots or underscores, for example 'dibao.standard.urban'");
        }

        if (p.ValueKind != JsonValueKind.Object)
        {
            throw new DataFormatException(file, path, $"expected an object, found {Json.Describe(p)}");
        }

        Json.NoUnknownProperties(p, file, path, "label", "unit", "period", "list", "min", "max", "items", "same_length_as", "values");
        var unitText = Json.RequiredString(p, "unit", file, path);
        var unit = unitText switch
        {
            "yuan" => ParameterUnit.Yuan,
            "yuan_per_mu" => ParameterUnit.YuanPerMu,
            "fraction" => ParameterUnit.Fraction,
            "ratio" => ParameterUnit.Ratio,
            "count" => ParameterUnit.Count,
            "years" => ParameterUnit.Years,
            "months" => ParameterUnit.Months,
            "flag" => ParameterUnit.Flag,
            _ => throw new DataFormatException(file, path + ".unit", $"expected one of yuan, yuan_per_mu, fraction, ratio, count, years, months, flag; found '{unitText}'"),
        };
        var periodText = Json.RequiredString(p, "period", file, path);
        var period = periodText switch
        {
            "month" => AmountPeriod.Month,
            "year" => AmountPeriod.Year,
            "none" => AmountPeriod.None,
            _ => throw new DataFormatException(file, path + ".period", $"expected month, year or none; found '{periodText}'"),
        };
        if (unit is ParameterUnit.Fraction or ParameterUnit.Ratio or ParameterUnit.Count or ParameterUnit.Flag or ParameterUnit.Years or ParameterUnit.Months && period != AmountPeriod.None)
        {
            throw new DataFormatException(file, path + ".period", $"a parameter in {unitText} is not a flow; its period must be 'none'");
        }

        bool isList = p.TryGetProperty("list", out var listFlag) && listFlag.ValueKind == JsonValueKind.True;
        var min = Json.OptionalNumber(p, "min", file, path);
        var max = Json.OptionalNumber(p, "max", file, path);
        if (min is not null && max is not null && min > max)
        {
            throw new DataFormatException(file, path + ".min", $"min {min} is greater than max {max}");
        }

        var items = ReadConstraints(p, isList, file, path);
        var sameLengthAs = Json.OptionalString(p, "same_length_as", file, path);
        if (sameLengthAs is not null && !isList)
        {
            throw new DataFormatException(file, path + ".same_length_as", "'same_length_as' relates two lists; this parameter is not a list (\"list\": true)");
        }

        if (sameLengthAs is not null && (sameLengthAs == name || !VariableNames.IsValid(sameLengthAs)))
        {
            throw new DataFormatException(file, path + ".same_length_as", $"expected the name of another list parameter, found '{sameLengthAs}'");
        }

        var values = Json.Required(p, "values", file, path);
        if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0)
        {
            throw new DataFormatException(file, path + ".values", "expected a non-empty array of dated values");
        }

        var entries = new List<ParameterEntry>();
        int i = 0;
        foreach (var v in values.EnumerateArray())
        {
            var vpath = Json.Item(path + ".values", i++);
            Json.NoUnknownProperties(v, file, vpath, "from", "until", "value", "provenance", "source", "note", "region");
            var from = Json.RequiredDate(v, "from", file, vpath);
            var until = Json.OptionalDate(v, "until", file, vpath);
            if (until is not null && until < from)
            {
                throw new DataFormatException(file, vpath + ".until", $"'until' {until:yyyy-MM-dd} is before 'from' {from:yyyy-MM-dd}");
            }

            var tag = Json.RequiredString(v, "provenance", file, vpath);
            if (!ProvenanceTags.TryParse(tag, out var provenance) || provenance == Provenance.Reform)
            {
                throw new DataFormatException(file, vpath + ".provenance", $"expected one of P, N, L, D, U, I (docs/parameter-files.md#provenance-tags); found '{tag}'");
            }

            var regionText = Json.OptionalString(v, "region", file, vpath);
            var region = regionText is null ? fileRegion : RegionAt(regionText, regions, file, vpath + ".region");
            var raw = Json.Required(v, "value", file, vpath);
            ParameterValue value;
            if (isList)
            {
                if (raw.ValueKind != JsonValueKind.Array || raw.GetArrayLength() == 0)
                {
                    throw new DataFormatException(file, vpath + ".value", $"parameter '{name}' is a list; expected a non-empty array of numbers, found {Json.Describe(raw)}");
                }

                var numbers = new List<double>();
                int k = 0;
                foreach (var item in raw.EnumerateArray())
                {
                    numbers.Add(Json.Number(item, file, Json.Item(vpath + ".value", k++)));
                }

                value = ParameterValue.OfList(numbers);
            }
            else
            {
                value = ParameterValue.Of(Json.Number(raw, file, vpath + ".value"));
            }

            entries.Add(new ParameterEntry(region, from, until, value, provenance, Json.RequiredString(v, "source", file, vpath), Json.OptionalString(v, "note", file, vpath), file));
        }

        return new DeclaredParameter(name, Json.OptionalString(p, "label", file, path), unit, period, isList, min, max, items, sameLengthAs, entries, file, path);
    }

    /// <summary>Reads <c>"items"</c>: one constraint name or an array of them; <see langword="null"/> when absent.</summary>
    private static ListConstraints? ReadConstraints(JsonElement p, bool isList, string file, string path)
    {
        if (!p.TryGetProperty("items", out var raw))
        {
            return null;
        }

        var ipath = path + ".items";
        if (!isList)
        {
            throw new DataFormatException(file, ipath, "'items' constrains the items of a list; this parameter is not a list (\"list\": true)");
        }

        var names = new List<(string Name, string Path)>();
        if (raw.ValueKind == JsonValueKind.String)
        {
            names.Add((raw.GetString()!, ipath));
        }
        else if (raw.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var element in raw.EnumerateArray())
            {
                var epath = Json.Item(ipath, i++);
                names.Add(element.ValueKind == JsonValueKind.String
                    ? (element.GetString()!, epath)
                    : throw new DataFormatException(file, epath, $"expected a constraint name, found {Json.Describe(element)}"));
            }
        }
        else
        {
            throw new DataFormatException(file, ipath, $"expected a constraint name or an array of them, found {Json.Describe(raw)}");
        }

        var constraints = ListConstraints.None;
        foreach (var (name, npath) in names)
        {
            constraints |= name switch
            {
                "ascending" => ListConstraints.Ascending,
                "strictly_ascending" => ListConstraints.StrictlyAscending,
                "starts_at_zero" => ListConstraints.StartsAtZero,
                _ => throw new DataFormatException(file, npath, $"expected one of ascending, strictly_ascending, starts_at_zero; found '{name}'"),
            };
        }

        return constraints;
    }

    private static RegionId RegionAt(string code, RegionCatalog regions, string file, string path)
        => regions.TryGetId(code, out var id)
            ? id
            : throw new DataFormatException(file, path, $"unknown region code '{code}'; expected a six-digit GB/T 2260 code from the region catalogue");
}
