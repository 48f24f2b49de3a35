using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Regions;
using ModelPopulation = SocialSecurity.Modeling.Core.Population;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Parameters;

namespace SocialSecurity.Modeling.Tests.PopulationData;

public class SyntheticPopulationTests
{
    public static TheoryData<string> Regions => new() { RegionCodes.China, RegionCodes.Zhejiang, RegionCodes.Jiangsu, RegionCodes.Xinjiang, RegionCodes.InnerMongolia };

    public static TheoryData<string, int> RegionsAndYears()
    {
        var data = new TheoryData<string, int>();
        foreach (var region in new[] { RegionCodes.China, RegionCodes.Zhejiang, RegionCodes.Jiangsu, RegionCodes.Xinjiang, RegionCodes.InnerMongolia })
        {
            data.Add(region, 2022);
            data.Add(region, 2023);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RegionsAndYears))]
    public void Generated_population_hits_its_demographic_targets_and_carries_pre_tax_incomes(string region, int year)
    {
        var statistics = ProvinceStatistics.Load(region, year);
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = region, Persons = 30_000, Year = year });

        population.PersonCount.Should().Be(30_000);
        population.WeightedPersons.Should().BeApproximately(statistics.ResidentPopulation.Value, statistics.ResidentPopulation.Value * 1e-6);
        var report = SyntheticPopulation.Calibrate(population, statistics);
        foreach (var name in new[] { "weighted_population", "survey_urban_share", "age_share_60_plus", "age_share_65_plus", "household_size", $"age_share_0_{statistics.ChildMaxAge}" })
        {
            report[name].WithinTolerance.Should().BeTrue(report[name].ToString());
        }

        // Income columns are pre-tax market incomes, with no reported pensions: with the pensions the rules pay on the
        // contribution histories, and before the income chain takes its taxes and contributions, they sum to more than
        // the published disposable means (the calibrated baseline meets those).
        var pensions = Microsimulation.Run(population, PensionPolicies.WithEmployeeAndResidentPensions(), ParameterStore.Default, new DateOnly(2023, 7, 1)); // the employee pension's benefit base is in force from 2023
        var employee = pensions.Values(EmployeePensionProgram.Benefit.Name);
        var resident = pensions.Values(ResidentPensionProgram.Benefit.Name);
        var (perCapita, personWeight) = PerCapitaIncome(population);
        double total = 0, weight = 0;
        for (int h = 0; h < perCapita.Length; h++)
        {
            total += perCapita[h] * personWeight[h];
            weight += personWeight[h];
        }

        for (int p = 0; p < population.PersonCount; p++)
        {
            total += 12 * (employee[p] + resident[p]) * population.Weight[population.PersonHousehold[p]];
        }

        population.PensionIncomeAnnual.ToArray().Should().OnlyContain(x => x == 0);
        (total / weight).Should().BeGreaterThan(statistics.DisposableIncomeAll.Value);
        report["gini_disposable_income"].IsTarget.Should().BeFalse("the Gini is a check, never a target");
    }

    public static TheoryData<string, ulong> RegionsAndSeeds()
    {
        var data = new TheoryData<string, ulong>();
        foreach (var region in new[] { RegionCodes.China, RegionCodes.Zhejiang, RegionCodes.Jiangsu, RegionCodes.Xinjiang, RegionCodes.InnerMongolia })
        {
            foreach (var seed in new ulong[] { 3, 11, 2_026 })
            {
                data.Add(region, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RegionsAndSeeds))]
    public void Generated_columns_pass_the_population_builders_validation(string region, ulong seed)
    {
        // Every built-in column goes through the builder's range and cross-column checks (bonus within wages, children
        // within qualifying members, a parent claim with a parent, injury details with a grade) and comes back unchanged.
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = region, Persons = 10_000, Seed = seed });
        var rebuilt = Rebuild(population);
        rebuilt.MemberStart.ToArray().Should().Equal(population.MemberStart.ToArray());
        rebuilt.PersonHousehold.ToArray().Should().Equal(population.PersonHousehold.ToArray());
        foreach (var column in PopulationSchema.All)
        {
            rebuilt.Column(column).Cast<object>().Should().Equal(population.Column(column).Cast<object>(), $"'{column.Name}' passes the builder unchanged");
        }

        // The columns the generator does not fill are the shared arrays of zeros (one per type and length, counted
        // once); the builder gives each its own array.
        var zeroColumns = PopulationSchema.All.Where(population.IsAllZero).Select(population.Column).ToList();
        long shared = zeroColumns.Distinct(ReferenceEqualityComparer.Instance).Sum(a => (long)Buffer.ByteLength((Array)a!));
        long own = zeroColumns.Sum(a => (long)Buffer.ByteLength(a));
        rebuilt.ResidentBytes.Should().Be(population.ResidentBytes - shared + own);
    }

    /// <summary>
    /// A synthetic population without its contribution-history columns (its built-in columns only), for tests of the
    /// readers and writers that read files back without a mapping for extra columns.
    /// </summary>
    internal static ModelPopulation WithoutHistories(ModelPopulation population) => Rebuild(population, extras: false);

    /// <summary>The population passed record by record through <see cref="PopulationBuilder"/>, every built-in field set from its column.</summary>
    internal static ModelPopulation Rebuild(ModelPopulation population, bool extras = true)
    {
        var builder = new PopulationBuilder(population.Regions);
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            var record = default(HouseholdRecord);
            foreach (var field in HouseholdRecord.Mapping.Fields)
            {
                SetFrom(ref record, field, population, h);
            }

            builder.AddHousehold(record);
        }

        for (int p = 0; p < population.PersonCount; p++)
        {
            var record = default(PersonRecord);
            foreach (var field in PersonRecord.Mapping.Fields)
            {
                SetFrom(ref record, field, population, p);
            }

            builder.AddPerson(record);
        }

        // The contribution-history columns go through the builder's checks against their declarations too.
        foreach (var column in extras ? population.ExtraColumns : [])
        {
            builder.AddColumn(column, population.Values(column).ToArray());
        }

        return builder.Build();
    }

    private static void SetFrom<TRecord>(ref TRecord record, RecordField<TRecord> field, ModelPopulation population, int row)
        where TRecord : struct
    {
        object raw = population.Column(field.Column).GetValue(row)!;
        switch (field)
        {
            case RegionField<TRecord> code:
                code.Set(ref record, population.Regions[new RegionId((ushort)raw)].Code);
                break;
            case IntegerField<TRecord> integer when ReferenceEquals(field.Column, PopulationSchema.PersonHouseholdId):
                integer.Set(ref record, population.HouseholdId[(int)raw]);
                break;
            case IntegerField<TRecord> integer:
                integer.Set(ref record, Convert.ToInt64(raw, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case NumberField<TRecord> number:
                number.Set(ref record, Convert.ToDouble(raw, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                throw new InvalidOperationException(field.GetType().Name);
        }
    }

    [Fact]
    public void Same_seed_gives_an_identical_population_and_another_seed_does_not()
    {
        var options = new SyntheticPopulationOptions { RegionCode = RegionCodes.Xinjiang, Persons = 12_000, Seed = 7 };
        var a = SyntheticPopulation.Generate(options);
        var b = SyntheticPopulation.Generate(options);
        var c = SyntheticPopulation.Generate(options with { Seed = 8 });

        a.Weight.ToArray().Should().Equal(b.Weight.ToArray());
        a.Age.ToArray().Should().Equal(b.Age.ToArray());
        a.WagesAnnual.ToArray().Should().Equal(b.WagesAnnual.ToArray());
        a.FinancialAssets.ToArray().Should().Equal(b.FinancialAssets.ToArray());
        a.HouseholdRegion.ToArray().Should().Equal(b.HouseholdRegion.ToArray());
        a.Employment.ToArray().Should().Equal(b.Employment.ToArray());
        c.Age.ToArray().Should().NotEqual(a.Age.ToArray());
    }

    [Fact]
    public void Households_live_in_the_provinces_places_and_persons_have_plausible_attributes()
    {
        var regions = RegionCatalog.Default;
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 20_000 });
        var zhejiang = regions.GetId(RegionCodes.Zhejiang);
        var prefectures = regions.Children(zhejiang).ToHashSet();
        foreach (var region in population.HouseholdRegion)
        {
            prefectures.Should().Contain(region);
        }

        population.HouseholdRegion.ToArray().Distinct().Count().Should().Be(11, "every Zhejiang prefecture has residents");
        population.Hukou.ToArray().Should().Contain(HukouType.Rural).And.Contain(HukouType.Urban);
        population.Disability.ToArray().Count(d => d != DisabilityGrade.None).Should().BeInRange(100, 1_500);
        for (int p = 0; p < population.PersonCount; p++)
        {
            if (population.Age[p] < 16)
            {
                (population.WagesAnnual[p] + population.LabourRemunerationAnnual[p] + population.BusinessIncomeAnnual[p] + population.PensionIncomeAnnual[p]).Should().Be(0);
            }
        }

        population.PensionIncomeAnnual.ToArray().Should().OnlyContain(x => x == 0, "pensions are simulated from contribution histories, never reported");
        var retired = population.Values(EmployeePensionNames.ColumnDefinitions.ContributionYears).ToArray().Where((_, p) => population.Employment[p] == EmploymentStatus.Retired);
        retired.Should().OnlyContain(years => years >= 15, "a retiree drawing an employee pension has the minimum contribution years");
    }

    [Fact]
    public void Xinjiang_places_households_of_uncatalogued_prefectures_at_the_province()
    {
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Xinjiang, Persons = 20_000 });
        var province = RegionCatalog.Default.GetId(RegionCodes.Xinjiang);
        var kashgar = RegionCatalog.Default.GetId(RegionCodes.Kashgar);
        population.HouseholdRegion.ToArray().Should().Contain(province).And.Contain(kashgar);
    }

    [Fact]
    public void Rural_tail_has_low_income_households_that_pass_the_dibao_asset_defaults()
    {
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 30_000 });
        var (perCapita, _) = PerCapitaIncome(population, withImputedRent: false); // the means test does not count imputed rent
        const double standard = 11_000; // Zhejiang dibao floor from 2022-12-01, yuan per person per year [P]
        int poor = 0;
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            int size = population.HouseholdSize(h);
            bool assetsPass = population.FinancialAssets[h] <= 24 * standard / 12 * size && population.HousingUnits[h] <= 1 && population.NonEssentialVehicle[h] == 0;
            if (perCapita[h] < standard && assetsPass)
            {
                poor++;
            }
        }

        poor.Should().BeGreaterThan(50, "dibao needs recipients");
        ((double)poor / population.HouseholdCount).Should().BeLessThan(0.15);
    }

    [Theory]
    [InlineData(999)]
    [InlineData(20_000_001)]
    public void Sample_size_outside_the_range_is_rejected(int persons)
    {
        var act = () => SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Jiangsu, Persons = persons });
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*between 1,000 and 20,000,000*");
    }

    [Fact]
    public void Unknown_region_or_year_is_rejected_with_the_available_choices()
    {
        var region = () => SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = "440000" });
        region.Should().Throw<ArgumentException>().WithMessage("*440000*built-in*330000*");
        var year = () => SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Jiangsu, Year = 2019 });
        year.Should().Throw<ArgumentException>().WithMessage("*no statistics for 2019; years available: 2022, 2023*");
    }

    [Fact]
    public void National_report_compares_household_income_groups_as_targets()
    {
        var statistics = ProvinceStatistics.Load(RegionCodes.China);
        statistics.HouseholdQuintileMeans.Select(q => q.Value).Should().Equal(8601, 19303, 30598, 47397, 90116);
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.China, Persons = 20_000 });
        var report = SyntheticPopulation.Calibrate(population, statistics);

        var groups = ProvinceStatistics.QuintileNames.Select(name => report[name]).ToArray();
        groups.Should().OnlyContain(line => line.IsTarget && line.Tolerance == line.Target * 0.03);
        groups.Select(line => line.Achieved).Should().BeInAscendingOrder();

        // Group means are per-capita means of equal household groups: their person-weighted mix is the overall mean,
        // so they bracket it and the lowest group is well below half of it.
        groups[0].Achieved.Should().BeLessThan(0.5 * statistics.DisposableIncomeAll.Value);
        groups[4].Achieved.Should().BeGreaterThan(2 * statistics.DisposableIncomeAll.Value);
    }

    [Fact]
    public void Calibrate_flags_a_population_that_misses_its_targets()
    {
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Jiangsu, Persons = 10_000 });
        var wrong = ProvinceStatistics.Load(RegionCodes.Zhejiang); // Jiangsu population against Zhejiang targets
        var report = SyntheticPopulation.Calibrate(population, wrong);
        report.AllWithinTolerance.Should().BeFalse();
        report["disposable_income_urban"].WithinTolerance.Should().BeFalse();
        report["urbanization_rate"].IsTarget.Should().BeFalse();
    }

    /// <summary>Per-capita income of the income columns: market income (the imputed rent of the owner-occupied home included) plus reported pensions, or, without the imputed rent, the income the dibao means test counts.</summary>
    internal static (double[] PerCapita, double[] PersonWeight) PerCapitaIncome(ModelPopulation population, bool withImputedRent = true)
    {
        var imputedRent = withImputedRent ? population.ExtraPersonColumn(SyntheticIncomeColumns.ImputedRent.Name).ToArray() : new double[population.PersonCount];
        var perCapita = new double[population.HouseholdCount];
        var weight = new double[population.HouseholdCount];
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            double income = 0;
            for (int i = population.MemberStart[h]; i < population.MemberStart[h + 1]; i++)
            {
                income += population.WagesAnnual[i] + population.LabourRemunerationAnnual[i] + population.BusinessIncomeAnnual[i] + population.PropertyIncomeAnnual[i] + population.PrivateTransfersAnnual[i] + population.PensionIncomeAnnual[i] + imputedRent[i];
            }

            perCapita[h] = income / population.HouseholdSize(h);
            weight[h] = population.Weight[h] * population.HouseholdSize(h);
        }

        return (perCapita, weight);
    }
}
