using SocialSecurity.Modeling.Programs.Health;

namespace SocialSecurity.Modeling.Tests.Programs.Health;

/// <summary>Property tests over many random bills and random (valid) terms, with a seeded generator so failures reproduce.</summary>
public class PayoutInvariantTests
{
    private const int Cases = 4_000;

    /// <summary>The floating-point slack allowed on sums of amounts of size <paramref name="scale"/>: 1e-12 relative (a few thousand ulps), at least 1e-9 yuan.</summary>
    private static double Slack(double scale) => Math.Max(1e-9, 1e-12 * Math.Abs(scale));

    private static double Money(Random random, double max) => Math.Round(random.NextDouble() * max, 2);

    private static double Rate(Random random) => Math.Round(random.NextDouble(), 3);

    private static CoinsuranceBands RandomBands(Random random)
    {
        int n = 1 + random.Next(4);
        var thresholds = new double[n];
        var rates = new double[n];
        for (int i = 0; i < n; i++)
        {
            thresholds[i] = i == 0 ? 0 : thresholds[i - 1] + 1 + Money(random, 80_000);
            rates[i] = Rate(random);
        }

        return CoinsuranceBands.Create(thresholds, rates);
    }

    private static MedicalAssistanceSchedule RandomAssistance(Random random)
        => new(Money(random, 60_000), new MedicalAssistanceTerms(Money(random, 10_000), Rate(random), Money(random, 50_000)), new MedicalAssistanceTerms(Money(random, 10_000), Rate(random), Money(random, 150_000)));

    private static MedicalPayoutSchedule RandomSchedule(Random random)
    {
        var basic = new BasicMedicalInsuranceTerms(Money(random, 1_000), Money(random, 2_000), Money(random, 3_000), Money(random, 500), RandomBands(random), Money(random, 300_000));
        var catastrophic = new CatastrophicIllnessTerms(Money(random, 30_000), RandomBands(random), random.Next(3) == 0 ? null : Money(random, 600_000));
        return new MedicalPayoutSchedule(
            basic,
            catastrophic,
            catastrophic.ForVulnerable(Rate(random), Rate(random) / 10, random.Next(2) == 0),
            RandomAssistance(random),
            RandomAssistance(random),
            RandomAssistance(random),
            RandomAssistance(random),
            new MajorDiseaseSubsidyTerms(random.Next(2) == 0, Money(random, 50_000), RandomBands(random), Money(random, 80_000)),
            new InclusiveCommercialInsuranceTerms(Money(random, 30_000), Rate(random), Money(random, 1_000_000)),
            random.Next(3) == 0 ? 1 : 0.5 + (Rate(random) / 2));
    }

    private static MedicalClaim RandomClaim(Random random)
    {
        // Heavy-tailed bills: most small, some very large.
        double scale = Math.Exp(random.NextDouble() * 14);
        return new MedicalClaim(Money(random, scale), random.Next(3) == 0 ? 0 : Money(random, scale / 4), (HospitalLevel)(1 + random.Next(3)), 1 + random.Next(4));
    }

    [Fact]
    public void Layers_are_non_negative_never_exceed_the_bill_and_add_up_to_it()
    {
        var random = new Random(20240101);
        for (int c = 0; c < Cases; c++)
        {
            var schedule = RandomSchedule(random);
            var claim = RandomClaim(random);
            var group = (AssistanceGroup)random.Next(5);
            var payout = schedule.Compute(claim, group, random.Next(2) == 0);

            double[] layers = [payout.BasicInsurance, payout.CatastrophicInsurance, payout.MedicalAssistance, payout.MajorDiseaseSubsidy, payout.InclusiveCommercialInsurance, payout.HouseholdCap];
            layers.Should().OnlyContain(x => x >= 0, $"case {c}: {payout}");
            payout.TotalPaid.Should().BeLessThanOrEqualTo(claim.Total, $"case {c}");
            payout.OutOfPocket.Should().BeGreaterThanOrEqualTo(claim.OutOfPolicy, $"case {c}: out-of-policy costs are never reimbursed");
            (layers.Sum() + payout.OutOfPocket).Should().BeApproximately(claim.Total, Slack(claim.Total), $"case {c}: layers + OOP must equal the bill");
            payout.PublicPaid.Should().BeLessThanOrEqualTo((schedule.ReimbursementCeiling * claim.Total) + Slack(claim.Total), $"case {c}: the overall ceiling");
        }
    }

