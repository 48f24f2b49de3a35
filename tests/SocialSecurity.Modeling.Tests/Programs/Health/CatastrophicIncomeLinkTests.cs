using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Health;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Programs.Health;

/// <summary>
/// Catastrophic health expenditure measures income as the status programs' means test does: on a synthetic population,
/// whose pensions are simulated (the reported pension is zero), a pensioner household's income includes the simulated
/// pensions; it used to count only the zero reported pension. Unlike the means test, it counts the central basic pension
/// of the resident scheme, which the means test leaves out in 2021-2025.
/// </summary>
public class CatastrophicIncomeLinkTests
{
    [Fact]
    public void Indicator_income_includes_simulated_pensions_when_the_status_policy_counts_them()
    {
        var synthetic = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 3_000, Year = 2023 });
        var population = synthetic.WithPersonColumn(MedicalPayoutProgram.InclusiveCommercialEnrolledColumn, new double[synthetic.PersonCount]);
        var date = new DateOnly(2023, 7, 1);
        var policy = new HealthShockSimulation(HealthSpendingModel.Illustrative, ParameterStore.Default, Policies.StandardWithPensions().Programs).ReplicatePolicy(0);
        using var result = Microsimulation.Run(population, policy, ParameterStore.Default, date);

        var indicatorIncome = result.Values(CatastrophicHealthExpenditureProgram.HouseholdIncome.Name).ToArray();
        var meansTestIncome = result.Values(HouseholdIncomeProgram.Output.Name).ToArray();

        // The indicator counts every pension in full; the means test leaves out each resident pensioner's central basic
        // pension, min(pension, 103) a month in 2023 (民发〔2021〕57号, 2021-2025, docs/rules/household_income.md).
        var residentPension = result.Values(ResidentPensionProgram.Benefit.Name).ToArray();
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            double excluded = 0;
            for (int p = population.MemberStart[h]; p < population.MemberStart[h + 1]; p++)
            {
                excluded += 12 * Math.Min(residentPension[p], 103);
            }

            meansTestIncome[h].Should().BeApproximately(indicatorIncome[h] - excluded, 1e-6);
        }

        // An independent sum for the households with a pensioner: market incomes plus 12 × the simulated monthly pensions.
        var employee = result.Values(EmployeePensionProgram.Benefit.Name).ToArray();
        var resident = result.Values(ResidentPensionProgram.Benefit.Name).ToArray();
        int pensionerHouseholds = 0;
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            double pensions = 0, market = 0;
            for (int p = population.MemberStart[h]; p < population.MemberStart[h + 1]; p++)
            {
                pensions += 12 * (employee[p] + resident[p]);
                market += population.WagesAnnual[p];
            }

            if (pensions > 0)
            {
                pensionerHouseholds++;
                indicatorIncome[h].Should().BeGreaterThanOrEqualTo(market + pensions - 1e-6);
            }
        }

        pensionerHouseholds.Should().BeGreaterThan(100);
    }

    [Fact]
    public void Income_split_off_into_its_own_program_gives_every_indicator_bit_for_bit()
    {
        // The health-shock replicates sum the indicators' household income once, in a program of its own, and the
        // indicators read it back: every household's values must be those of the single program, with simulated pensions.
        var synthetic = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 2_000, Seed = 3, Year = 2023 });
        var population = synthetic.WithPersonColumn(MedicalPayoutProgram.InclusiveCommercialEnrolledColumn, new double[synthetic.PersonCount]);
        var date = new DateOnly(2023, 7, 1);
        var whole = new HealthShockSimulation(HealthSpendingModel.Illustrative, ParameterStore.Default, Policies.StandardWithPensions().Programs).ReplicatePolicy(1);
        var split = Policy.Create(whole.Programs.SelectMany(p => p is CatastrophicHealthExpenditureProgram indicators ? indicators.SplitIncome() : [p]));
        split.Programs.Should().HaveCount(whole.Programs.Length + 1);
        using var expected = Microsimulation.Run(population, whole, ParameterStore.Default, date);
        using var actual = Microsimulation.Run(population, split, ParameterStore.Default, date, new SimulationOptions { BlockSize = 61 });
        foreach (var output in new CatastrophicHealthExpenditureProgram().Outputs)
        {
            actual.Values(output.Name).ToArray().Should().Equal(expected.Values(output.Name).ToArray(), output.Name);
        }

        expected.Values(CatastrophicHealthExpenditureProgram.CatastrophicIncome10.Name).ToArray().Should().Contain(1, "some household is catastrophic");
    }
}
