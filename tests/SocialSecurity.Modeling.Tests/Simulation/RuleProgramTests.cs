using System.Runtime.CompilerServices;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.Simulation;

public class RuleProgramTests
{
    private static readonly DateOnly Date = new(2023, 6, 30);

    private static readonly VariableDefinition MemberOutput = new("test.member", Entity.Person, AmountPeriod.None, IncomeRole.None, "member number");
    private static readonly VariableDefinition AgeTimesTen = new("test.age_times_ten", Entity.Person, AmountPeriod.None, IncomeRole.None, "10 × age");
    private static readonly VariableDefinition SizeOutput = new("test.size", Entity.Household, AmountPeriod.None, IncomeRole.None, "household size");
    private static readonly VariableDefinition MemberAgeSum = new("test.age_sum", Entity.Household, AmountPeriod.None, IncomeRole.None, "sum of members' ages");

    // Three households of 3, 1 and 2 members; ages 40, 38, 10 | 70 | 30, 2.
    private static Population Sample()
    {
        var households = new[] { 1L, 2, 3 }.Select(id => new HouseholdRecord { Id = id, Weight = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban }).ToArray();
        var persons = new (long Household, int Age)[] { (1, 40), (1, 38), (1, 10), (2, 70), (3, 30), (3, 2) }
            .Select((p, i) => new PersonRecord { Id = i + 1, HouseholdId = p.Household, Age = p.Age, Sex = Sex.Female, Hukou = HukouType.Urban })
            .ToArray();
        return TestPopulations.Build(households, persons);
    }

    private sealed class PersonProbe(StrongBox<int> releases)
        : RuleProgram("test_person_probe", "writes each member's number and 10 × age", inputs: [], outputs: [MemberOutput, AgeTimesTen], parameters: [])
    {
        protected override ProgramPass CreatePass(ProgramSetup setup) => PerPerson<Rule, Rule.Block>(new Rule(releases));

        private readonly struct Rule(StrongBox<int> releases) : IPersonRule<Rule.Block>
        {
            public Block Bind(ProgramContext context) => new(context.Population.Age, context.Write(MemberOutput.Name), context.Write(AgeTimesTen.Name));

            public void Compute(ref Block block, in PersonRow person, Explanation? explanation)
            {
                block.Member[person.Index] = person.Member;
                block.Scaled[person.Index] = 10 * block.Age[person.Index];
                explanation?.Record("test_person_probe", $"member {person.Member} of household row {person.Household}", person.Member, "number");
            }

            public void Release(ref Block block) => Interlocked.Increment(ref releases.Value);

            public readonly ref struct Block(ReadOnlySpan<byte> age, Span<double> member, Span<double> scaled)
            {
                public readonly ReadOnlySpan<byte> Age = age;
                public readonly Span<double> Member = member;
                public readonly Span<double> Scaled = scaled;
            }
        }
    }

    private sealed class HouseholdProbe()
        : RuleProgram("test_household_probe", "writes each household's size and members' age sum", inputs: [], outputs: [SizeOutput, MemberAgeSum], parameters: [])
    {
        protected override ProgramPass CreatePass(ProgramSetup setup) => PerHousehold<Rule, Rule.Block>(default);

        private readonly struct Rule : IHouseholdRule<Rule.Block>
        {
            public Block Bind(ProgramContext context) => new(context.Population.Age, context.Write(SizeOutput.Name), context.Write(MemberAgeSum.Name));

            public void Compute(ref Block block, in HouseholdRow household, Explanation? explanation)
            {
                double sum = 0;
                for (int p = household.FirstMember; p < household.EndMember; p++)
                {
                    sum += block.Age[p];
                }

                block.Size[household.Index] = household.Size;
                block.AgeSum[household.Index] = sum;
            }

            public readonly ref struct Block(ReadOnlySpan<byte> age, Span<double> size, Span<double> ageSum)
            {
                public readonly ReadOnlySpan<byte> Age = age;
                public readonly Span<double> Size = size;
                public readonly Span<double> AgeSum = ageSum;
            }
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(1, 1024)]
    public void Per_person_rules_see_every_member_once_in_household_order(int threads, int blockSize)
    {
        var releases = new StrongBox<int>();
        var run = Microsimulation.Run(Sample(), Policy.Create(new PersonProbe(releases)), ParameterStore.Default, Date, new SimulationOptions { MaxDegreeOfParallelism = threads, BlockSize = blockSize });
        run.Values(MemberOutput.Name).ToArray().Should().Equal(1, 2, 3, 1, 1, 2);
        run.Values(AgeTimesTen.Name).ToArray().Should().Equal(400, 380, 100, 700, 300, 20);
        releases.Value.Should().Be(blockSize == 1 ? 3 : 1, "what a block rents is given back once per block");
    }

    [Fact]
    public void Per_household_rules_see_each_household_with_its_members()
    {
        var run = Microsimulation.Run(Sample(), Policy.Create(new HouseholdProbe()), ParameterStore.Default, Date);
        run.Values(SizeOutput.Name).ToArray().Should().Equal(3, 1, 2);
        run.Values(MemberAgeSum.Name).ToArray().Should().Equal(88, 70, 32);
    }

    [Fact]
    public void Declarations_given_to_the_constructor_are_the_programs_declarations()
    {
        var program = new HouseholdProbe();
        program.Name.Should().Be("test_household_probe");
        program.Outputs.Should().Equal(SizeOutput, MemberAgeSum);
        program.Inputs.Should().BeEmpty();
        program.Pays.Should().BeEmpty();
        program.Prerequisites.Should().BeEmpty();
        FluentActions.Invoking(() => program.Prepare(null!)).Should().Throw<ArgumentNullException>();
    }
}
