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
/// The resident-pension pass over one million persons (about 400,000 households in five regions of the four
/// provinces), alone and composed with dibao. Run with
/// <c>dotnet run -c Release --project benchmarks/SocialSecurity.Modeling.Benchmarks -- --filter '*ResidentPension*'</c>.
/// </summary>
[MemoryDiagnoser]
public class ResidentPensionBenchmark
{
    private static readonly string[] Regions = [RegionCodes.Hangzhou, RegionCodes.Wuxi, RegionCodes.Yangzhou, RegionCodes.Kashgar, RegionCodes.Hohhot];
    private static readonly double[] Tiers = [0, 0, 100, 200, 300, 500, 1000, 2000, 3500];

    private global::SocialSecurity.Modeling.Core.Population _population = null!;
    private Policy _pensionOnly = null!;
    private Policy _withDibao = null!;
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
        var tier = new double[Persons];
        var years = new double[Persons];
        var balance = new double[Persons];
        var dibao = new double[Persons];
        var destitute = new double[Persons];
        int person = 0;
        long household = 0;
        while (person < Persons)
        {
            household++;
            builder.AddHousehold(new HouseholdRecord { Id = household, Weight = 50, RegionCode = Regions[random.Next(Regions.Length)], Area = random.Next(2) == 0 ? AreaType.Rural : AreaType.Urban });
            int size = Math.Min(1 + random.Next(4), Persons - person);
            for (int i = 0; i < size; i++, person++)
            {
                builder.AddPerson(new PersonRecord { Id = person + 1, HouseholdId = household, Age = random.Next(0, 95), WagesAnnual = random.Next(0, 60_000) });
                tier[person] = Tiers[random.Next(Tiers.Length)];
                years[person] = random.Next(0, 30);
                balance[person] = random.NextDouble() * 30_000;
                double status = random.NextDouble();
                dibao[person] = status < 0.05 ? 1 : 0;
                destitute[person] = status > 0.99 ? 1 : 0;
            }
        }

        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.TierAnnual, tier);
        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.ContributionYears, years);
        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.AccountBalance, balance);
        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.DibaoRecipient, dibao);
        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.Destitute, destitute);
        _population = builder.Build();
        _pensionOnly = PensionPolicies.ResidentPensionOnly();
        _withDibao = PensionPolicies.WithResidentPension();
    }

    /// <summary>The resident-pension program alone over the population.</summary>
    [Benchmark(Baseline = true)]
    public double ResidentPension()
        => Microsimulation.Run(_population, _pensionOnly, ParameterStore.Default, _date).AnnualTotal(ResidentPensionProgram.Benefit.Name);

    /// <summary>The resident pension followed by dibao, whose income test counts the simulated pension.</summary>
    [Benchmark]
    public double ResidentPensionThenDibao()
        => Microsimulation.Run(_population, _withDibao, ParameterStore.Default, _date).AnnualTotal(ResidentPensionProgram.Benefit.Name);
}
