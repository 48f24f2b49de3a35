using ScottPlot;
using SocialSecurity.Modeling.Metrics;

namespace ProvincialComparison;

/// <summary>
/// The report's PNG charts (ScottPlot, rendered by SkiaSharp without a display). Every chart carries a footnote that
/// the populations are synthetic and which values are illustrative [I].
/// </summary>
internal static class Charts
{
    private const int Width = 900;
    private const int Height = 600;

    public const string IllustrativeNote = "Synthetic populations; [I] = illustrative parameter values (targeting rates, asset tests, some standards): not facts.";

    /// <summary>Lorenz curves of per-capita disposable income, one line per province, with the line of equality.</summary>
    public static string Lorenz(string folder, IReadOnlyList<(string Province, LorenzCurve Curve, double Gini)> curves)
    {
        var plot = NewPlot("Lorenz curves of per-capita disposable income (baseline)", "cumulative share of persons", "cumulative share of income");
        var equality = plot.Add.Line(0, 0, 1, 1);
        equality.LineColor = Colors.Gray;
        equality.LinePattern = LinePattern.Dashed;
        equality.LegendText = "equality";
        foreach (var (province, curve, gini) in curves)
        {
            var (p, l) = Thin(curve.P, curve.L, 400);
            var line = plot.Add.ScatterLine(p, l);
            line.LineWidth = 2;
            line.LegendText = $"{province} (Gini {gini:0.000})";
        }

        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(Alignment.UpperLeft);
        return Save(plot, folder, "lorenz-curves.png");
    }

    /// <summary>
    /// The gap between equality and each Lorenz curve, p − L(p): the curves of the first chart nearly coincide, and
    /// this view spreads them apart (the area under each gap curve is half the Gini).
    /// </summary>
    public static string LorenzGap(string folder, IReadOnlyList<(string Province, LorenzCurve Curve, double Gini)> curves)
    {
        var plot = NewPlot("Distance from equality, p − L(p), of per-capita disposable income (baseline)", "cumulative share of persons p", "p − L(p)");
        double highest = 0;
        foreach (var (province, curve, gini) in curves)
        {
            var (p, l) = Thin(curve.P, curve.L, 400);
            var gap = p.Select((pi, i) => pi - l[i]).ToArray();
            highest = Math.Max(highest, gap.Max());
            var line = plot.Add.ScatterLine(p, gap);
            line.LineWidth = 2;
            line.LegendText = $"{province} (Gini {gini:0.000})";
        }

        plot.Axes.SetLimits(0, 1, 0, highest * 1.15);
        plot.ShowLegend(Alignment.UpperLeft);
        return Save(plot, folder, "lorenz-gap.png");
    }

    /// <summary>Mean change in per-capita disposable income by baseline decile, one bar group per decile and one bar per reform.</summary>
    public static string DecileIncidence(string folder, string province, IReadOnlyList<(string Reform, double[] MeanChangeByDecile)> reforms)
    {
        var plot = NewPlot($"{province}: decile incidence of each reform", "decile of baseline per-capita disposable income", "mean change, yuan per person per year");
        var palette = new ScottPlot.Palettes.Category10();
        double groupWidth = 0.8;
        double barWidth = groupWidth / Math.Max(1, reforms.Count);
        var bars = new List<Bar>();
        for (int r = 0; r < reforms.Count; r++)
        {
            var color = palette.GetColor(r);
            for (int d = 0; d < reforms[r].MeanChangeByDecile.Length; d++)
            {
                bars.Add(new Bar
                {
                    Position = d + 1 - (groupWidth / 2) + (barWidth * (r + 0.5)),
                    Value = reforms[r].MeanChangeByDecile[d],
                    Size = barWidth * 0.95,
                    FillColor = color,
                    LineWidth = 0,
                });
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = reforms[r].Reform, FillColor = color });
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(1, 10).Select(d => (double)d)], [.. Enumerable.Range(1, 10).Select(d => $"D{d}")]);
        plot.ShowLegend(Alignment.UpperRight);
        return Save(plot, folder, $"decile-incidence-{Slug(province)}.png");
    }

    /// <summary>
    /// The dibao benefit schedule: monthly benefit of a household against its per-capita income, one line per province.
    /// The points must include every breakpoint of the rule (the caller evaluates it there), so that kinks and jumps are
    /// drawn where they are rather than as slopes between grid points; both axes start at 0.
    /// </summary>
    public static string DibaoSchedule(string folder, string household, IReadOnlyList<(string Province, double[] IncomePerCapita, double[] Benefit)> schedules)
    {
        var plot = NewPlot($"Dibao benefit by income [I standards outside Zhejiang]: {household}", "household income per person, yuan per year", "dibao benefit, yuan per month");
        foreach (var (province, income, benefit) in schedules)
        {
            var line = plot.Add.ScatterLine(income, benefit);
            line.LineWidth = 2;
            line.LegendText = province;
        }

        double right = schedules.Max(s => s.IncomePerCapita.Max());
        double top = schedules.Max(s => s.Benefit.Max());
        plot.Axes.SetLimits(0, right, 0, top * 1.08);
        plot.ShowLegend(Alignment.UpperRight);
        return Save(plot, folder, "dibao-benefit-schedule.png");
    }

    private static Plot NewPlot(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(x + "\n" + IllustrativeNote, 12);
        plot.YLabel(y);
        return plot;
    }

    private static string Save(Plot plot, string folder, string file)
    {
        string path = Path.Combine(folder, file);
        plot.SavePng(path, Width, Height);
        return path;
    }

    private static (double[] X, double[] Y) Thin(double[] x, double[] y, int points)
    {
        if (x.Length <= points)
        {
            return ([0, .. x], [0, .. y]);
        }

        var xs = new List<double> { 0 };
        var ys = new List<double> { 0 };
        for (int i = 0; i < points; i++)
        {
            int k = (int)((long)(x.Length - 1) * (i + 1) / points);
            xs.Add(x[k]);
            ys.Add(y[k]);
        }

        return ([.. xs], [.. ys]);
    }

    private static string Slug(string text)
    {
        string name = text.Split(" (")[0].ToLowerInvariant();
        return new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
    }
}
