using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Assistance;

public class StandardPackageTests
{
    [Fact]
    public void The_standard_package_keeps_the_dibao_outputs_and_adds_the_marginal_status_without_extra_columns()
    {
        var policy = Policies.Standard();
        policy.Outputs.Select(o => o.Name).Should().Contain([DibaoProgram.Eligible.Name, DibaoProgram.Benefit.Name, DibaoMarginalProgram.Eligible.Name]);
        policy.ExternalInputs.Should().BeEmpty("the standard package runs on the built-in population schema");
    }

    [Fact]
    public void Money_in_equals_money_out_over_every_program_of_the_standard_package()
    {
        var (households, persons) = TestPopulations.Random(3_000, seed: 17);
        var population = TestPopulations.Build(households, persons);
        var run = Microsimulation.Run(population, Policies.Standard(), ParameterStore.Default, new DateOnly(2023, 12, 31));
        var gross = run.HouseholdIncome(IncomeConcept.Gross);
        var market = run.HouseholdIncome(IncomeConcept.MarketPlusPensions);
        var final = run.HouseholdIncome(IncomeConcept.Final);
        var disposable = run.HouseholdIncome(IncomeConcept.Disposable);
        double cash = 0, inKind = 0, withheld = 0;
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            cash += population.Weight[h] * (gross[h] - market[h]);
            inKind += population.Weight[h] * (final[h] - disposable[h]);
            withheld += population.Weight[h] * (gross[h] - disposable[h]);
        }

        var outputs = run.Policy.Outputs.ToList();
        double cashTotal = outputs.Where(o => o.Role == IncomeRole.DirectTransfer).Sum(o => run.AnnualTotal(o.Name));
        double inKindTotal = outputs.Where(o => o.Role == IncomeRole.InKindTransfer).Sum(o => run.AnnualTotal(o.Name));
        cash.Should().BeApproximately(cashTotal, 1e-9 * Math.Max(1, cashTotal));
        inKind.Should().BeApproximately(inKindTotal, 1e-9 * Math.Max(1, inKindTotal));
        run.PublicSpendingAnnual.Should().BeApproximately(cashTotal + inKindTotal, 1e-6);

        // Gross to disposable: income tax and the non-pension contributions (the employee's medical, unemployment and
        // housing-fund shares, the resident premium) are withheld; revenue is the tax and every social-insurance
        // contribution, employee and employer, and never the housing fund.
        double taxes = run.AnnualTotal("income_tax.total_annual");
        string[] nonPension = ["social_insurance.employee_medical_annual", "social_insurance.employee_unemployment_annual", "housing_fund.employee_annual", "medical.resident_premium_annual"];
        withheld.Should().BeApproximately(taxes + nonPension.Sum(run.AnnualTotal), 1e-6 * Math.Max(1, withheld));
        taxes.Should().BeGreaterThan(0, "some random households earn above the basic deduction");
        string[] revenue = ["income_tax.total_annual", "social_insurance.employee_pension_annual", "social_insurance.employee_medical_annual", "social_insurance.employee_unemployment_annual",
            "social_insurance.employer_pension_annual", "social_insurance.employer_medical_annual", "social_insurance.employer_unemployment_annual", "social_insurance.employer_work_injury_annual", "medical.resident_premium_annual"];
        run.PublicRevenueAnnual.Should().BeApproximately(revenue.Sum(run.AnnualTotal), 1e-6 * Math.Max(1, run.PublicRevenueAnnual));
        cashTotal.Should().BeGreaterThan(run.AnnualTotal(DibaoProgram.Benefit.Name), "the package pays more than dibao (supplements, subsidies)");
        foreach (var output in outputs.Where(o => o.Role != IncomeRole.None))
        {
            run.Values(output.Name).ToArray().Should().OnlyContain(v => v >= 0, $"{output.Name} is never negative");
        }
    }
}
