using System.Globalization;
using System.Text.Json;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// The demographic assumptions of a projection: period mortality by sex and abridged age, the fertility age pattern,
/// the total fertility rate path and the sex ratio at birth, each with its provenance tag and source. docs/projection.md.
/// </summary>
/// <remarks>
/// <see cref="China"/> holds the UN World Population Prospects 2024 medium variant shipped in
/// <c>Data/demography/cn-wpp2024.json</c>. Provinces use the national paths until provincial tables exist (an
/// assumption [D], docs/projection.md#provinces). Every series is validated when the assumptions are built, and again
/// against the projection's years when a projection starts (<see cref="CheckCovers"/>).
/// </remarks>
public sealed class DemographicAssumptions
{
    private static readonly Lazy<DemographicAssumptions> BuiltIn = new(LoadChina);

    /// <summary>Builds and validates a set of assumptions.</summary>
    /// <param name="mortality">Period death rates by sex and abridged age (at least one table per sex).</param>
    /// <param name="fertilityPatterns">Fertility age patterns by year (shares of the TFR by 5-year age group).</param>
    /// <param name="totalFertility">Total fertility rate by calendar year (consecutive years).</param>
    /// <param name="sexRatioAtBirth">Males per female birth by calendar year (consecutive years).</param>
    /// <exception cref="ArgumentException">A table or series is invalid (a probability above 1, a negative rate, a gap, no source); the message names it.</exception>
    public DemographicAssumptions(IReadOnlyList<MortalityTable> mortality, IReadOnlyList<FertilityPattern> fertilityPatterns, DatedSeries totalFertility, DatedSeries sexRatioAtBirth)
    {
        ArgumentNullException.ThrowIfNull(mortality);
        ArgumentNullException.ThrowIfNull(fertilityPatterns);
        ArgumentNullException.ThrowIfNull(totalFertility);
        ArgumentNullException.ThrowIfNull(sexRatioAtBirth);
        foreach (var table in mortality)
        {
            table.Validate();
        }

        foreach (var sex in new[] { Sex.Male, Sex.Female })
        {
            if (!mortality.Any(t => t.Sex == sex))
            {
                throw new ArgumentException($"The mortality assumptions have no table for {sex.ToString().ToLowerInvariant()}s.", nameof(mortality));
            }
        }

        if (fertilityPatterns.Count == 0)
        {
            throw new ArgumentException("The fertility assumptions have no age pattern.", nameof(fertilityPatterns));
        }

        foreach (var pattern in fertilityPatterns)
        {
            pattern.Validate();
        }

        if (fertilityPatterns.Select(p => p.Year).Distinct().Count() != fertilityPatterns.Count)
        {
            throw new ArgumentException("Two fertility age patterns are given for the same year.", nameof(fertilityPatterns));
        }

        totalFertility.Validate("total fertility rate", 0, 10);
        sexRatioAtBirth.Validate("sex ratio at birth", 0.5, 2);
        Mortality = [.. mortality.OrderBy(t => t.Sex).ThenBy(t => t.FirstYear)];
        FertilityPatterns = [.. fertilityPatterns.OrderBy(p => p.Year)];
        TotalFertility = totalFertility;
        SexRatioAtBirth = sexRatioAtBirth;
    }

    /// <summary>China, UN World Population Prospects 2024, medium variant (mortality 2015–2060, fertility and sex ratio at birth 2015–2060) [L].</summary>
    public static DemographicAssumptions China => BuiltIn.Value;

    /// <summary>The mortality tables, by sex then period.</summary>
    public IReadOnlyList<MortalityTable> Mortality { get; }

    /// <summary>The fertility age patterns, by year.</summary>
    public IReadOnlyList<FertilityPattern> FertilityPatterns { get; }

    /// <summary>The total fertility rate path.</summary>
    public DatedSeries TotalFertility { get; }

    /// <summary>The sex ratio at birth path (males per female).</summary>
    public DatedSeries SexRatioAtBirth { get; }

