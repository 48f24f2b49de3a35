using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Health;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Health;

public class MedicalPayoutProgramTests
{
    private static readonly DateOnly Mid2023 = new(2023, 6, 30);
    private static readonly DateOnly Mid2024 = new(2024, 6, 30);

    private static HouseholdResult Calculate(string region, DateOnly date, params (double Within, double Outside, AssistanceGroup Group)[] members)
    {
        var calculator = new HouseholdCalculator(MedicalPayoutProgram.CreatePolicyWithObservedGroups(), ParameterStore.Default);
        var household = new HouseholdRecord { Id = 1, Weight = 1, RegionCode = region, Area = AreaType.Urban };
        var persons = members.Select((m, i) => new PersonRecord { Id = i + 1, HouseholdId = 1, Age = 50 }).ToArray();
        var columns = new Dictionary<string, double[]>
        {
            [MedicalPayoutProgram.WithinPolicyBillColumn] = members.Select(m => m.Within).ToArray(),
            [MedicalPayoutProgram.OutOfPolicyBillColumn] = members.Select(m => m.Outside).ToArray(),
            [MedicalPayoutProgram.HospitalLevelColumn] = members.Select(_ => 3.0).ToArray(),
            [MedicalPayoutProgram.AdmissionsColumn] = members.Select(_ => 1.0).ToArray(),
            [MedicalAssistanceGroupProgram.ObservedGroupColumn] = members.Select(m => (double)m.Group).ToArray(),
            [MedicalPayoutProgram.InclusiveCommercialEnrolledColumn] = members.Select(_ => 0.0).ToArray(),
        };
        return calculator.Calculate(household, persons, date, columns);
    }

    [Fact]
    public void Final_income_adds_public_health_payments_and_subtracts_out_of_pocket_spending()
    {
        // Example 13: the bill of 100,000 is paid 61,720 + 8,568 by insurance; the household pays 29,712.
        var result = Calculate(RegionCodes.Ulanqab, Mid2023, (90_000, 10_000, AssistanceGroup.None));
        double final = result.Income(IncomeConcept.Final).Value;
        double disposable = result.Income(IncomeConcept.Disposable).Value;
        (final - disposable).Should().BeApproximately(61_720 + 8_568 - 29_712, 1e-6);
    }

    [Fact]
    public void Example_13_through_the_Ulanqab_parameter_file()
    {
        var result = Calculate(RegionCodes.Ulanqab, Mid2023, (90_000, 10_000, AssistanceGroup.None));

        result.PersonValue(MedicalPayoutProgram.BasicInsurance.Name, 0).Should().BeApproximately(61_720, 1e-6);
        result.PersonValue(MedicalPayoutProgram.CatastrophicInsurance.Name, 0).Should().BeApproximately(8_568, 1e-6);
        result.PersonValue(MedicalPayoutProgram.OutOfPocket.Name, 0).Should().BeApproximately(29_712, 1e-6);
    }

    [Fact]
    public void Ulanqab_dibao_member_gets_the_local_80_percent_large_bill_rate_and_the_major_disease_subsidy()
    {
        var result = Calculate(RegionCodes.Ulanqab, Mid2023, (90_000, 10_000, AssistanceGroup.Dibao));

        // Catastrophic with the poor-person rule: 13,832 (example 14). Ulanqab assistance for a bill ≥ 30k: 80% of 14,448.
        result.PersonValue(MedicalPayoutProgram.CatastrophicInsurance.Name, 0).Should().BeApproximately(13_832, 1e-6);
        result.PersonValue(MedicalPayoutProgram.MedicalAssistance.Name, 0).Should().BeApproximately(11_558.40, 1e-6);
        // The admission exceeds 30k: 40% of the remaining 2,889.60.
        result.PersonValue(MedicalPayoutProgram.MajorDiseaseSubsidy.Name, 0).Should().BeApproximately(1_155.84, 1e-6);
        result.PersonValue(MedicalPayoutProgram.HouseholdCap.Name, 0).Should().BeApproximately(0, 1e-9, "Ulanqab has no household cap");
        result.PersonValue(MedicalPayoutProgram.OutOfPocket.Name, 0).Should().BeApproximately(100_000 - 61_720 - 13_832 - 11_558.40 - 1_155.84, 1e-6);
    }

    [Fact]
    public void Hangzhou_cap_applies_from_2024_to_the_household_and_is_shared_by_out_of_pocket_spending()
    {
        // Member 1 is example 14 under the national defaults (OOP 14,334.40); member 2 has 1,000 of out-of-policy costs.
        var result = Calculate(RegionCodes.Hangzhou, Mid2024, (90_000, 10_000, AssistanceGroup.Dibao), (0, 1_000, AssistanceGroup.None));

        double oop1 = result.PersonValue(MedicalPayoutProgram.OutOfPocket.Name, 0);
        double oop2 = result.PersonValue(MedicalPayoutProgram.OutOfPocket.Name, 1);
        double cap1 = result.PersonValue(MedicalPayoutProgram.HouseholdCap.Name, 0);
        double cap2 = result.PersonValue(MedicalPayoutProgram.HouseholdCap.Name, 1);

        (oop1 + oop2).Should().BeApproximately(3_000, 1e-6, "K = 3,000 for a dibao household");
        (cap1 + cap2).Should().BeApproximately(15_334.40 - 3_000, 1e-6);
        cap2.Should().BeApproximately(12_334.40 * 1_000 / 15_334.40, 1e-6, "the fund's payment is shared in proportion to OOP");
    }

