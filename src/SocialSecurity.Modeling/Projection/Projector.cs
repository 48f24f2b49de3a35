using System.Globalization;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Randomness;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// The multi-year projection (docs/projection.md): each year the one static engine, <see cref="Microsimulation"/>,
/// runs the policy at the year's run date on the year's population; between years people age, die and are born
/// (<see cref="ProjectionOptions"/>), employee-pension accounts and contribution years accumulate, and the employee
/// pension fund carries its reserve.
/// </summary>
public static class Projector
{
    /// <summary>Runs a projection.</summary>
    /// <param name="population">The base population at the first year's run date.</param>
    /// <param name="policy">The programs run every year.</param>
    /// <param name="parameters">The parameters (a reform dated in the future applies from its date).</param>
    /// <param name="options">Years, assumptions, replicates; defaults when null.</param>
    /// <param name="fund">The employee pension fund's start and assumptions; <see cref="PensionFundAssumptions.China"/> when null.</param>
    /// <param name="progress">Receives progress after each year.</param>
    /// <param name="cancellationToken">Cancels between years (and between blocks of a year's run).</param>
    /// <exception cref="ArgumentException">Bad input, rejected before the run: the message names the culprit.</exception>
    public static ProjectionResult Run(
        Population population,
        Policy policy,
        ParameterStore parameters,
        ProjectionOptions? options = null,
        PensionFundAssumptions? fund = null,
        IProgress<ProjectionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(parameters);
        options ??= new ProjectionOptions();
        fund ??= PensionFundAssumptions.China;
        Validate(population, options);
        options.Demography.CheckCovers(options.StartYear, options.EndYear);
        fund.Validate(options.StartYear, options.EndYear);

        options.Retirement?.Validate();
        options.Alignment?.Validate();
        options.LifetimeCohort?.Validate();
        if (options.Migration is { } migration)
        {
            migration.Validate();
            migration.NetRate.CheckCovers("net migration rate", options.StartYear, options.EndYear);
        }

        ArgumentNullException.ThrowIfNull(options.Extrapolation, nameof(options.Extrapolation));
        Extrapolation.Validate(options.Extrapolation, parameters);

        var baseline = WithBirthColumns(population, options);
        bool retiring = options.Retirement is not null && Retirement.Applies(policy, baseline);
        var yearPolicy = retiring ? Retirement.YearPolicy(policy) : policy;
        if (retiring)
        {
            baseline = Retirement.Prepare(baseline);
        }

        if (options.Households)
        {
            baseline = HouseholdDynamics.Prepare(baseline);
        }

        var regions = baseline.HouseholdRegion.ToArray().Concat(baseline.HukouRegion.ToArray()).Distinct().OrderBy(r => baseline.Regions[r].Code, StringComparer.Ordinal).ToArray();
        var (store, extrapolated) = Extrapolation.Apply(parameters, options.Extrapolation, [.. policy.Parameters, ProjectionParameters.IndexationRate, EmployeePensionNames.Parameters.AccountInterestRate],
            regions, options.StartYear, options.EndYear, options.RunMonth);
        int years = options.EndYear - options.StartYear + 1;
        var qByYear = new double[years][][];
        var fertility = new double[years][];
        var maleShare = new double[years];
        for (int i = 0; i < years; i++)
        {
            int year = options.StartYear + i;
            qByYear[i] = [options.Demography.DeathProbabilities(Sex.Female, year), options.Demography.DeathProbabilities(Sex.Male, year)];
            fertility[i] = options.Demography.FertilityRates(year);
            double srb = options.Demography.SexRatioAtBirth.At(year);
            maleShare[i] = srb / (1 + srb);
        }

        var rows = new List<ProjectionRow>();
        var lifetimeDeciles = new List<LifetimeDecile>();
        var lifetimeIndices = new List<LifetimeIndices>();
        int done = 0;
        // Without a per-year callback nobody holds a year's result past the year: its output arrays serve the next year's run.
        var outputArrays = options.OnYear is null ? new OutputArrays() : null;
        for (int replicate = 0; replicate < options.Replicates; replicate++)
        {
            var current = baseline;
            var flows = PopulationDynamics.Flows.None(options.Migration is not null);
            var householdFlows = options.Households ? new HouseholdDynamics.Flows(0, 0, 0) : new HouseholdDynamics.Flows(double.NaN, double.NaN, double.NaN);
            double reserve = fund.StartingReserve(current.WeightedPersons);
            var wages = WorkingLives.Measure(current);
            var lifetime = options.LifetimeCohort is { } cohort ? new LifetimeAccounts(cohort) : null;
            var buffers = new Buffers();
            double discount = 1;
            for (int i = 0; i < years; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int year = options.StartYear + i;
                var date = new DateOnly(year, options.RunMonth, 1);
                var awards = new Retirement.Awards(double.NaN, double.NaN);
                if (retiring)
                {
                    (current, awards) = Retirement.Step(current, store, year, i == 0, options, options.Retirement!, outputArrays, cancellationToken);
                }

                if (options.WorkingLives && i > 0)
                {
                    // From the second year the population is the yearly step's new one, not yet handed to anyone: changed in place.
                    (current, wages) = WorkingLives.Step(current, store, year, replicate, options, wages, inPlace: true);
                }

                // A context of the year's own, dropped with the year: the shared contexts of Microsimulation.Run, kept per
                // population and policy, would keep every year's population reachable while the policy lives.
                var context = new SimulationContext(retiring ? Retirement.ForRun(current) : current, yearPolicy, options.Simulation) { OutputArrays = outputArrays is null ? null : outputArrays.Rent };
                var result = context.Run(store, date, progress: null, stage: "projection", cancellationToken);
                var credits = EmployeeCredits(result, store, date, buffers, options.Simulation);
                var row = Summarise(result, year, replicate, flows, fund, awards, credits, householdFlows, options, ref reserve);
                rows.Add(row);
                if (lifetime is not null)
                {
                    lifetime.Add(result, discount);
                    discount /= 1 + store.Resolve(ProjectionParameters.LifetimeDiscountRate, date, RegionCodes.China).Scalar();
                }

                options.OnYear?.Invoke(new ProjectionYear(year, replicate, result, row));
                progress?.Report(new ProjectionProgress(year, replicate, ++done, years * options.Replicates));
                if (i + 1 < years)
                {
                    var (accrued, next) = Accrue(result, store, date, credits, buffers, options.Simulation);
                    (current, flows) = PopulationDynamics.Advance(accrued, year, replicate, options, qByYear[i], fertility[i], maleShare[i], next);
                    if (options.Households)
                    {
                        (current, householdFlows) = HouseholdDynamics.Advance(current, store, year, replicate, options);
                    }
                }

                if (outputArrays is not null)
                {
                    result.Release(); // read no more: its arrays are the next year's
                    outputArrays.Reclaim();
                }
            }

            if (lifetime is not null)
            {
                var (deciles, indices) = lifetime.Summarise(replicate);
                lifetimeDeciles.AddRange(deciles);
                lifetimeIndices.Add(indices);
            }
        }

        return new ProjectionResult(options, rows, store, extrapolated,
            options.LifetimeCohort is null ? null : new LifetimeRedistribution(options.LifetimeCohort, lifetimeDeciles, lifetimeIndices));
    }

