namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>What <see cref="SyntheticPopulation.Generate"/> builds: which region, how many sample persons, which seed and year.</summary>
public sealed record SyntheticPopulationOptions
{
    /// <summary>The region: 000000 (China), 330000 (Zhejiang), 320000 (Jiangsu), 650000 (Xinjiang) or 150000 (Inner Mongolia).</summary>
    public required string RegionCode { get; init; }

    /// <summary>The number of sample persons (1,000 to 20,000,000; calibration is designed for 10 thousand and more). Weights scale them to the resident population.</summary>
    public int Persons { get; init; } = 100_000;

    /// <summary>The random seed: the same seed and options give an identical population (bit for bit on the same runtime and platform; the random stream itself is platform-independent, but <see cref="Math.Exp"/> and <see cref="Math.Log(double)"/> may differ in the last bit between platforms).</summary>
    public ulong Seed { get; init; } = 20_231;

    /// <summary>The target year of the statistics: 2022 (default) or 2023 for the built-in statistics.</summary>
    public int Year { get; init; } = 2022;

    /// <summary>The statistics to calibrate to; the built-in ones for <see cref="RegionCode"/> when <see langword="null"/>.</summary>
    public ProvinceStatistics? Statistics { get; init; }
}
