using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.Simulation;

/// <summary>
/// Every output of the standard package over a seeded population of about 100,000 persons, hashed bit for bit: a
/// change to the engine, the run context, the household calculator or a rule kernel that is meant to be faster only
/// (docs/architecture.md#run-contexts) must leave every value as it was. The expected hash was recorded with the code
/// before the calculator's prepared-pass cache and the population-free dibao rules; if a rule's result is meant to
/// change, its own cases change first and this hash is recorded again, saying why in the commit.
/// </summary>
public class StandardPackageOutputHashTests
{
    private const string ExpectedHash = "B2FA30E87FACF03EF231ABC7A7530383399BF182F8849E5525C802A00B7E800D";
    private static readonly DateOnly Date = new(2024, 6, 30);
    private static readonly Lazy<(HouseholdRecord[] Households, PersonRecord[] Persons)> Records = new(() => Generate(35_000, seed: 20261130));
    private static readonly Lazy<Population> Sample = new(() => TestPopulations.Build(Records.Value.Households, Records.Value.Persons));

    [Fact]
    public void Every_output_of_the_standard_package_is_unchanged_bit_for_bit_whatever_the_threads_and_block_size()
    {
        var population = Sample.Value;
        population.PersonCount.Should().BeGreaterThan(90_000);
        var policy = Policies.Standard();
        var single = Hash(Microsimulation.Run(population, policy, ParameterStore.Default, Date, new SimulationOptions { MaxDegreeOfParallelism = 1, BlockSize = 997 }));
        using var context = new SimulationContext(population, policy, new SimulationOptions { BlockSize = 4_096 }).Run(ParameterStore.Default, Date);
        var parallel = Hash(context);
        parallel.Should().Be(single);
        single.Should().Be(ExpectedHash);
    }

    [Fact]
    public void The_household_calculator_gives_each_household_what_the_population_run_gives_it()
    {
        // One calculator for many households of several regions: passes prepared for one household serve the next.
        var (households, persons) = Records.Value;
        var policy = Policies.Standard();
        var calculator = new HouseholdCalculator(policy, ParameterStore.Default);
        var population = Sample.Value;
        var run = Microsimulation.Run(population, policy, ParameterStore.Default, Date);
        var members = persons.ToLookup(p => p.HouseholdId);
        var householdIndex = new Dictionary<long, int>();
        var personIndex = new Dictionary<long, int>();
        for (int i = 0; i < population.HouseholdCount; i++)
        {
            householdIndex[population.HouseholdId[i]] = i;
        }

        for (int i = 0; i < population.PersonCount; i++)
        {
            personIndex[population.PersonId[i]] = i;
        }

        for (int h = 0; h < 400; h++)
        {
            var household = households[h];
            var own = members[household.Id].ToArray();
            var result = calculator.Calculate(household, own, Date).Result;
            int index = householdIndex[household.Id];
            foreach (var output in policy.Outputs)
            {
                var expected = run.Values(output.Name);
                var actual = result.Values(output.Name);
                if (output.Entity == Entity.Household)
                {
                    BitConverter.DoubleToInt64Bits(actual[0]).Should().Be(BitConverter.DoubleToInt64Bits(expected[index]), $"{output.Name} of household {household.Id}");
                }
                else
                {
                    for (int m = 0; m < own.Length; m++)
                    {
                        int row = personIndex[own[m].Id];
                        BitConverter.DoubleToInt64Bits(actual[m]).Should().Be(BitConverter.DoubleToInt64Bits(expected[row]), $"{output.Name} of person {own[m].Id}");
                    }
                }
            }
        }
    }

