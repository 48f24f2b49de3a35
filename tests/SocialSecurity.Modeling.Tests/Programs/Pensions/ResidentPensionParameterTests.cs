using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Pensions;

public class ResidentPensionParameterTests
{
    private static readonly ParameterStore Store = ParameterStore.Default;

    [Theory]
    [InlineData("2010-06-01", 55)]
    [InlineData("2014-06-30", 55)]
    [InlineData("2014-07-01", 70)]
    [InlineData("2017-12-31", 70)]
    [InlineData("2018-01-01", 88)]
    [InlineData("2020-06-01", 93)]
    [InlineData("2022-06-01", 98)]
    [InlineData("2023-06-01", 103)]
    [InlineData("2024-06-01", 123)]
    [InlineData("2025-06-01", 143)]
    public void National_minimum_basic_pension_series(string date, double expected)
        => Store.Resolve(ResidentPensionNames.Parameters.BasicPension, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Store.Regions.Root).PerMonth().Should().Be(expected);

    [Fact]
    public void Zhejiang_basic_pension_overrides_the_national_minimum_from_2022_only()
    {
        var hangzhou = Store.Regions.GetId(RegionCodes.Hangzhou);
        Store.Resolve(ResidentPensionNames.Parameters.BasicPension, new DateOnly(2021, 6, 1), hangzhou).PerMonth().Should().Be(93);
        var resolved = Store.Resolve(ResidentPensionNames.Parameters.BasicPension, new DateOnly(2022, 6, 1), hangzhou);
        resolved.PerMonth().Should().Be(190);
        resolved.Provenance.Should().Be(Provenance.Paper);
    }

    [Fact]
    public void National_tiers_are_the_twelve_of_2014_and_their_subsidy_respects_the_floors()
    {
        var rules = ResidentPensionTerms.Resolve(Store, new DateOnly(2023, 7, 1), RegionCodes.Hohhot);
        rules.Tiers.Should().Equal(100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1500, 2000);
        rules.Source(ResidentPensionNames.Parameters.Tiers).Provenance.Should().Be(Provenance.National);
        var subsidies = rules.Tiers.Select(t => rules.Subsidy(new Money.AnnualYuan(t)).Value).ToArray();
        subsidies.Should().Equal(30, 30, 40, 45, 60, 60, 60, 65, 70, 75, 80, 80);
        rules.Tiers.Zip(subsidies).Should().OnlyContain(p => p.Second >= 30 && (p.First < 500 || p.Second >= 60));
        rules.Divisor.Should().Be(139);
        rules.InterestRate.Should().Be(0.03);
        rules.Source(ResidentPensionNames.Parameters.InterestRate).IsIllustrative.Should().BeTrue();
    }

    [Fact]
    public void Every_resident_pension_value_carries_a_source()
    {
        foreach (var name in ResidentPensionNames.Parameters.All)
        {
            Store.Definition(name).Entries.Should().OnlyContain(e => e.Source.Length > 10, $"{name} must cite a source");
        }
    }

    [Fact]
    public void Tiers_before_2014_are_the_five_of_the_rural_pilot()
        => ResidentPensionTerms.Resolve(Store, new DateOnly(2012, 1, 1), RegionCodes.Hohhot).Tiers.Should().Equal(100, 200, 300, 400, 500);
}
