using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Programs.Subsidies;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Subsidies;

public class OldAgeAllowanceLinkTests
{
    [Fact]
    public void The_pension_top_up_and_the_subsidy_program_read_one_parameter_pair()
    {
        ResidentPensionNames.Parameters.OldAgeAllowanceAmount.Should().Be(OldAgeAllowanceProgram.AmountParameter);
        ResidentPensionNames.Parameters.OldAgeAllowanceAge.Should().Be(OldAgeAllowanceProgram.MinAge);
        var date = new DateOnly(2023, 6, 30);
        ParameterStore.Default.Resolve(OldAgeAllowanceProgram.AmountParameter, date, RegionCodes.Hangzhou).PerMonth().Should().Be(30);
        ParameterStore.Default.Resolve(OldAgeAllowanceProgram.AmountParameter, date, RegionCodes.Kashgar).PerMonth().Should().Be(0);
    }

    [Fact]
    public void A_policy_with_the_pension_top_up_and_the_subsidy_program_is_rejected_so_the_allowance_is_not_paid_twice()
        => FluentActions.Invoking(() => Policy.Create(new ResidentPensionProgram(), new OldAgeAllowanceProgram()))
            .Should().Throw<PolicyDefinitionException>().WithMessage("*'pension.resident' and 'old_age_allowance' both pay the benefit 'old_age_allowance'*");

    [Fact]
    public void Dibao_and_tiered_dibao_cannot_both_pay_dibao()
        => FluentActions.Invoking(() => Policy.Create(new Modeling.Programs.Assistance.DibaoProgram(), new Modeling.Programs.Assistance.TieredDibaoProgram()))
            .Should().Throw<PolicyDefinitionException>().WithMessage("*both pay the benefit 'dibao'*");
}
