using SocialSecurity.Modeling.Programs.Health;

namespace SocialSecurity.Modeling.Tests.Programs.Health;

/// <summary>docs/worked-examples.md#example-13 (examples 13–17) on the payout primitive.</summary>
public class WorkedExampleTests
{
    private static readonly MedicalClaim Bill100k = new(90_000, 10_000, HospitalLevel.Tertiary, 1);

    [Fact]
    public void Example_13_ordinary_resident_under_Ulanqab_terms()
    {
        var payout = UlanqabTerms.Schedule().Compute(Bill100k);

        payout.BasicInsurance.Should().BeApproximately(61_720, 1e-9);
        payout.WithinPolicySelfPay.Should().BeApproximately(90_000 - 61_720 - 8_568, 1e-9);
        payout.CatastrophicInsurance.Should().BeApproximately(8_568, 1e-9);
        payout.MedicalAssistance.Should().BeApproximately(0, 1e-9);
        payout.OutOfPocket.Should().BeApproximately(29_712, 1e-9);
        Math.Round(payout.ReimbursedShare * 100, 2).Should().BeApproximately(70.29, 1e-9);
        payout.CeilingReduction.Should().BeApproximately(0, 1e-9);
    }

    [Fact]
    public void Example_13_basic_insurance_pays_on_the_bill_above_the_deductible_in_bands()
    {
        // 28,800 × 65% + 40,000 × 70% + 20,000 × 75%: the first band runs from the deductible to 30,000.
        UlanqabTerms.Basic.Bands.Pay(90_000, 1_200).Should().BeApproximately(18_720 + 28_000 + 15_000, 1e-9);
        UlanqabTerms.Basic.Deductible(HospitalLevel.Tertiary, 1).Should().BeApproximately(1_200, 1e-9);
        UlanqabTerms.Basic.Deductible(HospitalLevel.Tertiary, 2).Should().BeApproximately(1_200 + 1_100, 1e-9);
    }

    [Fact]
    public void Example_14_dibao_member_gets_poor_person_catastrophic_terms_and_assistance()
    {
        var payout = UlanqabTerms.Schedule(dibao: UlanqabTerms.NationalDibaoAssistance).Compute(Bill100k, AssistanceGroup.Dibao);

        payout.BasicInsurance.Should().BeApproximately(61_720, 1e-9);
        payout.CatastrophicInsurance.Should().BeApproximately(13_832, 1e-9);
        payout.MedicalAssistance.Should().BeApproximately(10_113.60, 1e-9);
        payout.OutOfPocket.Should().BeApproximately(14_334.40, 1e-9);
        Math.Round(payout.ReimbursedShare * 100, 2).Should().BeApproximately(85.67, 1e-9);
        payout.CeilingReduction.Should().BeApproximately(0, 1e-9, "85.67% is within the 90% ceiling");
    }

    [Fact]
    public void Example_15_Hangzhou_cap_of_3000_pays_the_excess_and_30000_pays_nothing()
    {
        var before = UlanqabTerms.Schedule(dibao: UlanqabTerms.NationalDibaoAssistance).Compute(Bill100k, AssistanceGroup.Dibao);
        var capTerms = new HouseholdBurdenCapTerms(true, 3_000, 30_000, 50_000);

        Span<MedicalPayout> household = [before];
        HouseholdBurdenCapTerms.Apply(household, capTerms.CapFor(AssistanceGroup.Dibao)).Should().BeApproximately(11_334.40, 1e-9);
        household[0].HouseholdCap.Should().BeApproximately(11_334.40, 1e-9);
        household[0].OutOfPocket.Should().BeApproximately(3_000, 1e-9);

        Span<MedicalPayout> marginal = [before];
        HouseholdBurdenCapTerms.Apply(marginal, capTerms.CapFor(AssistanceGroup.Marginal)).Should().BeApproximately(0, 1e-9);
        marginal[0].HouseholdCap.Should().BeApproximately(0, 1e-9);
        marginal[0].OutOfPocket.Should().BeApproximately(14_334.40, 1e-9);
    }

    [Fact]
    public void Example_16_Kashgar_flags_monthly_OOP_strictly_above_1000()
    {
        var rule = new MonthlyOutOfPocketAlert(1_000);
        double[] monthly = [800, 1_000.00, 1_000.01, 2_500];
        var flags = new bool[monthly.Length];

        rule.Flag(monthly, flags).Should().Be(2);

        flags.Should().Equal(false, false, true, true);
    }

    [Fact]
    public void Example_17_Ulanqab_major_disease_subsidy_on_60000()
    {
        var claim = new MedicalClaim(200_000, 0);

        UlanqabTerms.MajorDisease.Pay(claim, 60_000).Should().BeApproximately(28_000, 1e-9);
        UlanqabTerms.MajorDisease.Pay(claim, 200_000).Should().BeApproximately(50_000, 1e-9, "the subsidy is capped at 50,000");
        UlanqabTerms.MajorDisease.Pay(new MedicalClaim(30_000, 0), 20_000).Should().BeApproximately(0, 1e-9, "an admission must exceed 30,000 strictly");
    }

    [Fact]
    public void Overall_ceiling_takes_back_the_excess_from_the_last_public_layer()
    {
        // A destitute person with 100% assistance would be reimbursed everything within policy: 90% of 100,000 is the limit.
        var full = MedicalAssistanceSchedule.Single(new MedicalAssistanceTerms(0, 1, 1_000_000));
        var schedule = UlanqabTerms.Schedule() with { DestituteAssistance = full };

        var payout = schedule.Compute(new MedicalClaim(100_000, 0), AssistanceGroup.Destitute);

        payout.PublicPaid.Should().BeApproximately(90_000, 1e-9);
        payout.OutOfPocket.Should().BeApproximately(10_000, 1e-9);
        payout.CeilingReduction.Should().BeApproximately(10_000, 1e-9);
        payout.BasicInsurance.Should().Be(UlanqabTerms.Basic.Pay(new MedicalClaim(100_000, 0)), "basic insurance comes first and keeps its payment");
    }

    [Fact]
    public void Payments_plus_out_of_pocket_equal_the_bill()
    {
        var schedule = UlanqabTerms.Schedule(UlanqabTerms.NationalDibaoAssistance, UlanqabTerms.MajorDisease, new InclusiveCommercialInsuranceTerms(20_000, 0.7, 1_000_000));
        var payout = schedule.Compute(new MedicalClaim(123_456.78, 9_876.54, HospitalLevel.Secondary, 3), AssistanceGroup.Dibao, inclusiveCommercialEnrolled: true);

        (payout.BasicInsurance + payout.CatastrophicInsurance + payout.MedicalAssistance + payout.MajorDiseaseSubsidy
            + payout.InclusiveCommercialInsurance + payout.HouseholdCap + payout.OutOfPocket).Should().BeApproximately(123_456.78 + 9_876.54, 1e-9);
    }
}