    /// <summary>
    /// Checks that every series covers the years <paramref name="first"/> to <paramref name="last"/> (mortality tables
    /// may be held beyond their last period by at most 5 years; the TFR and sex-ratio paths must give every year).
    /// </summary>
    /// <exception cref="ArgumentException">A year is not covered; the message names the series and the year.</exception>
    public void CheckCovers(int first, int last)
    {
        foreach (var sex in new[] { Sex.Male, Sex.Female })
        {
            var tables = Mortality.Where(t => t.Sex == sex).ToArray();
            for (int year = first; year <= last; year++)
            {
                if (!tables.Any(t => year >= t.FirstYear - 5 && year <= t.LastYear + 5))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"No {sex.ToString().ToLowerInvariant()} mortality table covers {year} (tables cover {string.Join(", ", tables.Select(t => $"{t.FirstYear}–{t.LastYear}"))})."));
                }
            }
        }

        TotalFertility.CheckCovers("total fertility rate", first, last);
        SexRatioAtBirth.CheckCovers("sex ratio at birth", first, last);
    }

    /// <summary>
    /// Single-year death probabilities for one year and sex, ages 0–120 (the probability at 120 is 1). Central rates
    /// are interpolated log-linearly between period mid-points (held beyond the first and last) and, within ages,
    /// between the mid-points of the 5-year groups from 5–9 to 90–94; from 90–94 on, the log rate continues with the
    /// slope between 85–89 and 90–94 (a Gompertz tail) rather than the WPP open-group rates. q = 1 − exp(−m).
    /// </summary>
    internal double[] DeathProbabilities(Sex sex, int year)
    {
        var tables = Mortality.Where(t => t.Sex == sex).ToArray();
        double time = year + 0.5;
        double[] logRates;
        var mids = tables.Select(t => (t.FirstYear + t.LastYear + 1) / 2.0).ToArray();
        if (time <= mids[0])
        {
            logRates = tables[0].LogCentralRates();
        }
        else if (time >= mids[^1])
        {
            logRates = tables[^1].LogCentralRates();
        }
        else
        {
            int k = 0;
            while (mids[k + 1] < time)
            {
                k++;
            }

            double w = (time - mids[k]) / (mids[k + 1] - mids[k]);
            var a = tables[k].LogCentralRates();
            var b = tables[k + 1].LogCentralRates();
            logRates = new double[a.Length];
            for (int i = 0; i < a.Length; i++)
            {
                logRates[i] = ((1 - w) * a[i]) + (w * b[i]);
            }
        }

        return SingleYear(tables[0].AgeStarts, logRates);
    }

    private static double[] SingleYear(IReadOnlyList<int> starts, double[] logRates)
    {
        // Mid-points of the closed 5-year groups from 5 on, up to the 90–94 group.
        var points = new List<(double Age, double LogRate)>();
        for (int g = 0; g < starts.Count - 1; g++)
        {
            if (starts[g] >= 5 && starts[g + 1] - starts[g] == 5 && starts[g] <= 90)
            {
                points.Add((starts[g] + 2.5, logRates[g]));
            }
        }

        var q = new double[121];
        double slope = (points[^1].LogRate - points[^2].LogRate) / (points[^1].Age - points[^2].Age);
        for (int age = 0; age <= 120; age++)
        {
            double log;
            if (age < 5)
            {
                int g = 0;
                while (g + 1 < starts.Count && starts[g + 1] <= age)
                {
                    g++;
                }

                log = logRates[g];
            }
            else
            {
                double x = age + 0.5;
                if (x <= points[0].Age)
                {
                    log = points[0].LogRate;
                }
                else if (x >= points[^1].Age)
                {
                    log = points[^1].LogRate + (slope * (x - points[^1].Age));
                }
                else
                {
                    int k = 0;
                    while (points[k + 1].Age < x)
                    {
                        k++;
                    }

                    double w = (x - points[k].Age) / (points[k + 1].Age - points[k].Age);
                    log = ((1 - w) * points[k].LogRate) + (w * points[k + 1].LogRate);
                }
            }

            q[age] = age == 120 ? 1.0 : 1.0 - Math.Exp(-Math.Exp(log));
        }

        return q;
    }

    /// <summary>
    /// Single-year fertility rates for one year, ages 0–120: the age pattern interpolated linearly between the years
    /// given (held beyond), rescaled to sum to 100%, times the year's TFR, ÷ 5 within each 5-year group.
    /// </summary>
    internal double[] FertilityRates(int year)
    {
        var patterns = FertilityPatterns;
        double[] shares;
        IReadOnlyList<int> starts = patterns[0].AgeStarts;
        if (year <= patterns[0].Year)
        {
            shares = [.. patterns[0].Shares];
        }
        else if (year >= patterns[^1].Year)
        {
            shares = [.. patterns[^1].Shares];
            starts = patterns[^1].AgeStarts;
        }
        else
        {
            int k = 0;
            while (patterns[k + 1].Year < year)
            {
                k++;
            }

            if (!patterns[k].AgeStarts.SequenceEqual(patterns[k + 1].AgeStarts))
            {
                throw new InvalidOperationException($"The fertility patterns of {patterns[k].Year} and {patterns[k + 1].Year} use different age groups.");
            }

            double w = (year - patterns[k].Year) / (double)(patterns[k + 1].Year - patterns[k].Year);
            shares = new double[patterns[k].Shares.Count];
            for (int i = 0; i < shares.Length; i++)
            {
                shares[i] = ((1 - w) * patterns[k].Shares[i]) + (w * patterns[k + 1].Shares[i]);
            }
        }

        double total = shares.Sum();
        double tfr = TotalFertility.At(year);
        var rates = new double[121];
        for (int g = 0; g < starts.Count; g++)
        {
            for (int age = starts[g]; age < starts[g] + 5 && age <= 120; age++)
            {
                rates[age] = tfr * shares[g] / total / 5.0;
            }
        }

        return rates;
    }

    private static DemographicAssumptions LoadChina()
    {
        const string File = "demography/cn-wpp2024.json";
        using var doc = Json.Parse(EmbeddedData.Read(File), File);
        var root = doc.RootElement;
        static string Source(JsonElement e) => e.GetProperty("source").GetString()!;
        static string Tag(JsonElement e) => e.GetProperty("tag").GetString()!;
        static double[] Numbers(JsonElement e, string name) => [.. e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble())];
        var mortality = root.GetProperty("mortality").EnumerateArray().Select(e => new MortalityTable(
            e.GetProperty("sex").GetString() == "male" ? Sex.Male : Sex.Female,
            e.GetProperty("first_year").GetInt32(), e.GetProperty("last_year").GetInt32(),
            [.. e.GetProperty("ages").EnumerateArray().Select(v => v.GetInt32())], Numbers(e, "values"), MortalityMeasure.CentralRate, Tag(e), Source(e))).ToArray();
        var patterns = root.GetProperty("fertility_pattern").EnumerateArray().Select(e => new FertilityPattern(
            e.GetProperty("year").GetInt32(), [.. e.GetProperty("first_ages").EnumerateArray().Select(v => v.GetInt32())], Numbers(e, "values"), Tag(e), Source(e))).ToArray();
        var tfr = root.GetProperty("tfr").EnumerateArray().ToArray();
        var tfrYears = tfr.SelectMany(e => e.GetProperty("years").EnumerateArray().Select(v => v.GetInt32())).ToArray();
        var tfrValues = tfr.SelectMany(e => Numbers(e, "values")).ToArray();
        var totalFertility = new DatedSeries(tfrYears, tfrValues, Tag(tfr[0]), string.Join("; ", tfr.Select(Source).Distinct()));
        var srb = root.GetProperty("sex_ratio_at_birth");
        var srbYears = srb.GetProperty("years").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        return new DemographicAssumptions(mortality, patterns, totalFertility, new DatedSeries(srbYears, Numbers(srb, "values"), Tag(srb), Source(srb)));
    }
}
