namespace SocialSecurity.Modeling.Regions;

/// <summary>GB/T 2260 codes of the regions that the reference study names, for use in code and reforms.</summary>
public static class RegionCodes
{
    /// <summary>The whole country (000000).</summary>
    public const string China = "000000";

    /// <summary>Zhejiang province (330000).</summary>
    public const string Zhejiang = "330000";

    /// <summary>Hangzhou, Zhejiang (330100).</summary>
    public const string Hangzhou = "330100";

    /// <summary>Ningbo, Zhejiang (330200).</summary>
    public const string Ningbo = "330200";

    /// <summary>Lishui, Zhejiang (331100).</summary>
    public const string Lishui = "331100";

    /// <summary>Yunhe county, Lishui, Zhejiang (331125).</summary>
    public const string Yunhe = "331125";

    /// <summary>Jiangsu province (320000).</summary>
    public const string Jiangsu = "320000";

    /// <summary>Nanjing, Jiangsu (320100).</summary>
    public const string Nanjing = "320100";

    /// <summary>Wuxi, Jiangsu (320200).</summary>
    public const string Wuxi = "320200";

    /// <summary>Changzhou, Jiangsu (320400).</summary>
    public const string Changzhou = "320400";

    /// <summary>Yangzhou, Jiangsu (321000).</summary>
    public const string Yangzhou = "321000";

    /// <summary>Xinjiang Uygur Autonomous Region (650000).</summary>
    public const string Xinjiang = "650000";

    /// <summary>Kashgar prefecture, Xinjiang (653100).</summary>
    public const string Kashgar = "653100";

    /// <summary>Inner Mongolia Autonomous Region (150000).</summary>
    public const string InnerMongolia = "150000";

    /// <summary>Hohhot, Inner Mongolia (150100).</summary>
    public const string Hohhot = "150100";

    /// <summary>Baotou, Inner Mongolia (150200).</summary>
    public const string Baotou = "150200";

    /// <summary>Ulanqab, Inner Mongolia (150900), whose medical-insurance rules docs/rules/medical.md uses as examples.</summary>
    public const string Ulanqab = "150900";

    /// <summary>The four provinces of the reference study, in the order the study discusses them.</summary>
    public static IReadOnlyList<string> StudyProvinces { get; } = [Zhejiang, Jiangsu, Xinjiang, InnerMongolia];
}
