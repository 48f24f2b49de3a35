namespace SocialSecurity.Modeling.IO;

/// <summary>
/// Where one field of the population comes from in a CSV or Parquet file: the column's name, an optional recoding of its values
/// to the library's names (for example <c>"1" → "urban"</c>), and a scale factor for amounts (for example 12 to turn
/// a monthly column into the annual field).
/// </summary>
/// <param name="Column">The column's name in the file's header row (matched exactly).</param>
public sealed record FieldMapping(string Column)
{
    /// <summary>Recoding of raw cell values to the field's canonical values (matched exactly after trimming); other values are read as they are.</summary>
    public IReadOnlyDictionary<string, string>? Values { get; init; }

    /// <summary>A factor that numeric values are multiplied by after parsing (finite, ≠ 0). Default 1.</summary>
    public double Scale { get; init; } = 1;
}
