using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Assistance;

public class DestitutePersonsProgramTests
{
    private static readonly DateOnly Date = new(2023, 6, 30);
    private static readonly Policy Policy = Policy.Create(new DestitutePersonsProgram());

    private static SimulationResult Run(PersonRecord[] persons, double[] noWork, double[] noLivelihood, double[] noSupporter, double[]? centralised = null, ParameterStore? store = null, string region = RegionCodes.Hangzhou)
        => HouseholdRuns.Run(Policy, Date, [new HouseholdRecord { Id = 1, RegionCode = region }], persons, store,
            personColumns: new Dictionary<string, double[]>
            {
                [DestitutePersonsProgram.NoWorkCapacityColumn] = noWork,
                [DestitutePersonsProgram.NoLivelihoodColumn] = noLivelihood,
                [DestitutePersonsProgram.NoSupporterColumn] = noSupporter,
                [DestitutePersonsProgram.CentralisedSupportColumn] = centralised ?? new double[persons.Length],
            });

    private static SimulationResult Alone(int age, DisabilityGrade disability = DisabilityGrade.None, SelfCareAbility selfCare = SelfCareAbility.Able, bool centralised = false, ParameterStore? store = null, string region = RegionCodes.Hangzhou)
        => Run([new PersonRecord { Id = 1, HouseholdId = 1, Age = age, Disability = disability, SelfCare = selfCare }], [1], [1], [1], [centralised ? 1 : 0], store, region);

    [Fact]
    public void Worked_example_12_the_floor_is_1_3_times_S_or_1191_67_a_month()
    {
        var noLocalAmount = ParameterStore.Default.WithReform(Reform.Create("floor only").Set(DestitutePersonsProgram.BasicLivingAmount, RegionCodes.Zhejiang, new DateOnly(2023, 1, 1), 0));
        var result = Alone(70, store: noLocalAmount);
        Yuan.Round(result.Values(DestitutePersonsProgram.BasicLiving.Name)[0]).Should().Be(1_191.67m);
        Yuan.Round(result.Values(DestitutePersonsProgram.BasicLiving.Name)[0] * 12).Should().Be(14_300.00m);
    }

    [Fact]
    public void Worked_example_12_Zhejiang_pays_its_1756_average_which_passes_the_floor_at_1_92_times_S()
    {
        double basic = Alone(70).Values(DestitutePersonsProgram.BasicLiving.Name)[0];
        basic.Should().Be(1_756);
        (basic * 12).Should().BeGreaterThanOrEqualTo(14_300);
        Math.Round(basic * 12 / 11_000, 2).Should().Be(1.92);
    }

    [Theory]
    [InlineData(60, DisabilityGrade.None, true)]
    [InlineData(59, DisabilityGrade.None, false)]
    [InlineData(40, DisabilityGrade.Grade4, true)]
    [InlineData(15, DisabilityGrade.None, true)]
    [InlineData(16, DisabilityGrade.None, false)]
    public void Eligibility_needs_the_age_or_disability_category(int age, DisabilityGrade disability, bool eligible)
        => Alone(age, disability).Values(DestitutePersonsProgram.Eligible.Name)[0].Should().Be(eligible ? 1 : 0);

    [Fact]
    public void Eligibility_needs_all_three_conditions()
    {
        PersonRecord[] four = [.. Enumerable.Range(1, 4).Select(i => new PersonRecord { Id = i, HouseholdId = 1, Age = 75 })];
        var result = Run(four, [1, 0, 1, 1], [1, 1, 0, 1], [1, 1, 1, 0]);
        result.Values(DestitutePersonsProgram.Eligible.Name).ToArray().Should().Equal(1, 0, 0, 0);
        result.Values(DestitutePersonsProgram.HomeSupport.Name).ToArray().Skip(1).Should().AllBeEquivalentTo(0.0, "a non-eligible person receives nothing");
    }

    [Theory]
    [InlineData(SelfCareAbility.Able, 0)]
    [InlineData(SelfCareAbility.PartlyUnable, 0.2 * 2_242.99)]
    [InlineData(SelfCareAbility.FullyUnable, 0.5 * 2_242.99)]
    public void Care_is_graded_by_self_care_ability_as_a_share_of_the_minimum_wage(SelfCareAbility selfCare, double care)
    {
        var result = Alone(80, selfCare: selfCare);
        result.Values(DestitutePersonsProgram.Care.Name)[0].Should().BeApproximately(care, 1e-9, "0/20/50% of 2,242.99 [D: 2,660 from 2026 brought back to 2023]");
        result.Values(DestitutePersonsProgram.HomeSupport.Name)[0].Should().BeApproximately(1_756 + care, 1e-9);
    }

    [Fact]
    public void Centralised_support_is_paid_in_kind_to_the_institution_and_home_support_in_cash()
    {
        var centralised = Alone(80, selfCare: SelfCareAbility.FullyUnable, centralised: true);
        centralised.Values(DestitutePersonsProgram.HomeSupport.Name)[0].Should().Be(0);
        centralised.Values(DestitutePersonsProgram.CentralisedSupport.Name)[0].Should().BeApproximately(1_756 + (0.5 * 2_242.99), 1e-9);
        centralised.Definition(DestitutePersonsProgram.CentralisedSupport.Name).Role.Should().Be(IncomeRole.InKindTransfer);
        centralised.HouseholdIncome(IncomeConcept.Disposable)[0].Should().Be(0, "in-kind support is not disposable income");
    }

    [Fact]
    public void Outside_Zhejiang_the_floor_applies_with_the_local_standard()
        => Alone(70, region: RegionCodes.Kashgar).Values(DestitutePersonsProgram.BasicLiving.Name)[0].Should().BeApproximately(1.3 * 7_058.67 / 12, 1e-9);
}
