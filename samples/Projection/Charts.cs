using ScottPlot;
using SocialSecurity.Modeling.Projection;

namespace ProjectionSample;

/// <summary>
/// The sample's PNG charts (ScottPlot, rendered by SkiaSharp without a display). Every chart carries a footnote that
/// the populations are synthetic and which assumptions are illustrative [I].
/// </summary>
internal static class Charts
{
    private const int Width = 900;
    private const int Height = 600;

    public const string Note = "Synthetic sample; WPP 2024 medium variant; pension histories, working lives and fund assumptions [I]: not forecasts.";

    private static readonly Color ReformColor = new ScottPlot.Palettes.Category10().GetColor(0);
    private static readonly Color NoReformColor = new ScottPlot.Palettes.Category10().GetColor(1);

    /// <summary>Population pyramid: weighted persons by sex and 5-year age group (mean over replicates), millions, one colour per year.</summary>
    public static string Pyramid(string folder, RegionStudy study, IReadOnlyList<int> years)
    {
        var plot = NewPlot($"{study.Name}: population by age and sex (millions; men left, women right)", "persons (millions)", "age group (start)");
        var palette = new ScottPlot.Palettes.Category10();
        double size = 4.5 / years.Count;
        var bars = new List<Bar>();
        for (int k = 0; k < years.Count; k++)
        {
            var rows = study.Reform.Rows.Where(r => r.Year == years[k]).ToArray();
            for (int a = 0; a <= 100; a += 5)
            {
                int last = a == 100 ? 120 : a + 4;
                double men = 0, women = 0;
                foreach (var row in rows)
                {
                    for (int age = a; age <= last; age++)
                    {
                        men += row.MalesByAge[age] / rows.Length;
                        women += row.FemalesByAge[age] / rows.Length;
                    }
                }

                double position = a + 0.25 + (size * (k + 0.5));
                bars.Add(new Bar { Position = position, Value = -men / 1e6, Size = size * 0.95, FillColor = palette.GetColor(k), LineWidth = 0, Orientation = Orientation.Horizontal });
                bars.Add(new Bar { Position = position, Value = women / 1e6, Size = size * 0.95, FillColor = palette.GetColor(k), LineWidth = 0, Orientation = Orientation.Horizontal });
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = years[k].ToString(System.Globalization.CultureInfo.InvariantCulture), FillColor = palette.GetColor(k) });
        }

        plot.Add.Bars(bars);
        plot.ShowLegend(Alignment.UpperRight);
        return Save(plot, folder, $"pyramid-{study.Slug}.png");
    }

    /// <summary>Old-age dependency (65+ ÷ 15–64, the same in both scenarios) and system dependency (pensioners ÷ contributors) under the reform and without it, means and 95% intervals.</summary>
    public static string Dependency(string folder, RegionStudy study)
    {
        var plot = NewPlot($"{study.Name}: dependency ratios, 2024 retirement reform vs no reform", "year", "ratio");
        Band(plot, study.Reform, ProjectionIndicators.OldAgeDependency, 1, Colors.Gray, "old-age dependency, 65+ / 15–64");
        Band(plot, study.Reform, ProjectionIndicators.SystemDependency, 1, ReformColor, "system dependency, pensioners / contributors: reform");
        Band(plot, study.NoReform, ProjectionIndicators.SystemDependency, 1, NoReformColor, "system dependency: no reform");
        YearTicks(plot);
        plot.ShowLegend(Alignment.UpperLeft);
        return Save(plot, folder, $"dependency-{study.Slug}.png");
    }

    /// <summary>The employee pension fund's reserve at the end of each year, trillion yuan, mean and 95% interval across replicates, reform vs no reform.</summary>
    public static string FundReserve(string folder, RegionStudy study)
    {
        var plot = NewPlot($"{study.Name}: employee pension fund reserve (trillion yuan, 95% interval across replicates)", "year", "reserve at year end, trillion yuan");
        Band(plot, study.Reform, ProjectionIndicators.FundReserve, 1e-12, ReformColor, "2024 retirement reform");
        Band(plot, study.NoReform, ProjectionIndicators.FundReserve, 1e-12, NoReformColor, "no reform (ages 60 / 55 / 50)");
        var zero = plot.Add.HorizontalLine(0);
        zero.LineColor = Colors.Black;
        zero.LineWidth = 1;
        YearTicks(plot);
        plot.ShowLegend(Alignment.LowerLeft);
        return Save(plot, folder, $"fund-reserve-{study.Slug}.png");
    }

    /// <summary>Replacement rate of new employee-pension retirees by birth cohort, reform vs no reform (cohorts with at least <paramref name="minimumPersons"/> sample retirees in both).</summary>
    public static string ReplacementByCohort(string folder, RegionStudy study, int minimumPersons)
    {
        var plot = NewPlot($"{study.Name}: replacement rate of new employee-pension retirees by birth cohort", "birth year", "pension ÷ final wage, %");
        var cohorts = Cohorts(study, minimumPersons);
        foreach (var (collector, color, label) in new[] { (study.ReformCohorts, ReformColor, "2024 retirement reform"), (study.NoReformCohorts, NoReformColor, "no reform") })
        {
            var line = plot.Add.ScatterLine(cohorts.Select(c => (double)c).ToArray(), cohorts.Select(c => 100 * collector.Of(c).Rate).ToArray());
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 5;
            line.LegendText = label;
        }

        YearTicks(plot);
        plot.ShowLegend(Alignment.UpperRight);
        return Save(plot, folder, $"replacement-rate-{study.Slug}.png");
    }

    /// <summary>Birth cohorts with at least <paramref name="minimumPersons"/> sample new retirees in both scenarios.</summary>
    public static int[] Cohorts(RegionStudy study, int minimumPersons)
        => [.. study.ReformCohorts.Cohorts.Where(c => study.ReformCohorts.Of(c).Persons >= minimumPersons && study.NoReformCohorts.Of(c).Persons >= minimumPersons)];

    private static void Band(Plot plot, ProjectionResult result, string indicator, double scale, Color color, string label)
    {
        var years = Enumerable.Range(result.Options.StartYear, result.Options.EndYear - result.Options.StartYear + 1).ToArray();
        var summary = years.Select(y => result.Summary(y, indicator)).ToArray();
        var x = years.Select(y => (double)y).ToArray();
        var band = plot.Add.FillY(x, summary.Select(s => s.Upper * scale).ToArray(), summary.Select(s => s.Lower * scale).ToArray());
        band.FillColor = color.WithAlpha(0.25);
        band.LineWidth = 0;
        var mean = plot.Add.ScatterLine(x, summary.Select(s => s.Mean * scale).ToArray());
        mean.Color = color;
        mean.LineWidth = 2;
        mean.LegendText = label;
    }

    private static void YearTicks(Plot plot)
        => plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("0", System.Globalization.CultureInfo.InvariantCulture) };

    private static Plot NewPlot(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Title(title, 14);
        plot.XLabel(x + "\n" + Note, 12);
        plot.YLabel(y);
        return plot;
    }

    private static string Save(Plot plot, string folder, string file)
    {
        string path = Path.Combine(folder, file);
        plot.SavePng(path, Width, Height);
        return path;
    }
}
