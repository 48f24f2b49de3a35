using CsCheck;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Tax;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Programs.Tax;

/// <summary>
/// Properties of the income tax that hold for any input (docs/rules/income_tax.md), and the quick deductions the
/// program derives checked against the published schedules. The employee contributions are given as extra columns
/// (the contributions program is not part of these policies).
/// </summary>
public class IncomeTaxInvariantTests
{
    private static readonly DateOnly Date = new(2023, 7, 1);

    private static readonly HouseholdCalculator Calculator = new(Policy.Create(new IncomeTaxProgram()), ParameterStore.Default);

    private static readonly string[] Contributions =
        [IncomeTaxProgram.PensionContribution, IncomeTaxProgram.MedicalContribution, IncomeTaxProgram.UnemploymentContribution, IncomeTaxProgram.HousingFundContribution];

    private static HouseholdResult Calculate(HouseholdRecord household, PersonRecord[] members, double[]? contributions = null, DateOnly? date = null)
    {
        var columns = Contributions.ToDictionary(c => c, c => members.Select(_ => (contributions?[Array.IndexOf(Contributions, c)]) ?? 0.0).ToArray(), StringComparer.Ordinal);
        return Calculator.Calculate(household, members, date ?? Date, columns);
    }

    private static HouseholdRecord Household(int children = 0, HousingCost housing = HousingCost.None)
        => new() { Id = 1, Weight = 1, RegionCode = "330100", ChildrenInEducation = children, Housing = housing, CityClass = CityClass.Major };

    /// <summary>Quick deductions as published (个人所得税法 schedules 1 and 2; 财税〔2018〕164号 monthly table).</summary>
    [Theory]
    [InlineData(IncomeTaxProgram.BandThresholds, IncomeTaxProgram.BandRates, new double[] { 0, 2520, 16920, 31920, 52920, 85920, 181920 })]
    [InlineData(IncomeTaxProgram.BonusThresholds, IncomeTaxProgram.BonusRates, new double[] { 0, 210, 1410, 2660, 4410, 7160, 15160 })]
    [InlineData(IncomeTaxProgram.BusinessThresholds, IncomeTaxProgram.BusinessRates, new double[] { 0, 1500, 10500, 40500, 65500 })]
    public void Derived_quick_deductions_equal_the_published_ones(string thresholdsName, string ratesName, double[] published)
    {
        var national = ParameterStore.Default.Regions.Root;
        var thresholds = ParameterStore.Default.Resolve(thresholdsName, Date, national).Value.Items;
        var rates = ParameterStore.Default.Resolve(ratesName, Date, national).Value.Items;
        thresholds.Length.Should().Be(published.Length);
        for (int band = 0; band < published.Length; band++)
        {
            TaxSchedule.QuickDeduction(band, thresholds, rates).Should().BeApproximately(published[band], 1e-6, $"band {band + 1} of {thresholdsName}");
        }
    }