    private static void Validate(Population population, ProjectionOptions options)
    {
        var c = CultureInfo.InvariantCulture;
        if (options.EndYear < options.StartYear)
        {
            throw new ArgumentException(string.Create(c, $"The projection's horizon {options.EndYear} is before its start year {options.StartYear}."), nameof(options));
        }

        if (options.Replicates is < 1 or > 60)
        {
            throw new ArgumentException(string.Create(c, $"Replicates must be 1–60, not {options.Replicates}."), nameof(options));
        }

        if (options.RunMonth is < 1 or > 12)
        {
            throw new ArgumentException(string.Create(c, $"The run month must be 1–12, not {options.RunMonth}."), nameof(options));
        }

        bool hasYear = population.ExtraPersonColumns.Contains(RetirementAgeProgram.Columns.BirthYear);
        bool hasMonth = population.ExtraPersonColumns.Contains(RetirementAgeProgram.Columns.BirthMonth);
        if (hasYear != hasMonth)
        {
            throw new ArgumentException($"The population carries '{(hasYear ? RetirementAgeProgram.Columns.BirthYear : RetirementAgeProgram.Columns.BirthMonth)}' without '{(hasYear ? RetirementAgeProgram.Columns.BirthMonth : RetirementAgeProgram.Columns.BirthYear)}'; give both or neither.", nameof(population));
        }
    }