    [Fact]
    public void Hangzhou_has_no_cap_before_2024()
    {
        var result = Calculate(RegionCodes.Hangzhou, Mid2023, (90_000, 10_000, AssistanceGroup.Dibao));

        result.PersonValue(MedicalPayoutProgram.HouseholdCap.Name, 0).Should().BeApproximately(0, 1e-9);
        result.PersonValue(MedicalPayoutProgram.OutOfPocket.Name, 0).Should().BeApproximately(14_334.40, 1e-6, "example 14 under the national defaults");
    }

    [Fact]
    public void Explanation_lists_every_layer()
    {
        var result = Calculate(RegionCodes.Hangzhou, Mid2024, (90_000, 10_000, AssistanceGroup.Dibao));

        var text = string.Join('\n', result.Explanation.Steps.Select(s => s.Text));
        text.Should().Contain("basic insurance").And.Contain("catastrophic insurance (vulnerable terms)").And.Contain("medical assistance")
            .And.Contain("household OOP above K = 3000.00").And.Contain("out-of-pocket");
        var capStep = result.Explanation.Steps.Single(s => s.Text.Contains("household burden cap", StringComparison.Ordinal));
        capStep.Parameters.Should().Contain(p => p.Name == MedicalPayoutProgram.HouseholdCapEnabled && p.Provenance == Provenance.Paper);
    }

    [Fact]
    public void Explanation_cites_the_local_Ulanqab_rule_for_the_tertiary_deductible()
    {
        var result = Calculate(RegionCodes.Ulanqab, Mid2023, (90_000, 10_000, AssistanceGroup.Dibao));

        var basic = result.Explanation.Steps.Single(s => s.Text.Contains("basic insurance", StringComparison.Ordinal));
        basic.Parameters.Should().Contain(p => p.Name == MedicalPayoutProgram.BasicDeductibleTertiary && p.Provenance == Provenance.Local && p.Value.Scalar == 1_200);
        basic.Value.Should().BeApproximately(61_720, 1e-6);
    }

    [Fact]
    public void An_invalid_group_code_is_rejected_with_the_column_named()
    {
        var act = () => Calculate(RegionCodes.Ulanqab, Mid2023, (1_000, 0, (AssistanceGroup)9));

        act.Should().Throw<InvalidOperationException>().WithMessage($"*{MedicalAssistanceGroupProgram.ObservedGroupColumn}*");
    }

    [Fact]
    public void Kashgar_alert_threshold_comes_from_its_parameter_file_and_other_regions_have_none()
    {
        var store = ParameterStore.Default;
        var kashgar = store.Regions.GetId(RegionCodes.Kashgar);

        MonthlyOutOfPocketAlert.InForce(store, Mid2023, kashgar).ThresholdMonthly.Should().BeApproximately(1_000, 1e-9);
        var hangzhou = () => MonthlyOutOfPocketAlert.InForce(store, Mid2023, store.Regions.GetId(RegionCodes.Hangzhou));
        hangzhou.Should().Throw<ParameterNotFoundException>();
    }

    [Fact]
    public void Every_parameter_the_program_declares_resolves_in_every_study_region()
    {
        var store = ParameterStore.Default;
        var program = new MedicalPayoutProgram();
        foreach (var code in new[] { RegionCodes.Hangzhou, RegionCodes.Yunhe, RegionCodes.Wuxi, RegionCodes.Kashgar, RegionCodes.Ulanqab, RegionCodes.Baotou })
        {
            foreach (var name in program.Parameters)
            {
                var resolved = store.Resolve(name, Mid2024, store.Regions.GetId(code));
                resolved.Entry.IsInForce(Mid2024).Should().BeTrue($"{name} in {code}: the entry found must be in force");
                store.Regions.IsWithin(store.Regions.GetId(code), resolved.Entry.Region).Should().BeTrue($"{name} in {code} comes from the region or an ancestor");
            }
        }
    }

    [Fact]
    public void Terms_in_force_reproduce_examples_13_and_15_from_the_parameter_files()
    {
        var store = ParameterStore.Default;
        var (ulanqab, ulanqabCap) = MedicalPayoutProgram.TermsInForce(store, Mid2023, store.Regions.GetId(RegionCodes.Ulanqab));
        var (hangzhou, hangzhouCap) = MedicalPayoutProgram.TermsInForce(store, Mid2024, store.Regions.GetId(RegionCodes.Hangzhou));
        var bill = new MedicalClaim(90_000, 10_000);

        ulanqab.Compute(bill).OutOfPocket.Should().BeApproximately(29_712, 1e-9);
        ulanqab.DibaoAssistance.For(100_000).Rate.Should().BeApproximately(0.80, 1e-9);
        ulanqab.DibaoAssistance.For(29_999.99).Cap.Should().BeApproximately(10_000, 1e-9);
        ulanqabCap.CapFor(AssistanceGroup.Dibao).Should().BeNull("Ulanqab has no household cap");

        Span<MedicalPayout> household = [hangzhou.Compute(bill, AssistanceGroup.Dibao)];
        household[0].OutOfPocket.Should().BeApproximately(14_334.40, 1e-9);
        HouseholdBurdenCapTerms.Apply(household, hangzhouCap.CapFor(AssistanceGroup.Dibao)).Should().BeApproximately(11_334.40, 1e-9);
    }
}
