using System.Globalization;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Programs.Insurance;

/// <summary>
/// The monthly contribution band of every region present (docs/rules/social_insurance.md#the-band): the absolute
/// floor and ceiling a province publishes (<see cref="SocialInsuranceNames.BaseFloor"/>, <see cref="SocialInsuranceNames.BaseCeiling"/>)
/// where they are above 0, else the national ratios (60%, 300%) × the average monthly wage. Resolved once per run.
/// </summary>
internal sealed class ContributionBand
{
    private ContributionBand(RegionalValues absoluteFloor, RegionalValues absoluteCeiling, RegionalValues floorRatio, RegionalValues ceilingRatio, RegionalValues averageMonthly, double[] floor, double[] ceiling)
    {
        AbsoluteFloor = absoluteFloor;
        AbsoluteCeiling = absoluteCeiling;
        FloorRatio = floorRatio;
        CeilingRatio = ceilingRatio;
        AverageMonthly = averageMonthly;
        Floor = floor;
        Ceiling = ceiling;
    }

    public RegionalValues AbsoluteFloor { get; }

    public RegionalValues AbsoluteCeiling { get; }

    public RegionalValues FloorRatio { get; }

    public RegionalValues CeilingRatio { get; }

    public RegionalValues AverageMonthly { get; }

    /// <summary>The floor by region index, yuan per month.</summary>
    public double[] Floor { get; }

    /// <summary>The ceiling by region index, yuan per month.</summary>
    public double[] Ceiling { get; }

    /// <summary>Resolves the band of every region present; a floor above the ceiling stops the run.</summary>
    public static ContributionBand Resolve(ProgramSetup setup)
    {
        var absoluteFloor = setup.PerMonth(SocialInsuranceNames.BaseFloor);
        var absoluteCeiling = setup.PerMonth(SocialInsuranceNames.BaseCeiling);
        var floorRatio = setup.Scalar(EmployeePensionNames.Parameters.BaseFloorRatio);
        var ceilingRatio = setup.Scalar(EmployeePensionNames.Parameters.BaseCeilingRatio);
        var average = setup.PerMonth(EmployeePensionNames.Parameters.AverageWage);
        var floor = new double[setup.Regions.Count];
        var ceiling = new double[setup.Regions.Count];
        foreach (var region in setup.RegionsPresent)
        {
            int r = region.Index;
            floor[r] = absoluteFloor.ByRegion[r] > 0 ? absoluteFloor.ByRegion[r] : floorRatio.ByRegion[r] * average.ByRegion[r];
            ceiling[r] = absoluteCeiling.ByRegion[r] > 0 ? absoluteCeiling.ByRegion[r] : ceilingRatio.ByRegion[r] * average.ByRegion[r];
            if (floor[r] > ceiling[r])
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Region {setup.Regions[region].Code}: the contribution floor {floor[r]:0.00} is above the ceiling {ceiling[r]:0.00} yuan/month on {setup.Date:yyyy-MM-dd}; check '{SocialInsuranceNames.BaseFloor}', '{SocialInsuranceNames.BaseCeiling}' and the ratios."));
            }
        }

        return new ContributionBand(absoluteFloor, absoluteCeiling, floorRatio, ceilingRatio, average, floor, ceiling);
    }

    /// <summary>How the floor of <paramref name="region"/> was set, for explanations.</summary>
    public string DescribeFloor(RegionId region)
        => AbsoluteFloor[region] > 0
            ? StepText.Create($"floor {Floor[region.Index]:0.00} (absolute)")
            : StepText.Create($"floor {FloorRatio[region]:0.##} × average {AverageMonthly[region]:0.00} = {Floor[region.Index]:0.00}");

    /// <summary>How the ceiling of <paramref name="region"/> was set, for explanations.</summary>
    public string DescribeCeiling(RegionId region)
        => AbsoluteCeiling[region] > 0
            ? StepText.Create($"ceiling {Ceiling[region.Index]:0.00} (absolute)")
            : StepText.Create($"ceiling {CeilingRatio[region]:0.##} × average {AverageMonthly[region]:0.00} = {Ceiling[region.Index]:0.00}");

    /// <summary>The sources of the band in <paramref name="region"/>.</summary>
    public ResolvedParameter[] Sources(RegionId region)
        => [AbsoluteFloor.Source(region), AbsoluteCeiling.Source(region), FloorRatio.Source(region), CeilingRatio.Source(region), AverageMonthly.Source(region)];
}