    private static readonly Gen<PersonRecord> Persons =
        Gen.Select(Gen.Double[0, 1_500_000], Gen.Double[0, 1], Gen.Double[0, 200_000], Gen.Double[0, 100_000], Gen.Double[-50_000, 3_000_000], Gen.Double[-10_000, 200_000], Gen.Int[0, 3])
            .Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Double[0, 150_000], (t, claim, education, medical) => new PersonRecord
            {
                HouseholdId = 1,
                Age = 40,
                Employment = t.Item7 == 3 ? EmploymentStatus.Agricultural : EmploymentStatus.Employee,
                WagesAnnual = t.Item1,
                AnnualBonus = t.Item1 * t.Item2,
                LabourRemunerationAnnual = t.Item3,
                AuthorRemunerationAnnual = t.Item4,
                RoyaltiesAnnual = t.Item4 / 2,
                BusinessIncomeAnnual = t.Item5,
                PropertyIncomeAnnual = t.Item6,
                Contract = (WorkContract)Math.Min(t.Item7, 3),
                ParentsAged60Plus = claim == 0 ? 0 : 2,
                ElderlyParentClaim = (ElderlyParentClaim)claim,
                ContinuingEducation = (ContinuingEducation)education,
                MedicalSelfPayAnnual = medical,
            });

    [Fact]
    public void Tax_is_never_negative_nor_above_the_income_taxed_and_its_parts_add_up()
    {
        Gen.Select(Persons.Array[1, 3], Gen.Int[0, 2], Gen.Double[0, 30_000], Gen.Int[0, 2]).Sample(t =>
        {
            var (people, children, contribution, housing) = t;
            var members = people.Select((p, i) => p with { Id = i + 1 }).Concat(Enumerable.Range(0, children).Select(i => new PersonRecord { Id = 10 + i, HouseholdId = 1, Age = 4 })).ToArray();
            var result = Calculate(Household(children, (HousingCost)housing), members, [contribution, contribution / 4, contribution / 16, contribution / 2]);
            for (int m = 0; m < members.Length; m++)
            {
                var p = members[m];
                double total = result.PersonValue(IncomeTaxProgram.Total.Name, m);
                double taxed = p.WagesAnnual + p.LabourRemunerationAnnual + p.AuthorRemunerationAnnual + p.RoyaltiesAnnual + Math.Max(p.BusinessIncomeAnnual, 0) + Math.Max(p.PropertyIncomeAnnual, 0);
                total.Should().BeGreaterThanOrEqualTo(0);
                total.Should().BeLessThanOrEqualTo(taxed * 0.45 + 1e-6, "no part is taxed above 45%");
                double parts = result.PersonValue(IncomeTaxProgram.ComprehensiveTax.Name, m) + result.PersonValue(IncomeTaxProgram.BonusTax.Name, m)
                    + result.PersonValue(IncomeTaxProgram.BusinessTax.Name, m) + result.PersonValue(IncomeTaxProgram.PropertyTax.Name, m);
                total.Should().BeApproximately(parts, 1e-6);
            }
        });
    }

    /// <summary>
    /// For one earner with the bonus held fixed: raising wages by 100 yuan never lowers the tax and never raises it by
    /// more than 45 yuan. (In a household, a raise can move the household deductions to the earner, lowering that
    /// earner's own tax; that is the split rule, not a marginal rate, so these properties are checked per earner alone.)
    /// </summary>
    [Fact]
    public void With_the_bonus_fixed_tax_is_monotone_in_wages_with_a_marginal_rate_of_at_most_45_percent()
    {
        const double Step = 100;
        Gen.Select(Persons, Gen.Double[0, 200_000], Gen.Int[0, 3]).Sample(t =>
        {
            var (person, bonus, year) = t;
            var date = new DateOnly(2021 + (year * 3), 7, 1); // 2021, 2024, 2027, 2030: with and without the separate option
            var low = person with { Id = 1, AnnualBonus = bonus, WagesAnnual = bonus + person.WagesAnnual };
            var high = low with { WagesAnnual = low.WagesAnnual + Step };
            double before = Calculate(Household(), [low], date: date).PersonValue(IncomeTaxProgram.Total.Name, 0);
            double after = Calculate(Household(), [high], date: date).PersonValue(IncomeTaxProgram.Total.Name, 0);
            (after - before).Should().BeGreaterThanOrEqualTo(-1e-6, "tax is monotone non-decreasing in wages");
            (after - before).Should().BeLessThanOrEqualTo((0.45 * Step) + 1e-6, "the marginal rate on wages is at most 45%");
        });
    }

    [Fact]
    public void Between_equal_earners_the_household_deductions_go_to_the_lowest_person_id_and_the_explanation_names_the_choices()
    {
        PersonRecord[] members =
        [
            new() { Id = 7, HouseholdId = 1, Age = 40, Employment = EmploymentStatus.Employee, WagesAnnual = 150_000, AnnualBonus = 36_000 },
            new() { Id = 3, HouseholdId = 1, Age = 40, Employment = EmploymentStatus.Employee, WagesAnnual = 150_000 },
            new() { Id = 9, HouseholdId = 1, Age = 8, Employment = EmploymentStatus.Student },
        ];
        var result = Calculate(Household(children: 1), members);

        // Members are stored in person-id order: id 3, id 7, id 9. The child's 24,000 goes to id 3.
        result.PersonValue(IncomeTaxProgram.TaxableComprehensive.Name, 0).Should().Be(150_000 - 60_000 - 24_000);

        // Id 7: separate 114,000 − 60,000 = 54,000 → 54,000 × 10% − 2,520 = 2,880, plus 36,000 × 3% = 1,080: 3,960;
        // combined 90,000 × 10% − 2,520 = 6,480. Separate is cheaper.
        result.PersonValue(IncomeTaxProgram.BonusTax.Name, 1).Should().BeApproximately(1_080, 1e-6);
        result.PersonValue(IncomeTaxProgram.Total.Name, 1).Should().BeApproximately(3_960, 1e-6);
        var text = result.Explanation.ToText(ParameterStore.Default.Regions);
        text.Should().Contain("taxed separately (cheaper)").And.Contain("claimed 1 by member 0").And.Contain("个人所得税法 art. 4");
    }
}
