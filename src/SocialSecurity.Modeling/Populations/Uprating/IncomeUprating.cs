using System.Text.Json;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Uprating;

/// <summary>
/// Moves a population's amounts from the date its data describe to another date with dated growth indices, one per
/// income source (wages, business, property, private transfers, pensions, financial assets). Sources without an index
/// are left unchanged. The level in force at a date is that of the last point on or before it (a step index), so the
/// factor from <c>from</c> to <c>to</c> is level(to) / level(from); moving backwards divides.
/// </summary>
/// <example>
/// A JSON file (see <see cref="Load(string)"/>):
/// <code>
/// { "description": "Zhejiang 2022 → 2023",
///   "series": {
///     "wages": [ { "date": "2022-01-01", "level": 100, "provenance": "U", "source": "…" },
///                { "date": "2023-01-01", "level": 105.9, "provenance": "U", "source": "…" } ] } }
/// </code>
/// </example>
public sealed class IncomeUprating
{
    private static readonly string[] SourceNames = ["wages", "business_income", "property_income", "private_transfers", "pensions", "financial_assets"];

    private readonly GrowthIndexPoint[]?[] _series = new GrowthIndexPoint[]?[SourceNames.Length];

    /// <summary>Creates an uprating from index series.</summary>
    /// <param name="series">For each source, its points in strictly increasing date order, with levels finite and &gt; 0.</param>
    /// <param name="description">What the uprating represents, for reports.</param>
    /// <exception cref="ArgumentException">A series is empty, out of order, or has a level that is not finite and positive.</exception>
    public IncomeUprating(IReadOnlyDictionary<IncomeSource, IReadOnlyList<GrowthIndexPoint>> series, string description = "")
    {
        ArgumentNullException.ThrowIfNull(series);
        Description = description ?? string.Empty;
        foreach (var (source, points) in series)
        {
            if (!Enum.IsDefined(source))
            {
                throw new ArgumentException($"{(int)source} is not an IncomeSource.", nameof(series));
            }

            if (points is null || points.Count == 0)
            {
                throw new ArgumentException($"The {source} index has no points.", nameof(series));
            }

            for (int i = 0; i < points.Count; i++)
            {
                if (!double.IsFinite(points[i].Level) || points[i].Level <= 0)
                {
                    throw new ArgumentException($"The {source} index at {points[i].Date:yyyy-MM-dd} has level {points[i].Level}; expected a finite number > 0.", nameof(series));
                }

                if (i > 0 && points[i].Date <= points[i - 1].Date)
                {
                    throw new ArgumentException($"The {source} index dates must increase strictly; {points[i].Date:yyyy-MM-dd} follows {points[i - 1].Date:yyyy-MM-dd}.", nameof(series));
                }
            }

            _series[(int)source] = points.ToArray();
        }
    }

    /// <summary>What the uprating represents.</summary>
    public string Description { get; }

    /// <summary>The sources that have an index (the others are not changed).</summary>
    public IReadOnlyList<IncomeSource> Sources => Enum.GetValues<IncomeSource>().Where(s => _series[(int)s] is not null).ToArray();

    /// <summary>The index points of a source, or an empty list when it has none.</summary>
    /// <param name="source">The income source.</param>
    public IReadOnlyList<GrowthIndexPoint> Series(IncomeSource source) => _series[(int)source] ?? [];

    /// <summary>Loads an uprating from a JSON file (shape in the class example; property names are <c>wages</c>, <c>business_income</c>, <c>property_income</c>, <c>private_transfers</c>, <c>pensions</c>, <c>financial_assets</c>).</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="DataFormatException">The file is malformed; the message names the JSON path.</exception>
    public static IncomeUprating Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>The factor that moves <paramref name="source"/> amounts from <paramref name="from"/> to <paramref name="to"/>: level(to) / level(from); 1 for a source without an index.</summary>
    /// <param name="source">The income source.</param>
    /// <param name="from">The date the data describe.</param>
    /// <param name="to">The date to move them to.</param>
    /// <exception cref="ArgumentOutOfRangeException">A date precedes the source's first index point.</exception>
    public double Factor(IncomeSource source, DateOnly from, DateOnly to)
    {
        var points = _series[(int)source];
        return points is null ? 1 : Level(points, source, to) / Level(points, source, from);
    }

