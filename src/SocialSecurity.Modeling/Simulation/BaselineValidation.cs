using System.Globalization;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Programs.Targeting;
using SocialSecurity.Modeling.Reforms;

namespace SocialSecurity.Modeling.Simulation;

/// <summary>
/// The validation table of a calibrated baseline (docs/baseline.md#validation-table): every calibration target and
/// every check, published against simulated, with source, year, relative error, tolerance and status. Checks are never
/// calibrated to: the median, the Gini, the dibao caseload and the study's own figures. A missed check names the [I]
/// assumption that drives it and gives the simulated value when that assumption is varied over its plausible range.
/// </summary>
public static class BaselineValidation
{
    /// <summary>Tolerance of totals, shares and means (relative).</summary>
    public const double MeanTolerance = 0.01;

    /// <summary>Tolerance of the five income-group means (relative).</summary>
    public const double GroupMeanTolerance = 0.03;

    /// <summary>Tolerance of the median (relative).</summary>
    public const double MedianTolerance = 0.03;

    /// <summary>Tolerance of the dibao caseload (relative).</summary>
    public const double DibaoCaseloadTolerance = 0.15;

    /// <summary>Tolerance of the Gini coefficient (absolute).</summary>
    public const double GiniTolerance = 0.01;

    /// <summary>Tolerance of the study's own figures (relative).</summary>
    public const double StudyFigureTolerance = 0.10;

    /// <summary>The plausible range of the dibao take-up rate [I] tried when the caseload check is missed.</summary>
    public static IReadOnlyList<double> TakeUpRange { get; } = [0.4, 0.9];

    /// <summary>The plausible range of the [I] correlation between per-capita income and household size tried when the median check is missed.</summary>
    public static IReadOnlyList<double> IncomeSizeCorrelationRange { get; } = [0.0, 0.25];

    /// <summary>The factors applied to the slope of the top segment of the income shape [I] when the Gini check is missed.</summary>
    public static IReadOnlyList<double> TopSlopeFactors { get; } = [0.75, 1.5];

