using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Assistance;

/// <summary>
/// The dibao standard and asset test resolved for one run, shared by the programs that measure households against
/// the dibao standard (tiered dibao, dibao-marginal, expenditure-type hardship, supplements, destitute support).
/// The rules are those of <see cref="DibaoProgram"/>: the urban or rural standard by the household's area, and the
/// asset test (financial assets ≤ months × S/12 × n; homes ≤ limit; no non-essential vehicle when that disqualifies).
/// Prepared from parameters alone (no population), so a prepared pass can serve any population; a pass binds the
/// rules to its block's population (<see cref="Bind"/>) before reading households.
/// </summary>
internal sealed class DibaoRules
{
    /// <summary>The dibao parameters the standard and the asset test use.</summary>
    public static readonly string[] StandardParameters = [DibaoProgram.StandardUrban, DibaoProgram.StandardRural];

    /// <summary>The dibao parameters of the standard and the asset test.</summary>
    public static readonly string[] AllParameters = [DibaoProgram.StandardUrban, DibaoProgram.StandardRural, DibaoProgram.AssetMonths, DibaoProgram.MaxHomes, DibaoProgram.VehicleDisqualifies];

    private readonly RegionalValues? _assetMonths;
    private readonly RegionalValues? _maxHomes;
    private readonly RegionalValues? _vehicleRule;

    // The bound population's columns and per-region values as plain arrays: these methods are called once or twice per household.
    private readonly ushort[] _region = [];
    private readonly byte[] _area = [];
    private readonly byte[] _homes = [];
    private readonly byte[] _vehicle = [];
    private readonly double[] _urban;
    private readonly double[] _rural;
    private readonly double[] _months = [];
    private readonly double[] _homeLimit = [];
    private readonly double[] _vehicleDisqualifies = [];

    public DibaoRules(ProgramSetup setup, bool withAssetTest)
    {
        Urban = setup.PerYear(DibaoProgram.StandardUrban);
        Rural = setup.PerYear(DibaoProgram.StandardRural);
        _urban = Urban.Array;
        _rural = Rural.Array;
        if (withAssetTest)
        {
            _assetMonths = setup.Scalar(DibaoProgram.AssetMonths);
            _maxHomes = setup.Scalar(DibaoProgram.MaxHomes);
            _vehicleRule = setup.Scalar(DibaoProgram.VehicleDisqualifies);
            _months = _assetMonths.Array;
            _homeLimit = _maxHomes.Array;
            _vehicleDisqualifies = _vehicleRule.Array;
        }
    }

    private DibaoRules(DibaoRules rules, Population population)
    {
        Urban = rules.Urban;
        Rural = rules.Rural;
        _assetMonths = rules._assetMonths;
        _maxHomes = rules._maxHomes;
        _vehicleRule = rules._vehicleRule;
        _urban = rules._urban;
        _rural = rules._rural;
        _months = rules._months;
        _homeLimit = rules._homeLimit;
        _vehicleDisqualifies = rules._vehicleDisqualifies;
        _region = population.HouseholdRegionColumn;
        _area = population.AreaColumn;
        _homes = population.HousingUnitsColumn;
        _vehicle = population.VehicleColumn;
    }

    /// <summary>The same rules reading <paramref name="population"/>'s households (one small object; bind once per block).</summary>
    /// <param name="population">The population of the block the rules are used for.</param>
    public DibaoRules Bind(Population population) => new(this, population);

    public RegionalValues Urban { get; }

    public RegionalValues Rural { get; }

    /// <summary>The household's dibao standard, yuan/person/year.</summary>
    /// <param name="household">A household of the population the rules were bound to.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public double AnnualStandard(int household)
    {
        int r = _region[household];
        return _area[household] == (byte)AreaType.Urban ? _urban[r] : _rural[r];
    }

    /// <summary>Where the household's standard comes from, for explanations.</summary>
    public ResolvedParameter StandardSource(Population population, int household)
    {
        var region = population.HouseholdRegion[household];
        return population.Area[household] == AreaType.Urban ? Urban.Source(region) : Rural.Source(region);
    }

    /// <summary>The dibao asset test for a household of <paramref name="members"/> whose standard is <paramref name="annualStandard"/>.</summary>
    /// <param name="financialAssets">The household's financial assets, yuan.</param>
    /// <param name="household">A household of the population the rules were bound to.</param>
    /// <param name="members">The number of members, <i>n</i>.</param>
    /// <param name="annualStandard">The household's standard <i>S</i>, yuan/person/year.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool AssetsPass(double financialAssets, int household, int members, double annualStandard)
    {
        if (_months.Length == 0)
        {
            ThrowAssetTestNotResolved();
        }

        int r = _region[household];
        return financialAssets * 12.0 <= _months[r] * annualStandard * members // assets ≤ months × S/12 × n
            && _homes[household] <= _homeLimit[r]
            && !(_vehicle[household] == 1 && _vehicleDisqualifies[r] == 1);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowAssetTestNotResolved() => throw new InvalidOperationException("The asset test was not resolved for this program.");

    /// <summary>Where the asset-test values for <paramref name="region"/> come from, for explanations.</summary>
    public (ResolvedParameter Months, ResolvedParameter Homes, ResolvedParameter Vehicle) AssetSources(Regions.RegionId region)
        => _assetMonths is null || _maxHomes is null || _vehicleRule is null
            ? throw new InvalidOperationException("The asset test was not resolved for this program.")
            : (_assetMonths.Source(region), _maxHomes.Source(region), _vehicleRule.Source(region));
}
