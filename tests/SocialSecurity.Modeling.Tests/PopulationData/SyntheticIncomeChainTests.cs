using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Regions;
using ModelPopulation = SocialSecurity.Modeling.Core.Population;

namespace SocialSecurity.Modeling.Tests.PopulationData;

/// <summary>
/// The income chain's columns of synthetic populations come out as docs/populations.md documents them. The expected
/// shares below are the documented [I] assumptions, written out here rather than read from the code. Each share is
/// drawn independently per person or household, so a sample share of n draws has standard error √(p(1 − p)/n); the
/// tolerance is 4.5 standard errors (a false failure about once in 150,000 checks) and, the seed being fixed, a
/// passing check passes forever.
/// </summary>
public class SyntheticIncomeChainTests
{
    private static readonly Lazy<ModelPopulation> ZhejiangPopulation = new(() => SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 300_000, Seed = 12 }));
    private static readonly Lazy<ModelPopulation> ChinaPopulation = new(() => SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.China, Persons = 300_000, Seed = 12 }));

    private static ModelPopulation Zhejiang => ZhejiangPopulation.Value;

    [Fact]
    public void Contracts_follow_activity_area_and_hukou()
    {
        var p = Zhejiang;
        var tally = new Tally();
        for (int h = 0; h < p.HouseholdCount; h++)
        {
            bool urban = p.Area[h] == AreaType.Urban;
            for (int i = p.MemberStart[h]; i < p.MemberStart[h + 1]; i++)
            {
                var contract = p.Contract[i];
                switch (p.Employment[i])
                {
                    case EmploymentStatus.Employee:
                        contract.Should().BeOneOf(WorkContract.LabourContract, WorkContract.Flexible);
                        tally.Add(!urban ? "rural" : p.Hukou[i] == HukouType.Urban ? "urban local" : "urban migrant", contract == WorkContract.LabourContract);
                        break;
                    case EmploymentStatus.SelfEmployed:
                        contract.Should().BeOneOf(WorkContract.IndividualBusiness, WorkContract.Flexible);
                        tally.Add("self-employed", contract == WorkContract.IndividualBusiness);
                        break;
                    default:
                        contract.Should().Be(WorkContract.None, "farmers, the unemployed, retirees, students and the inactive have no contract");
                        break;
                }

                if (contract == WorkContract.None)
                {
                    p.IndustryRiskClass[i].Should().Be(0);
                }
                else
                {
                    tally.Add("risk class 1", p.IndustryRiskClass[i] == 1);
                    tally.Add("risk class 4", p.IndustryRiskClass[i] == 4);
                    tally.Add("risk class 8", p.IndustryRiskClass[i] == 8);
                }
            }
        }

        tally.ShouldBeNear("urban local", 0.85);
        tally.ShouldBeNear("urban migrant", 0.65);
        tally.ShouldBeNear("rural", 0.55);
        tally.ShouldBeNear("self-employed", 0.45);
        tally.ShouldBeNear("risk class 1", 0.30);
        tally.ShouldBeNear("risk class 4", 0.10);
        tally.ShouldBeNear("risk class 8", 0.03);
    }

    [Fact]
    public void Bonus_is_a_share_of_contract_wages_and_flexible_employees_are_partly_paid_in_labour_remuneration()
    {
        var p = Zhejiang;
        var tally = new Tally();
        double shareSum = 0;
        int bonuses = 0;
        for (int i = 0; i < p.PersonCount; i++)
        {
            double wages = p.WagesAnnual[i], bonus = p.AnnualBonus[i], labour = p.LabourRemunerationAnnual[i];
            p.AuthorRemunerationAnnual[i].Should().Be(0);
            p.RoyaltiesAnnual[i].Should().Be(0);
            if (p.Contract[i] == WorkContract.LabourContract && wages > 0)
            {
                tally.Add("bonus", bonus > 0);
                if (bonus > 0)
                {
                    (bonus / wages).Should().BeInRange(0.05, 0.30);
                    shareSum += bonus / wages;
                    bonuses++;
                }
            }
            else
            {
                bonus.Should().Be(0, "only labour-contract employees with wages receive a bonus");
            }

            if (p.Employment[i] == EmploymentStatus.Employee && p.Contract[i] == WorkContract.Flexible)
            {
                tally.Add("labour remuneration", labour > 0);
                if (labour > 0)
                {
                    wages.Should().Be(0, "the earnings move from wages to labour remuneration whole");
                }
            }
            else
            {
                labour.Should().Be(0);
            }
        }

        tally.ShouldBeNear("bonus", 0.50);
        tally.ShouldBeNear("labour remuneration", 0.30);

        // Bonus share uniform on [0.05, 0.30]: mean 0.175, standard deviation 0.25/√12.
        (shareSum / bonuses).Should().BeApproximately(0.175, 4.5 * 0.25 / Math.Sqrt(12 * bonuses));
    }

    [Fact]
    public void Medical_scheme_follows_the_contract()
    {
        var p = Zhejiang;
        var tally = new Tally();
        for (int i = 0; i < p.PersonCount; i++)
        {
            if (p.Contract[i] == WorkContract.LabourContract || p.Employment[i] == EmploymentStatus.Retired)
            {
                p.MedicalScheme[i].Should().Be(MedicalScheme.Employee);
            }
            else
            {
                p.MedicalScheme[i].Should().BeOneOf(MedicalScheme.Resident, MedicalScheme.Uninsured);
                tally.Add("uninsured", p.MedicalScheme[i] == MedicalScheme.Uninsured);
            }
        }

        tally.ShouldBeNear("uninsured", 0.04);
    }

    [Fact]
    public void Parents_aged_60_plus_follow_age_and_only_children_the_birth_cohort()
    {
        var p = Zhejiang;
        var tally = new Tally();
        double parents35To44 = 0;
        int persons35To44 = 0;
        for (int i = 0; i < p.PersonCount; i++)
        {
            int age = p.Age[i];
            int parents = p.ParentsAged60Plus[i];
            parents.Should().BeLessThanOrEqualTo(2);
            if (age < 18)
            {
                parents.Should().Be(0);
            }

            if (age is >= 35 and < 45)
            {
                parents35To44 += parents;
                persons35To44++;
            }

            tally.Add("one parent at 25–29", parents >= 1, age is >= 25 and < 30);
            bool earns = p.WagesAnnual[i] + p.BusinessIncomeAnnual[i] + p.LabourRemunerationAnnual[i] > 0;
            var claim = p.ElderlyParentClaim[i];
            if (parents == 0 || !earns)
            {
                claim.Should().Be(ElderlyParentClaim.None, "only earners with a parent aged 60+ claim");
                continue;
            }

            claim.Should().NotBe(ElderlyParentClaim.None);
            int born = 2022 - age;
            string group = born is >= 1980 and <= 2015 ? (p.Hukou[i] == HukouType.Urban ? "urban cohort" : "rural cohort") : "older";
            tally.Add(group, claim == ElderlyParentClaim.OnlyChild);
        }

        // Each parent alive and 60+ with probability 0.85 at 35–44, so 1.7 on average (variance 2 × 0.85 × 0.15).
        (parents35To44 / persons35To44).Should().BeApproximately(1.7, 4.5 * Math.Sqrt(2 * 0.85 * 0.15 / persons35To44));
        tally.ShouldBeNear("one parent at 25–29", 1 - (0.65 * 0.65));
        tally.ShouldBeNear("urban cohort", 0.60);
        tally.ShouldBeNear("rural cohort", 0.25);
        tally.ShouldBeNear("older", 0.05);
    }

    [Fact]
    public void Children_counts_are_the_qualifying_members_with_a_possible_parent_in_the_household()
    {
        var p = Zhejiang;
        int withInfants = 0;
        for (int h = 0; h < p.HouseholdCount; h++)
        {
            int infants = 0, pupils = 0;
            for (int i = p.MemberStart[h]; i < p.MemberStart[h + 1]; i++)
            {
                int age = p.Age[i];
                bool parentPresent = false;
                for (int j = p.MemberStart[h]; j < p.MemberStart[h + 1]; j++)
                {
                    parentPresent |= j != i && p.Age[j] >= 18 && p.Age[j] <= 59 && p.Age[j] - age >= 16;
                }

                if (!parentPresent)
                {
                    continue;
                }

                if (age <= 2)
                {
                    infants++;
                }
                else if (age <= 5 || p.Employment[i] == EmploymentStatus.Student)
                {
                    pupils++;
                }
            }

            p.ChildrenUnder3[h].Should().Be((byte)infants);
            p.ChildrenInEducation[h].Should().Be((byte)pupils);
            withInfants += infants > 0 ? 1 : 0;
        }

        withInfants.Should().BeGreaterThan(1_000, "the sample has young families to exercise the infant-care deduction");
        p.ChildrenInEducation.ToArray().Count(c => c >= 2).Should().BeGreaterThan(500);
    }

    [Fact]
    public void Housing_costs_follow_home_ownership_and_area()
    {
        var p = Zhejiang;
        var tally = new Tally();
        for (int h = 0; h < p.HouseholdCount; h++)
        {
            string area = p.Area[h] == AreaType.Urban ? "urban" : "rural";
            var housing = p.Housing[h];
            if (p.HousingUnits[h] > 0)
            {
                housing.Should().NotBe(HousingCost.Rent, "a household owning a home cannot deduct rent");
                tally.Add($"mortgage {area}", housing == HousingCost.FirstHomeMortgage);
            }
            else
            {
                housing.Should().NotBe(HousingCost.FirstHomeMortgage);
                tally.Add($"rent {area}", housing == HousingCost.Rent);
            }
        }

        tally.ShouldBeNear("mortgage urban", 0.30);
        tally.ShouldBeNear("mortgage rural", 0.05);
        tally.ShouldBeNear("rent urban", 0.85);
        tally.ShouldBeNear("rent rural", 0.30);
    }

    [Fact]
    public void City_class_is_major_in_the_capital_and_ningbo_and_drawn_elsewhere()
    {
        var p = Zhejiang;
        var regions = p.Regions;
        var tally = new Tally();
        for (int h = 0; h < p.HouseholdCount; h++)
        {
            string code = regions[p.HouseholdRegion[h]].Code;
            var city = p.CityClass[h];
            if (code is RegionCodes.Hangzhou or RegionCodes.Ningbo)
            {
                city.Should().Be(CityClass.Major, "Hangzhou is the provincial capital and Ningbo a city with separate planning status");
            }
            else if (p.Area[h] == AreaType.Rural)
            {
                city.Should().Be(CityClass.Other);
            }
            else
            {
                city.Should().NotBe(CityClass.Major);
                tally.Add("large", city == CityClass.Large);
            }
        }

        tally.ShouldBeNear("large", 0.50);

        var china = ChinaPopulation.Value;
        var national = new Tally();
        for (int h = 0; h < china.HouseholdCount; h++)
        {
            if (china.Area[h] == AreaType.Rural)
            {
                china.CityClass[h].Should().Be(CityClass.Other);
            }
            else
            {
                national.Add("major", china.CityClass[h] == CityClass.Major);
                national.Add("large", china.CityClass[h] == CityClass.Large);
            }
        }

        national.ShouldBeNear("major", 0.30);
        national.ShouldBeNear("large", 0.40);
    }

    [Fact]
    public void Continuing_education_and_self_paid_medical_costs_follow_their_shares()
    {
        var p = Zhejiang;
        var tally = new Tally();
        var positive = new List<double>();
        for (int i = 0; i < p.PersonCount; i++)
        {
            int age = p.Age[i];
            bool eligible = p.Employment[i] is EmploymentStatus.Employee or EmploymentStatus.SelfEmployed && age is >= 18 and <= 45;
            if (eligible)
            {
                tally.Add("degree", p.ContinuingEducation[i] == ContinuingEducation.Degree);
                tally.Add("certificate", p.ContinuingEducation[i] == ContinuingEducation.Certificate);
            }
            else
            {
                p.ContinuingEducation[i].Should().Be(ContinuingEducation.None);
            }

            double selfPay = p.MedicalSelfPayAnnual[i];
            tally.Add(age >= 60 ? "self-pay 60+" : "self-pay under 60", selfPay > 0);
            if (selfPay > 0)
            {
                positive.Add(selfPay);
                tally.Add("above 15,000", selfPay > 15_000);
            }
        }

        tally.ShouldBeNear("degree", 0.02);
        tally.ShouldBeNear("certificate", 0.03);
        tally.ShouldBeNear("self-pay under 60", 0.35);
        tally.ShouldBeNear("self-pay 60+", 0.60);

        // Lognormal, median 1,000, σ 1.3: P(above 15,000) = 1 − Φ(ln 15 / 1.3) = 1 − Φ(2.0831) = 0.01862.
        tally.ShouldBeNear("above 15,000", 0.01862);

        // The sample median's log has standard error ≈ 1.2533 σ / √n.
        positive.Sort();
        double median = positive[positive.Count / 2];
        Math.Log(median / 1_000).Should().BeApproximately(0, 4.5 * 1.2533 * 1.3 / Math.Sqrt(positive.Count));
    }

    [Fact]
    public void Unemployment_spells_and_contribution_years_go_to_the_unemployed_and_contract_employees()
    {
        var p = Zhejiang;
        var tally = new Tally();
        double months = 0;
        int spells = 0;
        for (int i = 0; i < p.PersonCount; i++)
        {
            double years = p.UnemploymentInsuranceYears[i];
            years.Should().BeLessThanOrEqualTo(Math.Max(0, p.Age[i] - 18), "contributions start at 18");
            (years * 12).Should().Be(Math.Round(years * 12), "whole months");
            if (p.Employment[i] == EmploymentStatus.Unemployed)
            {
                tally.Add("registered", p.UnemploymentMonths[i] > 0);
                tally.Add("insured", years > 0, p.Age[i] > 19);
                if (p.UnemploymentMonths[i] > 0)
                {
                    p.UnemploymentMonths[i].Should().BeInRange(1, 12);
                    months += p.UnemploymentMonths[i];
                    spells++;
                }
            }
            else
            {
                p.UnemploymentMonths[i].Should().Be(0);
                if (p.Contract[i] != WorkContract.LabourContract)
                {
                    years.Should().Be(0);
                }
            }
        }

        tally.ShouldBeNear("registered", 0.45);

        // Above age 19 a contribution history of at least one month is almost sure to be positive: P(0 months) ≤ 1/24.
        tally.Share("insured").Should().BeInRange(0.60 * (1 - (1.0 / 24)) - 0.03, 0.60 + 0.03);

        // Months uniform on 1–12: mean 6.5, variance (12² − 1)/12.
        (months / spells).Should().BeApproximately(6.5, 4.5 * Math.Sqrt(143.0 / 12 / spells));
    }

    [Fact]
    public void Work_injuries_are_rare_mostly_light_and_only_for_persons_with_a_contract()
    {
        var p = Zhejiang;
        var tally = new Tally();
        for (int i = 0; i < p.PersonCount; i++)
        {
            int grade = p.WorkInjuryGrade[i];
            if (p.Contract[i] == WorkContract.None)
            {
                grade.Should().Be(0);
            }
            else
            {
                tally.Add("injured", grade > 0);
            }

            if (grade == 0)
            {
                p.WorkInjuryAssessedThisYear[i].Should().Be(0);
                p.WorkInjuryNursing[i].Should().Be(NursingDependency.None);
                continue;
            }

            tally.Add("grade 7–10", grade >= 7);
            tally.Add("new", p.WorkInjuryAssessedThisYear[i] == 1);
            if (grade > 4)
            {
                p.WorkInjuryNursing[i].Should().Be(NursingDependency.None, "nursing dependence is assessed with grades 1–4 only");
            }

            p.WorkInjuryWageMonthly[i].Should().Be(0, "the own wage defaults to wages ÷ 12");
        }

        tally.ShouldBeNear("injured", 0.005);
        tally.ShouldBeNear("grade 7–10", 0.83);
        tally.ShouldBeNear("new", 0.20);

        // Deaths: 3 in 100,000 persons with a contract a year; Poisson with a mean of about 3 for this sample.
        int deaths = p.WorkInjuryDeaths.ToArray().Sum(d => d);
        double expected = 3e-5 * tally.Count("injured");
        deaths.Should().BeLessThanOrEqualTo((int)(expected + (4.5 * Math.Sqrt(expected)) + 1));
        for (int h = 0; h < p.HouseholdCount; h++)
        {
            int withContract = 0;
            for (int i = p.MemberStart[h]; i < p.MemberStart[h + 1]; i++)
            {
                withContract += p.Contract[i] != WorkContract.None ? 1 : 0;
            }

            p.WorkInjuryDeaths[h].Should().BeLessThanOrEqualTo((byte)withContract);
        }
    }

    [Fact]
    public void Income_chain_columns_are_identical_whatever_the_thread_count_and_block_size()
    {
        var options = new SyntheticPopulationOptions { RegionCode = RegionCodes.Jiangsu, Persons = 40_000, Seed = 5 };
        var one = SyntheticPopulation.GenerateWith(options, null, maxDegreeOfParallelism: 1, blockHouseholds: 1_000_000);
        var many = SyntheticPopulation.GenerateWith(options, null, maxDegreeOfParallelism: 4, blockHouseholds: 37);
        var defaults = SyntheticPopulation.Generate(options);
        foreach (var column in PopulationSchema.All)
        {
            many.Column(column).Cast<object>().Should().Equal(one.Column(column).Cast<object>(), $"'{column.Name}' does not depend on the thread count");
            defaults.Column(column).Cast<object>().Should().Equal(one.Column(column).Cast<object>(), $"'{column.Name}' does not depend on the block size");
        }

        var other = SyntheticPopulation.Generate(options with { Seed = 6 });
        other.Contract.ToArray().Should().NotEqual(one.Contract.ToArray());
    }

    /// <summary>Counts of yes/no outcomes by group.</summary>
    private sealed class Tally
    {
        private readonly Dictionary<string, (int Yes, int All)> _counts = [];

        public void Add(string group, bool yes, bool include = true)
        {
            if (!include)
            {
                return;
            }

            _counts.TryGetValue(group, out var c);
            _counts[group] = (c.Yes + (yes ? 1 : 0), c.All + 1);
        }

        public int Count(string group) => _counts[group].All;

        public double Share(string group) => (double)_counts[group].Yes / _counts[group].All;

        public void ShouldBeNear(string group, double expected)
        {
            _counts.Should().ContainKey(group);
            int n = _counts[group].All;
            n.Should().BeGreaterThan(300, $"group '{group}' needs a sample to test its share");
            Share(group).Should().BeApproximately(expected, 4.5 * Math.Sqrt(expected * (1 - expected) / n), $"the share of '{group}' ({n} draws)");
        }
    }
}
