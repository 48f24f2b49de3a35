using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Programs.Pensions;

namespace SocialSecurity.Modeling.Tests.Projection;

/// <summary>Employee-pension accounts and the fund across projected years (docs/projection.md#fund).</summary>
public class ProjectionAccountTests
{
    [Fact]
    public void Account_balances_follow_the_crediting_rule_and_the_reserve_changes_by_revenue_minus_expenditure_plus_return()
    {
        var years = new List<SimulationResult>();
        var options = new ProjectionOptions { StartYear = 2025, EndYear = 2029, OnYear = y => years.Add(y.Result) };
        var result = Projector.Run(SyntheticEmployeePopulation.Build(150, 21), PensionPolicies.EmployeePensionOnly(), ParameterStore.Default, options);

        int credited = 0;
        for (int i = 1; i < years.Count; i++)
        {
            var before = years[i - 1];
            var after = years[i];
            var next = new Dictionary<long, int>();
            for (int p = 0; p < after.Population.PersonCount; p++)
            {
                next[after.Population.PersonId[p]] = p;
            }

            var balance = before.Population.ExtraPersonColumn(EmployeePensionNames.Columns.AccountBalance);
            var contributionYears = before.Population.ExtraPersonColumn(EmployeePensionNames.Columns.ContributionYears);
            var nextBalance = after.Population.ExtraPersonColumn(EmployeePensionNames.Columns.AccountBalance);
            var nextYears = after.Population.ExtraPersonColumn(EmployeePensionNames.Columns.ContributionYears);
            var own = before.Values(SocialInsuranceContributionsProgram.EmployeePension.Name);
            var retired = before.Population.ExtraPersonColumn(ProjectionColumns.Retired.Name);
            for (int p = 0; p < before.Population.PersonCount; p++)
            {
                if (!next.TryGetValue(before.Population.PersonId[p], out int q))
                {
                    continue; // died
                }

                var region = before.Population.HouseholdRegion[before.Population.PersonHousehold[p]];
                double rate = result.Parameters.Resolve(EmployeePensionNames.Parameters.AccountInterestRate, before.Date, region).Scalar();
                // Labour contracts credit the whole 8%; flexible workers 8 of their 20 points [U].
                double credit = before.Population.Contract[p] == WorkContract.LabourContract ? own[p] : own[p] * 0.08 / 0.20;
                double expected = retired[p] == 1 ? balance[p] : (balance[p] * (1 + rate)) + credit;
                nextBalance[q].Should().BeApproximately(expected, 1e-6 * Math.Max(1, expected), "person {0} in {1}", before.Population.PersonId[p], after.Date.Year);
                nextYears[q].Should().Be(contributionYears[p] + (own[p] > 0 ? 1 : 0));
                credited += own[p] > 0 ? 1 : 0;
            }

            var row = result.Row(after.Date.Year);
            double reserveBefore = result.Row(before.Date.Year)[ProjectionIndicators.FundReserve];
            double change = row[ProjectionIndicators.FundRevenue] - row[ProjectionIndicators.FundExpenditure] + (0.025 * reserveBefore);
            row[ProjectionIndicators.FundReserve].Should().BeApproximately(reserveBefore + change, 1e-6 * Math.Abs(reserveBefore), "reserve = last reserve × 1.025 + revenue − expenditure");
            row[ProjectionIndicators.FundExpenditure].Should().BeApproximately(12 * Sum(after, EmployeePensionProgram.Benefit.Name), 1e-6 * Math.Max(1, row[ProjectionIndicators.FundExpenditure]));
        }

        credited.Should().BeGreaterThan(0);
        double first = result.Row(2025)[ProjectionIndicators.FundReserve];
        double start = 6.0e12 * years[0].Population.WeightedPersons / 1_416_096_093.0;
        first.Should().BeApproximately((start * 1.025) + result.Row(2025)[ProjectionIndicators.FundRevenue] - result.Row(2025)[ProjectionIndicators.FundExpenditure], 1e-6 * Math.Abs(start),
            "the reserve starts from the published 6 trillion yuan scaled by the population share (the WPP 2025 table sums to 1,416,096,093 persons)");
    }

    private static double Sum(SimulationResult result, string name)
    {
        var values = result.Values(name);
        var weights = result.PersonWeights;
        double total = 0;
        for (int p = 0; p < values.Length; p++)
        {
            total += values[p] * weights[p];
        }

        return total;
    }
}
