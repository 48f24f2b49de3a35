using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Programs.Tax;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Programs.Insurance;

/// <summary>
/// The income concepts and the fiscal account with contributions, checked against a hand computation (Hangzhou 2025,
/// docs/rules/social_insurance.md, docs/rules/housing_fund.md, docs/rules/medical.resident_premium.md).
/// </summary>
public class IncomeConceptTests
{
    private static readonly DateOnly Date = new(2025, 7, 1);

    /// <summary>One household of weight 3: an employee (wages 120,000, class 1, labour contract) and a child in resident insurance.</summary>
    private static Population Household()
    {
        var builder = new PopulationBuilder();
        builder.AddHousehold(new HouseholdRecord { Id = 1, Weight = 3, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban });
        builder.AddPerson(new PersonRecord { Id = 1, HouseholdId = 1, Age = 40, Sex = Sex.Male, Employment = EmploymentStatus.Employee, WagesAnnual = 120_000, PropertyIncomeAnnual = 5_000, Contract = WorkContract.LabourContract, IndustryRiskClass = 1 });
        builder.AddPerson(new PersonRecord { Id = 2, HouseholdId = 1, Age = 8 });
        builder.AddPersonColumn(InsuranceRuns.Destitute, [0, 0]);
        builder.AddPersonColumn(InsuranceRuns.Dibao, [0, 0]);
        return builder.Build();
    }

    [Fact]
    public void Market_income_is_before_tax_and_transfers_and_disposable_income_subtracts_contributions_housing_fund_and_premiums()
    {
        var result = Microsimulation.Run(Household(), InsuranceRuns.Policy(), ParameterStore.Default, Date);

        // By hand: base 10,000 a month (inside 4,986–25,299), A = 120,000.
        // Employee: pension 0.08 × A = 9,600; medical 0.02 × A = 2,400; unemployment 0.005 × A = 600.
        // Housing fund: min(10,000, 3 × 101,196 / 12 = 25,299) → 0.07 × 120,000 = 8,400 each share. Child: premium 400.
        // Market = wages + property − pension contribution = 120,000 + 5,000 − 9,600 = 115,400.
        result.HouseholdIncome(IncomeConcept.Market)[0].Should().BeApproximately(115_400, 1e-6);
        result.HouseholdIncome(IncomeConcept.MarketPlusPensions)[0].Should().BeApproximately(115_400, 1e-6);
        result.HouseholdIncome(IncomeConcept.Gross)[0].Should().BeApproximately(115_400, 1e-6);
        // Disposable = 115,400 − 2,400 − 600 − 8,400 − 400 = 103,600 (the employer shares are not household income).
        result.HouseholdIncome(IncomeConcept.Disposable)[0].Should().BeApproximately(103_600, 1e-6);
        result.HouseholdIncome(IncomeConcept.Final)[0].Should().BeApproximately(103_600, 1e-6);

        // Revenue, weight 3: employee 9,600 + 2,400 + 600; employer 0.16, 0.08, 0.005, 0.002 of 120,000 = 19,200 + 9,600 + 600 + 240;
        // premium 400 → 42,640 × 3 = 127,920. The housing fund (2 × 8,400) is not revenue.
        result.PublicRevenueAnnual.Should().BeApproximately(127_920, 1e-6);
        result.PublicSpendingAnnual.Should().Be(0);
    }

    [Fact]
    public void The_net_fiscal_cost_of_a_reform_counts_revenue_changes_and_ignores_the_housing_fund()
    {
        var population = Household();
        var baseline = Microsimulation.Run(population, InsuranceRuns.Policy(), ParameterStore.Default, Date);

        // Employer medical 8% → 6% in Zhejiang: revenue falls by 0.02 × 120,000 × 3 = 7,200, a net cost of 7,200.
        var cut = ParameterStore.Default.WithReform(Reform.Create("medical 6%").Set(SocialInsuranceNames.EmployerMedicalRate, RegionCodes.Zhejiang, new DateOnly(2025, 1, 1), 0.06));
        ReformComparison.Compare(baseline, Microsimulation.Run(population, InsuranceRuns.Policy(), cut, Date)).NetFiscalCostAnnual.Should().BeApproximately(7_200, 1e-6);

        // Housing fund 7% → 12%: disposable income falls by 0.05 × 120,000 = 6,000 per household, no fiscal cost.
        var housing = ParameterStore.Default.WithReform(Reform.Create("hf 12%").Set(HousingFundProgram.ContributionRate, RegionCodes.Zhejiang, new DateOnly(2025, 1, 1), 0.12));
        var reformed = Microsimulation.Run(population, InsuranceRuns.Policy(), housing, Date);
        var comparison = ReformComparison.Compare(baseline, reformed);
        comparison.NetFiscalCostAnnual.Should().Be(0);
        reformed.HouseholdIncome(IncomeConcept.Disposable)[0].Should().BeApproximately(103_600 - 6_000, 1e-6);
        reformed.HouseholdIncome(IncomeConcept.Market)[0].Should().BeApproximately(115_400, 1e-6, "the housing fund is not subtracted in market income");
    }

    [Fact]
    public void Income_tax_reads_the_employee_contributions_of_the_contribution_programs_and_runs_after_them()
    {
        // The income chain: the tax program's special deductions are the contributions computed here.
        var policy = Policy.Create(new IncomeTaxProgram(), new HousingFundProgram(), new SocialInsuranceContributionsProgram());
        var names = policy.Programs.Select(p => p.Name).ToList();
        names.IndexOf("income_tax").Should().BeGreaterThan(names.IndexOf("social_insurance")).And.BeGreaterThan(names.IndexOf("housing_fund"));
        policy.ExternalInputs.Should().NotContain([IncomeTaxProgram.PensionContribution, IncomeTaxProgram.MedicalContribution, IncomeTaxProgram.UnemploymentContribution, IncomeTaxProgram.HousingFundContribution]);
    }
}
