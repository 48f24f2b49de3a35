using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Assistance;

namespace SocialSecurity.Modeling.Tests.Programs.Assistance;

public class StandardPackageTests
{
    [Fact]
    public void The_standard_package_keeps_the_dibao_outputs_and_adds_the_marginal_status_without_extra_columns()
    {
        var policy = Policies.Standard();
        policy.Outputs.Select(o => o.Name).Should().Contain([DibaoProgram.Eligible.Name, DibaoProgram.Benefit.Name, DibaoMarginalProgram.Eligible.Name]);
        policy.ExternalInputs.Should().BeEmpty("the standard package runs on the built-in population schema");
    }
}
