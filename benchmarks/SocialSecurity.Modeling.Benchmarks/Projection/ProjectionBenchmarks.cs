using BenchmarkDotNet.Attributes;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Benchmarks.Projection;

/// <summary>
/// Multi-year projections of 1 M persons over 36 years, 2025–2060 (issue 16's performance goals; a peer, LIAM2, runs
/// its core demographic model for 1 M persons over 36 years in 5.3 s and 266 MiB). <c>CoreModel</c>: the core model
/// (<see cref="ProjectionOptions.CoreModel"/>: ageing, deaths by age and sex, births by age, wages growing with rank
/// persistence, work stopping at a fixed age, employee-pension accounts credited from contributions; household change
/// and the static package off), goal ≤ 1 s. <c>StandardPackage</c>: the default projection (household change,
/// working lives, retirement and pensions in payment) with the standard package, taxes and both pensions simulated
/// every year (<see cref="Policies.StandardWithPensions"/>, on the same persons with the pension columns), goal ≤ 10 s.
/// The population is built once per benchmark (not timed); in a dry run (<see cref="Program.DryRunVariable"/>) it has
/// 20,000 persons.
/// </summary>
[MemoryDiagnoser]
public class ProjectionBenchmarks
{
    private static readonly double[] ResidentTiers = [200, 500, 1000, 2000];
    private static readonly string[] Places = [RegionCodes.Hangzhou, RegionCodes.Lishui, RegionCodes.Nanjing, RegionCodes.Yangzhou, RegionCodes.Kashgar, RegionCodes.Hohhot];
    private Population _population = null!;
    private Policy _contributions = null!;
    private Policy _standard = null!;

    /// <summary>1 M persons, or 20,000 in a dry run.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Persons { get; set; }

    /// <summary>The population sizes.</summary>
    public static IEnumerable<int> Sizes => Environment.GetEnvironmentVariable(Program.DryRunVariable) == "1" ? [20_000] : [1_000_000];

    /// <summary>The core model's base population (<see cref="Create"/>) and policy, built once.</summary>
    [GlobalSetup(Target = nameof(CoreModel))]
    public void SetupCore()
    {
        _population = Create(Persons);
        _contributions = Policy.Create(new SocialInsuranceContributionsProgram());
        Report();
    }

    /// <summary>The standard package's base population, with the pension columns (<see cref="Create"/>), and policy, built once.</summary>
    [GlobalSetup(Target = nameof(StandardPackage))]
    public void SetupStandard()
    {
        _population = Create(Persons, pensions: true);
        _standard = Policies.StandardWithPensions();
        Report();
    }

    private void Report()
    {
        Console.WriteLine($"// population: {_population.PersonCount:N0} persons, {_population.HouseholdCount:N0} households, {(double)_population.ResidentBytes / _population.PersonCount:F1} bytes per person resident");
    }

    /// <summary>The core demographic model, 2025–2060.</summary>
    [Benchmark]
    public double CoreModel()
        => Projector.Run(_population, _contributions, ParameterStore.Default, ProjectionOptions.CoreModel).Row(2060)[ProjectionIndicators.Persons];

    /// <summary>The standard package with taxes and both pensions every year, 2025–2060, default projection options.</summary>
    [Benchmark]
    public double StandardPackage()
        => Projector.Run(_population, _standard, ParameterStore.Default, new ProjectionOptions()).Row(2060)[ProjectionIndicators.Persons];

    /// <summary>
    /// A base population of <paramref name="persons"/> persons in households of 1–5 (deterministic): ages 0–89, both
    /// sexes, two in three adults of 22–64 employees with a labour contract and wages, with employee-pension
    /// contribution years and account balances growing with age. With <paramref name="pensions"/>, also the remaining
    /// columns of both pensions (<see cref="Policies.StandardWithPensions"/>), derived from the same draws, so the
    /// persons are the same: employees' contribution index 1 and the statutory retirement age; every other person of
    /// 16–59 a resident-pension contributor at one of four tiers (by id) with years and a balance growing with age.
    /// </summary>
    public static Population Create(int persons, int seed = 1, bool pensions = false)
    {
        var random = new Random(seed);
        var builder = new PopulationBuilder(expectedPersons: persons + 5, expectedHouseholds: (persons / 3) + 1);
        var years = new List<double>(persons);
        var balance = new List<double>(persons);
        var index = new List<double>(persons);
        var residentTier = new List<double>(persons);
        var residentYears = new List<double>(persons);
        var residentBalance = new List<double>(persons);
        long personId = 1, householdId = 1;
        while (personId <= persons)
        {
            builder.AddHousehold(new HouseholdRecord
            {
                Id = householdId,
                Weight = 100 + random.Next(100),
                RegionCode = Places[random.Next(Places.Length)],
                Area = (AreaType)random.Next(2),
                FinancialAssets = random.Next(50_000),
                HousingUnits = (byte)random.Next(2),
            });
            int size = 1 + random.Next(5);
            for (int m = 0; m < size && personId <= persons; m++)
            {
                int age = random.Next(90);
                bool works = age is >= 22 and < 65 && random.Next(3) != 0;
                builder.AddPerson(new PersonRecord
                {
                    Id = personId++,
                    HouseholdId = householdId,
                    Age = age,
                    Sex = (Sex)random.Next(2),
                    Employment = works ? EmploymentStatus.Employee : EmploymentStatus.Inactive,
                    Contract = works ? WorkContract.LabourContract : WorkContract.None,
                    WagesAnnual = works ? Math.Exp(10 + (1.0 * random.NextDouble())) : 0,
                });
                double career = works ? age - 22 : 0;
                years.Add(career);
                balance.Add(career * 4_000);
                index.Add(works ? 1 : 0);
                bool resident = !works && age is >= 16 and < 60;
                double residentCareer = resident ? Math.Min(age - 16, 15) : 0;
                residentTier.Add(resident ? ResidentTiers[personId % ResidentTiers.Length] : 0);
                residentYears.Add(residentCareer);
                residentBalance.Add(residentCareer * 300);
            }

            householdId++;
        }

        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.ContributionYears, [.. years]);
        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.AccountBalance, [.. balance]);
        if (pensions)
        {
            builder.AddColumn(EmployeePensionNames.ColumnDefinitions.ContributionIndex, [.. index]);
            builder.AddColumn(EmployeePensionNames.ColumnDefinitions.RetirementAge, new double[years.Count]);
            builder.AddColumn(ResidentPensionNames.ColumnDefinitions.TierAnnual, [.. residentTier]);
            builder.AddColumn(ResidentPensionNames.ColumnDefinitions.ContributionYears, [.. residentYears]);
            builder.AddColumn(ResidentPensionNames.ColumnDefinitions.AccountBalance, [.. residentBalance]);
            builder.AddColumn(ResidentPensionNames.ColumnDefinitions.DibaoRecipient, new double[years.Count]);
            builder.AddColumn(ResidentPensionNames.ColumnDefinitions.Destitute, new double[years.Count]);
        }

        return builder.Build();
    }
}
