using System.Globalization;
using System.Text.Json;

namespace SocialSecurity.Modeling.Tests.Metrics;

/// <summary>Loads Cases/Metrics/vectors.json (a byte-identical copy of the shared reference vectors).</summary>
internal static class ReferenceVectors
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(FilePath)));

    internal static string FilePath => Path.Combine(AppContext.BaseDirectory, "Cases", "Metrics", "vectors.json");

    internal static JsonElement Root => Document.Value.RootElement;

    internal static IEnumerable<string> Ids =>
        Root.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!);

    internal static double[] Expected(string id)
    {
        foreach (var r in Root.GetProperty("results").EnumerateArray())
        {
            if (r.GetProperty("id").GetString() == id)
            {
                var v = r.GetProperty("value");
                return v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(Number).ToArray() : [Number(v)];
            }
        }

        throw new KeyNotFoundException(id);
    }

    internal static double[] Column(string dataset, string column) =>
        Root.GetProperty("datasets").GetProperty(dataset).GetProperty(column).EnumerateArray().Select(Number).ToArray();

    internal static string[] Strings(string dataset, string column) =>
        Root.GetProperty("datasets").GetProperty(dataset).GetProperty(column).EnumerateArray().Select(e => e.GetString()!).ToArray();

    internal static double Line(string name) => Root.GetProperty("lines").GetProperty(name).GetDouble();

    private static double Number(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => e.GetString() switch
        {
            "Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            var s => double.Parse(s!, CultureInfo.InvariantCulture),
        },
        _ => throw new FormatException(e.ToString()),
    };

    /// <summary>Asserts |actual − expected| ≤ max(1e-12·|expected|, 1e-14) element-wise (infinities must match exactly).</summary>
    internal static void ShouldMatch(double[] actual, double[] expected, string id, double relative = 1e-12, double absolute = 1e-14)
    {
        actual.Length.Should().Be(expected.Length, $"{id} has {expected.Length} reference values");
        for (int i = 0; i < expected.Length; i++)
        {
            double a = actual[i], e = expected[i];
            if (double.IsInfinity(e) || double.IsNaN(e))
            {
                a.Should().Be(e, $"{id}[{i}]");
                continue;
            }

            double tol = Math.Max(relative * Math.Abs(e), absolute);
            Math.Abs(a - e).Should().BeLessThanOrEqualTo(tol,
                $"{id}[{i}]: expected {e.ToString("R", CultureInfo.InvariantCulture)}, got {a.ToString("R", CultureInfo.InvariantCulture)}");
        }
    }
}
