using SocialSecurity.Modeling.Programs.Health;

namespace SocialSecurity.Modeling.Tests.Programs.Health;

/// <summary>docs/worked-examples.md#example-13 (examples 13–17) on the payout primitive.</summary>
public class WorkedExampleTests
{
    private static readonly MedicalClaim Bill100k = new(90_000m, 10_000m, HospitalLevel.Tertiary, 1);

    [Fact]
    public void Example_13_ordinary_resident_under_Ulanqab_terms()
    {
        var payout = UlanqabTerms.Schedule().Compute(Bill100k);

        payout.BasicInsurance.Should().Be(61_720m);
        payout.WithinPolicySelfPay.Should().Be(90_000m - 61_720m - 8_568m);
        payout.CatastrophicInsurance.Should().Be(8_568m);
        payout.MedicalAssistance.Should().Be(0m);
        payout.OutOfPocket.Should().Be(29_712m);
        Math.Round(payout.ReimbursedShare * 100m, 2).Should().Be(70.29m);
        payout.CeilingReduction.Should().Be(0m);
    }

    [Fact]
    public void Example_13_basic_insurance_pays_on_the_bill_above_the_deductible_in_bands()
    {
        // 28,800 × 65% + 40,000 × 70% + 20,000 × 75%: the first band runs from the deductible to 30,000.
        UlanqabTerms.Basic.Bands.Pay(90_000m, 1_200m).Should().Be(18_720m + 28_000m + 15_000m);
        UlanqabTerms.Basic.Deductible(HospitalLevel.Tertiary, 1).Should().Be(1_200m);
        UlanqabTerms.Basic.Deductible(HospitalLevel.Tertiary, 2).Should().Be(1_200m + 1_100m);
    }

    [Fact]
    public void Example_14_dibao_member_gets_poor_person_catastrophic_terms_and_assistance()
    {
        var payout = UlanqabTerms.Schedule(dibao: UlanqabTerms.NationalDibaoAssistance).Compute(Bill100k, AssistanceGroup.Dibao);

        payout.BasicInsurance.Should().Be(61_720m);
        payout.CatastrophicInsurance.Should().Be(13_832m);
        payout.MedicalAssistance.Should().Be(10_113.60m);
        payout.OutOfPocket.Should().Be(14_334.40m);
        Math.Round(payout.ReimbursedShare * 100m, 2).Should().Be(85.67m);
        payout.CeilingReduction.Should().Be(0m, "85.67% is within the 90% ceiling");
    }

    [Fact]
    public void Example_15_Hangzhou_cap_of_3000_pays_the_excess_and_30000_pays_nothing()
    {
        var before = UlanqabTerms.Schedule(dibao: UlanqabTerms.NationalDibaoAssistance).Compute(Bill100k, AssistanceGroup.Dibao);
        var capTerms = new HouseholdBurdenCapTerms(true, 3_000m, 30_000m, 50_000m);

        Span<MedicalPayout> household = [before];
        HouseholdBurdenCapTerms.Apply(household, capTerms.CapFor(AssistanceGroup.Dibao)).Should().Be(11_334.40m);
        household[0].HouseholdCap.Should().Be(11_334.40m);
        household[0].OutOfPocket.Should().Be(3_000m);

        Span<MedicalPayout> marginal = [before];
        HouseholdBurdenCapTerms.Apply(marginal, capTerms.CapFor(AssistanceGroup.Marginal)).Should().Be(0m);
        marginal[0].HouseholdCap.Should().Be(0m);
        marginal[0].OutOfPocket.Should().Be(14_334.40m);
    }

    [Fact]
    public void Example_16_Kashgar_flags_monthly_OOP_strictly_above_1000()
    {
        var rule = new MonthlyOutOfPocketAlert(1_000m);
        decimal[] monthly = [800m, 1_000.00m, 1_000.01m, 2_500m];
        var flags = new bool[monthly.Length];

        rule.Flag(monthly, flags).Should().Be(2);

        flags.Should().Equal(false, false, true, true);

        var fromColumn = new bool[4];
        rule.Flag([800.0, 1_000.0, 1_000.01, 2_500.0], fromColumn).Should().Be(2);
        fromColumn.Should().Equal(false, false, true, true);
    }

    [Fact]
    public void Example_17_Ulanqab_major_disease_subsidy_on_60000()
    {
        var claim = new MedicalClaim(200_000m, 0m);

        UlanqabTerms.MajorDisease.Pay(claim, 60_000m).Should().Be(28_000m);
        UlanqabTerms.MajorDisease.Pay(claim, 200_000m).Should().Be(50_000m, "the subsidy is capped at 50,000");
        UlanqabTerms.MajorDisease.Pay(new MedicalClaim(30_000m, 0m), 20_000m).Should().Be(0m, "an admission must exceed 30,000 strictly");
    }

    [Fact]
    public void Overall_ceiling_takes_back_the_excess_from_the_last_public_layer()
    {
        // A destitute person with 100% assistance would be reimbursed everything within policy: 90% of 100,000 is the limit.
        var full = MedicalAssistanceSchedule.Single(new MedicalAssistanceTerms(0m, 1m, 1_000_000m));
        var schedule = UlanqabTerms.Schedule() with { DestituteAssistance = full };

        var payout = schedule.Compute(new MedicalClaim(100_000m, 0m), AssistanceGroup.Destitute);

        payout.PublicPaid.Should().Be(90_000m);
        payout.OutOfPocket.Should().Be(10_000m);
        payout.CeilingReduction.Should().Be(10_000m);
        payout.BasicInsurance.Should().Be(UlanqabTerms.Basic.Pay(new MedicalClaim(100_000m, 0m)), "basic insurance comes first and keeps its payment");
    }

    [Fact]
    public void Payments_plus_out_of_pocket_equal_the_bill_exactly()
    {
        var schedule = UlanqabTerms.Schedule(UlanqabTerms.NationalDibaoAssistance, UlanqabTerms.MajorDisease, new InclusiveCommercialInsuranceTerms(20_000m, 0.7m, 1_000_000m));
        var payout = schedule.Compute(new MedicalClaim(123_456.78m, 9_876.54m, HospitalLevel.Secondary, 3), AssistanceGroup.Dibao, inclusiveCommercialEnrolled: true);

        (payout.BasicInsurance + payout.CatastrophicInsurance + payout.MedicalAssistance + payout.MajorDiseaseSubsidy
            + payout.InclusiveCommercialInsurance + payout.HouseholdCap + payout.OutOfPocket).Should().Be(123_456.78m + 9_876.54m);
    }
}
