using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Populations.Weighting;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>
/// Built-in synthetic populations of China and the four study provinces, calibrated to published statistics
/// (<see cref="ProvinceStatistics"/>): seeded, deterministic, and fast enough for millions of persons.
/// </summary>
/// <remarks>
/// <para>Steps, in one fixed single-threaded order from one seeded xoshiro256** stream:</para>
/// <list type="number">
/// <item>households are drawn one by one: area (urban or rural, from the household survey's urban share), place
/// (prefecture, by the <see cref="ProvinceStatistics.Places"/> shares), size, members' ages and sex, hukou type and
/// place, disability, self-care and main activity (assumptions marked [I] in the source);</item>
/// <item>weights are raked (<see cref="WeightCalibration"/> with <see cref="CalibrationOptions.Raking"/>) so that weighted persons equal the resident population, with
/// the urban share, the child, 60–64 and 65+ shares and the average household size met exactly;</item>
/// <item>per-capita disposable income is lognormal within each area with one σ chosen so that the person-weighted
/// Gini equals the target, rescaled so that the urban and rural means equal the published ones, then split into
/// wages, business, property income, private transfers and pensions (see the remarks of each column);</item>
/// <item>assets (financial assets, homes, a non-essential vehicle) are drawn by income rank [I];</item>
/// <item>the income chain's inputs (work contract, industry risk class, annual bonus, labour remuneration, medical
/// scheme, children and elderly parents for the tax deductions, housing cost, city class, continuing education,
/// self-paid medical costs, unemployment spells and contribution years, work injuries) are drawn from counter-based
/// streams keyed by the seed and each person's or household's id [I], after the steps above and without changing
/// their draws; employees paid in labour remuneration have it instead of wages (docs/populations.md).</item>
/// </list>
/// <para>The income columns are components of <b>disposable</b> income (net of taxes and contributions), as the
/// survey targets are. Every statistic that is not a calibration target is illustrative: use the populations to
/// exercise and compare policies, not as a substitute for survey microdata.</para>
/// </remarks>
/// <example>
/// <code>
/// var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 200_000 });
/// CalibrationReport report = SyntheticPopulation.Calibrate(population, ProvinceStatistics.Load(RegionCodes.Zhejiang));
/// </code>
/// </example>
public static class SyntheticPopulation
{
    /// <summary>The smallest number of sample persons accepted.</summary>
    public const int MinPersons = 1_000;

    /// <summary>The largest number of sample persons accepted.</summary>
    public const int MaxPersons = 20_000_000;

    /// <summary>Tolerance of the mean incomes and the urban–rural ratio in <see cref="Calibrate(Population, ProvinceStatistics)"/> (relative).</summary>
    public const double MeanRelativeTolerance = 0.01;

    /// <summary>Tolerance of the five income-group means in <see cref="Calibrate(Population, ProvinceStatistics)"/> (relative).</summary>
    public const double GroupMeanRelativeTolerance = 0.03;

    /// <summary>Tolerance of the urban share and the age shares in <see cref="Calibrate(Population, ProvinceStatistics)"/> (absolute).</summary>
    public const double ShareTolerance = 0.001;

    /// <summary>Tolerance of the average household size in <see cref="Calibrate(Population, ProvinceStatistics)"/> (persons).</summary>
    public const double HouseholdSizeTolerance = 0.01;

    /// <summary>Generates the synthetic population of a region.</summary>
    /// <param name="options">Region, sample size, seed and year.</param>
    /// <param name="regions">The region catalogue; <see cref="RegionCatalog.Default"/> when <see langword="null"/>. It must contain the region and its places.</param>
    /// <returns>A validated population whose weighted persons equal the region's resident population.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="SyntheticPopulationOptions.Persons"/> is outside <see cref="MinPersons"/>–<see cref="MaxPersons"/>.</exception>
    /// <exception cref="ArgumentException">No statistics for the region, or for the year, or statistics for another region were given.</exception>
    /// <exception cref="InvalidOperationException">The targets cannot be met together (weights do not converge or the Gini is out of reach).</exception>
    public static Population Generate(SyntheticPopulationOptions options, RegionCatalog? regions = null)
        => GenerateWith(options, regions, maxDegreeOfParallelism: -1, IncomeChainModel.DefaultBlockHouseholds);

    /// <summary>As the public overload, with the parallelism of the income-chain step (tests show it changes nothing).</summary>
    internal static Population GenerateWith(SyntheticPopulationOptions options, RegionCatalog? regions, int maxDegreeOfParallelism, int blockHouseholds)
        => Prepare(options, regions, maxDegreeOfParallelism, blockHouseholds).Build();

    /// <summary>
    /// The Gini coefficient of the households' target per-capita disposable incomes (persons weighted) when the slope of
    /// the top segment of the income shape is multiplied by <paramref name="topSlopeFactor"/> (the other slopes as
    /// fitted): the sensitivity of the Gini check to the [I] spread within the highest income group.
    /// </summary>
    /// <param name="options">The generation options.</param>
    /// <param name="topSlopeFactor">The factor (1 for the generator's own shape).</param>
    public static double TargetGini(SyntheticPopulationOptions options, double topSlopeFactor)
    {
        var (target, personWeight) = Targets(DrawTargets(options, null, topSlopeFactor, SyntheticAssumptions.IncomeSizeCorrelation));
        return WeightedGini.Compute(target, personWeight);
    }