    /// <summary>Households over every place the tests use, with the income chain's inputs (contracts, risk classes, bonuses, deductions, unemployment, injuries) drawn too.</summary>
    private static (HouseholdRecord[] Households, PersonRecord[] Persons) Generate(int count, int seed)
    {
        var random = new Random(seed);
        var households = new HouseholdRecord[count];
        var persons = new List<PersonRecord>();
        for (int h = 0; h < count; h++)
        {
            int size = 1 + random.Next(5);
            households[h] = new HouseholdRecord
            {
                Id = h + 1,
                Weight = 0.5 + (random.NextDouble() * 400),
                RegionCode = TestPopulations.Places[random.Next(TestPopulations.Places.Length)],
                Area = random.Next(2) == 0 ? AreaType.Urban : AreaType.Rural,
                FinancialAssets = random.Next(4) == 0 ? random.Next(200_000) : random.Next(20_000),
                HousingUnits = (byte)random.Next(3),
                HasNonEssentialVehicle = random.Next(10) == 0,
                Housing = (HousingCost)random.Next(3),
                CityClass = (CityClass)random.Next(3),
                WorkInjuryDeaths = random.Next(200) == 0 ? 1 : 0,
            };
            for (int m = 0; m < size; m++)
            {
                int age = random.Next(90);
                bool working = age is >= 16 and < 65 && random.Next(4) != 0;
                double wage = working ? Math.Round(Math.Exp(8.5 + (3 * random.NextDouble())), 2) : 0;
                int grade = working && random.Next(50) == 0 ? 1 + random.Next(10) : 0;
                int parents = random.Next(3);
                persons.Add(new PersonRecord
                {
                    Id = persons.Count + 1,
                    HouseholdId = h + 1,
                    Age = age,
                    Sex = (Sex)random.Next(2),
                    Hukou = (HukouType)random.Next(2),
                    Disability = random.Next(12) == 0 ? (DisabilityGrade)(1 + random.Next(4)) : DisabilityGrade.None,
                    SelfCare = random.Next(8) == 0 ? (SelfCareAbility)(1 + random.Next(2)) : SelfCareAbility.Able,
                    Employment = working ? (random.Next(5) == 0 ? EmploymentStatus.SelfEmployed : EmploymentStatus.Employee) : age >= 60 ? EmploymentStatus.Retired : EmploymentStatus.Inactive,
                    WagesAnnual = wage,
                    AnnualBonus = working && random.Next(4) == 0 ? Math.Round(wage * random.NextDouble() * 0.3, 2) : 0,
                    BusinessIncomeAnnual = random.Next(8) == 0 ? random.Next(-2_000, 400_000) : 0,
                    PropertyIncomeAnnual = random.Next(10) == 0 ? random.Next(50_000) : 0,
                    LabourRemunerationAnnual = random.Next(15) == 0 ? random.Next(80_000) : 0,
                    AuthorRemunerationAnnual = random.Next(60) == 0 ? random.Next(30_000) : 0,
                    RoyaltiesAnnual = random.Next(80) == 0 ? random.Next(30_000) : 0,
                    PensionIncomeAnnual = age >= 60 && random.Next(2) == 0 ? random.Next(60_000) : 0,
                    Contract = working ? (WorkContract)(1 + random.Next(3)) : WorkContract.None,
                    IndustryRiskClass = working ? 1 + random.Next(8) : 0,
                    MedicalScheme = (MedicalScheme)random.Next(4),
                    ParentsAged60Plus = parents,
                    ElderlyParentClaim = parents > 0 ? (ElderlyParentClaim)random.Next(3) : ElderlyParentClaim.None,
                    ContinuingEducation = random.Next(20) == 0 ? (ContinuingEducation)(1 + random.Next(2)) : ContinuingEducation.None,
                    UnemploymentInsuranceYears = working || random.Next(3) == 0 ? random.Next(30) : 0,
                    UnemploymentMonths = random.Next(25) == 0 ? random.Next(13) : 0,
                    WorkInjuryGrade = grade,
                    WorkInjuryAssessedThisYear = grade > 0 && random.Next(2) == 0,
                    WorkInjuryNursing = grade is > 0 and <= 4 ? (NursingDependency)random.Next(4) : NursingDependency.None,
                    WorkInjuryWageMonthly = grade > 0 ? Math.Round(wage / 12, 2) : 0,
                });
            }
        }

        return (households, persons.ToArray());
    }

    private static string Hash(SimulationResult result) => OutputHash.Of(result);
}
