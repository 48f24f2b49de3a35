using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Programs;

namespace SocialSecurity.Modeling.Tests.Programs.Pensions;

public class ResidentPensionFiscalTests
{
    private static readonly DateOnly Date = new(2024, 6, 30);

    [Fact]
    public void Public_spending_counts_subsidies_government_paid_contributions_and_the_basic_pension_but_not_personal_savings()
    {
        var population = SyntheticPensionPopulation.Build(2_000, seed: 3);
        var run = Microsimulation.Run(population, PensionPolicies.ResidentPensionOnly(), ParameterStore.Default, Date);
        double expected = run.AnnualTotal(ResidentPensionProgram.GovernmentPaidContribution.Name)
            + run.AnnualTotal(ResidentPensionProgram.Subsidy.Name)
            + run.AnnualTotal(ResidentPensionProgram.PublicBenefit.Name);
        run.PublicSpendingAnnual.Should().BeApproximately(expected, 1e-6 * expected);
        run.PublicRevenueAnnual.Should().Be(0, "a person's own contribution goes to their account, not to the public purse");
        run.AnnualTotal(ResidentPensionProgram.Benefit.Name).Should().BeGreaterThan(run.AnnualTotal(ResidentPensionProgram.PublicBenefit.Name), "the account part is the person's own savings");
    }

    [Fact]
    public void Raising_the_basic_pension_costs_exactly_the_extra_public_benefit()
    {
        var population = SyntheticPensionPopulation.Build(2_000, seed: 4);
        var baseline = Microsimulation.Run(population, PensionPolicies.ResidentPensionOnly(), ParameterStore.Default, Date);
        var reformed = ParameterStore.Default.WithReform(Reform.Create("+20 basic").Add(ResidentPensionNames.Parameters.BasicPension, RegionCodes.China, new DateOnly(2024, 1, 1), 20));
        var reform = Microsimulation.Run(population, PensionPolicies.ResidentPensionOnly(), reformed, Date);
        var comparison = ReformComparison.Compare(baseline, reform);
        double extra = reform.AnnualTotal(ResidentPensionProgram.PublicBenefit.Name) - baseline.AnnualTotal(ResidentPensionProgram.PublicBenefit.Name);
        extra.Should().BeGreaterThan(0);
        comparison.NetFiscalCostAnnual.Should().BeApproximately(extra, 1e-6 * extra);
        comparison.Programs.Should().Contain(p => p.Variable.Name == ResidentPensionProgram.PublicBenefit.Name, "public flows are listed even when they are not household income");
    }

    [Fact]
    public void The_basic_pension_is_a_transfer_and_the_account_pension_deferred_income_in_the_income_concepts()
    {
        var population = SyntheticPensionPopulation.Build(1_000, seed: 5);
        var run = Microsimulation.Run(population, PensionPolicies.ResidentPensionOnly(), ParameterStore.Default, Date);
        var total = run.Values(ResidentPensionProgram.Benefit.Name);
        var publicPart = run.Values(ResidentPensionProgram.PublicBenefit.Name);
        var accountPart = run.Values(ResidentPensionProgram.AccountBenefit.Name);
        for (int p = 0; p < total.Length; p++)
        {
            (publicPart[p] + accountPart[p]).Should().Be(total[p]);
        }

        var market = run.HouseholdIncome(IncomeConcept.Market);
        var withPensions = run.HouseholdIncome(IncomeConcept.MarketPlusPensions);
        var gross = run.HouseholdIncome(IncomeConcept.Gross);
        double deferred = 0, transfers = 0;
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            deferred += population.Weight[h] * (withPensions[h] - market[h]);
            transfers += population.Weight[h] * (gross[h] - withPensions[h]);
        }

        double reported = run.AnnualTotal("person.reported_pension_annual");
        deferred.Should().BeApproximately(run.AnnualTotal(ResidentPensionProgram.AccountBenefit.Name) + reported, 1e-6 * Math.Max(1, deferred));
        transfers.Should().BeApproximately(run.AnnualTotal(ResidentPensionProgram.PublicBenefit.Name), 1e-6 * Math.Max(1, transfers));
    }
}
