using System.Collections.Frozen;
using System.Text.Json;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>
/// The published statistics a synthetic population of one region is calibrated to, for one target year, each with
/// its data year, provenance and source. The built-in sets (China 000000, Zhejiang 330000, Jiangsu 320000, Xinjiang
/// 650000, Inner Mongolia 150000; target years 2022 and 2023) ship as <c>Data/statistics/&lt;code&gt;.json</c>; see
/// <see cref="Load(string, int)"/> and <see cref="LoadFile(string, int)"/>. When a value is not published for the
/// target year, the nearest earlier one is used and its <see cref="StatisticValue.Year"/> and note say so.
/// </summary>
/// <remarks>
/// <para>Caveats carried by the data (see each value's <see cref="StatisticValue.Note"/>):</para>
/// <list type="bullet">
/// <item>the urban share used for generation is <see cref="SurveyUrbanShare"/>, the urban weight implied by the NBS
/// household survey ((all − rural)/(urban − rural) of the per-capita incomes), not the year-end
/// <see cref="UrbanizationRate"/>, which is 3.5–8 points higher: mixing the rate with survey means would overshoot
/// the all-resident mean income;</item>
/// <item>no provincial Gini coefficient is published in the sources consulted, so provincial <see cref="Gini"/>
/// values are <see cref="Provenance.Illustrative"/> targets; the national value is unverified [U];</item>
/// <item>age brackets differ by source: <see cref="ChildMaxAge"/> says whether <see cref="ChildShare"/> covers ages
/// 0–14 or 0–15.</item>
/// </list>
/// </remarks>
/// <param name="RegionCode">The GB/T 2260 code of the region.</param>
/// <param name="Name">The region's English name.</param>
/// <param name="Year">The target year.</param>
/// <param name="ResidentPopulation">Year-end resident population, persons.</param>
/// <param name="UrbanizationRate">Year-end urbanization rate (fraction); for reference, not a generation input.</param>
/// <param name="SurveyUrbanShare">The household survey's implied urban share of residents (fraction): the urban person share generated.</param>
/// <param name="DisposableIncomeAll">Per-capita disposable income of all residents, yuan per person per year.</param>
/// <param name="DisposableIncomeUrban">Per-capita disposable income of urban residents, yuan per person per year.</param>
/// <param name="DisposableIncomeRural">Per-capita disposable income of rural residents, yuan per person per year.</param>
/// <param name="ChildShare">Share of residents aged 0 to <paramref name="ChildMaxAge"/> (fraction).</param>
/// <param name="ChildMaxAge">The upper age of the child bracket: 14 (census) or 15 (annual sample survey).</param>
/// <param name="AgeShare60Plus">Share of residents aged 60 or over (fraction).</param>
/// <param name="AgeShare65Plus">Share of residents aged 65 or over (fraction).</param>
/// <param name="HouseholdSize">Average persons per (family) household.</param>
/// <param name="Gini">Gini coefficient of per-capita household disposable income across persons.</param>
/// <param name="ResidentPensionAverage">Average urban-rural resident pension, yuan per month per beneficiary, when known.</param>
/// <param name="PensionRecipientShare">Basic-pension recipients per resident (fraction), when known; reference only.</param>
/// <param name="DibaoRecipientShare">Dibao recipients per resident (fraction), when known; reference only.</param>
/// <param name="Places">Where residents live inside the region (shares summing to 1); empty to place everyone at the region itself.</param>
/// <param name="HouseholdQuintileMeans">Per-capita income means of the five NBS income groups, lowest first, when known; the groups are equal numbers of <b>households</b> ranked by per-capita income, not of persons. Reference only.</param>
public sealed record ProvinceStatistics(
    string RegionCode,
    string Name,
    int Year,
    StatisticValue ResidentPopulation,
    StatisticValue UrbanizationRate,
    StatisticValue SurveyUrbanShare,
    StatisticValue DisposableIncomeAll,
    StatisticValue DisposableIncomeUrban,
    StatisticValue DisposableIncomeRural,
    StatisticValue ChildShare,
    int ChildMaxAge,
    StatisticValue AgeShare60Plus,
    StatisticValue AgeShare65Plus,
    StatisticValue HouseholdSize,
    StatisticValue Gini,
    StatisticValue? ResidentPensionAverage,
    StatisticValue? PensionRecipientShare,
    StatisticValue? DibaoRecipientShare,
    IReadOnlyList<PlaceShare> Places,
    IReadOnlyList<StatisticValue> HouseholdQuintileMeans)
{
    private static readonly string[] QuintileKeys = ["quintile_mean_low", "quintile_mean_lower_middle", "quintile_mean_middle", "quintile_mean_upper_middle", "quintile_mean_high"];

    private static readonly FrozenSet<string> BuiltIn = FrozenSet.ToFrozenSet(["000000", "330000", "320000", "650000", "150000"], StringComparer.Ordinal);

    private static readonly string[] CheckKeys =
    [
        "disposable_income_median", "urban_rural_income_ratio_published", "one_time_living_subsidy_total", "destitute_persons", "destitute_persons_rural",
    ];

    private static readonly string[] PensionKeys =
    [
        "employee_pension_retiree_share", "employee_pension_contributor_share", "resident_pension_beneficiary_share",
    ];

    private static readonly string[] TargetKeys =
    [
        .. PensionKeys,
        "resident_population", "urbanization_rate", "survey_urban_share", "disposable_income_all", "disposable_income_urban",
        "disposable_income_rural", "age_share_0_14", "age_share_0_15", "age_share_60_plus", "age_share_65_plus", "household_size",
        "gini_disposable_income", "resident_pension_average", "pension_recipient_share", "dibao_recipient_share",
        "quintile_mean_low", "quintile_mean_lower_middle", "quintile_mean_middle", "quintile_mean_upper_middle", "quintile_mean_high",
        .. CheckKeys,
    ];

    /// <summary>
    /// Published values that are never calibration targets but checks of a simulated baseline, keyed by their name in
    /// the data file: <c>disposable_income_median</c>, <c>urban_rural_income_ratio_published</c>,
    /// <c>one_time_living_subsidy_total</c>, <c>destitute_persons</c>, <c>destitute_persons_rural</c> (each when known).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, StatisticValue>> Checks { get; init; } = [];

    /// <summary>
    /// Published pension totals that are calibration targets, as shares of residents, keyed by their name in the data
    /// file: <c>employee_pension_retiree_share</c> (persons drawing the employee pension),
    /// <c>employee_pension_contributor_share</c> (workers contributing to it) and <c>resident_pension_beneficiary_share</c>
    /// (persons drawing the resident pension), each when known. The weights are calibrated so that the persons whose
    /// contribution histories give them that status meet them (docs/baseline.md#contribution-histories).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, StatisticValue>> PensionTargets { get; init; } = [];

    /// <summary>The names of the five income-group lines, lowest first (as in the data files and calibration reports).</summary>
    public static IReadOnlyList<string> QuintileNames => QuintileKeys;

    /// <summary>The codes of the regions with built-in statistics.</summary>
    public static IReadOnlyCollection<string> BuiltInRegions => BuiltIn;

    /// <summary>Every value, keyed by its name in the data file (for reports).</summary>
    public IReadOnlyList<KeyValuePair<string, StatisticValue>> Values
    {
        get
        {
            var list = new List<KeyValuePair<string, StatisticValue>>
            {
                new("resident_population", ResidentPopulation),
                new("urbanization_rate", UrbanizationRate),
                new("survey_urban_share", SurveyUrbanShare),
                new("disposable_income_all", DisposableIncomeAll),
                new("disposable_income_urban", DisposableIncomeUrban),
                new("disposable_income_rural", DisposableIncomeRural),
                new($"age_share_0_{ChildMaxAge}", ChildShare),
                new("age_share_60_plus", AgeShare60Plus),
                new("age_share_65_plus", AgeShare65Plus),
                new("household_size", HouseholdSize),
                new("gini_disposable_income", Gini),
            };
            if (ResidentPensionAverage is not null)
            {
                list.Add(new("resident_pension_average", ResidentPensionAverage));
            }

            if (PensionRecipientShare is not null)
            {
                list.Add(new("pension_recipient_share", PensionRecipientShare));
            }

            if (DibaoRecipientShare is not null)
            {
                list.Add(new("dibao_recipient_share", DibaoRecipientShare));
            }

            for (int q = 0; q < HouseholdQuintileMeans.Count; q++)
            {
                list.Add(new(QuintileKeys[q], HouseholdQuintileMeans[q]));
            }

            return list;
        }
    }

    /// <summary>The built-in statistics of a region for a target year.</summary>
    /// <param name="regionCode">One of <see cref="BuiltInRegions"/>: 000000, 330000, 320000, 650000 or 150000.</param>
    /// <param name="year">The target year: 2022 (default) or 2023.</param>
    /// <exception cref="ArgumentException">No built-in statistics for that region or year; the message lists what is available.</exception>
    public static ProvinceStatistics Load(string regionCode, int year = 2022)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        if (!BuiltIn.Contains(regionCode))
        {
            throw new ArgumentException($"No built-in statistics for region '{regionCode}'; built-in: {string.Join(", ", BuiltIn.Order(StringComparer.Ordinal))}. Load your own with ProvinceStatistics.LoadFile.", nameof(regionCode));
        }

        var name = $"statistics/{regionCode}.json";
        return Parse(EmbeddedData.Read(name), "Data/" + name, year);
    }

    /// <summary>The target years of a region's built-in statistics.</summary>
    /// <param name="regionCode">One of <see cref="BuiltInRegions"/>.</param>
    /// <exception cref="ArgumentException">No built-in statistics for that region.</exception>
    public static IReadOnlyList<int> AvailableYears(string regionCode)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        if (!BuiltIn.Contains(regionCode))
        {
            throw new ArgumentException($"No built-in statistics for region '{regionCode}'; built-in: {string.Join(", ", BuiltIn.Order(StringComparer.Ordinal))}.", nameof(regionCode));
        }

        var name = $"statistics/{regionCode}.json";
        using var document = Json.Parse(EmbeddedData.Read(name), "Data/" + name);
        return Years(document.RootElement, "Data/" + name);
    }

    /// <summary>Loads statistics for a target year from a JSON file shaped like the embedded <c>Data/statistics/*.json</c>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="year">The target year, one of the file's <c>years</c>.</param>
    /// <exception cref="DataFormatException">The file is malformed or a value is out of range; the message names the JSON path.</exception>
    /// <exception cref="ArgumentException">The file has no targets for <paramref name="year"/>.</exception>
    public static ProvinceStatistics LoadFile(string path, int year)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllBytes(path), path, year);
    }

    internal static ProvinceStatistics Parse(byte[] utf8, string file, int year)
    {
        using var document = Json.Parse(utf8, file);
        var root = document.RootElement;
        Json.NoUnknownProperties(root, file, "$", "region", "name", "description", "compiled_from", "years", "places");
        var code = Json.RequiredString(root, "region", file, "$");
        var name = Json.RequiredString(root, "name", file, "$");
        var years = Years(root, file);
        var yearsElement = Json.Required(root, "years", file, "$");
        if (!yearsElement.TryGetProperty(year.ToString(System.Globalization.CultureInfo.InvariantCulture), out var yearElement))
        {
            throw new ArgumentException($"{file} has no statistics for {year}; years available: {string.Join(", ", years)}.", nameof(year));
        }

        var yearPath = Json.Child("$.years", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Json.NoUnknownProperties(yearElement, file, yearPath, "targets");
        var targetsPath = yearPath + ".targets";
        var targets = Json.Required(yearElement, "targets", file, yearPath);
        Json.NoUnknownProperties(targets, file, targetsPath, TargetKeys);

        StatisticValue? Optional(string key)
            => targets.TryGetProperty(key, out var element) && element.ValueKind != JsonValueKind.Null
                ? ReadValue(element, file, Json.Child(targetsPath, key))
                : null;

        StatisticValue Required(string key, double min, double max)
        {
            var value = Optional(key) ?? throw new DataFormatException(file, Json.Child(targetsPath, key), "required target is missing");
            if (!(value.Value >= min && value.Value <= max))
            {
                throw new DataFormatException(file, Json.Child(targetsPath, key) + ".value", $"{value.Value} is outside the expected range {min}–{max} ({value.Unit})");
            }

            return value;
        }

        var child14 = Optional("age_share_0_14");
        var child15 = Optional("age_share_0_15");
        if ((child14 is null) == (child15 is null))
        {
            throw new DataFormatException(file, targetsPath, "expected exactly one of age_share_0_14 and age_share_0_15");
        }

        var childKey = child14 is null ? "age_share_0_15" : "age_share_0_14";
        ProvinceStatistics statistics = new(
            code,
            name,
            year,
            Required("resident_population", 1_000, 2e9),
            Required("urbanization_rate", 0.01, 1),
            Required("survey_urban_share", 0.01, 0.99),
            Required("disposable_income_all", 1, 1e7),
            Required("disposable_income_urban", 1, 1e7),
            Required("disposable_income_rural", 1, 1e7),
            Required(childKey, 0.01, 0.6),
            child14 is null ? 15 : 14,
            Required("age_share_60_plus", 0.01, 0.6),
            Required("age_share_65_plus", 0.005, 0.6),
            Required("household_size", 1, 8),
            Required("gini_disposable_income", 0.05, 0.8),
            Optional("resident_pension_average"),
            Optional("pension_recipient_share"),
            Optional("dibao_recipient_share"),
            ReadPlaces(root, file),
            ReadQuintiles(Optional, file, targetsPath));

        var checks = new List<KeyValuePair<string, StatisticValue>>();
        foreach (var key in CheckKeys)
        {
            if (Optional(key) is { } value)
            {
                if (!(value.Value > 0))
                {
                    throw new DataFormatException(file, Json.Child(targetsPath, key) + ".value", $"{value.Value} must be positive ({value.Unit})");
                }

                checks.Add(new(key, value));
            }
        }

        var pensionTargets = new List<KeyValuePair<string, StatisticValue>>();
        foreach (var key in PensionKeys)
        {
            if (Optional(key) is { } value)
            {
                if (!(value.Value > 0 && value.Value < 1))
                {
                    throw new DataFormatException(file, Json.Child(targetsPath, key) + ".value", $"{value.Value} must be a share of residents between 0 and 1 ({value.Unit})");
                }

                pensionTargets.Add(new(key, value));
            }
        }

        statistics = statistics with { Checks = checks, PensionTargets = pensionTargets };
        if (!RegionCatalog.Default.TryGetId(code, out _))
        {
            throw new DataFormatException(file, "$.region", $"unknown region '{code}': not in the region catalogue");
        }

        foreach (var (place, index) in statistics.Places.Select((p, i) => (p, i)))
        {
            if (!RegionCatalog.Default.TryGetId(place.RegionCode, out _))
            {
                throw new DataFormatException(file, Json.Item("$.places", index) + ".region", $"unknown region '{place.RegionCode}': not in the region catalogue");
            }
        }

        if (statistics.DisposableIncomeUrban.Value <= statistics.DisposableIncomeRural.Value)
        {
            throw new DataFormatException(file, targetsPath + ".disposable_income_urban", "the urban mean income must exceed the rural mean income");
        }

        if (statistics.AgeShare65Plus.Value > statistics.AgeShare60Plus.Value || statistics.ChildShare.Value + statistics.AgeShare60Plus.Value >= 0.95)
        {
            throw new DataFormatException(file, targetsPath, "inconsistent age shares: need 65+ ≤ 60+ and children + 60+ < 0.95");
        }

        return statistics;
    }

    private static int[] Years(JsonElement root, string file)
    {
        var years = Json.Required(root, "years", file, "$");
        if (years.ValueKind != JsonValueKind.Object)
        {
            throw new DataFormatException(file, "$.years", $"expected an object keyed by target year, found {Json.Describe(years)}");
        }

        var result = new List<int>();
        foreach (var property in years.EnumerateObject())
        {
            if (!int.TryParse(property.Name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) || year is < 1949 or > 2100)
            {
                throw new DataFormatException(file, Json.Child("$.years", property.Name), "expected a four-digit target year as the key");
            }

            result.Add(year);
        }

        return result.Order().ToArray();
    }

    private static StatisticValue[] ReadQuintiles(Func<string, StatisticValue?> optional, string file, string targetsPath)
    {
        var values = QuintileKeys.Select(optional).ToArray();
        if (values.All(v => v is null))
        {
            return [];
        }

        if (values.Any(v => v is null))
        {
            throw new DataFormatException(file, targetsPath, $"give all five income-group means ({string.Join(", ", QuintileKeys)}) or none");
        }

        for (int q = 1; q < values.Length; q++)
        {
            if (values[q]!.Value < values[q - 1]!.Value)
            {
                throw new DataFormatException(file, Json.Child(targetsPath, QuintileKeys[q]), "income-group means must not decrease from the lowest group to the highest");
            }
        }

        return values!;
    }

    private static StatisticValue ReadValue(JsonElement element, string file, string path)
    {
        Json.NoUnknownProperties(element, file, path, "value", "unit", "year", "provenance", "source", "note");
        var tag = Json.RequiredString(element, "provenance", file, path);
        if (!ProvenanceTags.TryParse(tag, out var provenance))
        {
            throw new DataFormatException(file, path + ".provenance", $"unknown provenance tag '{tag}'; expected P, N, L, D, U or I");
        }

        return new StatisticValue(
            Json.RequiredNumber(element, "value", file, path),
            Json.RequiredString(element, "unit", file, path),
            (int)Json.RequiredNumber(element, "year", file, path),
            provenance,
            Json.RequiredString(element, "source", file, path),
            Json.OptionalString(element, "note", file, path));
    }

    private static PlaceShare[] ReadPlaces(JsonElement root, string file)
    {
        if (!root.TryGetProperty("places", out var places) || places.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (places.ValueKind != JsonValueKind.Array)
        {
            throw new DataFormatException(file, "$.places", "expected an array");
        }

        var result = new List<PlaceShare>();
        int i = 0;
        double total = 0;
        foreach (var item in places.EnumerateArray())
        {
            var path = Json.Item("$.places", i++);
            Json.NoUnknownProperties(item, file, path, "region", "share", "year", "provenance", "source");
            var tag = Json.RequiredString(item, "provenance", file, path);
            if (!ProvenanceTags.TryParse(tag, out var provenance))
            {
                throw new DataFormatException(file, path + ".provenance", $"unknown provenance tag '{tag}'");
            }

            var share = Json.RequiredNumber(item, "share", file, path);
            if (share is <= 0 or > 1)
            {
                throw new DataFormatException(file, path + ".share", $"{share} is outside (0, 1]");
            }

            total += share;
            result.Add(new PlaceShare(Json.RequiredString(item, "region", file, path), share, (int)Json.RequiredNumber(item, "year", file, path), provenance, Json.RequiredString(item, "source", file, path)));
        }

        if (result.Count > 0 && Math.Abs(total - 1) > 1e-3)
        {
            throw new DataFormatException(file, "$.places", $"shares sum to {total:0.######}; expected 1 (±0.001)");
        }

        return result.ToArray();
    }
}