    /// <summary>
    /// The base population with birth years and months: kept when given (and checked against the ages at the first run
    /// date), otherwise a birth month drawn uniformly per person [I] and the year that gives the person's age on the run
    /// date; and the women's retirement category 0 (the 50 category) when not given [I].
    /// </summary>
    private static Population WithBirthColumns(Population population, ProjectionOptions options)
    {
        int now = RetirementAgeProgram.MonthIndex(options.StartYear, options.RunMonth);
        var age = population.Age;
        var ids = population.PersonId;
        var result = population;
        if (!population.ExtraPersonColumns.Contains(RetirementAgeProgram.Columns.BirthYear))
        {
            var stream = new RandomStream(options.Seed, "projection.birth_month");
            var year = new double[population.PersonCount];
            var month = new double[population.PersonCount];
            for (int p = 0; p < year.Length; p++)
            {
                int m = (int)Math.Min(11, Math.Floor(stream.Uniform(ids[p]) * 12)) + 1;
                // Born m in year y: aged (now − (12y + m − 1)) / 12 completed years on the run date.
                int birth = now - (12 * age[p]) - (((options.RunMonth - m) % 12) + 12) % 12;
                year[p] = birth / 12;
                month[p] = m;
            }

            result = result.WithColumn(RetirementAgeProgram.ColumnDefinitions.BirthYear, year).WithColumn(RetirementAgeProgram.ColumnDefinitions.BirthMonth, month);
        }
        else
        {
            var year = population.ExtraPersonColumn(RetirementAgeProgram.Columns.BirthYear);
            var month = population.ExtraPersonColumn(RetirementAgeProgram.Columns.BirthMonth);
            for (int p = 0; p < year.Length; p++)
            {
                int completed = (now - RetirementAgeProgram.MonthIndex((int)year[p], (int)month[p])) / 12;
                if (completed != age[p])
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Person {ids[p]}: born {year[p]:0}-{month[p]:00}, so aged {completed} on {options.StartYear}-{options.RunMonth:00}-01, but the age column says {age[p]}."), nameof(population));
                }
            }
        }

        if (!result.ExtraPersonColumns.Contains(RetirementAgeProgram.Columns.FemaleCategory))
        {
            result = result.WithColumn(RetirementAgeProgram.ColumnDefinitions.FemaleCategory, new double[result.PersonCount]);
        }

