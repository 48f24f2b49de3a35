using System.Globalization;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Metrics;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Distributed;

public static partial class PartitionWorker
{
    /// <summary>Names of the exact sums of a projected year besides the program outputs (<see cref="ProjectionYearAggregate.SumNames"/>).</summary>
    internal static class YearSums
    {
        public const string Contributors = "contributors";
        public const string Pensioners = "pensioners";
        public const string FundEmployee = "fund.employee_contributions";
        public const string FundEmployer = "fund.employer_contributions";
        public const string FundExpenditure = "fund.expenditure";
        public const string AccountPensions = "fund.account_pensions";
        public const string EmployeeBalances = "employee_account_balances";
        public const string ResidentBalances = "resident_account_balances";
        public const string Workers = "workers";
        public const string Wages = "wages";
        public const string Households = "households";
        public const string Income = "income";
    }

    /// <summary>
    /// Loads the partition and runs the library's projector (<c>Projector.Run</c>) on it for the baseline and every
    /// reform of <paramref name="job"/>, reducing each projected year to exact, mergeable sums and a sorted income run.
    /// </summary>
    /// <param name="source">The partition.</param>
    /// <param name="job">The projection.</param>
    /// <param name="cancellationToken">Cancels the run between years.</param>
    /// <exception cref="PartitionFailedException">The partition cannot run (the message names the partition and the culprit).</exception>
    public static ProjectionAggregate RunProjection(PartitionSource source, ProjectionJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(job);
        return PartitionFailedException.Naming(source.Id, () => RunProjectionUnchecked(source, job, cancellationToken));
    }

    /// <summary>The seed of a partition's projection: the job's for file partitions (ids are the data set's), mixed with the region code for a synthetic one (ids from 1 in every region).</summary>
    internal static ulong ProjectionSeed(PartitionSource source, ulong seed)
        => source.IsFiles ? seed : seed ^ (0x9E3779B97F4A7C15UL * (ulong.Parse(source.SyntheticRegionCode!, CultureInfo.InvariantCulture) + 1));

    private static ProjectionAggregate RunProjectionUnchecked(PartitionSource source, ProjectionJob job, CancellationToken cancellationToken)
    {
        var policy = CreatePolicy(job.Policy);
        var parameterFiles = source.ParameterFiles ?? job.ParameterFiles;
        var (regions, baselineStore, catalogue) = Setup(source, job.RegionCatalogPath, parameterFiles);
        var reforms = job.Reforms.Select(json => Reform.Parse(json)).ToArray();
        var stores = new List<(string Name, ParameterStore Store)> { ("baseline", baselineStore) };
        stores.AddRange(reforms.Select(r => (r.Name, baselineStore.WithReform(r))));
        var start = new DateOnly(job.StartYear, 7, 1);
        var (population, _) = Load(source, policy, baselineStore, start, regions, 0);

        var years = new List<ProjectionYearAggregate>();
        for (int s = 0; s < stores.Count; s++)
        {
            var previous = new Dictionary<long, (Sex Sex, double Weight)>();
            int scenario = s;
            var options = new ProjectionOptions
            {
                StartYear = job.StartYear,
                EndYear = job.EndYear,
                Replicates = job.Replicates,
                Seed = ProjectionSeed(source, job.Seed),
                Mortality = job.Mortality,
                Fertility = job.Fertility,
                Retirement = job.Retirement ? RetirementAssumptions.Statutory : null,
                Households = job.Households,
                WorkingLives = false,
                NewbornIdsFromMothers = true,
                OnYear = year =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (year.Year == job.StartYear)
                    {
                        previous.Clear();
                    }

                    years.Add(ReduceYear(scenario, year, previous, first: year.Year == job.StartYear, job.SortedRunDirectory, source.Id));
                },
            };
            Projector.Run(population, policy, stores[s].Store, options, cancellationToken: cancellationToken);
        }

        var weightedPersons = new ExactSum();
        var size = new int[population.HouseholdCount];
        foreach (int h in population.PersonHousehold)
        {
            size[h]++;
        }

        for (int h = 0; h < size.Length; h++)
        {
            weightedPersons.Add(population.Weight[h] * size[h]);
        }

