using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.RegionHierarchy;

public class RegionCatalogTests
{
    private static readonly RegionCatalog Catalog = RegionCatalog.Default;

    [Theory]
    [InlineData(RegionCodes.Hangzhou, RegionCodes.Zhejiang)]
    [InlineData(RegionCodes.Ningbo, RegionCodes.Zhejiang)]
    [InlineData(RegionCodes.Lishui, RegionCodes.Zhejiang)]
    [InlineData(RegionCodes.Yunhe, RegionCodes.Zhejiang)]
    [InlineData(RegionCodes.Nanjing, RegionCodes.Jiangsu)]
    [InlineData(RegionCodes.Wuxi, RegionCodes.Jiangsu)]
    [InlineData(RegionCodes.Changzhou, RegionCodes.Jiangsu)]
    [InlineData(RegionCodes.Yangzhou, RegionCodes.Jiangsu)]
    [InlineData(RegionCodes.Kashgar, RegionCodes.Xinjiang)]
    [InlineData(RegionCodes.Hohhot, RegionCodes.InnerMongolia)]
    [InlineData(RegionCodes.Baotou, RegionCodes.InnerMongolia)]
    public void Every_place_the_study_names_is_in_the_catalogue_and_reaches_the_nation_through_its_province(string code, string province)
    {
        var id = Catalog.GetId(code);
        Catalog.SelfAndAncestors(id).Last().Should().Be(Catalog.Root);
        Catalog.Province(id).Should().Be(Catalog.GetId(province), $"{code} lies in province {province}");
        Catalog.SelfAndAncestors(id).Should().Contain(Catalog.GetId(province));
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
