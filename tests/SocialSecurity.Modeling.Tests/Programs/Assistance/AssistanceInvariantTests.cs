using CsCheck;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Subsidies;
using SocialSecurity.Modeling.Programs.Targeting;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs;

namespace SocialSecurity.Modeling.Tests.Programs.Assistance;

/// <summary>Properties of the whole assistance package on random populations: eligibility sets nest as the rules say.</summary>
public class AssistanceInvariantTests
{
    private static readonly DateOnly Date = new(2023, 6, 30);

    /// <summary>Random populations (with disability and self-care variety) of 20 to 300 households; CsCheck shrinks a failure to a small one.</summary>
    private static readonly Gen<(HouseholdRecord[] Households, PersonRecord[] Persons)> Populations = TestPopulations.Households(20, 300);

    [Fact]
    public void Linked_benefits_go_only_to_the_households_and_persons_the_rules_allow()
    {
        int exercised = 0, yunheRecipients = 0;
        Populations.Sample(sample =>
        {
            var population = TestPopulations.Build(sample.Households, sample.Persons);
            var run = Microsimulation.Run(population, AssistancePolicies.Extended(), ParameterStore.Default, Date, new SimulationOptions { MaxDegreeOfParallelism = 1 });
            var dibao = run.Values(DibaoProgram.Eligible.Name);
            var benefit = run.Values(DibaoProgram.Benefit.Name);
            var marginal = run.Values(DibaoMarginalProgram.Eligible.Name);
            var supplement = run.Values(DibaoSupplementProgram.Amount.Name);
            var living = run.Values(DisabilityLivingSubsidyProgram.Amount.Name);
            var nursing = run.Values(SevereDisabilityNursingSubsidyProgram.Amount.Name);
            var care = run.Values(ElderlyCareServiceSubsidyProgram.Amount.Name);
            var yunhe = run.Values(YunheNursingSubsidyProgram.Amount.Name);
            var start = population.MemberStart;
            for (int h = 0; h < population.HouseholdCount; h++)
            {
                (dibao[h] == 1 && marginal[h] == 1).Should().BeFalse();
                if (dibao[h] == 0)
                {
                    benefit[h].Should().Be(0);
                    supplement[h].Should().Be(0);
                }

                for (int p = start[h]; p < start[h + 1]; p++)
                {
                    if (living[p] > 0)
                    {
                        dibao[h].Should().Be(1);
                        population.Disability[p].Should().NotBe(DisabilityGrade.None);
                    }

                    if (nursing[p] > 0)
                    {
                        population.Disability[p].Should().BeOneOf(DisabilityGrade.Grade1, DisabilityGrade.Grade2);
                    }

                    if (care[p] > 0)
                    {
                        (dibao[h] + marginal[h]).Should().Be(1);
                    }

                    if (yunhe[p] > 0)
                    {
                        (dibao[h] + marginal[h]).Should().Be(1);
                        (living[p] + nursing[p] + care[p]).Should().Be(0, "the Yunhe subsidy excludes the other three");
                        Interlocked.Increment(ref yunheRecipients);
                    }

                    if (living[p] > 0 || care[p] > 0 || yunhe[p] > 0)
                    {
                        Interlocked.Increment(ref exercised);
                    }
                }
            }
        }, iter: 40);

        exercised.Should().BeGreaterThan(0, "the samples must exercise the linked benefits");
        yunheRecipients.Should().BeGreaterThan(0, "the samples have Yunhe households");
    }