    /// <summary>
    /// The household-weighted median (NBS's definition: the middle survey household ranked by per-capita income) of the
    /// households' target per-capita disposable incomes when per-capita income leans
    /// on household size with correlation <paramref name="incomeSizeCorrelation"/> (the [I] default is
    /// 0.12; the shape is refitted to the group means where they are published): the sensitivity of the median check.
    /// </summary>
    /// <param name="options">The generation options.</param>
    /// <param name="incomeSizeCorrelation">The correlation, between 0 and 0.9.</param>
    public static double TargetMedian(SyntheticPopulationOptions options, double incomeSizeCorrelation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(incomeSizeCorrelation, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(incomeSizeCorrelation, 0.9);
        var state = DrawTargets(options, null, 1, incomeSizeCorrelation);
        var target = state.Target;
        var weight = state.Draft.Weight;
        var order = Enumerable.Range(0, target.Length).OrderBy(h => target[h]).ToArray();
        double half = order.Sum(h => weight[h]) / 2, cumulative = 0;
        foreach (var h in order)
        {
            cumulative += weight[h];
            if (cumulative >= half)
            {
                return target[h];
            }
        }

        return double.NaN;
    }

    private static (double[] Target, double[] PersonWeight) Targets(IncomeTargets state)
    {
        var draft = state.Draft;
        var personWeight = new double[draft.HouseholdCount];
        for (int h = 0; h < personWeight.Length; h++)
        {
            personWeight[h] = draft.Weight[h] * draft.Size(h);
        }

        return (state.Target, personWeight);
    }

    /// <summary>The slopes of the income shape the generator uses for these options (fitted where group means are published).</summary>
    internal static double[] IncomeShapeSlopes(SyntheticPopulationOptions options) => DrawTargets(options, null, 1, SyntheticAssumptions.IncomeSizeCorrelation).Slopes;

    /// <summary>
    /// Generates the synthetic population of a region and calibrates it <b>after simulation</b>: the caller's
    /// simulation of the baseline policy (taxes, contributions and transfers) gives each household's per-capita
    /// disposable income; each household's pre-tax market income is moved until that simulated disposable income meets
    /// the household's target (net-to-gross, at most <see cref="MaxNetToGrossRounds"/> simulations; households the
    /// rules keep above their target, for example on dibao, end with no market income), then the weights are
    /// calibrated (logit, bounds 0.2–5 times the generated weights) so that the simulated disposable income meets the
    /// published means (all, urban, rural) and, where published, the five household income-group means, while the
    /// population, urban share, age groups and household count stay met.
    /// </summary>
    /// <param name="options">Region, sample size, seed and year.</param>
    /// <param name="simulateDisposablePerCapita">Runs the baseline policy on a population and returns each household's per-capita disposable income (one value per household, in household order). Called once per net-to-gross round.</param>
    /// <param name="regions">The region catalogue; <see cref="RegionCatalog.Default"/> when <see langword="null"/>.</param>
    /// <returns>The calibrated population and its report, measured on the last simulation's disposable income.</returns>
    /// <exception cref="InvalidOperationException">A target is missed beyond its tolerance; the message names every missed target.</exception>
    public static CalibratedPopulation GenerateCalibrated(SyntheticPopulationOptions options, Func<Population, double[]> simulateDisposablePerCapita, RegionCatalog? regions = null)
    {
        ArgumentNullException.ThrowIfNull(simulateDisposablePerCapita);
        return GenerateCalibratedOnSimulation(options, simulateDisposablePerCapita, PensionHistoryModel.Statuses, regions);
    }

    /// <summary>
    /// As the public overload, with each person's <b>simulated</b> pension statuses (drawing an employee pension,
    /// contributing to it, drawing a resident pension), which the pension totals are calibrated on, given by
    /// <paramref name="statuses"/>; <see langword="null"/> statuses fall back to those the history columns imply. Only
    /// the last round's statuses are read, so <paramref name="statuses"/> is called once, on the last population passed
    /// to <paramref name="simulate"/>, after its simulation (not once per round). The population returned is that last
    /// one with the calibrated weights, every other value the same (callers reuse that simulation's results).
    /// </summary>
    internal static CalibratedPopulation GenerateCalibratedOnSimulation(SyntheticPopulationOptions options, Func<Population, double[]> simulate, Func<Population, PensionStatuses?> statuses, RegionCatalog? regions)
    {
        var state = Prepare(options, regions, -1, IncomeChainModel.DefaultBlockHouseholds);
        var draft = state.Draft;
        int households = draft.HouseholdCount;
        Population population = state.Build();
        var disposable = Simulate(population, simulate);
        int rounds = 1;
        for (; rounds < MaxNetToGrossRounds && !Converged(draft, state.Target, disposable); rounds++)
        {
            for (int h = 0; h < households; h++)
            {
                MoveMarketIncome(state, h, (state.Target[h] - disposable[h]) * draft.Size(h) * NetToGrossGain);
            }

            population = state.Build();
            disposable = Simulate(population, simulate);
        }

        var simulated = statuses(population) ?? PensionHistoryModel.Statuses(population);
        var weights = CalibrateWeights(draft, state.Statistics, disposable, PensionMargins(population, state.Statistics, simulated));
        Array.Copy(weights, draft.Weight, households);
        population = state.Build();
        var report = Calibrate(population, state.Statistics, disposable, simulated);
        var missed = report.Checks.Where(c => !c.WithinTolerance).ToList();
        if (missed.Count > 0)
        {
            throw new InvalidOperationException(
                $"The synthetic population of {state.Statistics.RegionCode} ({state.Statistics.Year}) misses {missed.Count} calibration target(s) after simulation: "
                + string.Join("; ", missed.Select(c => $"{c.Name}: published {c.Target:0.####}, simulated {c.Achieved:0.####}, tolerance ±{c.Tolerance:0.####}")) + ".");
        }

        return new CalibratedPopulation(population, report, rounds);
    }

    /// <summary>The most simulations <see cref="GenerateCalibrated"/> runs to move market incomes to their targets.</summary>
    public const int MaxNetToGrossRounds = 6;

    /// <summary>Market income added per yuan of disposable income missing (about 1/(1 − the typical marginal rate of contributions and tax)) [I].</summary>
    internal const double NetToGrossGain = 1.15;

    private static double[] Simulate(Population population, Func<Population, double[]> simulate)
    {
        var disposable = simulate(population);
        if (disposable is null)
        {
            throw new InvalidOperationException("The simulation returned no incomes.");
        }

        if (disposable.Length != population.HouseholdCount)
        {
            throw new InvalidOperationException($"The simulation returned {disposable.Length} incomes; expected one per household ({population.HouseholdCount}).");
        }

        return disposable;
    }

    /// <summary>Whether the person-weighted mean absolute gap between simulated and target per-capita income is below 0.2% of the mean.</summary>
    private static bool Converged(SyntheticDraft draft, double[] target, double[] disposable)
    {
        double gap = 0, total = 0;
        for (int h = 0; h < draft.HouseholdCount; h++)
        {
            double w = draft.Weight[h] * draft.Size(h);
            gap += w * Math.Abs(disposable[h] - target[h]);
            total += w * target[h];
        }

        return gap <= 0.002 * total;
    }

    /// <summary>Adds <paramref name="change"/> yuan to the household's market income, in proportion to its components (never below zero).</summary>
    private static void MoveMarketIncome(GenerationState state, int h, double change)
    {
        var d = state.Draft;
        var c = state.Chain;
        int first = d.MemberStart[h], end = d.MemberStart[h + 1];
        double market = 0;
        for (int i = first; i < end; i++)
        {
            market += d.Wages[i] + c.LabourRemuneration[i] + d.Business[i] + d.Property[i] + d.ImputedRent[i] + d.Transfers[i];
        }

        double next = Math.Max(0, market + change);
        if (market <= 0)
        {
            d.Transfers[first] += next; // nothing to scale: the head receives it as private transfers
            return;
        }

        double factor = next / market;
        for (int i = first; i < end; i++)
        {
            d.Wages[i] *= factor;
            c.AnnualBonus[i] *= factor;
            c.LabourRemuneration[i] *= factor;
            d.Business[i] *= factor;
            d.Property[i] *= factor;
            d.ImputedRent[i] *= factor;
            d.Transfers[i] *= factor;
        }
    }

    /// <summary>Logit calibration of the weights to the demographic totals and the simulated income targets; the group margins are re-ranked and solved again until stable.</summary>
    private static double[] CalibrateWeights(SyntheticDraft draft, ProvinceStatistics statistics, double[] disposable, IReadOnlyList<CalibrationMargin> pensionMargins)
    {
        int households = draft.HouseholdCount;
        var design = draft.Weight[..households];
        double population = statistics.ResidentPopulation.Value;
        double urbanShare = statistics.SurveyUrbanShare.Value;
        var urbanIncome = new double[households];
        var ruralIncome = new double[households];
        for (int h = 0; h < households; h++)
        {
            (draft.Area[h] == AreaType.Urban ? urbanIncome : ruralIncome)[h] = disposable[h] * draft.Size(h);
        }

        var income = new List<CalibrationMargin>
        {
            CalibrationMargin.Numeric("disposable_income_urban", urbanIncome, population * urbanShare * statistics.DisposableIncomeUrban.Value),
            CalibrationMargin.Numeric("disposable_income_rural", ruralIncome, population * (1 - urbanShare) * statistics.DisposableIncomeRural.Value),
        };
        var options = CalibrationOptions.Logit(0.2, 5) with { MaxIterations = 200, Tolerance = 1e-9 };
        var weights = design;
        CalibrationResult? result;
        int rounds = statistics.HouseholdQuintileMeans.Count == 5 ? 4 : 1;
        var demographic = DemographicMargins(draft, statistics); // the same in every round
        // The households ranked by income: the same in every round (only the weights, and so the group bounds, change).
        var order = statistics.HouseholdQuintileMeans.Count == 5 ? IncomeOrder(disposable) : [];
        for (int round = 0; round < rounds; round++)
        {
            var margins = demographic.Concat(income).Concat(pensionMargins).ToList();
            if (statistics.HouseholdQuintileMeans.Count == 5)
            {
                margins.AddRange(GroupMargins(draft, statistics, disposable, order, weights));
            }

            try
            {
                result = WeightCalibration.Calibrate(design, margins, options);
            }
            catch (ArgumentException)
            {
                result = null; // infeasible within the bounds: keep the weights; the report names the targets missed
            }

            if (result is not { Converged: true })
            {
                return weights;
            }

            weights = result.Weights;
        }

        return weights;
    }

    /// <summary>
    /// The published pension totals (<see cref="ProvinceStatistics.PensionTargets"/>) as weight margins: per household,
    /// the members whose contribution histories make them employee pensioners, employee contributors or resident
    /// pensioners, against the share × the resident population.
    /// </summary>
    private static List<CalibrationMargin> PensionMargins(Population population, ProvinceStatistics statistics, PensionStatuses? statuses)
    {
        var margins = new List<CalibrationMargin>();
        if (statistics.PensionTargets.Count == 0 || statuses is null)
        {
            return margins;
        }

        foreach (var (name, share) in statistics.PensionTargets)
        {
            var perPerson = statuses.For(name);
            var perHousehold = new double[population.HouseholdCount];
            var start = population.MemberStart;
            for (int h = 0; h < perHousehold.Length; h++)
            {
                for (int i = start[h]; i < start[h + 1]; i++)
                {
                    perHousehold[h] += perPerson[i];
                }
            }

            margins.Add(CalibrationMargin.Numeric(name, perHousehold, statistics.ResidentPopulation.Value * share.Value));
        }

        return margins;
    }

    /// <summary>The household indices in ascending order of per-capita income (the sort is deterministic: the same incomes give the same order).</summary>
    private static int[] IncomeOrder(double[] disposable)
    {
        var order = new int[disposable.Length];
        for (int h = 0; h < order.Length; h++)
        {
            order[h] = h;
        }

        Array.Sort((double[])disposable.Clone(), order);
        return order;
    }

    /// <summary>For each household income group (ranked under the current weights): its household count and Σ persons × (income − group target) = 0.</summary>
    private static IEnumerable<CalibrationMargin> GroupMargins(SyntheticDraft draft, ProvinceStatistics statistics, double[] disposable, int[] order, double[] weights)
    {
        int households = draft.HouseholdCount;
        double total = 0;
        for (int h = 0; h < households; h++)
        {
            total += weights[h];
        }

        var group = new int[households];
        double cumulative = 0;
        foreach (var h in order)
        {
            group[h] = Math.Min(4, (int)((cumulative + (weights[h] / 2)) / total * 5));
            cumulative += weights[h];
        }

        double householdTotal = statistics.ResidentPopulation.Value / statistics.HouseholdSize.Value;
        for (int q = 0; q < 5; q++)
        {
            var count = new double[households];
            var gap = new double[households];
            double target = statistics.HouseholdQuintileMeans[q].Value;
            for (int h = 0; h < households; h++)
            {
                if (group[h] == q)
                {
                    count[h] = 1;
                    gap[h] = draft.Size(h) * (disposable[h] - target) / target;
                }
            }

            // Four group counts (the fifth follows from the household total).
            if (q < 4)
            {
                yield return CalibrationMargin.Numeric($"households_{ProvinceStatistics.QuintileNames[q]}", count, householdTotal / 5);
            }

            yield return CalibrationMargin.Numeric(ProvinceStatistics.QuintileNames[q], gap, 0);
        }
    }

    /// <summary>Prepares every column of a synthetic population; <see cref="GenerationState.Build"/> assembles it.</summary>
    private static GenerationState Prepare(SyntheticPopulationOptions options, RegionCatalog? regions, int maxDegreeOfParallelism, int blockHouseholds)
    {
        var (draft, statistics, perCapita, slopes, placeCodes, random, residentPensionMonthly, catalogue) = DrawTargets(options, regions, 1, SyntheticAssumptions.IncomeSizeCorrelation);
        int households = draft.HouseholdCount;
        var assets = new double[households];
        var homes = new byte[households];
        var vehicles = new bool[households];
        AssetModel.Assign(draft, perCapita, assets, homes, vehicles, random);
        IncomeModel.AllocateComponents(draft, perCapita, homes, residentPensionMonthly * 12);
        var chain = IncomeChainModel.Assign(draft, homes, placeCodes, statistics.Places.Count == 0, options.Year, options.Seed, maxDegreeOfParallelism, blockHouseholds);
        var history = PensionHistoryModel.Assign(draft, chain, perCapita, statistics.DisposableIncomeUrban.Value, options.Year, options.Seed);
        var destitute = DestituteConditionModel.Assign(draft, options.Seed);
        return new GenerationState(draft, statistics, perCapita, slopes, placeCodes, assets, homes, vehicles, chain, history, destitute, catalogue);
    }

    /// <summary>
    /// The first steps of <see cref="Prepare"/>: households, weights and the target per-capita incomes, which the later
    /// steps read and never change (the sensitivities of the median and Gini checks need no more). The random stream is
    /// returned where the later steps continue it.
    /// </summary>
    private static IncomeTargets DrawTargets(SyntheticPopulationOptions options, RegionCatalog? regions, double topSlopeFactor, double incomeSizeCorrelation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.RegionCode, nameof(options));
        if (options.Persons is < MinPersons or > MaxPersons)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Persons, $"Persons must be between {MinPersons:N0} and {MaxPersons:N0}.");
        }

        regions ??= RegionCatalog.Default;
        var statistics = options.Statistics ?? ProvinceStatistics.Load(options.RegionCode, options.Year);
        if (statistics.RegionCode != options.RegionCode)
        {
            throw new ArgumentException($"The statistics are for region {statistics.RegionCode}, not {options.RegionCode}.", nameof(options));
        }

        if (statistics.Year != options.Year)
        {
            throw new ArgumentException($"The statistics for {statistics.RegionCode} are for {statistics.Year}, not {options.Year}; give statistics for {options.Year} in SyntheticPopulationOptions.Statistics.", nameof(options));
        }

        var placeCodes = statistics.Places.Count > 0 ? statistics.Places.Select(p => p.RegionCode).ToArray() : [statistics.RegionCode];
        foreach (var code in placeCodes)
        {
            regions.GetId(code); // throws UnknownRegionException for a catalogue without the place
        }

        var cumulative = new double[placeCodes.Length];
        double running = 0;
        for (int i = 0; i < placeCodes.Length; i++)
        {
            running += statistics.Places.Count > 0 ? statistics.Places[i].Share : 1;
            cumulative[i] = running;
        }

        double residentPensionMonthly = (statistics.ResidentPensionAverage ?? ProvinceStatistics.Load(RegionCodes.China, ProvinceStatistics.AvailableYears(RegionCodes.China).Contains(options.Year) ? options.Year : 2022).ResidentPensionAverage
            ?? throw new InvalidOperationException("No average resident pension is available, not even the national one.")).Value;

        var random = new SeededGenerator(options.Seed);
        var draft = new SyntheticDraft(options.Persons);
        HouseholdFormation.Generate(draft, statistics, cumulative, options.Persons, random, incomeSizeCorrelation);
        Rake(draft, statistics);

        int households = draft.HouseholdCount;
        var perCapita = new double[households];
        var slopes = IncomeModel.AssignPerCapitaIncome(draft, statistics, perCapita, topSlopeFactor);
        return new IncomeTargets(draft, statistics, perCapita, slopes, placeCodes, random, residentPensionMonthly, regions);
    }

    /// <summary>Households, weights and target per-capita incomes (<see cref="DrawTargets"/>), with the random stream where generation continues.</summary>
    private sealed record IncomeTargets(SyntheticDraft Draft, ProvinceStatistics Statistics, double[] Target, double[] Slopes, string[] PlaceCodes, SeededGenerator Random, double ResidentPensionMonthly, RegionCatalog Regions);

    /// <summary>Everything generated, with the households' target per-capita disposable incomes.</summary>
    private sealed record GenerationState(SyntheticDraft Draft, ProvinceStatistics Statistics, double[] Target, double[] Slopes, string[] PlaceCodes, double[] Assets, byte[] Homes, bool[] Vehicles, IncomeChainColumns Chain, PensionHistoryColumns History, (ColumnDefinition Column, double[] Values)[] Destitute, RegionCatalog Regions)
    {
        private Array?[]? _fixed;

        /// <summary>
        /// Assembles the population. The columns that calibration never changes (ids, places, persons' attributes,
        /// assets, the income chain's inputs) are assembled once and shared by every population built from this state;
        /// the weights and the market-income columns that net-to-gross rounds move (the imputed rent included) are copied afresh each time.
        /// </summary>
        public Population Build()
        {
            _fixed ??= FixedColumns(Draft, PlaceCodes, Assets, Homes, Vehicles, Chain, Regions);
            return SyntheticPopulation.Build(Draft, Chain, (Array?[])_fixed.Clone(), History, Destitute, Regions);
        }
    }

    /// <summary>
    /// Measures how well a population's <b>income columns</b> match the targets: weighted population, urban share, mean
    /// per-capita income (all, urban, rural; the sum of the income columns, labour and author's remuneration,
    /// royalties and reported pensions included), the urban–rural ratio, the five income-group means where published,
    /// age shares and household size, each against its tolerance; the Gini and other published values as reference
    /// lines. For a survey whose columns hold disposable income. The synthetic populations hold <i>pre-tax,
    /// pre-transfer</i> incomes: measure them on their simulated disposable income with the overload that takes it
    /// (<see cref="GenerateCalibrated"/> does).
    /// </summary>
    /// <param name="population">Any population (synthetic or survey-based).</param>
    /// <param name="statistics">The targets.</param>
    public static CalibrationReport Calibrate(Population population, ProvinceStatistics statistics)
        => Calibrate(population, statistics, null);

    /// <summary>As <see cref="Calibrate(Population, ProvinceStatistics)"/>, on a per-capita disposable income per household (for example simulated).</summary>
    /// <param name="population">The population.</param>
    /// <param name="statistics">The targets.</param>
    /// <param name="disposablePerCapita">One per-capita income per household; <see langword="null"/> to sum the income columns.</param>
    public static CalibrationReport Calibrate(Population population, ProvinceStatistics statistics, double[]? disposablePerCapita)
        => Calibrate(population, statistics, disposablePerCapita, population is null ? null : PensionHistoryModel.Statuses(population));

    /// <summary>As the public overload, with the persons' pension statuses (simulated, or implied by the history columns).</summary>
    internal static CalibrationReport Calibrate(Population population, ProvinceStatistics statistics, double[]? disposablePerCapita, PensionStatuses? statuses)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(statistics);
        if (disposablePerCapita is not null && disposablePerCapita.Length != population.HouseholdCount)
        {
            throw new ArgumentException($"Expected one income per household ({population.HouseholdCount}), got {disposablePerCapita.Length}.", nameof(disposablePerCapita));
        }

        int households = population.HouseholdCount;
        var weight = population.Weight;
        var area = population.Area;
        var start = population.MemberStart;
        var perCapita = new double[households];
        var personWeight = new double[households];
        double persons = 0, urbanPersons = 0, urbanIncome = 0, ruralIncome = 0, weightedHouseholds = 0;
        double children = 0, aged60 = 0, aged65 = 0, pensioners = 0;
        var age = population.Age;
        var pension = population.PensionIncomeAnnual;
        var imputedRent = population.TryGetExtraPersonColumn(SyntheticIncomeColumns.ImputedRent.Name, out var rent) ? rent : new double[population.PersonCount];
        for (int h = 0; h < households; h++)
        {
            double income = 0;
            for (int i = start[h]; i < start[h + 1]; i++)
            {
                income += population.WagesAnnual[i] + population.LabourRemunerationAnnual[i] + population.AuthorRemunerationAnnual[i] + population.RoyaltiesAnnual[i]
                    + population.BusinessIncomeAnnual[i] + population.PropertyIncomeAnnual[i] + imputedRent[i] + population.PrivateTransfersAnnual[i] + pension[i];
                int a = age[i];
                children += a <= statistics.ChildMaxAge ? weight[h] : 0;
                aged60 += a >= 60 ? weight[h] : 0;
                aged65 += a >= 65 ? weight[h] : 0;
                pensioners += pension[i] > 0 ? weight[h] : 0;
            }

            int size = start[h + 1] - start[h];
            perCapita[h] = disposablePerCapita is null ? income / size : disposablePerCapita[h];
            personWeight[h] = weight[h] * size;
            persons += personWeight[h];
            weightedHouseholds += weight[h];
            if (area[h] == AreaType.Urban)
            {
                urbanPersons += personWeight[h];
                urbanIncome += personWeight[h] * perCapita[h];
            }
            else
            {
                ruralIncome += personWeight[h] * perCapita[h];
            }
        }

        double ruralPersons = persons - urbanPersons;
        double meanUrban = urbanIncome / urbanPersons;
        double meanRural = ruralIncome / ruralPersons;
        double targetRatio = statistics.DisposableIncomeUrban.Value / statistics.DisposableIncomeRural.Value;
        var ratioProvenance = Weakest(statistics.DisposableIncomeUrban.Provenance, statistics.DisposableIncomeRural.Provenance);

        var checks = new List<CalibrationCheck>
        {
            Relative("weighted_population", statistics.ResidentPopulation, persons, 1e-6),
            Absolute("survey_urban_share", statistics.SurveyUrbanShare, urbanPersons / persons, ShareTolerance),
            Relative("disposable_income_all", statistics.DisposableIncomeAll, (urbanIncome + ruralIncome) / persons, MeanRelativeTolerance),
            Relative("disposable_income_urban", statistics.DisposableIncomeUrban, meanUrban, MeanRelativeTolerance),
            Relative("disposable_income_rural", statistics.DisposableIncomeRural, meanRural, MeanRelativeTolerance),
            new("urban_rural_income_ratio", targetRatio, meanUrban / meanRural, targetRatio * 2 * MeanRelativeTolerance, ratioProvenance),
            new("gini_disposable_income", statistics.Gini.Value, WeightedGini.Compute(perCapita, personWeight), double.NaN, statistics.Gini.Provenance),
            Absolute($"age_share_0_{statistics.ChildMaxAge}", statistics.ChildShare, children / persons, ShareTolerance),
            Absolute("age_share_60_plus", statistics.AgeShare60Plus, aged60 / persons, ShareTolerance),
            Absolute("age_share_65_plus", statistics.AgeShare65Plus, aged65 / persons, ShareTolerance),
            Absolute("household_size", statistics.HouseholdSize, persons / weightedHouseholds, HouseholdSizeTolerance),
            new("urbanization_rate", statistics.UrbanizationRate.Value, urbanPersons / persons, double.NaN, statistics.UrbanizationRate.Provenance),
        };
        if (statuses is { } known)
        {
            // Pensions are simulated from the history columns: a pensioner is a person whose history gives a pension.
            for (int i = 0; i < population.PersonCount; i++)
            {
                pensioners += pension[i] == 0 && known.EmployeePensioner[i] + known.ResidentPensioner[i] > 0 ? weight[population.PersonHousehold[i]] : 0;
            }
        }

        if (statistics.PensionRecipientShare is { } pensionShare)
        {
            checks.Add(new("pension_recipient_share", pensionShare.Value, pensioners / persons, double.NaN, pensionShare.Provenance));
        }

        if (statistics.PensionTargets.Count > 0 && statuses is not null)
        {
            foreach (var (name, share) in statistics.PensionTargets)
            {
                var status = statuses.For(name);
                double count = 0;
                for (int i = 0; i < status.Length; i++)
                {
                    count += status[i] * weight[population.PersonHousehold[i]];
                }

                checks.Add(Relative(name, share, count / persons, MeanRelativeTolerance));
            }
        }

        if (statistics.HouseholdQuintileMeans.Count == 5)
        {
            var achieved = HouseholdGroupMeans(perCapita, weight, personWeight);
            for (int q = 0; q < 5; q++)
            {
                var target = statistics.HouseholdQuintileMeans[q];
                checks.Add(new(ProvinceStatistics.QuintileNames[q], target.Value, achieved[q], target.Value * GroupMeanRelativeTolerance, target.Provenance));
            }
        }

        return new CalibrationReport(statistics.RegionCode, statistics.Year, checks);
    }

    /// <summary>
    /// Per-capita income means of five equal groups of (weighted) households ranked by per-capita income, as NBS
    /// publishes them: group mean = Σ income / Σ persons. A household on a group boundary is split by weight.
    /// </summary>
    private static double[] HouseholdGroupMeans(double[] perCapita, ReadOnlySpan<double> weight, double[] personWeight)
    {
        var order = new int[perCapita.Length];
        for (int h = 0; h < order.Length; h++)
        {
            order[h] = h;
        }

        Array.Sort((double[])perCapita.Clone(), order);
        double total = 0;
        foreach (var w in weight)
        {
            total += w;
        }

        var income = new double[5];
        var persons = new double[5];
        double cumulative = 0;
        foreach (var h in order)
        {
            double remaining = weight[h];
            double size = personWeight[h] / weight[h];
            while (remaining > 0)
            {
                int group = Math.Min(4, (int)(cumulative / total * 5));
                double room = ((group + 1) * total / 5) - cumulative;
                double part = group == 4 || room >= remaining || room <= total * 1e-15 ? remaining : room;
                income[group] += part * size * perCapita[h];
                persons[group] += part * size;
                cumulative += part;
                remaining -= part;
            }
        }

        for (int q = 0; q < 5; q++)
        {
            income[q] /= persons[q];
        }

        return income;
    }

    private static CalibrationCheck Relative(string name, StatisticValue target, double achieved, double relative)
        => new(name, target.Value, achieved, target.Value * relative, target.Provenance);

    private static CalibrationCheck Absolute(string name, StatisticValue target, double achieved, double tolerance)
        => new(name, target.Value, achieved, tolerance, target.Provenance);

    private static Provenance Weakest(Provenance a, Provenance b)
        => a == Provenance.Illustrative || b == Provenance.Illustrative ? Provenance.Illustrative
            : a == Provenance.Unverified || b == Provenance.Unverified ? Provenance.Unverified
            : a == b ? a : Provenance.Derived;

    /// <summary>Rakes uniform design weights to population, area, age-group and household-count totals.</summary>
    private static void Rake(SyntheticDraft draft, ProvinceStatistics statistics)
    {
        int households = draft.HouseholdCount;
        var design = new double[households];
        Array.Fill(design, statistics.ResidentPopulation.Value / draft.PersonCount);
        var result = WeightCalibration.Calibrate(design, DemographicMargins(draft, statistics), CalibrationOptions.Raking() with { MaxIterations = 200, Tolerance = 1e-10 });
        if (!result.Converged)
        {
            throw new InvalidOperationException($"The synthetic population of {statistics.RegionCode} could not be weighted to its targets; use more persons or check the statistics. {result}");
        }

        Array.Copy(result.Weights, draft.Weight, households);
    }

    /// <summary>Urban and rural persons, children, persons 60–64 and 65+, and households.</summary>
    private static CalibrationMargin[] DemographicMargins(SyntheticDraft draft, ProvinceStatistics statistics)
    {
        int households = draft.HouseholdCount;
        double population = statistics.ResidentPopulation.Value;
        double urbanShare = statistics.SurveyUrbanShare.Value;
        var urban = new double[households];
        var rural = new double[households];
        var children = new double[households];
        var aged60To64 = new double[households];
        var aged65 = new double[households];
        var one = new double[households];
        for (int h = 0; h < households; h++)
        {
            int size = draft.Size(h);
            (draft.Area[h] == AreaType.Urban ? urban : rural)[h] = size;
            one[h] = 1;
            for (int i = draft.MemberStart[h]; i < draft.MemberStart[h + 1]; i++)
            {
                int a = draft.Age[i];
                if (a <= statistics.ChildMaxAge)
                {
                    children[h]++;
                }
                else if (a >= 65)
                {
                    aged65[h]++;
                }
                else if (a >= 60)
                {
                    aged60To64[h]++;
                }
            }
        }

        return
        [
            CalibrationMargin.Numeric("urban_persons", urban, population * urbanShare),
            CalibrationMargin.Numeric("rural_persons", rural, population * (1 - urbanShare)),
            CalibrationMargin.Numeric($"persons_0_{statistics.ChildMaxAge}", children, population * statistics.ChildShare.Value),
            CalibrationMargin.Numeric("persons_60_64", aged60To64, population * (statistics.AgeShare60Plus.Value - statistics.AgeShare65Plus.Value)),
            CalibrationMargin.Numeric("persons_65_plus", aged65, population * statistics.AgeShare65Plus.Value),
            CalibrationMargin.Numeric("households", one, population / statistics.HouseholdSize.Value),
        ];
    }

    /// <summary>
    /// Assembles the population's columns directly from the draft (members are already contiguous, so the builder's
    /// sorting and per-record checks are not needed; tests pass synthetic populations through
    /// <see cref="PopulationBuilder"/> to confirm they are valid).
    /// </summary>
    /// <remarks>
    /// Every column that calibration changes (the weights and the market incomes <c>MoveMarketIncome</c> scales,
    /// labour remuneration and the bonus included) is copied, so a population handed to the caller's simulation never
    /// changes when a later round moves the incomes: populations are immutable.
    /// </remarks>
    private static Population Build(SyntheticDraft draft, IncomeChainColumns chain, Array?[] columns, PensionHistoryColumns history, (ColumnDefinition Column, double[] Values)[] destitute, RegionCatalog regions)
    {
        int households = draft.HouseholdCount;
        int persons = draft.PersonCount;
        void Set(ColumnDefinition column, Array values) => columns[column.BuiltInIndex] = values;
        Set(PopulationSchema.Weight, draft.Weight[..households]);
        Set(PopulationSchema.Wages, draft.Wages[..persons]);
        Set(PopulationSchema.LabourRemuneration, chain.LabourRemuneration[..persons]);
        Set(PopulationSchema.AnnualBonus, chain.AnnualBonus[..persons]);
        Set(PopulationSchema.BusinessIncome, draft.Business[..persons]);
        Set(PopulationSchema.PropertyIncome, draft.Property[..persons]);
        Set(PopulationSchema.PrivateTransfers, draft.Transfers[..persons]);
        // Pensions are simulated from the contribution histories, never reported: the reported-pension column stays zero.
        var personExtras = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var definitions = new Dictionary<string, ColumnDefinition>(StringComparer.Ordinal);
        personExtras[SyntheticIncomeColumns.ImputedRent.Name] = draft.ImputedRent[..persons];
        definitions[SyntheticIncomeColumns.ImputedRent.Name] = SyntheticIncomeColumns.ImputedRent;
        foreach (var (column, values) in SyntheticPensionColumns.With(history).Concat(destitute))
        {
            personExtras[column.Name] = values;
            definitions[column.Name] = column;
        }

        return new Population(
            regions, columns, draft.MemberStart[..(households + 1)],
            personExtras, new Dictionary<string, double[]>(StringComparer.Ordinal), definitions);
    }

    /// <summary>The built-in columns that calibration does not change (the weights and the market incomes it moves, labour remuneration and the bonus included, are left null).</summary>
    private static Array?[] FixedColumns(SyntheticDraft draft, string[] placeCodes, double[] assets, byte[] homes, bool[] vehicles, IncomeChainColumns chain, RegionCatalog regions)
    {
        int households = draft.HouseholdCount;
        int persons = draft.PersonCount;
        var placeIds = placeCodes.Select(c => regions.GetId(c).Index).ToArray();

        var householdIds = new long[households];
        var householdRegion = new ushort[households];
        var vehicle = new byte[households];
        var personHousehold = new int[persons];
        var personIds = new long[persons];
        var hukouRegion = new ushort[persons];
        for (int h = 0; h < households; h++)
        {
            householdIds[h] = h + 1;
            householdRegion[h] = placeIds[draft.Place[h]];
            vehicle[h] = vehicles[h] ? (byte)1 : (byte)0;
            for (int i = draft.MemberStart[h]; i < draft.MemberStart[h + 1]; i++)
            {
                personIds[i] = i + 1;
                personHousehold[i] = h;
                hukouRegion[i] = draft.HukouPlace[i] < 0 ? householdRegion[h] : placeIds[draft.HukouPlace[i]];
            }
        }

        // Built-in columns the generator does not model (author's remuneration, royalties, the work-injury wage) stay
        // null: the population fills them with zeros (the default code).
        var columns = new Array?[PopulationSchema.BuiltIns.Length];
        void Set(ColumnDefinition column, Array values) => columns[column.BuiltInIndex] = values;
        Set(PopulationSchema.HouseholdId, householdIds);
        Set(PopulationSchema.Region, householdRegion);
        Set(PopulationSchema.Area, Bytes(draft.Area, households));
        Set(PopulationSchema.FinancialAssets, assets);
        Set(PopulationSchema.HousingUnits, homes);
        Set(PopulationSchema.NonEssentialVehicle, vehicle);
        Set(PopulationSchema.PersonId, personIds);
        Set(PopulationSchema.PersonHouseholdId, personHousehold);
        Set(PopulationSchema.Age, draft.Age[..persons]);
        Set(PopulationSchema.Sex, Bytes(draft.Sex, persons));
        Set(PopulationSchema.Hukou, Bytes(draft.Hukou, persons));
        Set(PopulationSchema.HukouRegion, hukouRegion);
        Set(PopulationSchema.Disability, Bytes(draft.Disability, persons));
        Set(PopulationSchema.SelfCare, Bytes(draft.SelfCare, persons));
        Set(PopulationSchema.Employment, Bytes(draft.Employment, persons));
        Set(PopulationSchema.ChildrenInEducation, chain.ChildrenInEducation);
        Set(PopulationSchema.ChildrenUnder3, chain.ChildrenUnder3);
        Set(PopulationSchema.Housing, Bytes(chain.Housing, households));
        Set(PopulationSchema.City, Bytes(chain.City, households));
        Set(PopulationSchema.WorkInjuryDeaths, chain.WorkInjuryDeaths);
        Set(PopulationSchema.Contract, Bytes(chain.Contract, persons));
        Set(PopulationSchema.IndustryRiskClass, chain.IndustryRiskClass);
        Set(PopulationSchema.Medical, Bytes(chain.Medical, persons));
        Set(PopulationSchema.ParentsAged60Plus, chain.ParentsAged60Plus);
        Set(PopulationSchema.ElderlyParents, Bytes(chain.ElderlyParents, persons));
        Set(PopulationSchema.Education, Bytes(chain.Education, persons));
        Set(PopulationSchema.MedicalSelfPay, chain.MedicalSelfPay);
        Set(PopulationSchema.UnemploymentInsuranceYears, chain.UnemploymentInsuranceYears);
        Set(PopulationSchema.UnemploymentMonths, chain.UnemploymentMonths);
        Set(PopulationSchema.WorkInjuryGrade, chain.WorkInjuryGrade);
        Set(PopulationSchema.WorkInjuryNew, chain.WorkInjuryNew);
        Set(PopulationSchema.WorkInjuryNursing, Bytes(chain.WorkInjuryNursing, persons));
        return columns;
    }

    private static byte[] Bytes<T>(T[] values, int count)
        where T : unmanaged, Enum
        => System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan(0, count)).ToArray();
}
