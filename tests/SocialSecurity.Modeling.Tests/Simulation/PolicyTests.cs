using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Simulation;

public class PolicyTests
{
    private sealed class Fake(string name, string[] inputs, string[] outputs) : PolicyProgram
    {
        public override string Name => name;

        public override string Description => "test program";

        public override IReadOnlyList<string> Inputs => inputs;

        public override IReadOnlyList<VariableDefinition> Outputs { get; } =
            outputs.Select(o => new VariableDefinition(o, Entity.Household, AmountPeriod.Month, IncomeRole.DirectTransfer, o)).ToArray();

        public override IReadOnlyList<string> Parameters => [];

        public override ProgramPass Prepare(ProgramSetup setup) => throw new NotSupportedException();
    }

    [Fact]
    public void Programs_are_ordered_by_what_they_read()
    {
        var policy = Policy.Create(new Fake("b", ["a.out"], ["b.out"]), new Fake("a", ["person.wages_annual"], ["a.out"]));
        policy.Programs.Select(p => p.Name).Should().Equal("a", "b");
        policy.ExternalInputs.Should().BeEmpty();
    }

    [Fact]
    public void A_cycle_is_rejected_when_the_policy_is_built_and_named()
        => FluentActions.Invoking(() => Policy.Create(new Fake("a", ["b.out"], ["a.out"]), new Fake("b", ["a.out"], ["b.out"])))
            .Should().Throw<PolicyDefinitionException>().WithMessage("*cycle*'a' reads 'b.out' from 'b'*'b' reads 'a.out' from 'a'*");

    [Fact]
    public void Two_programs_writing_one_variable_are_rejected()
        => FluentActions.Invoking(() => Policy.Create(new Fake("a", [], ["x"]), new Fake("b", [], ["x"])))
            .Should().Throw<PolicyDefinitionException>().WithMessage("*'a' and 'b' both write 'x'*");

    [Fact]
    public void Shadowing_a_built_in_input_is_rejected()
        => FluentActions.Invoking(() => Policy.Create(new Fake("a", [], ["person.wages_annual"])))
            .Should().Throw<PolicyDefinitionException>().WithMessage("*built-in population input*");

    [Fact]
    public void Inputs_nobody_provides_are_listed_as_external()
        => Policy.Create(new Fake("a", ["pension.tier_annual"], ["a.out"])).ExternalInputs.Should().Equal("pension.tier_annual");

    [Fact]
    public void Prerequisites_are_added_once_and_conflicting_ones_are_rejected()
    {
        var policy = Policy.Create(new DibaoProgram(), new DibaoMarginalProgram());
        policy.Programs.Select(p => p.Name).Should().Equal("household_income", "dibao", "dibao_marginal");
        FluentActions.Invoking(() => Policy.Create(new DibaoProgram([InputVariables.Wages.Name]), new DibaoMarginalProgram()))
            .Should().Throw<PolicyDefinitionException>().WithMessage("*needs 'household_income'*same income definition*");
    }

    [Fact]
    public void A_program_that_reads_simulated_output_is_ordered_after_it()
    {
        var policy = Policy.Create(new DibaoProgram([.. InputVariables.IncomeForMeansTests, "a.out"]), new Fake("a", [], ["a.out"]));
        policy.Programs.Select(p => p.Name).Should().Equal("a", "household_income", "dibao");
    }
}
