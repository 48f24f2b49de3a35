using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs;

namespace SocialSecurity.Modeling.Tests.Programs.Pensions;

public class ResidentPensionProgramTests
{
    private static readonly DateOnly Date = new(2023, 7, 1);

    private static Dictionary<string, double[]> Columns(double[] tier, double[] years, double[] balance, double[] dibao, double[] destitute) => new()
    {
        [ResidentPensionNames.Columns.TierAnnual] = tier,
        [ResidentPensionNames.Columns.ContributionYears] = years,
        [ResidentPensionNames.Columns.AccountBalance] = balance,
        [ResidentPensionNames.Columns.DibaoRecipient] = dibao,
        [ResidentPensionNames.Columns.Destitute] = destitute,
    };

    [Fact]
    public void Kashgar_dibao_household_contributions_and_pension_with_explanation()
    {
        var calculator = new HouseholdCalculator(PensionPolicies.ResidentPensionOnly(), ParameterStore.Default);
        var household = new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Kashgar, Area = AreaType.Rural };
        PersonRecord[] members =
        [
            new() { Id = 1, HouseholdId = 1, Age = 45, Employment = EmploymentStatus.Agricultural },
            new() { Id = 2, HouseholdId = 1, Age = 66 },
            new() { Id = 3, HouseholdId = 1, Age = 17, Employment = EmploymentStatus.Student },
        ];
        var result = calculator.Calculate(household, members, Date, Columns(
            tier: [100, 0, 100],
            years: [10, 15, 0],
            balance: [1_000, 1_950, 0],
            dibao: [1, 1, 1],
            destitute: [0, 0, 0]));

        result.PersonValue(ResidentPensionProgram.OwnContribution.Name, 0).Should().Be(50);
        result.PersonValue(ResidentPensionProgram.GovernmentPaidContribution.Name, 0).Should().Be(50);
        result.PersonValue(ResidentPensionProgram.Subsidy.Name, 0).Should().Be(30);
        result.PersonValue(ResidentPensionProgram.Benefit.Name, 0).Should().Be(0);

        // 66-year-old with 15 years and the example-3 balance: national basic pension 103 (2023) + 1,950/139.
        Money.Yuan.Round(result.PersonValue(ResidentPensionProgram.Benefit.Name, 1)).Should().Be(117.03m);
        result.PersonValue(ResidentPensionProgram.PublicBenefit.Name, 1).Should().Be(103);
        result.PersonValue(ResidentPensionProgram.OwnContribution.Name, 1).Should().Be(0, "pensioners do not contribute");

        result.PersonValue(ResidentPensionProgram.OwnContribution.Name, 2).Should().Be(0, "students are not covered");
        result.PersonValue(ResidentPensionProgram.GovernmentPaidContribution.Name, 2).Should().Be(0);

