using System.Globalization;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Parameters;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// A projection's per-year indicators for every replicate, their mean and 95% interval across replicates, and the
/// employee pension fund's depletion year; written as CSV. docs/projection.md#outputs.
/// </summary>
[TypeFormatterSource]
public sealed class ProjectionResult
{
    internal ProjectionResult(ProjectionOptions options, List<ProjectionRow> rows, ParameterStore parameters, List<ProjectionExtrapolation> extrapolations, LifetimeRedistribution? lifetime = null)
    {
        Lifetime = lifetime;
        Options = options;
        Rows = rows;
        Parameters = parameters;
        Extrapolations = extrapolations;
    }

    /// <summary>The parameters the years ran with: the given store with the extrapolation rules applied (docs/projection.md#extrapolation).</summary>
    public ParameterStore Parameters { get; }

    /// <summary>Every parameter value used past its last dated value, with its rule (held, wages, prices, share of wage growth): per year for ruled parameters, from the first such year for held ones.</summary>
    public IReadOnlyList<ProjectionExtrapolation> Extrapolations { get; }

    /// <summary>Lifetime redistribution of <see cref="ProjectionOptions.LifetimeCohort"/> (docs/projection.md#lifetime); null without a cohort.</summary>
    public LifetimeRedistribution? Lifetime { get; }

    /// <summary>The options the projection ran with.</summary>
    public ProjectionOptions Options { get; }

    /// <summary>Every year of every replicate, by replicate then year.</summary>
    public IReadOnlyList<ProjectionRow> Rows { get; }

    /// <summary>The row of one year and replicate.</summary>
    /// <param name="year">A projected year.</param>
    /// <param name="replicate">A replicate, from 0.</param>
    public ProjectionRow Row(int year, int replicate = 0)
        => Rows.FirstOrDefault(r => r.Year == year && r.Replicate == replicate)
            ?? throw new ArgumentOutOfRangeException(nameof(year), year, string.Create(CultureInfo.InvariantCulture, $"No row for {year}, replicate {replicate}; the projection covers {Options.StartYear}–{Options.EndYear} with {Options.Replicates} replicate(s)."));

    /// <summary>
    /// The mean of an indicator in one year across replicates, and the 2.5% and 97.5% empirical quantiles (the 95%
    /// interval; both equal the value with one replicate). NaN where the indicator is NaN in any replicate.
    /// </summary>
    /// <param name="year">A projected year.</param>
    /// <param name="indicator">A name of <see cref="ProjectionIndicators.All"/>.</param>
    public (double Mean, double Lower, double Upper) Summary(int year, string indicator)
    {
        int index = ProjectionIndicators.IndexOf(indicator);
        var values = Rows.Where(r => r.Year == year).Select(r => r.Values[index]).Order().ToArray();
        if (values.Length == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Not a projected year.");
        }

        if (values.Any(double.IsNaN))
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        return (values.Average(), Quantile(values, 0.025), Quantile(values, 0.975));
    }

    /// <summary>The first year whose end-of-year fund reserve is negative in a replicate, or null if it lasts (or no fund is simulated).</summary>
    /// <param name="replicate">A replicate, from 0.</param>
    public int? DepletionYear(int replicate = 0)
        => Rows.Where(r => r.Replicate == replicate && r[ProjectionIndicators.FundReserve] < 0).Select(r => (int?)r.Year).FirstOrDefault();

    /// <summary>
    /// Writes <c>projection_years.csv</c> (one line per year and replicate), <c>projection_summary.csv</c> (year,
    /// indicator, mean, lower, upper), <c>projection_extrapolation.csv</c> (<see cref="Extrapolations"/>) <c>projection_age_sex.csv</c> (year, replicate, sex, age, persons) and, with a lifetime cohort, the files of <see cref="LifetimeRedistribution.WriteCsv"/> to
    /// <paramref name="directory"/>, numbers in invariant culture with full precision.
    /// </summary>
    /// <param name="directory">An existing or new directory.</param>
    public void WriteCsv(string directory)
    {
        Directory.CreateDirectory(directory);
        var c = CultureInfo.InvariantCulture;
        using (var years = new StreamWriter(Path.Combine(directory, "projection_years.csv")))
        {
            years.WriteLine("year,replicate," + string.Join(',', ProjectionIndicators.All));
            foreach (var row in Rows)
            {
                years.WriteLine(string.Create(c, $"{row.Year},{row.Replicate},") + string.Join(',', row.Values.Select(v => v.ToString("R", c))));
            }
        }

        using (var summary = new StreamWriter(Path.Combine(directory, "projection_summary.csv")))
        {
            summary.WriteLine("year,indicator,mean,lower_95,upper_95");
            for (int year = Options.StartYear; year <= Options.EndYear; year++)
            {
                foreach (var indicator in ProjectionIndicators.All)
                {
                    var (mean, lower, upper) = Summary(year, indicator);
                    summary.WriteLine(string.Create(c, $"{year},{indicator},{mean:R},{lower:R},{upper:R}"));
                }
            }
        }

        using (var extrapolation = new StreamWriter(Path.Combine(directory, "projection_extrapolation.csv")))
        {
            extrapolation.WriteLine("parameter,region,year,last_dated_year,rule,value");
            foreach (var e in Extrapolations)
            {
                extrapolation.WriteLine(string.Create(c, $"{e.Parameter},{e.RegionCode},{e.Year},{e.LastDatedYear},{e.Kind},{e.Value:R}"));
            }
        }

        Lifetime?.WriteCsv(directory);
        using var ageSex = new StreamWriter(Path.Combine(directory, "projection_age_sex.csv"));
        ageSex.WriteLine("year,replicate,sex,age,persons");
        foreach (var row in Rows)
        {
            for (int age = 0; age <= 120; age++)
            {
                ageSex.WriteLine(string.Create(c, $"{row.Year},{row.Replicate},female,{age},{row.FemalesByAge[age]:R}"));
                ageSex.WriteLine(string.Create(c, $"{row.Year},{row.Replicate},male,{age},{row.MalesByAge[age]:R}"));
            }
        }
    }

    private static double Quantile(double[] sorted, double p)
    {
        double position = p * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(sorted.Length - 1, below + 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
