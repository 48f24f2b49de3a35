using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Programs.Tax;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.Projection;

/// <summary>Lifetime redistribution of a projected cohort (docs/projection.md#lifetime), against hand arithmetic.</summary>
public class ProjectionLifetimeTests
{
    /// <summary>
    /// Four one-person households of weight 1 in Hangzhou, born in January: A (40) earns 200,000 a year, B (35) 80,000,
    /// C (70) has a pension of 24,000 a year from the data, D (95, outside the cohort) a pension of 30,000; nobody contributes.
    /// </summary>
    private static Population Four()
    {
        var builder = new PopulationBuilder();
        (int Age, double Wages, double Pension)[] people = [(40, 200_000, 0), (35, 80_000, 0), (70, 0, 24_000), (95, 0, 30_000)];
        var years = new List<double>();
        for (int i = 0; i < people.Length; i++)
        {
            builder.AddHousehold(new HouseholdRecord { Id = i + 1, Weight = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban });
            builder.AddPerson(new PersonRecord { Id = i + 1, HouseholdId = i + 1, Age = people[i].Age, Sex = Sex.Male, Hukou = HukouType.Urban, WagesAnnual = people[i].Wages, PensionIncomeAnnual = people[i].Pension });
            years.Add(2025 - people[i].Age);
        }

        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthYear, [.. years]);
        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthMonth, [.. years.Select(_ => 1.0)]);
        // No social insurance: the tax reads zero employee contributions (columns without an income role).
        foreach (var name in new[] { "social_insurance.employee_pension_annual", "social_insurance.employee_medical_annual", "social_insurance.employee_unemployment_annual", "housing_fund.employee_annual" })
        {
            builder.AddColumn(ColumnDefinition.Amount(name, Entity.Person, AmountPeriod.Year, IncomeRole.None, "No contribution (test)"), new double[people.Length]);
        }

        return builder.Build();
    }

    /// <summary>The Gini or concentration coefficient by the midpoint-rank formula for weights 1, values listed in the ranking's order.</summary>
    private static double Concentration(params double[] inRankOrder)
    {
        double s = 0;
        for (int i = 0; i < inRankOrder.Length; i++)
        {
            s += inRankOrder[i] * (i + 0.5);
        }

        return (2 * s / (inRankOrder.Length * inRankOrder.Sum())) - 1;
    }

    [Fact]
    public void Three_persons_over_three_years_match_hand_arithmetic()
    {
        var options = new ProjectionOptions
        {
            StartYear = 2025,
            EndYear = 2027,
            Mortality = false,
            Fertility = false,
            WorkingLives = false,
            Households = false,
            LifetimeCohort = new LifetimeCohort(1940, 2010),
        };
        var result = Projector.Run(Four(), Policy.Create(new IncomeTaxProgram()), ParameterStore.Default, options);

        // Income tax (docs/rules/income_tax.md): taxable = wages − 60,000; 3% to 36,000, 10% to 144,000.
        // A: 140,000 taxable → 36,000 × 3% + 104,000 × 10% = 11,480; B: 20,000 × 3% = 600.
        // Discount 3% [I]: three years count 1 + 1/1.03 + 1/1.03².
        double f = 1 + (1 / 1.03) + (1 / (1.03 * 1.03));
        var lifetime = result.Lifetime!;
        lifetime.Indices.Should().ContainSingle();
        var indices = lifetime.Indices[0];
        indices.Persons.Should().Be(3, "D, born 1930, is outside the cohort");

        // Ranked by lifetime market income: C (0), B (80,000 f), A (200,000 f); one-person households each hold one tenth
        // of ten: C at cumulative weight 0 in decile 1, B at 1/3 in decile 4, A at 2/3 in decile 7.
        var deciles = lifetime.Deciles.ToDictionary(d => d.Decile);
        deciles.Should().HaveCount(10);
        var (c, b, a) = (deciles[1], deciles[4], deciles[7]);
        c.Persons.Should().Be(1);
        c.MarketIncome.Should().Be(0);
        c.Benefits.Should().BeApproximately(24_000 * f, 1e-6);
        c.NetTransfers.Should().BeApproximately(24_000 * f, 1e-6);
        b.MarketIncome.Should().BeApproximately(80_000 * f, 1e-6);
        b.ContributionsAndTaxes.Should().BeApproximately(600 * f, 1e-6);
        b.DisposableIncome.Should().BeApproximately(79_400 * f, 1e-6);
        a.MarketIncome.Should().BeApproximately(200_000 * f, 1e-6);
        a.ContributionsAndTaxes.Should().BeApproximately(11_480 * f, 1e-6);
        a.NetTransfers.Should().BeApproximately(-11_480 * f, 1e-6);
        a.DisposableIncome.Should().BeApproximately(188_520 * f, 1e-6);
        deciles[2].Persons.Should().Be(0);

        // Midpoint-rank coefficients, persons in the order C, B, A (the common factor f cancels).
        double giniMarket = Concentration(0, 80_000, 200_000); // 2 × 620,000 ÷ (3 × 280,000) − 1 = 0.47619
        double giniDisposable = Concentration(24_000, 79_400, 188_520);
        double taxConcentration = Concentration(0, 600, 11_480);
        double benefitConcentration = Concentration(24_000, 0, 0);
        giniMarket.Should().BeApproximately(0.476190, 1e-6);
        indices.GiniMarket.Should().BeApproximately(giniMarket, 1e-12);
        indices.GiniDisposable.Should().BeApproximately(giniDisposable, 1e-12);
        indices.ReynoldsSmolensky.Should().BeApproximately(giniMarket - giniDisposable, 1e-12);
        indices.ReynoldsSmolensky.Should().BeApproximately(0.476190 - 0.375719, 1e-6); // G(disposable) = 2 × 602,400 ÷ (3 × 291,920) − 1
        indices.KakwaniContributionsAndTaxes.Should().BeApproximately(taxConcentration - giniMarket, 1e-12);
        indices.KakwaniBenefits.Should().BeApproximately(giniMarket - benefitConcentration, 1e-12);
        indices.KakwaniBenefits.Should().BeApproximately(0.476190 + (2.0 / 3), 1e-6);

        var directory = Path.Combine(Path.GetTempPath(), "lifetime-" + Guid.NewGuid().ToString("N"));
        try
        {
            result.WriteCsv(directory);
            File.ReadLines(Path.Combine(directory, "projection_lifetime_deciles.csv")).Should().HaveCount(11);
            File.ReadLines(Path.Combine(directory, "projection_lifetime_indices.csv")).Should().HaveCount(2);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_discount_rate_is_a_dated_parameter_and_a_scenario_changes_it()
    {
        var options = new ProjectionOptions
        {
            StartYear = 2025,
            EndYear = 2027,
            Mortality = false,
            Fertility = false,
            WorkingLives = false,
            Households = false,
            LifetimeCohort = new LifetimeCohort(1940, 2010),
        };
        var store = ParameterStore.Default.WithOverrides("test: 10% from 2026", [new ParameterOverride(ProjectionParameters.LifetimeDiscountRate, RegionCodes.China, new DateOnly(2026, 1, 1), null, OverrideKind.Set, ParameterValue.Of(0.10), 0)]);
        var result = Projector.Run(Four(), Policy.Create(new IncomeTaxProgram()), store, options);
        // 2025's run date (1 July) is under 3%, 2026's under 10%: 1 + 1/1.03 + 1/(1.03 × 1.10).
        double f = 1 + (1 / 1.03) + (1 / (1.03 * 1.10));
        result.Lifetime!.Deciles.Single(d => d.Decile == 7).MarketIncome.Should().BeApproximately(200_000 * f, 1e-6);
    }

    [Fact]
    public void Lifetimes_follow_deaths_births_and_households_without_depending_on_row_order()
    {
        var (hh, persons) = TestPopulations.Random(150, 21);
        Population Build(bool reversed)
        {
            var builder = new PopulationBuilder();
            var years = new List<double>();
            foreach (var h in reversed ? hh.Reverse() : hh)
            {
                builder.AddHousehold(h);
                foreach (var p in persons.Where(p => p.HouseholdId == h.Id))
                {
                    builder.AddPerson(p);
                    years.Add(2025 - p.Age);
                }
            }

            builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthYear, [.. years]);
            builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthMonth, [.. years.Select(_ => 1.0)]);
            return builder.Build();
        }

        var options = new ProjectionOptions { StartYear = 2025, EndYear = 2032, Replicates = 2, LifetimeCohort = new LifetimeCohort(1960, 2035) };
        var one = Projector.Run(Build(false), Policies.Standard(), ParameterStore.Default, options).Lifetime!;
        var other = Projector.Run(Build(true), Policies.Standard(), ParameterStore.Default, options with { Simulation = new SimulationOptions { MaxDegreeOfParallelism = 3, BlockSize = 41 } }).Lifetime!;
        one.Deciles.Should().HaveCount(20);
        one.Deciles.Should().Equal(other.Deciles);
        one.Indices.Should().Equal(other.Indices);
        one.Indices[0].Persons.Should().BeGreaterThan(persons.Where(p => p.Age <= 65).Sum(p => hh.Single(h => h.Id == p.HouseholdId).Weight) - 1, "newborns join the cohort");
        one.Indices[0].ReynoldsSmolensky.Should().BeGreaterThan(0, "the standard package redistributes over lifetimes");
        one.Indices.Select(i => i.GiniMarket).Distinct().Should().HaveCount(2, "replicates draw independently");
    }
}
