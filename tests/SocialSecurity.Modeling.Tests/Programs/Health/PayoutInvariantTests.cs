using SocialSecurity.Modeling.Programs.Health;

namespace SocialSecurity.Modeling.Tests.Programs.Health;

/// <summary>Property tests over many random bills and random (valid) terms, with a seeded generator so failures reproduce.</summary>
public class PayoutInvariantTests
{
    private const int Cases = 4_000;

    private static decimal Money(Random random, double max) => Math.Round((decimal)(random.NextDouble() * max), 2);

    private static decimal Rate(Random random) => Math.Round((decimal)random.NextDouble(), 3);

    private static CoinsuranceBands RandomBands(Random random)
    {
        int n = 1 + random.Next(4);
        var thresholds = new decimal[n];
        var rates = new decimal[n];
        for (int i = 0; i < n; i++)
        {
            thresholds[i] = i == 0 ? 0m : thresholds[i - 1] + 1m + Money(random, 80_000);
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
            catastrophic.ForVulnerable(Rate(random), Rate(random) / 10m, random.Next(2) == 0),
            RandomAssistance(random),
            RandomAssistance(random),
            RandomAssistance(random),
            RandomAssistance(random),
            new MajorDiseaseSubsidyTerms(random.Next(2) == 0, Money(random, 50_000), RandomBands(random), Money(random, 80_000)),
            new InclusiveCommercialInsuranceTerms(Money(random, 30_000), Rate(random), Money(random, 1_000_000)),
            random.Next(3) == 0 ? 1m : 0.5m + (Rate(random) / 2m));
    }

    private static MedicalClaim RandomClaim(Random random)
    {
        // Heavy-tailed bills: most small, some very large.
        double scale = Math.Exp(random.NextDouble() * 14);
        return new MedicalClaim(Money(random, scale), random.Next(3) == 0 ? 0m : Money(random, scale / 4), (HospitalLevel)(1 + random.Next(3)), 1 + random.Next(4));
    }

    [Fact]
    public void Layers_are_non_negative_never_exceed_the_bill_and_add_up_to_it_exactly()
    {
        var random = new Random(20240101);
        for (int c = 0; c < Cases; c++)
        {
            var schedule = RandomSchedule(random);
            var claim = RandomClaim(random);
            var group = (AssistanceGroup)random.Next(5);
            var payout = schedule.Compute(claim, group, random.Next(2) == 0);

            decimal[] layers = [payout.BasicInsurance, payout.CatastrophicInsurance, payout.MedicalAssistance, payout.MajorDiseaseSubsidy, payout.InclusiveCommercialInsurance, payout.HouseholdCap];
            layers.Should().OnlyContain(x => x >= 0m, $"case {c}: {payout}");
            payout.TotalPaid.Should().BeLessThanOrEqualTo(claim.Total, $"case {c}");
            payout.OutOfPocket.Should().BeGreaterThanOrEqualTo(claim.OutOfPolicy, $"case {c}: out-of-policy costs are never reimbursed");
            (layers.Sum() + payout.OutOfPocket).Should().Be(claim.Total, $"case {c}: layers + OOP must equal the bill exactly");
            payout.PublicPaid.Should().BeLessThanOrEqualTo(schedule.ReimbursementCeiling * claim.Total, $"case {c}: the overall ceiling");
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
            decimal cut = Rate(random);
            decimal baseline = s.Compute(claim, group, enrolled).OutOfPocket;

            MedicalAssistanceSchedule Lower(MedicalAssistanceSchedule a)
                => a with { SmallBill = a.SmallBill with { Deductible = a.SmallBill.Deductible * cut }, LargeBill = a.LargeBill with { Deductible = a.LargeBill.Deductible * cut } };

            var variants = new (string Name, MedicalPayoutSchedule Schedule)[]
            {
                ("basic primary", s with { Basic = s.Basic with { PrimaryDeductible = s.Basic.PrimaryDeductible * cut } }),
                ("basic secondary", s with { Basic = s.Basic with { SecondaryDeductible = s.Basic.SecondaryDeductible * cut } }),
                ("basic tertiary", s with { Basic = s.Basic with { TertiaryDeductible = s.Basic.TertiaryDeductible * cut } }),
                ("basic repeat reduction raised", s with { Basic = s.Basic with { RepeatAdmissionReduction = s.Basic.RepeatAdmissionReduction + 200m } }),
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
                variant.Compute(claim, group, enrolled).OutOfPocket.Should().BeLessThanOrEqualTo(baseline, $"case {c}: lowering the {name} deductible by factor {cut}");
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
            decimal before = 0m;
            for (int i = 0; i < n; i++)
            {
                members[i] = schedule.Compute(RandomClaim(random), (AssistanceGroup)random.Next(5));
                before += members[i].OutOfPocket;
            }

            var original = (MedicalPayout[])members.Clone();
            decimal k = Money(random, 60_000);
            decimal paid = HouseholdBurdenCapTerms.Apply(members, k);

            decimal after = members.Sum(m => m.OutOfPocket);
            paid.Should().Be(Math.Max(0m, before - k), $"case {c}");
            after.Should().BeApproximately(Math.Min(before, k), 1e-20m, $"case {c}");
            for (int i = 0; i < n; i++)
            {
                members[i].OutOfPocket.Should().BeGreaterThanOrEqualTo(0m);
                members[i].OutOfPocket.Should().BeLessThanOrEqualTo(original[i].OutOfPocket);
                (members[i].TotalPaid + members[i].OutOfPocket).Should().Be(members[i].Bill);
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
            decimal amount = Money(random, 500_000);
            decimal deductible = Money(random, 50_000);
            decimal paid = bands.Pay(amount, deductible);

            paid.Should().BeGreaterThanOrEqualTo(0m);
            paid.Should().BeLessThanOrEqualTo(Math.Max(0m, amount - deductible) * bands.MaximumRate);
            bands.Pay(Math.Min(amount, deductible), deductible).Should().Be(0m);
        }
    }

    [Fact]
    public void Invalid_terms_are_rejected_with_the_argument_named()
    {
        var notAscending = () => CoinsuranceBands.Create([0m, 5m, 5m], [0.5m, 0.6m, 0.7m]);
        notAscending.Should().Throw<ArgumentException>().WithParameterName("thresholds");
        var rate = () => CoinsuranceBands.Create([0m], [1.2m]);
        rate.Should().Throw<ArgumentException>().WithParameterName("rates");
        var claim = () => new MedicalClaim(-1m, 0m);
        claim.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("withinPolicy");
        var admissions = () => new MedicalClaim(1m, 0m, HospitalLevel.Primary, 0);
        admissions.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("admissions");
        var ceiling = () => UlanqabTerms.Schedule(ceiling: 1.5m);
        ceiling.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("ReimbursementCeiling");
        var commercial = () => new InclusiveCommercialInsuranceTerms(-5m, 0.7m, 1m);
        commercial.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Deductible");
        var cap = () => UlanqabTerms.Schedule().Compute(new MedicalClaim(1_000m, 0m)).WithHouseholdCap(5_000m);
        cap.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("amount");
    }
}
