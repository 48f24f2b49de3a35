using System.Security.Cryptography;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.Projection;

/// <summary>
/// Pins the projection's results bit for bit while its yearly step is optimised (docs/projection.md#core-model): the
/// SHA-256 of the yearly table and of a per-person panel (sorted by person id, so independent of row order) of a
/// core-model and a standard-package projection on a small synthetic population. The digests were computed with the
/// projector before its yearly step worked in place; every draw is keyed by (seed, person id, year, replicate), so an
/// optimisation that changes no result keeps them.
/// </summary>
public class ProjectionPinTests
{
    private static readonly string[] Places = [RegionCodes.Hangzhou, RegionCodes.Lishui, RegionCodes.Nanjing, RegionCodes.Kashgar];

    /// <summary>Households of 1–5 (deterministic): ages 0–89, two in three adults of 22–64 employees with wages, employee-pension years and balances.</summary>
    private static Population People(int persons, int seed)
    {
        var random = new Random(seed);
        var builder = new PopulationBuilder();
        var years = new List<double>();
        var balance = new List<double>();
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
                    Contract = works ? (random.Next(4) == 0 ? WorkContract.Flexible : WorkContract.LabourContract) : WorkContract.None,
                    WagesAnnual = works ? Math.Exp(10 + random.NextDouble()) : 0,
                });
                double career = works ? age - 22 : 0;
                years.Add(career);
                balance.Add(career * 4_000);
            }

            householdId++;
        }

        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.ContributionYears, [.. years]);
        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.AccountBalance, [.. balance]);
        return builder.Build();
    }

    private static string Digest(Population population, Policy policy, ProjectionOptions options)
    {
        using var table = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var panel = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(IncrementalHash hash, double value) => hash.AppendData(BitConverter.GetBytes(BitConverter.DoubleToInt64Bits(value)));
        var outputs = policy.Outputs.OrderBy(o => o.Name, StringComparer.Ordinal).ToArray();
        var result = Projector.Run(population, policy, ParameterStore.Default, options with
        {
            OnYear = y =>
            {
                var p = y.Result.Population;
                var ids = p.PersonId.ToArray();
                var order = Enumerable.Range(0, ids.Length).OrderBy(i => ids[i]).ToArray();
                double[] households = [.. p.PersonHousehold.ToArray().Select(h => (double)p.HouseholdId[h])];
                double[] ages = [.. p.Age.ToArray().Select(a => (double)a)];
                double[] sexes = [.. p.Sex.ToArray().Select(s => (double)s)];
                List<double[]> columns = [households, ages, sexes, y.Result.PersonWeights.ToArray(), p.WagesAnnual.ToArray()];
                columns.AddRange(p.ExtraPersonColumns.Order(StringComparer.Ordinal).Select(c => p.ExtraPersonColumn(c).ToArray()));
                var household = p.PersonHousehold.ToArray();
                foreach (var output in outputs)
                {
                    var values = y.Result.Values(output.Name).ToArray();
                    columns.Add(output.Entity == Entity.Household ? [.. household.Select(h => values[h])] : values);
                }

                foreach (int i in order)
                {
                    Add(panel, ids[i]);
                    foreach (var column in columns)
                    {
                        Add(panel, column[i]);
                    }
                }
            },
        });
        foreach (var row in result.Rows)
        {
            Add(table, row.Year);
            Add(table, row.Replicate);
            foreach (var v in row.Values.Concat(row.FemalesByAge).Concat(row.MalesByAge))
            {
                Add(table, v);
            }
        }

        return Convert.ToHexString(table.GetHashAndReset())[..16] + "/" + Convert.ToHexString(panel.GetHashAndReset())[..16];
    }

    [Fact]
    public void The_core_model_is_pinned_bit_for_bit()
        => Digest(People(3_000, 7), Policy.Create(new SocialInsuranceContributionsProgram()), ProjectionOptions.CoreModel with { EndYear = 2045, Seed = 11, Inequality = true })
            .Should().Be("5E83992CB5AF06BF/73E6286CF12776B8");

    [Fact]
    public void The_standard_package_projection_with_households_working_lives_and_migration_is_pinned_bit_for_bit()
        => Digest(People(1_500, 8), Policies.Standard(), new ProjectionOptions { EndYear = 2036, Seed = 12, Replicates = 2, Migration = MigrationAssumptions.IllustrativeChina })
            .Should().Be("5E0BCD21C1D3FE72/CCD1A0A771BCA99D");

    [Fact]
    public void The_core_model_preset_leaves_out_only_the_gini_and_the_poverty_rate()
    {
        var people = People(800, 9);
        var policy = Policy.Create(new SocialInsuranceContributionsProgram());
        var options = ProjectionOptions.CoreModel with { EndYear = 2030 };
        options.Inequality.Should().BeFalse();
        var without = Projector.Run(people, policy, ParameterStore.Default, options);
        var with = Projector.Run(people, policy, ParameterStore.Default, options with { Inequality = true });
        string[] skipped = [ProjectionIndicators.Gini, ProjectionIndicators.RelativePoverty];
        for (int r = 0; r < with.Rows.Count; r++)
        {
            foreach (var indicator in ProjectionIndicators.All)
            {
                if (skipped.Contains(indicator))
                {
                    without.Rows[r][indicator].Should().Be(double.NaN);
                    with.Rows[r][indicator].Should().BeInRange(0.01, 0.99, "{0} is computed when asked", indicator);
                }
                else
                {
                    BitConverter.DoubleToInt64Bits(without.Rows[r][indicator]).Should().Be(BitConverter.DoubleToInt64Bits(with.Rows[r][indicator]), "{0} in {1}", indicator, with.Rows[r].Year);
                }
            }
        }
    }
}