    /// <summary>Builds the table for one calibrated baseline.</summary>
    /// <param name="baseline">The calibrated baseline.</param>
    /// <param name="statistics">The statistics it was calibrated to (with their checks).</param>
    /// <param name="policy">The baseline policy (for the sensitivity runs).</param>
    /// <param name="parameters">The parameters (for the sensitivity runs).</param>
    /// <param name="date">The simulation date.</param>
    /// <param name="sensitivity">Whether to run the sensitivity of missed checks (extra simulations).</param>
    public static ValidationTable Compute(CalibratedBaseline baseline, ProvinceStatistics statistics, Policy policy, ParameterStore parameters, DateOnly date, bool sensitivity = true)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(parameters);
        var rows = new List<ValidationRow>();
        string region = statistics.RegionCode;
        var values = statistics.Values.Concat(statistics.Checks).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var line in baseline.Report.Checks.Where(c => c.IsTarget))
        {
            bool group = ProvinceStatistics.QuintileNames.Contains(line.Name);
            double tolerance = group ? GroupMeanTolerance : MeanTolerance;
            values.TryGetValue(line.Name, out var value);
            string source = value?.Source ?? (line.Name == "urban_rural_income_ratio" ? "derived: disposable_income_urban ÷ disposable_income_rural" : "");
            rows.Add(Row(region, line.Name, ValidationKind.Target, line.Target, line.Achieved, value?.Unit ?? "ratio", value?.Year ?? statistics.Year, line.TargetProvenance, source, tolerance, true, "", ""));
        }

        var result = baseline.Result;
        var income = result.PerCapitaIncome(IncomeConcept.Disposable);
        var weights = result.PersonWeights;
        if (values.TryGetValue("disposable_income_median", out var median))
        {
            // NBS's median is the per-capita income of the survey HOUSEHOLD in the middle when all survey households are
            // ranked by per-capita income (NBS explanatory note, docs/baseline.md#checks-never-calibrated-to), not the
            // median person: households weighted by their weights, not by their members.
            double simulated = Quantiles.WeightedMedian(SyntheticBaseline.DisposablePerCapita(result), baseline.Population.Weight);
            string range = "";
            if (sensitivity && !ValidationRow.Within(median.Value, simulated, MedianTolerance, true))
            {
                range = string.Join("; ", IncomeSizeCorrelationRange.Select(rho => string.Create(CultureInfo.InvariantCulture, $"ρ = {rho}: target-income household median {SyntheticPopulation.TargetMedian(baseline.Options, rho):N0}")));
                if (statistics.HouseholdQuintileMeans.Count == 5)
                {
                    var (lower, upper) = MiddleGroupBounds(SyntheticBaseline.DisposablePerCapita(result), baseline.Population);
                    double middleMean = statistics.HouseholdQuintileMeans[2].Value;
                    range += string.Create(CultureInfo.InvariantCulture,
                        $"; the published median is {median.Value / middleMean - 1:+0.0%;-0.0%} from the published middle group's mean ({middleMean:N0}); with the middle group's households spread over its simulated range ({lower:N0} to {upper:N0}) with a density of log income rising linearly from zero at the bottom of the range (incomes bunched at its top), the middle household would be {MiddleHouseholdLimit(Math.Log(upper / lower)) - 1:+0.0%;-0.0%} from the mean: {middleMean * MiddleHouseholdLimit(Math.Log(upper / lower)):N0}");
                }
            }

            rows.Add(Check(region, "disposable_income_median", median, simulated, MedianTolerance, true,
                "[I] the shape of income within the middle income group (log income linear in the household's normal score between the group boundaries, so the middle household sits at about the group's mean, which is a calibration target) and how per-capita income falls with household size (ρ = 0.12, SyntheticAssumptions.IncomeSizeCorrelation; the calibration to the group means undoes most of its effect)", range));
        }

        double gini = Inequality.Gini(income, weights);
        string giniSensitivity = "";
        if (sensitivity && statistics.Gini.Provenance != Provenance.Illustrative && !ValidationRow.Within(statistics.Gini.Value, gini, GiniTolerance, false))
        {
            giniSensitivity = string.Join("; ", TopSlopeFactors.Select(f => string.Create(CultureInfo.InvariantCulture, $"top slope ×{f} (group means not refitted): target-income Gini {SyntheticPopulation.TargetGini(baseline.Options, f):0.000}")));
            if (statistics.HouseholdQuintileMeans.Count == 5)
            {
                var shares = GroupPersonShares(SyntheticBaseline.DisposablePerCapita(result), baseline.Population);
                var means = statistics.HouseholdQuintileMeans.Select(q => q.Value).ToArray();
                giniSensitivity += string.Create(CultureInfo.InvariantCulture,
                    $"; largest Gini of ANY income shape meeting the five published group means with the simulated groups' person shares ({string.Join(", ", shares.Select(x => x.ToString("0.000", CultureInfo.InvariantCulture)))}): {GiniBound(means, shares):0.000} (every group at its widest two-point spread)");
            }
        }

        if (statistics.Gini.Provenance == Provenance.Illustrative)
        {
            // No Gini is published for the region (provinces: none in the sources consulted); the statistics file's value
            // is illustrative, so the row reports the simulated Gini and checks nothing.
            rows.Add(Row(region, "gini_disposable_income", ValidationKind.Check, statistics.Gini.Value, gini, statistics.Gini.Unit, statistics.Gini.Year, statistics.Gini.Provenance, statistics.Gini.Source, GiniTolerance, false, "", "") with
            {
                Status = ValidationStatus.NotPublished,
                Driver = "no Gini coefficient is published for this region in the sources consulted; the reference value is illustrative [I], so the simulated Gini is reported, not checked",
                Sensitivity = "",
            });
        }
        else
        {
            rows.Add(Check(region, "gini_disposable_income", statistics.Gini, gini, GiniTolerance, false,
                statistics.HouseholdQuintileMeans.Count == 5
                    ? "[I] the household sizes by income group (they set the groups' person shares, hence the between-group Gini) and the spread within each group: with the simulated person shares, the published group means cap the Gini below the published one (the bound under varied), so no top tail reaches it"
                    : "[I] the slope of log income above the 80th percentile (the top segment of IncomeShapeSlopes): the group means fix the top group's mean, not the spread within it", giniSensitivity));
        }

        if (statistics.DibaoRecipientShare is { } caseload)
        {
            double simulated = DibaoCaseload(result);
            string range = "";
            string takeUp = TargetedProgram.TakeUpRate("dibao");
            bool targeted = policy.Parameters.Contains(takeUp, StringComparer.Ordinal);
            if (sensitivity && targeted && !ValidationRow.Within(caseload.Value, simulated, DibaoCaseloadTolerance, true))
            {
                range = string.Join("; ", TakeUpRange.Select(rate =>
                {
                    var store = parameters.WithReform(Reform.Create("take-up").Set(takeUp, RegionCatalogRoot(parameters), new DateOnly(date.Year, 1, 1), rate));
                    // Disposed at once: the next rate's run reuses its output columns (the same shared context).
                    using var run = Microsimulation.Run(baseline.Population, policy, store, date);
                    double share = DibaoCaseload(run);
                    return string.Create(CultureInfo.InvariantCulture, $"take-up {rate:0.##}: {share:P2}");
                }));
            }

            rows.Add(Check(region, "dibao_recipient_share", caseload, simulated, DibaoCaseloadTolerance, true,
                targeted ? "[I] dibao take-up and exclusion-error rates (targeting.dibao.*), [I] asset tests and the [I] assets of the synthetic households" : "[I] asset tests and the [I] assets of the synthetic households (the policy runs dibao without take-up errors)", range));
        }

        if (values.TryGetValue("urban_rural_income_ratio_published", out var ratio))
        {
            var population = baseline.Population;
            var area = new int[population.PersonCount];
            for (int p = 0; p < area.Length; p++)
            {
                area[p] = population.Area[population.PersonHousehold[p]] == AreaType.Urban ? 0 : 1;
            }

            rows.Add(Check(region, "urban_rural_income_ratio_published", ratio, GroupComparison.RatioOfMeans(income, weights, area, 0, 1), StudyFigureTolerance, true,
                "the published urban and rural means of the target year (a calibration target), against a ratio published for another year", ""));
        }

        if (values.TryGetValue("one_time_living_subsidy_total", out var subsidy))
        {
            bool simulatedHere = policy.Outputs.Any(o => o.Name == OneTimeLivingSubsidyProgram.Amount.Name);
            // A one-time payment is in force only in the year it was decided (Zhejiang: 2022), so at the baseline date
            // (2023) it pays nothing. The check applies that year's payment rule (months of the standard per member, in
            // force at the middle of the figure's year) to the baseline's roll and standards: a reform sets it at the
            // baseline date and the policy is simulated again.
            double simulatedSubsidy = 0;
            string subsidyDriver = "the policy's one-time living subsidy";
            if (simulatedHere)
            {
                var paidAt = new DateOnly(subsidy.Year, 7, 1);
                double months = parameters.TryResolve(OneTimeLivingSubsidyProgram.MonthsOfStandard, paidAt, parameters.Regions.GetId(region))?.Scalar() ?? 0;
                var store = parameters.WithReform(Reform.Create($"one-time living subsidy of {subsidy.Year}").Set(OneTimeLivingSubsidyProgram.MonthsOfStandard, region, new DateOnly(date.Year, 1, 1), months));
                using var run = Microsimulation.Run(baseline.Population, policy, store, date);
                simulatedSubsidy = run.AnnualTotal(OneTimeLivingSubsidyProgram.Amount.Name);
                subsidyDriver = string.Create(CultureInfo.InvariantCulture, $"the {subsidy.Year} payment rule ({months:0.##} month(s) of the standard per member, [I]: the per-head rule is not published) applied to the {date.Year} roll and standards, so the [I] dibao roll (take-up, identification errors, asset tests) and the [I] amount per member");
            }

            rows.Add(simulatedHere
                ? Check(region, "one_time_living_subsidy_total", subsidy, simulatedSubsidy, StudyFigureTolerance, true, subsidyDriver,
                    "the total is proportional to the [I] months of the standard paid per member (0.5 month halves it, 2 months double it) and to the roll: see the dibao caseload's take-up range")
                : NotSimulated(region, "one_time_living_subsidy_total", subsidy, "the policy does not run the one-time living subsidy"));
        }

        if (values.ContainsKey("destitute_persons") || values.ContainsKey("destitute_persons_rural"))
        {
            rows.AddRange(DestituteRows(region, values, baseline, result, parameters, date));
        }

        if (statistics.ResidentPensionAverage is { Provenance: Provenance.Paper } pension)
        {
            rows.Add(policy.Outputs.Any(o => o.Name == ResidentPensionProgram.Benefit.Name)
                ? Check(region, "resident_pension_average", pension, AverageResidentPension(result), StudyFigureTolerance, true,
                    string.Create(CultureInfo.InvariantCulture, $"the resident pension rules in force on {date:yyyy-MM-dd} (basic pension, age top-ups, old-age allowance, long-contribution top-up) applied to the [I] contribution histories of the synthetic persons (lowest tier, every year since the scheme started, accounts credited at 3%; docs/baseline.md#contribution-histories), against a {pension.Year} figure; Zhejiang's cities pay basic pensions above the provincial minimum, which the parameters do not hold"), sensitivity ? ResidentTierSensitivity(result) : "")
                : NotSimulated(region, "resident_pension_average", pension, "the policy does not simulate the resident pension (Policies.StandardWithPensions does, on the contribution histories of the synthetic populations)"));
        }

        return new ValidationTable(rows);
    }

    /// <summary>
    /// The destitute-person checks. Destitute support is not in the baseline policy (its interplay with dibao is not
    /// modelled), so the destitute-support rule runs alone on the baseline population, whose condition columns are [I]
    /// (docs/baseline.md#destitute-persons). Each row gives the 95% sampling interval of the weighted count (households
    /// as independent draws: ±1.96 √Σ (weight × eligible members)²), since few sample persons qualify, and the count
    /// under the rules' own definition of "no source of livelihood" (特困人员认定办法, 民发〔2021〕43号 art. 6: income
    /// below the local dibao standard, property within the local rules), applied through the baseline's dibao means test
    /// of the person's household (income and asset tests, before take-up).
    /// </summary>
    private static IEnumerable<ValidationRow> DestituteRows(string region, Dictionary<string, StatisticValue> values, CalibratedBaseline baseline, SimulationResult result, ParameterStore parameters, DateOnly date)
    {
        var population = baseline.Population;
        bool conditions = DestitutePersonsProgram.Columns.All(c => population.TryGetDefinition(c.Name, out _));
        string meansTested = TargetedProgram.TrulyEligible("dibao");
        bool incomeTest = result.Policy.Outputs.Any(o => o.Name == meansTested);
        var counts = new DestituteCount[2];
        var incomeTested = new DestituteCount[2];
        if (conditions)
        {
            using var destitute = Microsimulation.Run(population, Policy.Create(new DestitutePersonsProgram()), parameters, date);
            var roll = destitute.Values(DestitutePersonsProgram.Eligible.Name);
            var means = incomeTest ? result.Values(meansTested) : default;
            for (int h = 0; h < population.HouseholdCount; h++)
            {
                int eligible = 0;
                for (int p = population.MemberStart[h]; p < population.MemberStart[h + 1]; p++)
                {
                    eligible += roll[p] > 0 ? 1 : 0;
                }

                if (eligible == 0)
                {
                    continue;
                }

                bool isRural = population.Area[h] == AreaType.Rural;
                double count = population.Weight[h] * eligible;
                counts[0].Add(count, eligible);
                if (isRural)
                {
                    counts[1].Add(count, eligible);
                }

                if (incomeTest && means[h] > 0)
                {
                    incomeTested[0].Add(count, eligible);
                    if (isRural)
                    {
                        incomeTested[1].Add(count, eligible);
                    }
                }
            }
        }

        const string Driver = "the [I] condition columns of the synthetic persons (no work capacity: 60+ and not self-caring, 70+, grade 1–2 disability or under 16; no livelihood: inactive, unemployed or a student; no supporter: living alone and, with probability 0.1, no legal supporter able to support), run through the destitute-support rule";
        string[] names = ["destitute_persons", "destitute_persons_rural"];
        for (int i = 0; i < 2; i++)
        {
            if (!values.TryGetValue(names[i], out var destitute))
            {
                continue;
            }

            if (!conditions)
            {
                yield return NotSimulated(region, names[i], destitute, "destitute support needs its condition columns (no capacity to work, no income source, no supporter), which this population does not carry");
                continue;
            }

            string interval = counts[i].Describe();
            if (incomeTest)
            {
                interval += "; with the rules' income test (民发〔2021〕43号 art. 6, via the household's dibao means test): " + incomeTested[i].Describe()
                    + " (biased down: destitute support is not in the baseline policy, so calibration credits the support, which NBS counts in disposable income, to market income)";
            }

            var row = Check(region, names[i], destitute, counts[i].Weighted, StudyFigureTolerance, true, Driver,
                interval + "; the count is proportional to the [I] probability that a person living alone has no supporter (0.05 halves it, 0.2 doubles it)");
            yield return row.Status == ValidationStatus.Met ? row with { Sensitivity = interval } : row;
        }
    }

    /// <summary>A weighted count of persons with its sample size and the variance of households drawn independently.</summary>
    private struct DestituteCount
    {
        public double Weighted;
        public double Variance;
        public int Sample;

        public void Add(double count, int persons)
        {
            Weighted += count;
            Variance += count * count;
            Sample += persons;
        }

        public readonly string Describe()
        {
            double half = 1.96 * Math.Sqrt(Variance);
            return string.Create(CultureInfo.InvariantCulture, $"{Weighted:N0} from {Sample} sample persons, 95% sampling interval {Math.Max(0, Weighted - half):N0} to {Weighted + half:N0}");
        }
    }

    /// <summary>
    /// The person shares of five equal groups of weighted households ranked by per-capita income (NBS's income groups).
    /// </summary>
    /// <param name="perCapita">Per-capita income per household.</param>
    /// <param name="population">The population (weights and sizes).</param>
    internal static double[] GroupPersonShares(double[] perCapita, Population population)
    {
        var (order, group) = FifthsOfHouseholds(perCapita, population);
        var shares = new double[5];
        double persons = 0;
        for (int k = 0; k < order.Length; k++)
        {
            int h = order[k];
            double w = population.Weight[h] * population.HouseholdSize(h);
            shares[group[k]] += w;
            persons += w;
        }

        for (int q = 0; q < 5; q++)
        {
            shares[q] /= persons;
        }

        return shares;
    }

    /// <summary>The lowest and highest per-capita incomes of the middle of five equal groups of weighted households ranked by per-capita income.</summary>
    /// <param name="perCapita">Per-capita income of each household.</param>
    /// <param name="population">The households (weights).</param>
    internal static (double Lower, double Upper) MiddleGroupBounds(double[] perCapita, Population population)
    {
        var (order, group) = FifthsOfHouseholds(perCapita, population);
        double lower = double.NaN, upper = double.NaN;
        for (int k = 0; k < order.Length; k++)
        {
            if (group[k] == 2)
            {
                lower = double.IsNaN(lower) ? perCapita[order[k]] : lower;
                upper = perCapita[order[k]];
            }
        }

        return (lower, upper);
    }

    /// <summary>
    /// Households in ascending per-capita income and, for each in that order, its group of five equal groups of weighted
    /// households (a household belongs to the group holding the middle of its weight).
    /// </summary>
    private static (int[] Order, int[] Group) FifthsOfHouseholds(double[] perCapita, Population population)
    {
        var order = Enumerable.Range(0, perCapita.Length).ToArray();
        Array.Sort((double[])perCapita.Clone(), order);
        double total = 0;
        foreach (var h in order)
        {
            total += population.Weight[h];
        }

        var group = new int[order.Length];
        double cumulative = 0;
        for (int k = 0; k < order.Length; k++)
        {
            int h = order[k];
            group[k] = Math.Min(4, (int)((cumulative + (population.Weight[h] / 2)) / total * 5));
            cumulative += population.Weight[h];
        }

        return (order, group);
    }

    /// <summary>
    /// The middle household's income relative to the group's mean (households of equal size) when the log incomes of a
    /// group spanning <paramref name="logWidth"/> = ln(upper / lower) have a density rising linearly from zero at the
    /// bottom to its top: x on [0, w] with density 2x/w², median w/√2, mean of eˣ = 2((w − 1)eʷ + 1)/w². A group whose
    /// incomes bunch at its top has its middle household above its mean; log income linear in a normal score (nearly
    /// flat density within the middle fifth) puts it just below.
    /// </summary>
    /// <param name="logWidth">ln(upper / lower) of the group, positive.</param>
    internal static double MiddleHouseholdLimit(double logWidth)
    {
        double w = logWidth;
        if (!(w > 1e-6))
        {
            return 1;
        }

        return Math.Exp(w / Math.Sqrt(2)) * w * w / (2 * (((w - 1) * Math.Exp(w)) + 1));
    }

    /// <summary>
    /// An upper bound on the Gini coefficient of any income distribution whose five non-overlapping income groups have
    /// person shares <paramref name="shares"/> and means <paramref name="means"/>: the Gini is the between-group Gini plus
    /// Σ sᵢ·(sᵢmᵢ/μ)·Gᵢ, and a group confined to [bᵢ₋₁, bᵢ] with mean mᵢ has at most the Gini of the two-point
    /// distribution on its bounds (the top group, [b₄, ∞), at most 1 − b₄/m₅); the boundaries bᵢ, between mᵢ and mᵢ₊₁,
    /// are searched on a grid.
    /// </summary>
    /// <param name="means">The five group means, ascending.</param>
    /// <param name="shares">The five groups' person shares.</param>
    internal static double GiniBound(IReadOnlyList<double> means, IReadOnlyList<double> shares)
    {
        double mu = 0;
        for (int i = 0; i < 5; i++)
        {
            mu += shares[i] * means[i];
        }

        double between = 0;
        for (int i = 0; i < 5; i++)
        {
            for (int j = 0; j < 5; j++)
            {
                between += shares[i] * shares[j] * Math.Abs(means[i] - means[j]);
            }
        }

        between /= 2 * mu;
        double Within(int i, double lower, double upper)
        {
            double weight = shares[i] * shares[i] * means[i] / mu;
            if (double.IsPositiveInfinity(upper))
            {
                return weight * (1 - (lower / means[i]));
            }

            if (upper <= lower)
            {
                return 0;
            }

            double p = (means[i] - lower) / (upper - lower);
            return weight * p * (1 - p) * (upper - lower) / means[i];
        }

        const int Steps = 24;
        double Boundary(int i, int k) => means[i] + ((means[i + 1] - means[i]) * k / Steps);
        double best = 0;
        for (int a = 0; a <= Steps; a++)
        {
            double b1 = Boundary(0, a);
            for (int b = 0; b <= Steps; b++)
            {
                double b2 = Boundary(1, b);
                double low = Within(0, 0, b1) + Within(1, b1, b2);
                for (int c = 0; c <= Steps; c++)
                {
                    double b3 = Boundary(2, c);
                    double middle = low + Within(2, b2, b3);
                    for (int d = 0; d <= Steps; d++)
                    {
                        double b4 = Boundary(3, d);
                        best = Math.Max(best, middle + Within(3, b3, b4) + Within(4, b4, double.PositiveInfinity));
                    }
                }
            }
        }

        return between + best;
    }

    /// <summary>The average monthly resident pension of the persons who receive one (weighted), yuan per month.</summary>
    /// <param name="result">A simulation result of a policy with the resident pension.</param>
    public static double AverageResidentPension(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var benefit = result.Values(ResidentPensionProgram.Benefit.Name);
        var population = result.Population;
        double total = 0, persons = 0;
        for (int p = 0; p < benefit.Length; p++)
        {
            if (benefit[p] > 0)
            {
                double w = population.Weight[population.PersonHousehold[p]];
                total += w * benefit[p];
                persons += w;
            }
        }

        return persons > 0 ? total / persons : 0;
    }

    /// <summary>The [I] tiers tried for the resident-pension average: every beneficiary as if they had paid this tier each year instead of the lowest.</summary>
    public static IReadOnlyList<double> ResidentTierRange { get; } = [500, 2000];

    /// <summary>
    /// The average resident pension if every beneficiary had paid a higher tier each contribution year: the account
    /// pension grows by (tier − 100) × the annuity of the years at the [I] 3% crediting rate ÷ 139 (subsidies unchanged).
    /// </summary>
    private static string ResidentTierSensitivity(SimulationResult result)
    {
        var benefit = result.Values(ResidentPensionProgram.Benefit.Name).ToArray();
        var population = result.Population;
        var years = population.Values(ResidentPensionNames.ColumnDefinitions.ContributionYears).ToArray();
        return string.Join("; ", ResidentTierRange.Select(tier =>
        {
            double total = 0, persons = 0;
            for (int p = 0; p < benefit.Length; p++)
            {
                if (benefit[p] > 0)
                {
                    double w = population.Weight[population.PersonHousehold[p]];
                    double extra = years[p] > 0 ? (tier - 100) * (Math.Pow(1.03, years[p]) - 1) / 0.03 / 139 : 0;
                    total += w * (benefit[p] + extra);
                    persons += w;
                }
            }

            return string.Create(CultureInfo.InvariantCulture, $"tier {tier:0} instead of the lowest: {total / persons:0.0} yuan/month");
        }));
    }

    /// <summary>Persons in households receiving dibao per person (weighted).</summary>
    /// <param name="result">A simulation result of a policy with dibao.</param>
    public static double DibaoCaseload(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var benefit = result.Values(DibaoProgram.Benefit.Name);
        var population = result.Population;
        double recipients = 0, persons = 0;
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            double w = population.Weight[h] * population.HouseholdSize(h);
            persons += w;
            recipients += benefit[h] > 0 ? w : 0;
        }

        return recipients / persons;
    }

    private static string RegionCatalogRoot(ParameterStore parameters) => parameters.Regions[parameters.Regions.Root].Code;

    private static ValidationRow Check(string region, string name, StatisticValue published, double simulated, double tolerance, bool relative, string driver, string sensitivity)
        => Row(region, name, ValidationKind.Check, published.Value, simulated, published.Unit, published.Year, published.Provenance, published.Source, tolerance, relative, driver, sensitivity);

    private static ValidationRow NotSimulated(string region, string name, StatisticValue published, string driver)
        => new(region, name, ValidationKind.Check, published.Value, double.NaN, published.Unit, published.Year, published.Provenance, published.Source, StudyFigureTolerance, true, ValidationStatus.NotSimulated, driver, "");

    private static ValidationRow Row(string region, string name, ValidationKind kind, double published, double simulated, string unit, int year, Provenance provenance, string source, double tolerance, bool relative, string driver, string sensitivity)
    {
        bool met = ValidationRow.Within(published, simulated, tolerance, relative);
        return new ValidationRow(region, name, kind, published, simulated, unit, year, provenance, source, tolerance, relative, met ? ValidationStatus.Met : ValidationStatus.Missed, met ? "" : driver, met ? "" : sensitivity);
    }
}
