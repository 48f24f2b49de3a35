using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Programs.Subsidies;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.Programs.Subsidies;

public class OldAgeAllowanceLinkTests
{
    [Fact]
    public void The_pension_top_up_and_the_subsidy_program_read_one_parameter_pair()
    {
        ResidentPensionParameters.OldAgeAllowanceAmount.Should().Be(OldAgeAllowanceProgram.AmountParameter);
        ResidentPensionParameters.OldAgeAllowanceAge.Should().Be(OldAgeAllowanceProgram.MinAge);
        var date = new DateOnly(2023, 6, 30);
        ParameterStore.Default.Resolve(OldAgeAllowanceProgram.AmountParameter, date, RegionCodes.Hangzhou).PerMonth().Should().Be(30);
        ParameterStore.Default.Resolve(OldAgeAllowanceProgram.AmountParameter, date, RegionCodes.Kashgar).PerMonth().Should().Be(0);
    }

    [Fact]
    public void The_subsidy_program_refuses_the_simulated_pension_so_the_allowance_is_not_paid_twice()
        => FluentActions.Invoking(() => new OldAgeAllowanceProgram(ResidentPensionProgram.Benefit.Name))
            .Should().Throw<ArgumentException>().WithMessage("*pay it twice*");
}
