using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Populations.Uprating;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.PopulationData;

public class IncomeUpratingTests
{
    private static readonly DateOnly Y2022 = new(2022, 1, 1);
    private static readonly DateOnly Y2023 = new(2023, 1, 1);
    private static readonly DateOnly Y2024 = new(2024, 1, 1);

    private static IncomeUprating WagesAndPensions() => new(
        new Dictionary<IncomeSource, IReadOnlyList<GrowthIndexPoint>>
        {
            [IncomeSource.Wages] = [new(Y2022, 100, Provenance.Illustrative, "test"), new(Y2023, 105, Provenance.Illustrative, "test"), new(Y2024, 110.25, Provenance.Illustrative, "test")],
            [IncomeSource.Pensions] = [new(Y2022, 1, Provenance.Illustrative, "test"), new(Y2024, 1.03, Provenance.Illustrative, "test")],
        },
        "test");

    [Fact]
    public void Factor_is_the_ratio_of_step_levels_and_sources_without_index_stay()
    {
        var uprating = WagesAndPensions();
        uprating.Factor(IncomeSource.Wages, Y2022, Y2024).Should().BeApproximately(1.1025, 1e-12);
        uprating.Factor(IncomeSource.Wages, new DateOnly(2022, 6, 30), new DateOnly(2023, 12, 31)).Should().BeApproximately(1.05, 1e-12, "the level holds until the next point");
        uprating.Factor(IncomeSource.Wages, Y2024, Y2022).Should().BeApproximately(1 / 1.1025, 1e-12, "moving back divides");
        uprating.Factor(IncomeSource.Pensions, Y2022, Y2023).Should().Be(1);
        uprating.Factor(IncomeSource.PropertyIncome, Y2022, Y2024).Should().Be(1);
        uprating.Sources.Should().Equal(IncomeSource.Wages, IncomeSource.Pensions);
        var early = () => uprating.Factor(IncomeSource.Wages, new DateOnly(2021, 1, 1), Y2023);
        early.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*starts on 2022-01-01*");
    }

    [Fact]
    public void Apply_scales_each_income_source_by_its_own_factor()
    {
        var builder = new PopulationBuilder();
        builder.AddHousehold(new HouseholdRecord { Id = 1, Weight = 10, RegionCode = RegionCodes.Hangzhou, FinancialAssets = 1_000 });
        builder.AddPerson(new PersonRecord { Id = 1, HouseholdId = 1, Age = 40, WagesAnnual = 40_000, PropertyIncomeAnnual = 500 });
        builder.AddPerson(new PersonRecord { Id = 2, HouseholdId = 1, Age = 70, PensionIncomeAnnual = 30_000 });
        var population = builder.Build();

        var uprated = WagesAndPensions().Apply(population, Y2022, Y2024);

        uprated.WagesAnnual.ToArray().Should().Equal(44_100, 0);
        uprated.PensionIncomeAnnual[1].Should().BeApproximately(30_900, 1e-9);
        uprated.PropertyIncomeAnnual[0].Should().Be(500);
        uprated.FinancialAssets[0].Should().Be(1_000);
        uprated.Weight.ToArray().Should().Equal(population.Weight.ToArray());
        population.WagesAnnual[0].Should().Be(40_000, "the original population is unchanged");
    }

    [Fact]
    public void Loads_from_json_and_reports_malformed_points_with_their_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"uprating-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, """
                { "description": "demo", "series": { "business_income": [
                    { "date": "2022-01-01", "level": 100, "provenance": "I", "source": "demo" },
                    { "date": "2023-01-01", "level": 104, "provenance": "I", "source": "demo" } ] } }
                """);
            IncomeUprating.Load(path).Factor(IncomeSource.BusinessIncome, Y2022, Y2023).Should().BeApproximately(1.04, 1e-12);

            File.WriteAllText(path, """
                { "series": { "business_income": [
                    { "date": "2023-01-01", "level": 100, "provenance": "I", "source": "demo" },
                    { "date": "2022-01-01", "level": 104, "provenance": "I", "source": "demo" } ] } }
                """);
            var disordered = () => IncomeUprating.Load(path);
            disordered.Should().Throw<DataFormatException>().WithMessage("*$.series.business_income[1].date: dates must increase strictly*");

            File.WriteAllText(path, """{ "series": { "salary": [] } }""");
            var unknown = () => IncomeUprating.Load(path);
            unknown.Should().Throw<DataFormatException>().WithMessage("*$.series.salary: unknown property*wages*");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
