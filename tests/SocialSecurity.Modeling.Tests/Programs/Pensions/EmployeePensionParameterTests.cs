using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Pensions;

public class EmployeePensionParameterTests
{
    private static readonly DateOnly Date = new(2023, 7, 1);

    [Theory]
    [InlineData(RegionCodes.Hangzhou)]
    [InlineData(RegionCodes.Wuxi)]
    [InlineData(RegionCodes.Kashgar)]
    [InlineData(RegionCodes.Ulanqab)]
    public void Provincial_wage_bases_are_sourced_or_derived_at_the_baseline_and_statutory_ages_national(string region)
    {
        // Zhejiang, Jiangsu and Inner Mongolia: 2023 values derived [D] from later published ones; Xinjiang's 2022 wage is
        // second-hand [U] (docs/parameter-derivations.md#bringing-later-values-back-to-2023).
        var store = ParameterStore.Default;
        store.Resolve(EmployeePensionNames.Parameters.AverageWage, Date, region).Provenance.Should().BeOneOf(Provenance.Derived, Provenance.Unverified);
        store.Resolve(EmployeePensionNames.Parameters.BenefitBase, Date, region).Provenance.Should().Be(Provenance.Derived);
        store.Resolve(EmployeePensionNames.Parameters.PensionAgeMale, Date, region).Scalar().Should().Be(60);
        store.Resolve(EmployeePensionNames.Parameters.PensionAgeFemale, Date, region).Scalar().Should().Be(50);
        store.Resolve(EmployeePensionNames.Parameters.PensionAgeMale, Date, region).Provenance.Should().Be(Provenance.National);
    }

    [Fact]
    public void Every_declared_parameter_resolves_in_the_four_provinces()
    {
        var program = new EmployeePensionProgram();
        foreach (var region in new[] { RegionCodes.Zhejiang, RegionCodes.Jiangsu, RegionCodes.Xinjiang, RegionCodes.InnerMongolia })
        {
            foreach (var name in program.Parameters)
            {
                var resolved = ParameterStore.Default.Resolve(name, Date, region);
                resolved.Name.Should().Be(name);
                resolved.Entry.IsInForce(Date).Should().BeTrue($"{name} in {region}: the entry found must be in force on {Date}");
                ParameterStore.Default.Regions.IsWithin(ParameterStore.Default.Regions.GetId(region), resolved.Entry.Region)
                    .Should().BeTrue($"{name} in {region} comes from the region or one of its ancestors");
                resolved.Entry.Source.Should().NotBeNullOrWhiteSpace($"{name} in {region} names its source");
            }
        }
    }
}
