using BenchmarkDotNet.Attributes;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs;

namespace SocialSecurity.Modeling.Benchmarks.Pensions;

/// <summary>
/// The employee-pension pass (with the social-insurance contributions it is composed with) over one million persons (about 400,000 households in five regions of the four
/// provinces), alone and composed with the resident pension and dibao. Run with
/// <c>dotnet run -c Release --project benchmarks/SocialSecurity.Modeling.Benchmarks -- --filter '*EmployeePension*'</c>.
/// </summary>
[MemoryDiagnoser]
public class EmployeePensionBenchmark
{
    private static readonly string[] Regions = [RegionCodes.Hangzhou, RegionCodes.Wuxi, RegionCodes.Yangzhou, RegionCodes.Kashgar, RegionCodes.Hohhot];
    private static readonly EmploymentStatus[] Statuses = [EmploymentStatus.Employee, EmploymentStatus.Employee, EmploymentStatus.SelfEmployed, EmploymentStatus.Retired, EmploymentStatus.Inactive, EmploymentStatus.Agricultural];

    private global::SocialSecurity.Modeling.Core.Population _population = null!;
    private Policy _employeeOnly = null!;
    private Policy _bothWithDibao = null!;
    private readonly DateOnly _date = new(2023, 7, 1);

    /// <summary>The number of persons.</summary>
    [Params(1_000_000)]
    public int Persons { get; set; }

    /// <summary>Builds the population once (deterministic seed) and the policies.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20_230_701);
        var builder = new PopulationBuilder(expectedPersons: Persons, expectedHouseholds: Persons / 2);
        var years = new double[Persons];
        var index = new double[Persons];
        var balance = new double[Persons];
        var retirement = new double[Persons];
        var zeros = new double[Persons];
        int person = 0;
        long household = 0;
        while (person < Persons)
        {
            household++;
            builder.AddHousehold(new HouseholdRecord { Id = household, Weight = 50, RegionCode = Regions[random.Next(Regions.Length)], Area = AreaType.Urban });
            int size = Math.Min(1 + random.Next(4), Persons - person);
            for (int i = 0; i < size; i++, person++)
            {
                var status = Statuses[random.Next(Statuses.Length)];
                bool insured = random.NextDouble() < 0.7;
                builder.AddPerson(new PersonRecord
                {
                    Id = person + 1,
                    HouseholdId = household,
                    Age = random.Next(16, 95),
                    Sex = random.Next(2) == 0 ? Sex.Female : Sex.Male,
                    Employment = status,
                    WagesAnnual = status == EmploymentStatus.Employee ? random.Next(0, 400_000) : 0,
                    BusinessIncomeAnnual = status == EmploymentStatus.SelfEmployed ? random.Next(0, 200_000) : 0,
                    Contract = !insured ? WorkContract.None : status switch
                    {
                        EmploymentStatus.Employee => WorkContract.LabourContract,
                        EmploymentStatus.SelfEmployed => WorkContract.Flexible,
                        _ => WorkContract.None,
                    },
                });
                years[person] = random.Next(0, 45);
                index[person] = 0.6 + random.NextDouble() * 2.4;
                balance[person] = random.NextDouble() * 400_000;
                retirement[person] = random.NextDouble() < 0.8 ? 0 : random.Next(45, 66);
            }
        }

        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.ContributionYears, years);
        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.ContributionIndex, index);
        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.AccountBalance, balance);
        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.RetirementAge, retirement);
        // Nobody in the resident scheme: the composed run measures the employee pass plus dibao.
        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.TierAnnual, zeros);
        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.ContributionYears, zeros);
        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.AccountBalance, zeros);
        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.DibaoRecipient, zeros);
        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.Destitute, zeros);
        _population = builder.Build();
        _employeeOnly = PensionPolicies.EmployeePensionOnly();
        _bothWithDibao = PensionPolicies.WithEmployeeAndResidentPensions();
    }

    /// <summary>The employee-pension program alone over the population.</summary>
    [Benchmark(Baseline = true)]
    public double EmployeePension()
        => Microsimulation.Run(_population, _employeeOnly, ParameterStore.Default, _date).AnnualTotal(EmployeePensionProgram.Benefit.Name);

    /// <summary>Both pensions followed by dibao, whose income test counts both simulated pensions.</summary>
    [Benchmark]
    public double BothPensionsThenDibao()
        => Microsimulation.Run(_population, _bothWithDibao, ParameterStore.Default, _date).AnnualTotal(EmployeePensionProgram.Benefit.Name);
}
