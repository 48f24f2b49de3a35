using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Health;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Programs.Health;

/// <summary>The medical-assistance group and the household cap follow the assistance statuses of the same run.</summary>
public class AssistanceGroupLinkTests
{
    private static readonly DateOnly Mid2024 = new(2024, 6, 30);

    private static HouseholdResult HangzhouPatient(ParameterStore store, double wagesAnnual)
    {
        // One urban person with no assets in Hangzhou and the bill of worked examples 13–15: 90,000 within policy,
        // 10,000 outside, one tertiary admission.
        var calculator = new HouseholdCalculator(MedicalPayoutProgram.CreatePolicy([new DibaoProgram()]), store);
        return calculator.Calculate(
            new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban },
            [new PersonRecord { Id = 1, HouseholdId = 1, Age = 50, WagesAnnual = wagesAnnual }],
            Mid2024,
            new Dictionary<string, double[]>
            {
                [MedicalPayoutProgram.WithinPolicyBillColumn] = [90_000],
                [MedicalPayoutProgram.OutOfPolicyBillColumn] = [10_000],
                [MedicalPayoutProgram.HospitalLevelColumn] = [3],
                [MedicalPayoutProgram.AdmissionsColumn] = [1],
                [MedicalPayoutProgram.InclusiveCommercialEnrolledColumn] = [0],
            });
    }

    [Fact]
    public void A_dibao_standard_reform_moves_a_household_into_medical_assistance_and_under_the_household_cap_in_one_run()
    {
        var store = ParameterStore.Default;
        double standard = store.Resolve(DibaoProgram.StandardUrban, Mid2024, RegionCodes.Hangzhou).PerYear();
        double wages = 1.05 * standard; // 5% above the standard: not dibao until the standard rises by 10%
        var reform = Reform.Create("dibao standard +10%").Scale(DibaoProgram.StandardUrban, RegionCodes.Hangzhou, new DateOnly(2024, 1, 1), 1.10);

        var before = HangzhouPatient(store, wages);
        var after = HangzhouPatient(store.WithReform(reform), wages);

        before.HouseholdValue(DibaoProgram.Eligible.Name).Should().Be(0);
        before.PersonValue(MedicalAssistanceGroupProgram.Group.Name, 0).Should().Be((double)AssistanceGroup.None);
        before.PersonValue(MedicalPayoutProgram.MedicalAssistance.Name, 0).Should().Be(0);
        before.PersonValue(MedicalPayoutProgram.HouseholdCap.Name, 0).Should().Be(0, "a household in no group has no cap");

        after.HouseholdValue(DibaoProgram.Eligible.Name).Should().Be(1);
        after.PersonValue(MedicalAssistanceGroupProgram.Group.Name, 0).Should().Be((double)AssistanceGroup.Dibao);
        // Worked example 14 under the national defaults: catastrophic 13,832 with the poor-person terms, assistance
        // 70% of the 14,448 left = 10,113.60, out of pocket 14,334.40; example 15: Hangzhou's K = 3,000 for dibao
        // households, so the cap fund pays 14,334.40 − 3,000 = 11,334.40.
        after.PersonValue(MedicalPayoutProgram.CatastrophicInsurance.Name, 0).Should().BeApproximately(13_832, 1e-9);
        after.PersonValue(MedicalPayoutProgram.MedicalAssistance.Name, 0).Should().BeApproximately(10_113.60, 1e-9);
        after.PersonValue(MedicalPayoutProgram.HouseholdCap.Name, 0).Should().BeApproximately(11_334.40, 1e-9);
        after.PersonValue(MedicalPayoutProgram.OutOfPocket.Name, 0).Should().BeApproximately(3_000, 1e-9);
        after.Explanation.Steps.Should().Contain(s => s.Text.Contains("assistance group Dibao (dibao.on_roll is set)", StringComparison.Ordinal));
    }

    [Fact]
    public void Groups_follow_the_most_favourable_status_person_flags_first()
    {
        // Statuses as extra columns: person 1 destitute in a dibao household; person 2 in the same household;
        // the marginal flag is also set, and dibao takes precedence over it.
        var program = MedicalAssistanceGroupProgram.FromStatuses(destitute: "test.destitute", dibao: "test.dibao", marginal: "test.marginal");
        var calculator = new HouseholdCalculator(Policy.Create(program), ParameterStore.Default);

        var result = calculator.Calculate(
            new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou },
            [new PersonRecord { Id = 1, HouseholdId = 1, Age = 80 }, new PersonRecord { Id = 2, HouseholdId = 1, Age = 40 }],
            Mid2024,
            new Dictionary<string, double[]> { ["test.destitute"] = [1, 0] },
            new Dictionary<string, double> { ["test.dibao"] = 1, ["test.marginal"] = 1 });

        result.PersonValue(MedicalAssistanceGroupProgram.Group.Name, 0).Should().Be((double)AssistanceGroup.Destitute);
        result.PersonValue(MedicalAssistanceGroupProgram.Group.Name, 1).Should().Be((double)AssistanceGroup.Dibao);
        program.Inputs.Should().Equal("test.destitute", "test.dibao", "test.marginal");
    }

    [Fact]
    public void Linked_groups_read_the_statuses_the_policy_writes_and_nothing_else()
    {
        MedicalAssistanceGroupProgram.LinkedTo([new DibaoProgram(), new DibaoMarginalProgram()]).Inputs
            .Should().Equal(DibaoProgram.OnRoll.Name, DibaoMarginalProgram.OnRoll.Name);
        MedicalAssistanceGroupProgram.LinkedTo([new TieredDibaoProgram()]).Inputs.Should().Equal(TieredDibaoProgram.OnRoll.Name);
        MedicalAssistanceGroupProgram.LinkedTo([]).Inputs.Should().BeEmpty();
        MedicalAssistanceGroupProgram.Observed().Inputs.Should().Equal(MedicalAssistanceGroupProgram.ObservedGroupColumn);
    }

    [Fact]
    public void A_population_column_with_the_derived_name_is_rejected_rather_than_silently_replaced()
    {
        var calculator = new HouseholdCalculator(Policy.Create(MedicalAssistanceGroupProgram.LinkedTo([])), ParameterStore.Default);

        var act = () => calculator.Calculate(
            new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou },
            [new PersonRecord { Id = 1, HouseholdId = 1 }],
            Mid2024,
            new Dictionary<string, double[]> { [MedicalAssistanceGroupProgram.Group.Name] = [2] });

        act.Should().Throw<InvalidOperationException>().WithMessage($"*{MedicalAssistanceGroupProgram.ObservedGroupColumn}*");
    }

    [Fact]
    public void Health_shock_replicates_run_the_assistance_programs_so_a_dibao_reform_lowers_out_of_pocket_spending()
    {
        // Households 5% above the Hangzhou standard: a 10% rise puts them on dibao, under medical assistance and the
        // 3,000 household cap, in every replicate.
        var store = ParameterStore.Default;
        double standard = store.Resolve(DibaoProgram.StandardUrban, Mid2024, RegionCodes.Hangzhou).PerYear();
        var builder = new PopulationBuilder();
        for (int h = 1; h <= 300; h++)
        {
            builder.AddHousehold(new HouseholdRecord { Id = h, Weight = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban });
            builder.AddPerson(new PersonRecord { Id = h, HouseholdId = h, Age = 70, WagesAnnual = 1.05 * standard });
        }

        var population = builder.Build();
        var reform = Reform.Create("dibao standard +10%").Scale(DibaoProgram.StandardUrban, RegionCodes.Hangzhou, new DateOnly(2024, 1, 1), 1.10);
        var options = new HealthShockOptions { Seed = 3, Replicates = 3 };

        var baseline = new HealthShockSimulation(HealthSpendingModel.Illustrative, store, [new DibaoProgram()]).Run(population, Mid2024, options);
        var reformed = new HealthShockSimulation(HealthSpendingModel.Illustrative, store.WithReform(reform), [new DibaoProgram()]).Run(population, Mid2024, options);

        for (int r = 0; r < 3; r++)
        {
            reformed.MeanOutOfPocket.Values[r].Should().BeLessThan(baseline.MeanOutOfPocket.Values[r], "the same bills meet medical assistance and the cap");
            reformed.MeanPublicPayment.Values[r].Should().BeGreaterThan(baseline.MeanPublicPayment.Values[r]);
        }
    }
}
