using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.PopulationData;

public sealed class PopulationParquetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("population-parquet-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Write_then_read_reproduces_a_population_bit_for_bit_across_row_groups()
    {
        var population = WithExtras(SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 5_000 }));
        var (households, persons) = Paths("parquet");
        PopulationParquet.Write(population, households, persons, rowGroupSize: 777);

        var again = PopulationParquet.Read(households, persons);

        PopulationAssert.Identical(again, population);
        File.Exists(households + ".partial").Should().BeFalse("the temporary file is moved into place");
    }

    [Fact]
    public void Csv_and_parquet_convert_into_each_other_exactly()
    {
        var population = WithExtras(SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.InnerMongolia, Persons = 3_000, Seed = 5 }));
        var (csvHouseholds, csvPersons) = Paths("csv");
        var (pqHouseholds, pqPersons) = Paths("parquet");
        var mapping = new PopulationFileMapping
        {
            HouseholdExtras = new Dictionary<string, FieldMapping> { ["medical.bills_annual"] = new("medical.bills_annual") },
            PersonExtras = new Dictionary<string, FieldMapping> { ["pension.tier_annual"] = new("pension.tier_annual") },
            Columns = [Bills], // CSV files carry no declarations: the mapping gives them
        };

        PopulationCsv.Write(population, csvHouseholds, csvPersons);
        var fromCsv = PopulationCsv.Read(csvHouseholds, csvPersons, mapping);
        PopulationParquet.Write(fromCsv, pqHouseholds, pqPersons);
        var fromParquet = PopulationReader.Read(pqHouseholds, pqPersons, mapping);
        PopulationCsv.Write(fromParquet, csvHouseholds, csvPersons);
        var backToCsv = PopulationReader.Read(csvHouseholds, csvPersons, mapping);

        PopulationAssert.Identical(fromCsv, population);
        PopulationAssert.Identical(fromParquet, population);
        PopulationAssert.Identical(backToCsv, population);
    }

    /// <summary>A declared household amount (its declaration travels in Parquet metadata); the person column is added by name only.</summary>
    internal static readonly ColumnDefinition Bills = ColumnDefinition.Amount("medical.bills_annual", Entity.Household, AmountPeriod.Year, IncomeRole.None, "Medical bills");

    internal static SocialSecurity.Modeling.Core.Population WithExtras(SocialSecurity.Modeling.Core.Population population)
    {
        // Rebuild with awkward doubles (sub-normal, negative zero, many digits) in extra columns.
        var builder = new PopulationBuilder(population.Regions);
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            builder.AddHousehold(new HouseholdRecord
            {
                Id = population.HouseholdId[h],
                Weight = population.Weight[h],
                RegionCode = population.Regions[population.HouseholdRegion[h]].Code,
                Area = population.Area[h],
                FinancialAssets = population.FinancialAssets[h],
                HousingUnits = population.HousingUnits[h],
                HasNonEssentialVehicle = population.NonEssentialVehicle[h] == 1,
            });
        }

        for (int p = 0; p < population.PersonCount; p++)
        {
            builder.AddPerson(new PersonRecord
            {
                Id = population.PersonId[p],
                HouseholdId = population.HouseholdId[population.PersonHousehold[p]],
                Age = population.Age[p],
                Sex = population.Sex[p],
                Hukou = population.Hukou[p],
                HukouRegionCode = population.Regions[population.HukouRegion[p]].Code,
                Disability = (DisabilityGrade)(p % 5),
                SelfCare = (SelfCareAbility)(p % 3),
                Employment = population.Employment[p],
                WagesAnnual = population.WagesAnnual[p],
                BusinessIncomeAnnual = population.BusinessIncomeAnnual[p],
                PropertyIncomeAnnual = population.PropertyIncomeAnnual[p],
                PrivateTransfersAnnual = population.PrivateTransfersAnnual[p],
                PensionIncomeAnnual = population.PensionIncomeAnnual[p] + (p * Math.PI / 7),
            });
        }

        builder.AddColumn(Bills, Enumerable.Range(0, population.HouseholdCount).Select(h => h % 3 == 0 ? -0.0 : h / 3.0).ToArray());
        builder.AddPersonColumn("pension.tier_annual", Enumerable.Range(0, population.PersonCount).Select(p => p % 4 == 0 ? double.Epsilon * p : 1e300 / (p + 1)).ToArray());
        return builder.Build();
    }

    private (string Households, string Persons) Paths(string extension)
        => (Path.Combine(_directory, "households." + extension), Path.Combine(_directory, "persons." + extension));
}
