using CsCheck;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Programs.Tax;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.Programs;

/// <summary>
/// Invariants of the income chain over random populations under the standard package (issue 12's checks): per
/// household, disposable income never exceeds gross income, and the gap is exactly the income tax and the withheld
/// non-pension contributions; per person, the tax is never negative and never above the income it taxes; every yuan of
/// social-insurance contribution is public revenue and no yuan of housing-fund contribution is.
/// </summary>
public sealed class IncomeChainInvariantTests
{
    private static readonly DateOnly Date = new(2024, 6, 30);

    /// <summary>Random work arrangements, bonuses, risk classes and labour remuneration on top of the shared random households.</summary>
    private static readonly Gen<(HouseholdRecord[] Households, PersonRecord[] Persons)> Populations =
        Gen.Select(TestPopulations.Households(3, 40), Gen.Int).Select((sample, seed) =>
        {
            var random = new Random(seed);
            var persons = sample.Persons.Select(p =>
            {
                var contract = p.Age is >= 16 and < 60 ? (WorkContract)random.Next(4) : WorkContract.None;
                return p with
                {
                    Contract = contract,
                    IndustryRiskClass = contract == WorkContract.LabourContract ? random.Next(9) : 0,
                    AnnualBonus = Math.Round(p.WagesAnnual * random.NextDouble() * 0.3, 2),
                    LabourRemunerationAnnual = random.Next(4) == 0 ? random.Next(0, 200_000) : 0,
                    MedicalScheme = (MedicalScheme)random.Next(4),
                };
            }).ToArray();
            return (sample.Households, persons);
        });

    [Fact]
    public void Disposable_income_is_gross_income_less_exactly_the_tax_and_the_withheld_contributions()
    {
        Populations.Sample(sample =>
        {
            var population = TestPopulations.Build(sample.Households, sample.Persons);
            var run = Microsimulation.Run(population, Policies.Standard(), ParameterStore.Default, Date);
            var gross = run.HouseholdIncome(IncomeConcept.Gross);
            var disposable = run.HouseholdIncome(IncomeConcept.Disposable);
            var tax = run.Values(IncomeTaxProgram.Total.Name);
            string[] withheldNames = [SocialInsuranceContributionsProgram.EmployeeMedical.Name, SocialInsuranceContributionsProgram.EmployeeUnemployment.Name, HousingFundProgram.EmployeeShare.Name, ResidentMedicalPremiumProgram.Premium.Name];
            var start = population.MemberStart;
            for (int h = 0; h < population.HouseholdCount; h++)
            {
                double withheld = 0;
                for (int p = start[h]; p < start[h + 1]; p++)
                {
                    withheld += tax[p];
                    foreach (var name in withheldNames)
                    {
                        withheld += run.Values(name)[p];
                    }
                }

                disposable[h].Should().BeLessThanOrEqualTo(gross[h] + 1e-9, "nothing in the chain adds income after the transfers");
                (gross[h] - disposable[h]).Should().BeApproximately(withheld, 1e-6 * Math.Max(1, withheld));
            }

            var wages = population.WagesAnnual;
            var labour = population.LabourRemunerationAnnual;
            var business = population.BusinessIncomeAnnual;
            var property = population.PropertyIncomeAnnual;
            for (int p = 0; p < population.PersonCount; p++)
            {
                double taxed = wages[p] + labour[p] + Math.Max(0, business[p]) + Math.Max(0, property[p]);
                tax[p].Should().BeGreaterThanOrEqualTo(0);
                tax[p].Should().BeLessThanOrEqualTo(taxed + 1e-9, "the tax never exceeds the income taxed");
            }
        }, iter: 40, threads: 1);
    }

    [Fact]
    public void Every_contribution_yuan_is_revenue_and_no_housing_fund_yuan_is()
    {
        Populations.Sample(sample =>
        {
            var population = TestPopulations.Build(sample.Households, sample.Persons);
            var run = Microsimulation.Run(population, Policies.Standard(), ParameterStore.Default, Date);
            var revenueOutputs = run.Policy.Outputs.Where(o => o.IsPublicRevenue).Select(o => o.Name).ToHashSet();
            foreach (var contribution in SocialInsuranceContributionsProgram.Contributions)
            {
                revenueOutputs.Should().Contain(contribution.Name);
            }

            revenueOutputs.Should().NotContain([HousingFundProgram.EmployeeShare.Name, HousingFundProgram.EmployerShare.Name]);
            double expected = run.AnnualTotal(IncomeTaxProgram.Total.Name) + run.AnnualTotal(ResidentMedicalPremiumProgram.Premium.Name)
                + SocialInsuranceContributionsProgram.Contributions.Sum(c => run.AnnualTotal(c.Name));
            run.PublicRevenueAnnual.Should().BeApproximately(expected, 1e-9 * Math.Max(1, expected));
        }, iter: 20, threads: 1);
    }
}
