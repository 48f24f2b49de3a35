using SocialSecurity.Modeling.Randomness;
using BenchmarkDotNet.Attributes;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Health;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Benchmarks.Health;

/// <summary>
/// The full medical pipeline over one million persons with bills simulated by the illustrative two-part model:
/// every layer and the household cap through <see cref="Microsimulation"/>, and two Monte Carlo replicates of
/// <see cref="HealthShockSimulation"/>. Also the per-claim primitive, to show it does not allocate.
/// </summary>
[MemoryDiagnoser]
public class MedicalPipelineBenchmarks
{
    private global::SocialSecurity.Modeling.Core.Population _population = null!;
    private Policy _policy = null!;
    private HealthShockSimulation _shocks = null!;
    private MedicalPayoutSchedule _schedule;
    private MedicalClaim _claim;

    /// <summary>Persons in the population.</summary>
    [Params(1_000_000)]
    public int Persons { get; set; }

    /// <summary>Builds the population (about 3 persons per household, the four study provinces) and its simulated bills.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2024);
        string[] regions = [RegionCodes.Hangzhou, RegionCodes.Yunhe, RegionCodes.Wuxi, RegionCodes.Yangzhou, RegionCodes.Kashgar, RegionCodes.Ulanqab, RegionCodes.Baotou];
        var builder = new PopulationBuilder(expectedPersons: Persons, expectedHouseholds: Persons / 3);
        var within = new double[Persons];
        var outside = new double[Persons];
        var level = new double[Persons];
        var admissions = new double[Persons];
        var group = new double[Persons];
        var enrolled = new double[Persons];
        var model = HealthSpendingModel.Illustrative;
        var streams = new RandomStream(1, "medical.spending");
        int p = 0;
        for (long h = 1; p < Persons; h++)
        {
            builder.AddHousehold(new HouseholdRecord { Id = h, Weight = 1, RegionCode = regions[random.Next(regions.Length)], Area = random.Next(2) == 0 ? AreaType.Urban : AreaType.Rural });
            int n = Math.Min(Persons - p, 1 + random.Next(5));
            double g = random.Next(20) switch { 0 => 1, 1 => 2, 2 => 3, 3 => 4, _ => 0 };
            for (int i = 0; i < n; i++, p++)
            {
                var person = new PersonRecord { Id = p + 1, HouseholdId = h, Age = random.Next(95), Sex = (Sex)random.Next(2), Hukou = (HukouType)random.Next(2), WagesAnnual = random.Next(0, 90_000) };
                builder.AddPerson(person);
                var stream = streams.Sequence(person.Id);
                var claim = model.Draw(ref stream, person.Age, person.Sex, person.Hukou);
                within[p] = (double)claim.WithinPolicy;
                outside[p] = (double)claim.OutOfPolicy;
                level[p] = (double)claim.Level;
                admissions[p] = claim.Admissions;
                group[p] = g;
                enrolled[p] = random.Next(2);
            }
        }

        builder.AddPersonColumn(MedicalPayoutProgram.WithinPolicyBillColumn, within)
            .AddPersonColumn(MedicalPayoutProgram.OutOfPolicyBillColumn, outside)
            .AddPersonColumn(MedicalPayoutProgram.HospitalLevelColumn, level)
            .AddPersonColumn(MedicalPayoutProgram.AdmissionsColumn, admissions)
            .AddPersonColumn(MedicalAssistanceGroupProgram.ObservedGroupColumn, group)
            .AddPersonColumn(MedicalPayoutProgram.InclusiveCommercialEnrolledColumn, enrolled);
        _population = builder.Build();
        _policy = MedicalPayoutProgram.CreatePolicyWithObservedGroups();
        _shocks = new HealthShockSimulation(model, ParameterStore.Default, [MedicalAssistanceGroupProgram.Observed()]);
        _schedule = new MedicalPayoutSchedule(
            new BasicMedicalInsuranceTerms(200, 500, 1_200, 100, CoinsuranceBands.Create([0, 30_000, 70_000, 200_000], [0.65, 0.70, 0.75, 0.80]), 160_000),
            new CatastrophicIllnessTerms(14_000, CoinsuranceBands.Flat(0.6), 500_000),
            new CatastrophicIllnessTerms(7_000, CoinsuranceBands.Flat(0.65), null),
            default, MedicalAssistanceSchedule.Single(new MedicalAssistanceTerms(0, 0.7, 100_000)), default, default, default, default, 0.9);
        _claim = new MedicalClaim(90_000, 10_000);
    }

    /// <summary>Every layer for every person, with the household cap, through the program engine.</summary>
    [Benchmark]
    public SimulationResult PayoutProgram() => Microsimulation.Run(_population, _policy, ParameterStore.Default, new DateOnly(2024, 6, 30));

    /// <summary>Two Monte Carlo replicates: draw bills, run the layers, measure catastrophic expenditure.</summary>
    [Benchmark]
    public HealthShockResult HealthShocksTwoReplicates() => _shocks.Run(_population, new DateOnly(2024, 6, 30), new HealthShockOptions { Seed = 7, Replicates = 2 });

    /// <summary>One claim through the layers (worked example 14): should not allocate.</summary>
    [Benchmark]
    public double SingleClaim() => _schedule.Compute(_claim, AssistanceGroup.Dibao).OutOfPocket;
}