    /// <summary>A population with every indexed amount multiplied by its factor (other columns shared).</summary>
    /// <param name="population">The population.</param>
    /// <param name="from">The date the population's amounts describe.</param>
    /// <param name="to">The date to move them to.</param>
    /// <exception cref="ArgumentOutOfRangeException">A date precedes an index's first point.</exception>
    public Population Apply(Population population, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(population);
        return PopulationDerivation.With(
            population,
            [
                (PopulationSchema.FinancialAssets, Scaled(population.FinancialAssetsColumn, IncomeSource.FinancialAssets, from, to)),
                (PopulationSchema.Wages, Scaled(population.WagesColumn, IncomeSource.Wages, from, to)),

                // The other labour incomes move with wages, and the bonus with the wages it is part of (so it stays ≤ them).
                (PopulationSchema.LabourRemuneration, Scaled(population.Column<double>(PopulationSchema.LabourRemuneration), IncomeSource.Wages, from, to)),
                (PopulationSchema.AuthorRemuneration, Scaled(population.Column<double>(PopulationSchema.AuthorRemuneration), IncomeSource.Wages, from, to)),
                (PopulationSchema.Royalties, Scaled(population.Column<double>(PopulationSchema.Royalties), IncomeSource.Wages, from, to)),
                (PopulationSchema.AnnualBonus, Scaled(population.Column<double>(PopulationSchema.AnnualBonus), IncomeSource.Wages, from, to)),
                (PopulationSchema.BusinessIncome, Scaled(population.BusinessColumn, IncomeSource.BusinessIncome, from, to)),
                (PopulationSchema.PropertyIncome, Scaled(population.PropertyColumn, IncomeSource.PropertyIncome, from, to)),
                (PopulationSchema.PrivateTransfers, Scaled(population.PrivateTransfersColumn, IncomeSource.PrivateTransfers, from, to)),
                (PopulationSchema.ReportedPension, Scaled(population.PensionColumn, IncomeSource.Pensions, from, to)),
            ]);
    }

    internal static IncomeUprating Parse(byte[] utf8, string file)
    {
        using var document = Json.Parse(utf8, file);
        var root = document.RootElement;
        Json.NoUnknownProperties(root, file, "$", "description", "series");
        var description = Json.OptionalString(root, "description", file, "$") ?? string.Empty;
        var seriesElement = Json.Required(root, "series", file, "$");
        Json.NoUnknownProperties(seriesElement, file, "$.series", SourceNames);
        var series = new Dictionary<IncomeSource, IReadOnlyList<GrowthIndexPoint>>();
        foreach (var property in seriesElement.EnumerateObject())
        {
            var path = Json.Child("$.series", property.Name);
            if (property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() == 0)
            {
                throw new DataFormatException(file, path, "expected a non-empty array of index points");
            }

            var points = new List<GrowthIndexPoint>();
            int i = 0;
            foreach (var item in property.Value.EnumerateArray())
            {
                var itemPath = Json.Item(path, i++);
                Json.NoUnknownProperties(item, file, itemPath, "date", "level", "provenance", "source", "note");
                var tag = Json.RequiredString(item, "provenance", file, itemPath);
                if (!ProvenanceTags.TryParse(tag, out var provenance))
                {
                    throw new DataFormatException(file, itemPath + ".provenance", $"unknown provenance tag '{tag}'; expected P, N, L, D, U, I or R");
                }

                var level = Json.RequiredNumber(item, "level", file, itemPath);
                if (level <= 0)
                {
                    throw new DataFormatException(file, itemPath + ".level", $"{level} is not > 0");
                }

                var date = Json.RequiredDate(item, "date", file, itemPath);
                if (points.Count > 0 && date <= points[^1].Date)
                {
                    throw new DataFormatException(file, itemPath + ".date", $"dates must increase strictly; {date:yyyy-MM-dd} follows {points[^1].Date:yyyy-MM-dd}");
                }

                points.Add(new GrowthIndexPoint(date, level, provenance, Json.RequiredString(item, "source", file, itemPath)));
            }

            series[(IncomeSource)Array.IndexOf(SourceNames, property.Name)] = points;
        }

        return new IncomeUprating(series, description);
    }

    private double[]? Scaled(double[] column, IncomeSource source, DateOnly from, DateOnly to)
    {
        if (_series[(int)source] is null)
        {
            return null;
        }

        double factor = Factor(source, from, to);
        var result = new double[column.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = column[i] * factor;
        }

        return result;
    }

    private static double Level(GrowthIndexPoint[] points, IncomeSource source, DateOnly date)
    {
        if (date < points[0].Date)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The {source} index starts on {points[0].Date:yyyy-MM-dd}; {date:yyyy-MM-dd} is before it.");
        }

        int index = Array.FindLastIndex(points, p => p.Date <= date);
        return points[index].Level;
    }
}