        string[] groups = [];
        if (job.Households)
        {
            var set = new SortedSet<string>(StringComparer.Ordinal);
            for (int h = 0; h < population.HouseholdCount; h++)
            {
                set.Add(string.Create(CultureInfo.InvariantCulture, $"{population.Regions[population.HouseholdRegion[h]].Code}|{population.Weight[h]:R}"));
            }

            groups = [.. set];
        }

        var ids = population.HouseholdId.ToArray();
        Array.Sort(ids);
        return new ProjectionAggregate
        {
            PartitionId = source.Id,
            RegionCatalogFingerprint = catalogue,
            ParametersFingerprint = ParametersFingerprint(parameterFiles, job.Reforms),
            IdSpace = source.IdSpace,
            HouseholdIds = ids,
            Persons = population.PersonCount,
            BaseWeightedPersons = weightedPersons.ToBytes(),
            MatchingGroups = groups,
            Scenarios = [.. stores.Select(x => x.Name)],
            Years = years,
        };
    }

    /// <summary>One projected year reduced to exact sums: the sums <c>Projector</c>'s yearly indicators are made of, and the sorted income run.</summary>
    private static ProjectionYearAggregate ReduceYear(int scenario, ProjectionYear year, Dictionary<long, (Sex Sex, double Weight)> previous, bool first, string? runDirectory, string partition)
    {
        var result = year.Result;
        var population = result.Population;
        var weights = result.PersonWeights.ToArray();
        var age = population.Age;
        var sex = population.Sex;
        var personIds = population.PersonId;
        var cells = new ExactSum?[2 * 121];
        for (int p = 0; p < age.Length; p++)
        {
            int cell = ((sex[p] == Sex.Male ? 1 : 0) * 121) + age[p];
            (cells[cell] ??= new ExactSum()).Add(weights[p]);
        }

        // Deaths and births between the run dates: who left last year's population, who joined this year's.
        ExactSum[] deaths = [new(), new()];
        ExactSum[] births = [new(), new()];
        var now = new HashSet<long>(personIds.Length);
        for (int p = 0; p < personIds.Length; p++)
        {
            now.Add(personIds[p]);
            if (!first && !previous.ContainsKey(personIds[p]))
            {
                births[sex[p] == Sex.Male ? 1 : 0].Add(weights[p]);
            }
        }

        foreach (var (id, (s, w)) in previous)
        {
            if (!now.Contains(id))
            {
                deaths[s == Sex.Male ? 1 : 0].Add(w);
            }
        }

        previous.Clear();
        for (int p = 0; p < personIds.Length; p++)
        {
            previous[personIds[p]] = (sex[p], weights[p]);
        }

        var outputs = result.Policy.Outputs.Where(o => o.Period != AmountPeriod.None).ToArray();
        var definitions = result.Variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        ExactSum Weighted(string name)
        {
            var values = result.Values(name);
            var w = definitions[name].Entity == Entity.Household ? population.Weight : weights;
            var sum = new ExactSum();
            for (int i = 0; i < values.Length; i++)
            {
                sum.AddProduct(values[i], w[i]);
            }

            return sum;
        }

        ExactSum Count(ReadOnlySpan<double> values)
        {
            var sum = new ExactSum();
            for (int p = 0; p < values.Length; p++)
            {
                if (values[p] > 0)
                {
                    sum.Add(weights[p]);
                }
            }

            return sum;
        }

        ExactSum Products(ReadOnlySpan<double> values)
        {
            var sum = new ExactSum();
            for (int p = 0; p < values.Length; p++)
            {
                sum.AddProduct(values[p], weights[p]);
            }

            return sum;
        }

        var names = new List<string>();
        var states = new List<byte[]>();
        var factors = new List<double>();
        void Put(string name, ExactSum sum, double factor = 1)
        {
            names.Add(name);
            states.Add(sum.ToBytes());
            factors.Add(factor);
        }

        bool Has(VariableDefinition d) => definitions.ContainsKey(d.Name);
        var extra = population.ExtraPersonColumns;
        if (Has(SocialInsuranceContributionsProgram.EmployeePension))
        {
            Put(YearSums.Contributors, Count(result.Values(SocialInsuranceContributionsProgram.EmployeePension.Name)));
        }

        if (Has(EmployeePensionProgram.Benefit) || Has(ResidentPensionProgram.Benefit))
        {
            var employee = Has(EmployeePensionProgram.Benefit) ? result.Values(EmployeePensionProgram.Benefit.Name) : default;
            var resident = Has(ResidentPensionProgram.Benefit) ? result.Values(ResidentPensionProgram.Benefit.Name) : default;
            var pensioners = new ExactSum();
            for (int p = 0; p < weights.Length; p++)
            {
                if ((!employee.IsEmpty && employee[p] > 0) || (!resident.IsEmpty && resident[p] > 0))
                {
                    pensioners.Add(weights[p]);
                }
            }

            Put(YearSums.Pensioners, pensioners);
        }

        if (Has(SocialInsuranceContributionsProgram.EmployeePension) && Has(EmployeePensionProgram.Benefit))
        {
            Put(YearSums.FundEmployee, Weighted(SocialInsuranceContributionsProgram.EmployeePension.Name), definitions[SocialInsuranceContributionsProgram.EmployeePension.Name].ToAnnualFactor);
            Put(YearSums.FundEmployer, Weighted(SocialInsuranceContributionsProgram.EmployerPension.Name), definitions[SocialInsuranceContributionsProgram.EmployerPension.Name].ToAnnualFactor);
            Put(YearSums.FundExpenditure, Weighted(EmployeePensionProgram.Benefit.Name), definitions[EmployeePensionProgram.Benefit.Name].ToAnnualFactor);
            if (extra.Contains(ProjectionColumns.AccountPart.Name))
            {
                Put(YearSums.AccountPensions, Products(population.ExtraPersonColumn(ProjectionColumns.AccountPart.Name)));
            }
        }

        if (extra.Contains(EmployeePensionNames.Columns.AccountBalance))
        {
            Put(YearSums.EmployeeBalances, Products(population.ExtraPersonColumn(EmployeePensionNames.Columns.AccountBalance)));
        }

        if (extra.Contains(ResidentPensionNames.Columns.AccountBalance))
        {
            Put(YearSums.ResidentBalances, Products(population.ExtraPersonColumn(ResidentPensionNames.Columns.AccountBalance)));
        }

        Put(YearSums.Workers, Count(population.WagesAnnual));
        Put(YearSums.Wages, Products(population.WagesAnnual));
        var households = new ExactSum();
        foreach (double w in population.Weight)
        {
            households.Add(w);
        }

        Put(YearSums.Households, households);
        var income = result.PerCapitaIncome(IncomeConcept.Disposable);
        Put(YearSums.Income, Products(income));
        var (sortedIncome, sortedWeight) = SortedPairs(income, weights);
        string? file = null;
        if (runDirectory is not null)
        {
            file = Path.Combine(runDirectory, string.Create(CultureInfo.InvariantCulture, $"{partition.Replace('/', '_')}-{year.Year}-{year.Replicate}-{scenario}-{Guid.NewGuid():N}-income.f64"));
            SortedRun.Write(file, sortedIncome, sortedWeight);
            sortedIncome = sortedWeight = [];
        }

        return new ProjectionYearAggregate
        {
            Scenario = scenario,
            Replicate = year.Replicate,
            Year = year.Year,
            Cells = [.. cells.Select(c => c?.ToBytes() ?? [])],
            Deaths = [.. deaths.Select(d => d.ToBytes())],
            Births = [.. births.Select(b => b.ToBytes())],
            Outputs = [.. outputs.Select(o => o.Name)],
            OutputKinds = [.. outputs.Select(o => (o.IsPublicSpending ? 1 : 0) | (o.IsPublicRevenue ? 2 : 0))],
            OutputFactors = [.. outputs.Select(o => o.ToAnnualFactor)],
            OutputSums = [.. outputs.Select(o => Weighted(o.Name).ToBytes())],
            SumNames = [.. names],
            SumStates = [.. states],
            SumFactors = [.. factors],
            SortedIncome = sortedIncome,
            SortedWeight = sortedWeight,
            SortedRows = income.Length,
            SortedRunFile = file,
        };
    }
}