        return result;
    }

    /// <summary>
    /// Each person's credit to the employee-pension account in the year: the employee's contribution (for flexible
    /// workers and individual businesses its account part, <c>flexible_account_rate ÷ flexible_total_rate</c>); null
    /// when the population has no employee-pension columns or the policy computes no contributions.
    /// </summary>
    /// <remarks>The array is <paramref name="buffers"/>' (reused every year): only its first <c>PersonCount</c> values are the year's.</remarks>
    internal static double[]? EmployeeCredits(SimulationResult result, ParameterStore parameters, DateOnly date, Buffers buffers, SimulationOptions simulation)
    {
        var population = result.Population;
        if (!population.ExtraPersonColumns.Contains(EmployeePensionNames.Columns.AccountBalance)
            || !population.ExtraPersonColumns.Contains(EmployeePensionNames.Columns.ContributionYears)
            || !result.Variables.Any(v => v.Name == SocialInsuranceContributionsProgram.EmployeePension.Name))
        {
            return null;
        }

        int persons = result.Values(SocialInsuranceContributionsProgram.EmployeePension.Name).Length;
        var own = result.ValuesArray(SocialInsuranceContributionsProgram.EmployeePension.Name);
        var contract = population.Column<byte>(PopulationSchema.Contract);
        var household = population.PersonHouseholdColumn;
        var region = population.HouseholdRegionColumn;
        var credits = buffers.Get("credits", persons);
        // Each person's credit is the person's alone: blocks in parallel. Contributors outside a labour contract credit
        // the account part of their contribution, whose rate is the region's: the regions are marked in the blocks,
        // their shares resolved once each, and those persons' credits scaled in a second pass.
        var needed = new bool[population.Regions.Count];
        bool any = false;
        PersonBlocks.For(persons, simulation, (from, to) =>
        {
            bool marked = false;
            for (int p = from; p < to; p++)
            {
                credits[p] = own[p] != 0 ? own[p] : 0;
                if (own[p] != 0 && (WorkContract)contract[p] != WorkContract.LabourContract)
                {
                    needed[region[household[p]]] = marked = true;
                }
            }

            if (marked)
            {
                Volatile.Write(ref any, true);
            }
        });
        if (!any)
        {
            return credits;
        }

        var shares = new double[needed.Length];
        for (int r = 0; r < needed.Length; r++)
        {
            var id = new RegionId((ushort)r);
            shares[r] = needed[r] ? parameters.Resolve(EmployeePensionNames.Parameters.FlexibleAccountRate, date, id).Scalar() / parameters.Resolve(EmployeePensionNames.Parameters.FlexibleTotalRate, date, id).Scalar() : double.NaN;
        }

        PersonBlocks.For(persons, simulation, (from, to) =>
        {
            for (int p = from; p < to; p++)
            {
                if (own[p] != 0 && (WorkContract)contract[p] != WorkContract.LabourContract)
                {
                    credits[p] = own[p] * shares[region[household[p]]];
                }
            }
        });
        return credits;
    }

    /// <summary>
    /// The population with each member's accounts and contribution years carried one year on. Employee pension (when
    /// <paramref name="credits"/> is given): <c>B_y = B_{y−1}(1 + r_y) + credit_y</c> for everyone not retired (their
    /// balance at retirement is kept), r the employee account crediting rate in force, and one more contribution year
    /// for each contributor. Resident pension (when the population has its columns and the policy computes its
    /// contributions): the same with the resident crediting rate of the place of hukou and the credit own +
    /// government-paid contribution + subsidy + collective subsidy, for everyone not drawing the resident pension; one
    /// more year for each contributor. The carried-on columns are returned by name, in <paramref name="buffers"/>'
    /// arrays (reused every year, only the first <c>PersonCount</c> values the population's), for the yearly step to
    /// take in place of the population's: no column is allocated for them.
    /// </summary>
    internal static (Population Population, Dictionary<string, double[]> Next) Accrue(SimulationResult result, ParameterStore parameters, DateOnly date, double[]? credits, Buffers buffers, SimulationOptions simulation)
    {
        var population = result.Population;
        if (population.ExtraPersonColumns.Contains(ProjectionColumns.Retired.Name))
        {
            // The pensions in payment were the year's input under the employee pension's output name: the projector's own column carries them on.
            var wages = population.WagesAnnual;
            var last = population.ExtraPersonColumn(ProjectionColumns.LastWage.Name).ToArray();
            for (int p = 0; p < last.Length; p++)
            {
                last[p] = wages[p] > 0 ? wages[p] : last[p];
            }

            population = ProjectionColumns.With(population, [(ProjectionColumns.LastWage, last)], ProjectionColumns.EmployeePensionPaid.Name);
        }

        var changed = new Dictionary<string, double[]>(StringComparer.Ordinal);
        if (credits is not null)
        {
            bool pensions = result.Variables.Any(v => v.Name == EmployeePensionProgram.Benefit.Name);
            var benefit = pensions ? result.ValuesArray(EmployeePensionProgram.Benefit.Name) : null;
            var retiredFlag = population.ExtraPersonColumns.Contains(ProjectionColumns.Retired.Name) ? population.DoubleColumn(ProjectionColumns.Retired.Name) : null;
            var balance = population.DoubleColumn(EmployeePensionNames.Columns.AccountBalance);
            var years = population.DoubleColumn(EmployeePensionNames.Columns.ContributionYears);
            var household = population.PersonHouseholdColumn;
            var region = population.HouseholdRegionColumn;
            var nextBalance = buffers.Get(EmployeePensionNames.Columns.AccountBalance, balance.Length);
            var nextYears = buffers.Get(EmployeePensionNames.Columns.ContributionYears, years.Length);
            var rates = RatesByRegion(population, population.HouseholdRegion, EmployeePensionNames.Parameters.AccountInterestRate, parameters, date);
            // Each person's accounts are the person's alone: blocks in parallel.
            PersonBlocks.For(balance.Length, simulation, (from, to) =>
            {
                for (int p = from; p < to; p++)
                {
                    double rate = rates[region[household[p]]];
                    bool retired = retiredFlag is null ? pensions && benefit![p] > 0 : retiredFlag[p] == 1;
                    nextBalance[p] = retired ? balance[p] : (balance[p] * (1 + rate)) + credits[p];
                    nextYears[p] = years[p] + (credits[p] > 0 ? 1 : 0);
                }
            });

            changed[EmployeePensionNames.Columns.AccountBalance] = nextBalance;
            changed[EmployeePensionNames.Columns.ContributionYears] = nextYears;
        }

        if (population.ExtraPersonColumns.Contains(ResidentPensionNames.Columns.AccountBalance)
            && population.ExtraPersonColumns.Contains(ResidentPensionNames.Columns.ContributionYears)
            && result.Variables.Any(v => v.Name == ResidentPensionProgram.OwnContribution.Name))
        {
            var balance = population.DoubleColumn(ResidentPensionNames.Columns.AccountBalance);
            var years = population.DoubleColumn(ResidentPensionNames.Columns.ContributionYears);
            var benefit = result.ValuesArray(ResidentPensionProgram.Benefit.Name);
            var own = result.ValuesArray(ResidentPensionProgram.OwnContribution.Name);
            var government = result.ValuesArray(ResidentPensionProgram.GovernmentPaidContribution.Name);
            var subsidy = result.ValuesArray(ResidentPensionProgram.Subsidy.Name);
            var collective = result.ValuesArray(ResidentPensionProgram.CollectiveSubsidy.Name);
            var hukou = population.HukouRegionColumn;
            var nextBalance = buffers.Get(ResidentPensionNames.Columns.AccountBalance, balance.Length);
            var nextYears = buffers.Get(ResidentPensionNames.Columns.ContributionYears, years.Length);
            var rates = RatesByRegion(population, population.HukouRegion, ResidentPensionNames.Parameters.InterestRate, parameters, date);
            PersonBlocks.For(balance.Length, simulation, (from, to) =>
            {
                for (int p = from; p < to; p++)
                {
                    double rate = rates[hukou[p]];
                    bool pensioner = benefit[p] > 0;
                    nextBalance[p] = pensioner ? balance[p] : (balance[p] * (1 + rate)) + own[p] + government[p] + subsidy[p] + collective[p];
                    nextYears[p] = years[p] + (own[p] + government[p] > 0 ? 1 : 0);
                }
            });

            changed[ResidentPensionNames.Columns.AccountBalance] = nextBalance;
            changed[ResidentPensionNames.Columns.ContributionYears] = nextYears;
        }

        return (population, changed);
    }

    /// <summary>
    /// Per-person arrays the yearly step reuses from year to year (credits, carried-on accounts), at least as long as
    /// the year's persons: arrays of a new population each year would be new memory each year, which costs more than
    /// the arithmetic done in them.
    /// </summary>
    internal sealed class Buffers
    {
        private readonly Dictionary<string, double[]> _arrays = new(StringComparer.Ordinal);

        /// <summary>The buffer <paramref name="name"/>, at least <paramref name="length"/> long (grown by doubling), its values left from its last use.</summary>
        public double[] Get(string name, int length)
        {
            if (!_arrays.TryGetValue(name, out var array) || array.Length < length)
            {
                _arrays[name] = array = new double[Math.Max(length, 2 * (array?.Length ?? 0))];
            }

            return array;
        }
    }

    /// <summary>
    /// The output arrays of the yearly static runs, recycled from year to year: new memory every year (page faults,
    /// collections of the large-object heap) costs several times the writing of it. An array lent is at least as long as
    /// the rows asked for, its values left from its last use (the run writes or clears every row it reads; the rows
    /// beyond are never read).
    /// </summary>
    internal sealed class OutputArrays
    {
        private List<double[]> _free = [];
        private List<double[]> _lent = [];

        /// <summary>The shortest free array of at least <paramref name="rows"/> values, or a new one with room for a few years' growth.</summary>
        public double[] Rent(int rows)
        {
            int best = -1;
            for (int i = 0; i < _free.Count; i++)
            {
                if (_free[i].Length >= rows && (best < 0 || _free[i].Length < _free[best].Length))
                {
                    best = i;
                }
            }

            double[] array;
            if (best >= 0)
            {
                array = _free[best];
                _free[best] = _free[^1];
                _free.RemoveAt(_free.Count - 1);
            }
            else
            {
                array = GC.AllocateUninitializedArray<double>(rows + (rows / 32));
            }

            _lent.Add(array);
            return array;
        }

        /// <summary>Takes back every array lent since the last call, whose result is read no more; free arrays not taken since are let go.</summary>
        public void Reclaim()
        {
            (_free, _lent) = (_lent, _free);
            _lent.Clear();
        }
    }

    /// <summary>A crediting rate per region index (resolved once per region used; NaN for regions not in <paramref name="used"/>), so that the yearly pass over persons looks rates up by index.</summary>
    private static double[] RatesByRegion(Population population, ReadOnlySpan<RegionId> used, string parameter, ParameterStore parameters, DateOnly date)
    {
        var rates = new double[population.Regions.Count];
        Array.Fill(rates, double.NaN);
        var resolved = new bool[rates.Length];
        foreach (var r in used)
        {
            if (!resolved[r.Index])
            {
                resolved[r.Index] = true;
                rates[r.Index] = parameters.Resolve(parameter, date, r).Scalar();
            }
        }

        return rates;
    }

    private static ProjectionRow Summarise(SimulationResult result, int year, int replicate, PopulationDynamics.Flows flows, PensionFundAssumptions fund, Retirement.Awards awards, double[]? credits, HouseholdDynamics.Flows households, ProjectionOptions options, ref double reserve)
    {
        var population = result.Population;
        bool HasOutput(VariableDefinition d) => result.Variables.Any(x => x.Name == d.Name);
        bool employeeContributions = HasOutput(SocialInsuranceContributionsProgram.EmployeePension);
        bool employeeBenefit = HasOutput(EmployeePensionProgram.Benefit);
        bool residentBenefit = HasOutput(ResidentPensionProgram.Benefit);
        bool fundFlows = employeeContributions && employeeBenefit;

        // Every person sum of the table in one pass (exact sums, so that the indicators do not depend on row order).
        var sums = new PersonSums();
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        int Total(string name) => totals.TryGetValue(name, out int i) ? i : totals[name] = sums.Product(result.ValuesArray(name));
        var fiscal = result.Policy.Outputs.Where(o => (o.IsPublicSpending || o.IsPublicRevenue) && result.Definition(o.Name).Entity == Entity.Person).ToArray();
        foreach (var o in fiscal)
        {
            Total(o.Name);
        }

        if (fundFlows)
        {
            Total(EmployeePensionProgram.Benefit.Name);
            Total(SocialInsuranceContributionsProgram.EmployeePension.Name);
            Total(SocialInsuranceContributionsProgram.EmployerPension.Name);
        }

        int contributorsAt = employeeContributions ? sums.Count(result.ValuesArray(SocialInsuranceContributionsProgram.EmployeePension.Name)) : -1;
        int pensionersAt = employeeBenefit || residentBenefit
            ? sums.Count(result.ValuesArray((employeeBenefit ? EmployeePensionProgram.Benefit : ResidentPensionProgram.Benefit).Name), employeeBenefit && residentBenefit ? result.ValuesArray(ResidentPensionProgram.Benefit.Name) : null)
            : -1;
        int creditsAt = credits is not null && fundFlows ? sums.Product(credits) : -1;
        int accountPartAt = fundFlows && population.ExtraPersonColumns.Contains(ProjectionColumns.AccountPart.Name) ? sums.Product(population.DoubleColumn(ProjectionColumns.AccountPart.Name)) : -1;
        int employeeBalancesAt = population.ExtraPersonColumns.Contains(EmployeePensionNames.Columns.AccountBalance) ? sums.Product(population.DoubleColumn(EmployeePensionNames.Columns.AccountBalance)) : -1;
        int residentBalancesAt = population.ExtraPersonColumns.Contains(ResidentPensionNames.Columns.AccountBalance) ? sums.Product(population.DoubleColumn(ResidentPensionNames.Columns.AccountBalance)) : -1;
        int workersAt = sums.Count(population.WagesColumn);
        int wagesAt = sums.Product(population.WagesColumn);
        sums.Run(population, options.Simulation);
        double AnnualTotal(string name) => totals.TryGetValue(name, out int i) ? sums[i] * result.Definition(name).ToAnnualFactor : result.AnnualTotal(name);

        var females = sums.Females;
        var males = sums.Males;
        double Sum(int from, int to) => ExactSum.Sum([.. females[from..(to + 1)], .. males[from..(to + 1)]]);
        var v = new double[ProjectionIndicators.All.Count];
        void Set(string name, double value) => v[ProjectionIndicators.IndexOf(name)] = value;
        Set(ProjectionIndicators.Males, ExactSum.Sum(males));
        Set(ProjectionIndicators.Females, ExactSum.Sum(females));
        Set(ProjectionIndicators.Persons, ExactSum.Sum(males) + ExactSum.Sum(females));
        double young = Sum(0, 14), working = Sum(15, 64), old = Sum(65, 120);
        Set(ProjectionIndicators.Aged0To14, young);
        Set(ProjectionIndicators.Aged15To64, working);
        Set(ProjectionIndicators.Aged65Plus, old);
        Set(ProjectionIndicators.OldAgeDependency, working > 0 ? old / working : double.NaN);
        Set(ProjectionIndicators.Deaths, flows.Deaths[0] + flows.Deaths[1]);
        Set(ProjectionIndicators.Births, flows.Births[0] + flows.Births[1]);
        Set(ProjectionIndicators.Immigrants, flows.Immigrants[0] + flows.Immigrants[1]);
        Set(ProjectionIndicators.Emigrants, flows.Emigrants[0] + flows.Emigrants[1]);

        double contributors = contributorsAt >= 0 ? sums[contributorsAt] : double.NaN;
        double pensioners = pensionersAt >= 0 ? sums[pensionersAt] : double.NaN;
        Set(ProjectionIndicators.Contributors, contributors);
        Set(ProjectionIndicators.Pensioners, pensioners);
        Set(ProjectionIndicators.SystemDependency, contributors > 0 ? pensioners / contributors : double.NaN);
        Set(ProjectionIndicators.PublicSpending, result.PublicTotal(o => o.IsPublicSpending, AnnualTotal)); // = PublicSpendingAnnual, bit for bit
        Set(ProjectionIndicators.PublicRevenue, result.PublicTotal(o => o.IsPublicRevenue, AnnualTotal));

        double revenue = double.NaN, expenditure = double.NaN;
        if (fundFlows)
        {
            expenditure = AnnualTotal(EmployeePensionProgram.Benefit.Name);
            revenue = fund.Revenue(year, AnnualTotal(SocialInsuranceContributionsProgram.EmployeePension.Name), AnnualTotal(SocialInsuranceContributionsProgram.EmployerPension.Name), expenditure);
            reserve = fund.NextReserve(reserve, year, revenue, expenditure);
        }

        // The pooled part and the individual accounts, separately: account credits are the employees' account
        // contributions; account pensions the account part of pensions in payment (with the projector's retirement).
        double accountCredits = creditsAt >= 0 && !double.IsNaN(revenue) ? sums[creditsAt] : double.NaN;
        double accountPensions = accountPartAt >= 0 && !double.IsNaN(expenditure) ? 12 * sums[accountPartAt] : double.NaN;
        Set(ProjectionIndicators.FundAccountCredits, accountCredits);
        Set(ProjectionIndicators.FundPooledRevenue, revenue - accountCredits);
        Set(ProjectionIndicators.FundAccountExpenditure, accountPensions);
        Set(ProjectionIndicators.FundPooledExpenditure, expenditure - accountPensions);
        Set(ProjectionIndicators.EmployeeAccountBalances, employeeBalancesAt >= 0 ? sums[employeeBalancesAt] : double.NaN);
        Set(ProjectionIndicators.ResidentAccountBalances, residentBalancesAt >= 0 ? sums[residentBalancesAt] : double.NaN);
        double workers = sums[workersAt];
        Set(ProjectionIndicators.Workers, workers);
        Set(ProjectionIndicators.AverageWage, workers > 0 ? sums[wagesAt] / workers : double.NaN);
        Set(ProjectionIndicators.Households, ExactSum.Sum(population.Weight));
        Set(ProjectionIndicators.LeftHome, households.LeftHome);
        Set(ProjectionIndicators.Unions, households.Unions);
        Set(ProjectionIndicators.Widowed, households.Widowed);
        Set(ProjectionIndicators.FundRevenue, revenue);
        Set(ProjectionIndicators.FundExpenditure, expenditure);
        Set(ProjectionIndicators.FundReserve, double.IsNaN(revenue) ? double.NaN : reserve);

        double gini = double.NaN, poverty = double.NaN;
        var income = options.Inequality ? result.PerCapitaIncome(IncomeConcept.Disposable) : default;
        var weights = options.Inequality ? result.PersonWeights : default;
        if (options.Inequality && ExactSum.SumOfProducts(income, weights) > 0)
        {
            gini = Inequality.GiniOfHouseholds(result.HouseholdIncome(IncomeConcept.Disposable), population.Weight, population.MemberStart); // = Gini(income, weights), bit for bit
            double median = Quantiles.WeightedMedian(income, weights);
            poverty = median > 0 ? Poverty.HeadcountRatio(income, weights, 0.5 * median) : double.NaN;
        }

        Set(ProjectionIndicators.NewRetirees, awards.NewRetirees);
        Set(ProjectionIndicators.ReplacementRate, awards.ReplacementRate);
        Set(ProjectionIndicators.Gini, gini);
        Set(ProjectionIndicators.RelativePoverty, poverty);
        return new ProjectionRow(year, replicate, v, females, males);
    }
}