    [Fact]
    public void Lowering_any_deductible_never_raises_out_of_pocket_spending()
    {
        var random = new Random(77);
        for (int c = 0; c < Cases; c++)
        {
            var s = RandomSchedule(random);
            var claim = RandomClaim(random);
            var group = (AssistanceGroup)random.Next(5);
            bool enrolled = random.Next(2) == 0;
            double cut = Rate(random);
            double baseline = s.Compute(claim, group, enrolled).OutOfPocket;

            MedicalAssistanceSchedule Lower(MedicalAssistanceSchedule a)
                => a with { SmallBill = a.SmallBill with { Deductible = a.SmallBill.Deductible * cut }, LargeBill = a.LargeBill with { Deductible = a.LargeBill.Deductible * cut } };

            var variants = new (string Name, MedicalPayoutSchedule Schedule)[]
            {
                ("basic primary", s with { Basic = s.Basic with { PrimaryDeductible = s.Basic.PrimaryDeductible * cut } }),
                ("basic secondary", s with { Basic = s.Basic with { SecondaryDeductible = s.Basic.SecondaryDeductible * cut } }),
                ("basic tertiary", s with { Basic = s.Basic with { TertiaryDeductible = s.Basic.TertiaryDeductible * cut } }),
                ("basic repeat reduction raised", s with { Basic = s.Basic with { RepeatAdmissionReduction = s.Basic.RepeatAdmissionReduction + 200 } }),
                ("catastrophic", s with { Catastrophic = s.Catastrophic with { Deductible = s.Catastrophic.Deductible * cut } }),
                ("catastrophic vulnerable", s with { CatastrophicVulnerable = s.CatastrophicVulnerable with { Deductible = s.CatastrophicVulnerable.Deductible * cut } }),
                ("assistance destitute", s with { DestituteAssistance = Lower(s.DestituteAssistance) }),
                ("assistance dibao", s with { DibaoAssistance = Lower(s.DibaoAssistance) }),
                ("assistance marginal", s with { MarginalAssistance = Lower(s.MarginalAssistance) }),
                ("assistance other", s with { OtherHardshipAssistance = Lower(s.OtherHardshipAssistance) }),
                ("huiminbao", s with { InclusiveCommercial = s.InclusiveCommercial with { Deductible = s.InclusiveCommercial.Deductible * cut } }),
            };
            foreach (var (name, variant) in variants)
            {
                variant.Compute(claim, group, enrolled).OutOfPocket.Should().BeLessThanOrEqualTo(baseline + Slack(claim.Total), $"case {c}: lowering the {name} deductible by factor {cut}");
            }
        }
    }

    [Fact]
    public void Household_cap_leaves_at_most_K_and_never_pays_more_than_a_member_spent()
    {
        var random = new Random(5);
        for (int c = 0; c < Cases / 4; c++)
        {
            var schedule = RandomSchedule(random);
            int n = 1 + random.Next(20);
            var members = new MedicalPayout[n];
            double before = 0;
            for (int i = 0; i < n; i++)
            {
                members[i] = schedule.Compute(RandomClaim(random), (AssistanceGroup)random.Next(5));
                before += members[i].OutOfPocket;
            }

            var original = (MedicalPayout[])members.Clone();
            double k = Money(random, 60_000);
            double paid = HouseholdBurdenCapTerms.Apply(members, k);

            double after = members.Sum(m => m.OutOfPocket);
            paid.Should().BeApproximately(Math.Max(0, before - k), Slack(before), $"case {c}");
            after.Should().BeApproximately(Math.Min(before, k), Slack(before), $"case {c}");
            for (int i = 0; i < n; i++)
            {
                members[i].OutOfPocket.Should().BeGreaterThanOrEqualTo(0);
                members[i].OutOfPocket.Should().BeLessThanOrEqualTo(original[i].OutOfPocket);
                (members[i].TotalPaid + members[i].OutOfPocket).Should().BeApproximately(members[i].Bill, Slack(members[i].Bill));
            }
        }
    }

    [Fact]
    public void Bands_pay_nothing_at_or_below_the_deductible_and_never_more_than_the_amount_above_it()
    {
        var random = new Random(99);
        for (int c = 0; c < Cases; c++)
        {
            var bands = RandomBands(random);
            double amount = Money(random, 500_000);
            double deductible = Money(random, 50_000);
            double paid = bands.Pay(amount, deductible);

            paid.Should().BeGreaterThanOrEqualTo(0);
            paid.Should().BeLessThanOrEqualTo(Math.Max(0, amount - deductible) * bands.MaximumRate);
            bands.Pay(Math.Min(amount, deductible), deductible).Should().Be(0);
        }
    }

    [Fact]
    public void Invalid_terms_are_rejected_with_the_argument_named()
    {
        var notAscending = () => CoinsuranceBands.Create([0, 5, 5], [0.5, 0.6, 0.7]);
        notAscending.Should().Throw<ArgumentException>().WithParameterName("thresholds");
        var rate = () => CoinsuranceBands.Create([0], [1.2]);
        rate.Should().Throw<ArgumentException>().WithParameterName("rates");
        var claim = () => new MedicalClaim(-1, 0);
        claim.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("withinPolicy");
        var admissions = () => new MedicalClaim(1, 0, HospitalLevel.Primary, 0);
        admissions.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("admissions");
        var ceiling = () => UlanqabTerms.Schedule(ceiling: 1.5);
        ceiling.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("ReimbursementCeiling");
        var commercial = () => new InclusiveCommercialInsuranceTerms(-5, 0.7, 1);
        commercial.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Deductible");
        var cap = () => UlanqabTerms.Schedule().Compute(new MedicalClaim(1_000, 0)).WithHouseholdCap(5_000);
        cap.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("amount");
    }
}