    [Fact]
    public void Tiered_dibao_makes_exactly_the_gap_filling_dibao_households_eligible()
        => Populations.SelectMany(sample => Gen.Int[0, 3].Array[sample.Households.Length].Select(classes => (sample.Households, sample.Persons, Classes: classes)))
            .Sample(t =>
            {
                var builder = new PopulationBuilder();
                foreach (var h in t.Households)
                {
                    builder.AddHousehold(h);
                }

                foreach (var p in t.Persons)
                {
                    builder.AddPerson(p);
                }

                builder.AddColumn(TieredDibaoProgram.Class, t.Classes.Select(c => (double)c).ToArray());
                // Two runs: one policy may not pay dibao twice.
                var withClasses = builder.Build();
                var tiered = Microsimulation.Run(withClasses, Policy.Create(new TieredDibaoProgram()), ParameterStore.Default, Date);
                var gapFilling = Microsimulation.Run(withClasses, Policy.Create(new DibaoProgram()), ParameterStore.Default, Date);
                tiered.Values(TieredDibaoProgram.Eligible.Name).ToArray().Should().Equal(gapFilling.Values(DibaoProgram.Eligible.Name).ToArray());
            }, iter: 40);

    [Fact]
    public void With_targeting_no_household_outside_the_roll_gets_a_linked_benefit_and_results_do_not_depend_on_threads()
    {
        var policy = AssistancePolicies.ExtendedWithTargeting();
        int excluded = 0;
        Gen.Select(Populations, Gen.Int[1, 64], Gen.Int[2, 4]).Sample(t =>
        {
            var ((households, persons), blockSize, threads) = t;
            var population = TestPopulations.Build(households, persons);
            var one = Microsimulation.Run(population, policy, ParameterStore.Default, Date, new SimulationOptions { MaxDegreeOfParallelism = 1, BlockSize = 16_384 });
            var many = Microsimulation.Run(population, policy, ParameterStore.Default, Date, new SimulationOptions { MaxDegreeOfParallelism = threads, BlockSize = blockSize });
            foreach (var output in policy.Outputs)
            {
                many.Values(output.Name).ToArray().Should().Equal(one.Values(output.Name).ToArray(), "output {0}", output.Name);
            }

            var outcome = one.Values(TargetedProgram.Outcome("dibao"));
            var supplement = one.Values(DibaoSupplementProgram.Amount.Name);
            var living = one.Values(DisabilityLivingSubsidyProgram.Amount.Name);
            var start = population.MemberStart;
            for (int h = 0; h < population.HouseholdCount; h++)
            {
                if ((TargetingOutcome)outcome[h] is TargetingOutcome.EligibleExcluded or TargetingOutcome.EligibleNotTakingUp)
                {
                    Interlocked.Increment(ref excluded);
                    supplement[h].Should().Be(0);
                    for (int p = start[h]; p < start[h + 1]; p++)
                    {
                        living[p].Should().Be(0);
                    }
                }
            }
        }, iter: 30);

        excluded.Should().BeGreaterThan(0, "the samples must contain eligible households left off the roll");
    }

    [Fact]
    public void The_destitute_explanation_cites_the_Zhejiang_figure_and_its_provenance()
    {
        var calculator = new HouseholdCalculator(Policy.Create(new DestitutePersonsProgram()), ParameterStore.Default);
        var result = calculator.Calculate(
            new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Lishui },
            [new PersonRecord { Id = 1, HouseholdId = 1, Age = 72, SelfCare = SelfCareAbility.PartlyUnable }],
            Date,
            new Dictionary<string, double[]>
            {
                [DestitutePersonsProgram.NoWorkCapacityColumn] = [1],
                [DestitutePersonsProgram.NoLivelihoodColumn] = [1],
                [DestitutePersonsProgram.NoSupporterColumn] = [1],
                [DestitutePersonsProgram.CentralisedSupportColumn] = [0],
            });
        result.PersonValue(DestitutePersonsProgram.HomeSupport.Name, 0).Should().BeApproximately(1_756 + (0.2 * 2_242.99), 1e-9);
        var text = result.Explanation.ToText(ParameterStore.Default.Regions);
        text.Should().Contain("destitute.basic_living.amount = 1756").And.Contain("[P]").And.Contain("[D]").And.Contain("[U]");
    }
}
