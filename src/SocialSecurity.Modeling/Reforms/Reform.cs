using System.Collections.Immutable;
using System.Text.Json;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Reforms;

/// <summary>
/// A policy reform as data: a named list of parameter overrides. Build one with <see cref="Create(string)"/> and
/// its fluent methods, or read it from JSON with <see cref="Load(string)"/>/<see cref="Parse(string, string)"/>;
/// apply it with <see cref="ReformApplication.WithReform(ParameterStore, Reform)"/>, which validates every override against the
/// store (parameter exists, region known, value in range and of the right shape) before anything runs.
/// </summary>
/// <remarks>
/// JSON shape:
/// <code>
/// { "name": "Zhejiang dibao +10%", "description": "…",
///   "changes": [ { "parameter": "dibao.standard.urban", "region": "330000", "from": "2024-01-01", "scale": 1.1 } ] }
/// </code>
/// Each change has exactly one of <c>value</c> (a number or a list), <c>scale</c> or <c>add</c>, and optional <c>until</c> and <c>note</c>.
/// A <c>value</c> replaces the value in force in its region and in every region below it while in force, including
/// regions that set their own (a provincial standard reaches every city); with <c>"lower_regions": "keep"</c> a lower
/// region's own value stays (<see cref="ParameterOverride.KeepLowerRegions"/>). <c>"lower_regions"</c> is
/// <c>"override"</c> (the default) or <c>"keep"</c>, and only for a <c>value</c>. <see cref="ToJson"/> writes this shape.
/// The applied store lists the lower regions' own values each change replaced, kept or adjusted in
/// <see cref="ParameterStore.ReformWarnings"/>.
/// </remarks>
public sealed record Reform
{
    private Reform(string name, string? description, ImmutableArray<ParameterOverride> overrides, string? source = null)
    {
        Name = name;
        Description = description;
        Overrides = overrides;
        Source = source;
    }

    /// <summary>
    /// The file (or other source name) the reform was read from by <see cref="Load(string)"/> or
    /// <see cref="Parse(string, string)"/>, which validation errors name; null for a reform built in code.
    /// </summary>
    public string? Source { get; }

    /// <summary>The reform's name, used in reports.</summary>
    public string Name { get; }

    /// <summary>What the reform does and why; optional.</summary>
    public string? Description { get; init; }

    /// <summary>The overrides, applied in order.</summary>
    public ImmutableArray<ParameterOverride> Overrides { get; }

    /// <summary>
    /// The name, the description if any, and every change in order, for example
    /// <c>Reform 'dibao +10%': dibao.standard.urban × 1.1 in 330000 from 2024-01-01</c>.
    /// </summary>
    public override string ToString() =>
        $"Reform '{Name}'" + (Description is null ? string.Empty : $" ({Description})") + ": "
        + (Overrides.IsEmpty ? "no changes" : string.Join("; ", Overrides.Select(o => $"{o.Parameter} {o.Describe()}")));

    /// <summary>Starts an empty reform.</summary>
    /// <param name="name">The reform's name.</param>
    public static Reform Create(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Reform(name, null, []);
    }

    /// <summary>This reform with a description.</summary>
    /// <param name="description">What the reform does.</param>
    public Reform Describe(string description) => new(Name, description, Overrides, Source);

    /// <summary>Adds an override that sets a scalar value.</summary>
    /// <param name="parameter">The parameter's name.</param>
    /// <param name="regionCode">Where the value applies.</param>
    /// <param name="from">The first day in force.</param>
    /// <param name="value">The new value, in the parameter's own unit and period.</param>
    /// <param name="until">The last day in force, if any.</param>
    /// <param name="keepLowerRegions"><see langword="false"/> (the default): the value replaces the values of every region below
    /// <paramref name="regionCode"/> too; <see langword="true"/>: lower regions that set their own value keep it.</param>
    public Reform Set(string parameter, string regionCode, DateOnly from, double value, DateOnly? until = null, bool keepLowerRegions = false)
        => With(new ParameterOverride(parameter, regionCode, from, until, OverrideKind.Set, ParameterValue.Of(value), 0) { KeepLowerRegions = keepLowerRegions });