        var text = result.Explanation.ToText(ParameterStore.Default.Regions);
        text.Should().Contain("government-paid (代缴)").And.Contain("pension.resident.government_paid_share.dibao = 0.5").And.Contain("[P]");
        text.Should().Contain("account pension = balance 1950.00 / 139");
        text.Should().Contain("no contribution");
    }

    [Fact]
    public void Transitional_rule_people_60_at_the_scheme_start_get_the_basic_pension_without_contributions()
    {
        var calculator = new HouseholdCalculator(PensionPolicies.ResidentPensionOnly(), ParameterStore.Default);
        var household = new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Hohhot, Area = AreaType.Rural };
        PersonRecord[] members =
        [
            new() { Id = 1, HouseholdId = 1, Age = 75 },  // 61 in 2009: no years needed
            new() { Id = 2, HouseholdId = 1, Age = 70 },  // 56 in 2009: needs 4 years
            new() { Id = 3, HouseholdId = 1, Age = 61 },  // 47 in 2009: needs 13 years
            new() { Id = 4, HouseholdId = 1, Age = 61 },  // 47 in 2009 with 12 years: short
        ];
        var result = calculator.Calculate(household, members, Date, Columns([0, 0, 0, 0], [0, 4, 13, 12], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]));
        result.PersonValue(ResidentPensionProgram.Benefit.Name, 0).Should().Be(103);
        result.PersonValue(ResidentPensionProgram.Benefit.Name, 1).Should().Be(103);
        result.PersonValue(ResidentPensionProgram.Benefit.Name, 2).Should().Be(103);
        result.PersonValue(ResidentPensionProgram.Benefit.Name, 3).Should().Be(0);
        result.Explanation.ToText(ParameterStore.Default.Regions).Should().Contain("12 contribution years < 13 required");
    }

    [Fact]
    public void Zhejiang_80_plus_allowance_and_basic_pension()
    {
        var calculator = new HouseholdCalculator(PensionPolicies.ResidentPensionOnly(), ParameterStore.Default);
        var household = new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Lishui, Area = AreaType.Rural };
        PersonRecord[] members = [new() { Id = 1, HouseholdId = 1, Age = 79 }, new() { Id = 2, HouseholdId = 1, Age = 80 }];
        var result = calculator.Calculate(household, members, Date, Columns([0, 0], [15, 15], [8_400, 8_400], [0, 0], [0, 0]));
        Money.Yuan.Round(result.PersonValue(ResidentPensionProgram.Benefit.Name, 0)).Should().Be(250.43m, "example 1: 190 + 8,400/139");
        Money.Yuan.Round(result.PersonValue(ResidentPensionProgram.Benefit.Name, 1)).Should().Be(280.43m, "plus the 80+ allowance of 30 [I]");
    }

    [Fact]
    public void Standard_policy_still_runs_without_the_pension_columns_and_the_pension_policy_names_them()
    {
        var builder = new PopulationBuilder();
        builder.AddHousehold(new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou });
        builder.AddPerson(new PersonRecord { Id = 1, HouseholdId = 1, Age = 70 });
        var population = builder.Build();
        var run = () => Microsimulation.Run(population, SocialSecurity.Modeling.Programs.Policies.Standard(), ParameterStore.Default, Date);
        run.Should().NotThrow();
        PensionPolicies.WithResidentPension().ExternalInputs.Should().BeEquivalentTo(ResidentPensionNames.Columns.All);
        var withPension = () => Microsimulation.Run(population, PensionPolicies.WithResidentPension(), ParameterStore.Default, Date);
        withPension.Should().Throw<ArgumentException>().WithMessage("*pension.resident.tier_annual*");
    }

    [Fact]
    public void Dibao_counts_the_simulated_pension_less_the_central_basic_pension_in_the_composed_policy()
    {
        var policy = PensionPolicies.WithResidentPension();
        policy.Programs.Select(p => p.Name).Should().Equal("pension.resident", "household_income", "dibao");
        var calculator = new HouseholdCalculator(policy, ParameterStore.Default);
        var household = new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Rural };
        PersonRecord[] members = [new() { Id = 1, HouseholdId = 1, Age = 70 }];
        var result = calculator.Calculate(household, members, Date, Columns([0], [15], [8_400], [0], [0]));
        double pensionAnnual = 12 * result.PersonValue(ResidentPensionProgram.Benefit.Name, 0);
        // Zhejiang standard 11,000/year: dibao fills the gap left by the pension, of which the central basic pension
        // (the national minimum, 103 a month in 2023) is not counted in 2021-2025 (民发〔2021〕57号); Zhejiang's basic pension is 190.
        pensionAnnual.Should().BeGreaterThan(12 * 190 - 1e-9);
        result.HouseholdValue(DibaoProgram.Benefit.Name).Should().BeApproximately((11_000 - (pensionAnnual - (12 * 103))) / 12, 1e-9);
    }

    [Fact]
    public void Negative_inputs_are_rejected_with_the_person_and_column()
    {
        var calculator = new HouseholdCalculator(PensionPolicies.ResidentPensionOnly(), ParameterStore.Default);
        var household = new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Hohhot };
        PersonRecord[] members = [new() { Id = 7, HouseholdId = 1, Age = 30 }];
        var act = () => calculator.Calculate(household, members, Date, Columns([-100], [0], [0], [0], [0]));
        act.Should().Throw<PopulationValidationException>().WithMessage("*column 'pension.resident.tier_annual', person row 0 (id 7): -100 is invalid; expected a finite amount ≥ 0 yuan per year*");
        var flag = () => calculator.Calculate(household, members, Date, Columns([0], [0], [0], [0.5], [0]));
        flag.Should().Throw<PopulationValidationException>().WithMessage("*column 'assistance.dibao_recipient', person row 0 (id 7): 0.5 is invalid; expected a flag, 0 or 1*");
    }

    [Fact]
    public void Population_run_matches_household_calculation()
    {
        var population = SyntheticPensionPopulation.Build(2_000, seed: 11);
        var result = Microsimulation.Run(population, PensionPolicies.ResidentPensionOnly(), ParameterStore.Default, Date);
        var benefits = result.Values(ResidentPensionProgram.Benefit.Name);
        var own = result.Values(ResidentPensionProgram.OwnContribution.Name);
        var gov = result.Values(ResidentPensionProgram.GovernmentPaidContribution.Name);
        var tier = population.ExtraPersonColumn(ResidentPensionNames.Columns.TierAnnual);
        benefits.ToArray().Should().OnlyContain(b => b >= 0);
        own.ToArray().Should().OnlyContain(b => b >= 0);
        for (int p = 0; p < population.PersonCount; p++)
        {
            (own[p] + gov[p]).Should().BeLessThanOrEqualTo(Math.Max(tier[p], 3500) + 1e-9);
        }

        result.AnnualTotal(ResidentPensionProgram.Benefit.Name).Should().BeGreaterThan(0);
        result.Recipients(ResidentPensionProgram.Benefit.Name).Should().BeGreaterThan(0);
    }
}

public class ResidentPensionHukouTests
{
    [Fact]
    public void A_migrant_is_paid_under_the_rules_of_the_place_of_hukou()
    {
        var calculator = new HouseholdCalculator(PensionPolicies.ResidentPensionOnly(), ParameterStore.Default);
        var household = new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban };
        PersonRecord[] members =
        [
            new() { Id = 1, HouseholdId = 1, Age = 70 },
            new() { Id = 2, HouseholdId = 1, Age = 70, HukouRegionCode = RegionCodes.Kashgar },
        ];
        double[] zeros = [0, 0];
        var result = calculator.Calculate(household, members, new DateOnly(2023, 7, 1), new Dictionary<string, double[]>
        {
            [ResidentPensionNames.Columns.TierAnnual] = zeros,
            [ResidentPensionNames.Columns.ContributionYears] = [15, 15],
            [ResidentPensionNames.Columns.AccountBalance] = zeros,
            [ResidentPensionNames.Columns.DibaoRecipient] = zeros,
            [ResidentPensionNames.Columns.Destitute] = zeros,
        });
        result.PersonValue(ResidentPensionProgram.Benefit.Name, 0).Should().Be(190, "Zhejiang hukou: provincial basic pension");
        result.PersonValue(ResidentPensionProgram.Benefit.Name, 1).Should().Be(103, "Xinjiang hukou: national minimum in 2023");
    }
}
