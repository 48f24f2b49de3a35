using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.RegionHierarchy;

public class RegionCatalogTests
{
    private static readonly RegionCatalog Catalog = RegionCatalog.Default;

    [Theory]
    [InlineData(RegionCodes.Hangzhou)]
    [InlineData(RegionCodes.Ningbo)]
    [InlineData(RegionCodes.Lishui)]
    [InlineData(RegionCodes.Yunhe)]
    [InlineData(RegionCodes.Nanjing)]
    [InlineData(RegionCodes.Wuxi)]
    [InlineData(RegionCodes.Changzhou)]
    [InlineData(RegionCodes.Yangzhou)]
    [InlineData(RegionCodes.Kashgar)]
    [InlineData(RegionCodes.Hohhot)]
    [InlineData(RegionCodes.Baotou)]
    public void Every_place_the_study_names_is_in_the_catalogue_and_reaches_the_nation(string code)
    {
        var id = Catalog.GetId(code);
        Catalog.SelfAndAncestors(id).Last().Should().Be(Catalog.Root);
        Catalog.Province(id).Should().NotBeNull();
    }

    [Fact]
    public void Yunhe_lies_in_Lishui_in_Zhejiang()
    {
        var yunhe = Catalog.GetId(RegionCodes.Yunhe);
        Catalog.SelfAndAncestors(yunhe).Select(r => Catalog[r].Code).Should().Equal("331125", "331100", "330000", "000000");
        Catalog.IsWithin(yunhe, Catalog.GetId(RegionCodes.Zhejiang)).Should().BeTrue();
        Catalog.IsWithin(yunhe, Catalog.GetId(RegionCodes.Jiangsu)).Should().BeFalse();
        Catalog[Catalog.Province(yunhe)!.Value].Name.Should().Be("浙江省");
    }

    [Fact]
    public void Zhejiang_has_its_eleven_districted_cities()
        => Catalog.Children(Catalog.GetId(RegionCodes.Zhejiang)).Should().HaveCount(11);

    [Fact]
    public void Unknown_code_is_a_clear_error()
        => FluentActions.Invoking(() => Catalog.GetId("999999")).Should().Throw<UnknownRegionException>().WithMessage("*999999*");

    [Fact]
    public void A_catalogue_with_an_unknown_parent_names_the_json_path()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{"regions":[{"code":"000000","name":"n","pinyin":"n","level":"nation"},{"code":"110000","name":"b","pinyin":"b","level":"province","parent":"120000"}]}""");
        FluentActions.Invoking(() => RegionCatalog.Load(path)).Should().Throw<DataFormatException>().WithMessage("*$.regions[1].parent*120000*");
    }
}