    /// <summary>Adds an override that sets a list value (a tier table, brackets).</summary>
    /// <param name="parameter">The parameter's name.</param>
    /// <param name="regionCode">Where the value applies.</param>
    /// <param name="from">The first day in force.</param>
    /// <param name="values">The new list.</param>
    /// <param name="until">The last day in force, if any.</param>
    /// <param name="keepLowerRegions"><see langword="false"/> (the default): the list replaces the values of every region below
    /// <paramref name="regionCode"/> too; <see langword="true"/>: lower regions that set their own value keep it.</param>
    public Reform SetList(string parameter, string regionCode, DateOnly from, IEnumerable<double> values, DateOnly? until = null, bool keepLowerRegions = false)
        => With(new ParameterOverride(parameter, regionCode, from, until, OverrideKind.Set, ParameterValue.OfList(values), 0) { KeepLowerRegions = keepLowerRegions });

    /// <summary>Adds an override that multiplies the value in force.</summary>
    /// <param name="parameter">The parameter's name.</param>
    /// <param name="regionCode">The region where (and below which) the factor applies.</param>
    /// <param name="from">The first day in force.</param>
    /// <param name="factor">The multiplier, for example 1.1 for +10%.</param>
    /// <param name="until">The last day in force, if any.</param>
    public Reform Scale(string parameter, string regionCode, DateOnly from, double factor, DateOnly? until = null)
        => With(new ParameterOverride(parameter, regionCode, from, until, OverrideKind.Scale, default, factor));

    /// <summary>Adds an override that adds an amount to the value in force.</summary>
    /// <param name="parameter">The parameter's name.</param>
    /// <param name="regionCode">The region where (and below which) the amount applies.</param>
    /// <param name="from">The first day in force.</param>
    /// <param name="amount">The amount, in the parameter's own unit and period.</param>
    /// <param name="until">The last day in force, if any.</param>
    public Reform Add(string parameter, string regionCode, DateOnly from, double amount, DateOnly? until = null)
        => With(new ParameterOverride(parameter, regionCode, from, until, OverrideKind.Add, default, amount));

    /// <summary>Adds any override.</summary>
    /// <param name="change">The override.</param>
    public Reform With(ParameterOverride change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new Reform(Name, Description, Overrides.Add(change), Source);
    }

    /// <summary>Reads a reform from a JSON file.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="DataFormatException">The file is malformed; the message names the JSON path.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist; the message names it.</exception>
    public static Reform Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads a reform from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">A name for error messages (a file name).</param>
    /// <exception cref="DataFormatException">The text is malformed; the message names the JSON path.</exception>
    public static Reform Parse(string json, string sourceName = "reform.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = Json.Parse(System.Text.Encoding.UTF8.GetBytes(json), sourceName);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DataFormatException(sourceName, "$", $"expected an object, found {Json.Describe(root)}");
        }

        Json.NoUnknownProperties(root, sourceName, "$", "name", "description", "changes");
        var reform = new Reform(Create(Json.RequiredString(root, "name", sourceName, "$")).Name, null, [], sourceName);
        var description = Json.OptionalString(root, "description", sourceName, "$");
        if (description is not null)
        {
            reform = reform.Describe(description);
        }

        var changes = Json.Required(root, "changes", sourceName, "$");
        if (changes.ValueKind != JsonValueKind.Array)
        {
            throw new DataFormatException(sourceName, "$.changes", $"expected an array, found {Json.Describe(changes)}");
        }

