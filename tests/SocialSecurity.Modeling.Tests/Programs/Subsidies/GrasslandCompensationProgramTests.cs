using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Subsidies;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Tests.Programs.Assistance;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Subsidies;

public class GrasslandCompensationProgramTests
{
    private static double Amount(DateOnly date, double ban, double balance)
        => HouseholdRuns.Run(Policy.Create(new GrasslandCompensationProgram()), date,
                [new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Ulanqab, Area = AreaType.Rural }],
                [new PersonRecord { Id = 1, HouseholdId = 1, Age = 50 }],
                householdColumns: new Dictionary<string, double[]> { [GrasslandCompensationProgram.BanAreaColumn] = [ban], [GrasslandCompensationProgram.BalanceAreaColumn] = [balance] })
            .Values(GrasslandCompensationProgram.Amount.Name)[0];

    [Fact]
    public void Worked_example_21_3000_mu_banned_and_2000_balanced_get_21500_a_year()
        => Yuan.Round(Amount(new DateOnly(2013, 6, 30), 3_000, 2_000)).Should().Be(21_500.00m);

    [Fact]
    public void Later_unverified_rates_apply_from_2016()
        => Yuan.Round(Amount(new DateOnly(2018, 6, 30), 3_000, 2_000)).Should().Be(28_000.00m, "3,000 × 7.5 + 2,000 × 2.5 + 500");

    [Fact]
    public void A_household_without_grassland_gets_nothing_not_even_the_household_amount()
        => Amount(new DateOnly(2013, 6, 30), 0, 0).Should().Be(0);

    [Fact]
    public void The_2011_rates_are_national_rules()
        => ParameterStore.Default.Resolve(GrasslandCompensationProgram.BanRate, new DateOnly(2013, 6, 30), RegionCodes.Ulanqab).Provenance.Should().Be(Provenance.National);

    [Fact]
    public void Negative_areas_are_data_errors()
        => FluentActions.Invoking(() => Amount(new DateOnly(2013, 6, 30), -1, 0)).Should().Throw<PopulationValidationException>()
            .WithMessage("*column 'household.grassland_ban_mu', household row 0 (id 1): -1 is invalid; expected a finite number ≥ 0 mu*");
}