        int i = 0;
        foreach (var c in changes.EnumerateArray())
        {
            var path = Json.Item("$.changes", i++);
            Json.NoUnknownProperties(c, sourceName, path, "parameter", "region", "from", "until", "value", "scale", "add", "lower_regions", "note");
            var parameter = Json.RequiredString(c, "parameter", sourceName, path);
            var region = Json.RequiredString(c, "region", sourceName, path);
            var from = Json.RequiredDate(c, "from", sourceName, path);
            var until = Json.OptionalDate(c, "until", sourceName, path);
            var note = Json.OptionalString(c, "note", sourceName, path);
            bool hasValue = c.TryGetProperty("value", out var value);
            bool hasScale = c.TryGetProperty("scale", out var scale);
            bool hasAdd = c.TryGetProperty("add", out var add);
            if ((hasValue ? 1 : 0) + (hasScale ? 1 : 0) + (hasAdd ? 1 : 0) != 1)
            {
                throw new DataFormatException(sourceName, path, "a change needs exactly one of 'value', 'scale' or 'add'");
            }

            bool keepLowerRegions = Json.OptionalString(c, "lower_regions", sourceName, path) switch
            {
                null or "override" => false,
                "keep" => true,
                var other => throw new DataFormatException(sourceName, path + ".lower_regions", $"expected \"override\" or \"keep\", found \"{other}\""),
            };
            if (keepLowerRegions && !hasValue)
            {
                throw new DataFormatException(sourceName, path + ".lower_regions", "\"keep\" applies only to a change with 'value'; a scale or an addition applies to each lower region's own value");
            }

            ParameterOverride change;
            if (hasValue)
            {
                ParameterValue v;
                if (value.ValueKind == JsonValueKind.Array)
                {
                    var items = new List<double>();
                    int k = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        items.Add(Json.Number(item, sourceName, Json.Item(path + ".value", k++)));
                    }

                    v = ParameterValue.OfList(items);
                }
                else
                {
                    v = ParameterValue.Of(Json.Number(value, sourceName, path + ".value"));
                }

                change = new ParameterOverride(parameter, region, from, until, OverrideKind.Set, v, 0, note) { KeepLowerRegions = keepLowerRegions };
            }
            else if (hasScale)
            {
                change = new ParameterOverride(parameter, region, from, until, OverrideKind.Scale, default, Json.Number(scale, sourceName, path + ".scale"), note);
            }
            else
            {
                change = new ParameterOverride(parameter, region, from, until, OverrideKind.Add, default, Json.Number(add, sourceName, path + ".add"), note);
            }

            reform = reform.With(change);
        }

        return reform;
    }

    /// <summary>
    /// The reform as JSON in the shape <see cref="Parse(string, string)"/> reads (see the remarks), so that
    /// <c>Reform.Parse(reform.ToJson())</c> has the same name, description and changes; <c>"lower_regions"</c> is
    /// written only when a change keeps the lower regions' own values.
    /// </summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("name", Name);
            if (Description is not null)
            {
                writer.WriteString("description", Description);
            }

            writer.WriteStartArray("changes");
            foreach (var o in Overrides)
            {
                writer.WriteStartObject();
                writer.WriteString("parameter", o.Parameter);
                writer.WriteString("region", o.RegionCode);
                writer.WriteString("from", o.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                if (o.Until is { } until)
                {
                    writer.WriteString("until", until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                }

                switch (o.Kind)
                {
                    case OverrideKind.Set when o.Value.IsList:
                        writer.WriteStartArray("value");
                        foreach (var item in o.Value.Items)
                        {
                            writer.WriteNumberValue(item);
                        }

                        writer.WriteEndArray();
                        break;
                    case OverrideKind.Set:
                        writer.WriteNumber("value", o.Value.Scalar);
                        break;
                    case OverrideKind.Scale:
                        writer.WriteNumber("scale", o.Amount);
                        break;
                    default:
                        writer.WriteNumber("add", o.Amount);
                        break;
                }

                if (o.KeepLowerRegions)
                {
                    writer.WriteString("lower_regions", "keep");
                }

                if (o.Note is not null)
                {
                    writer.WriteString("note", o.Note);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
