using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Programs.Assistance;

/// <summary>
/// The centrally set basic pension of the resident scheme left out of means-test income (docs/rules/household_income.md,
/// docs/rules/dibao.md): during the 14th five-year plan it is not counted in dibao income (民发〔2021〕57号, list of
/// incomes not counted, item 3) nor in destitute persons' income (民发〔2021〕43号 art. 6). Where
/// <see cref="HouseholdIncomeProgram.ExcludeCentralBasicPension"/> is 1 in the household's region, each member's resident
/// pension counts as max(0, pension − central basic pension), that is the pension less min(pension, the national minimum
/// basic pension <c>pension.resident.basic_pension</c> of region 000000 in force), × 12 a year. A provincial basic pension above the
/// national minimum is counted: only the central part is excluded.
/// </summary>
internal sealed class CentralBasicPensionExclusion
{
    private readonly double[] _applies;

    public CentralBasicPensionExclusion(ProgramSetup setup, string variable)
    {
        Variable = variable;
        Flag = setup.Scalar(HouseholdIncomeProgram.ExcludeCentralBasicPension);
        _applies = Flag.Array;
        AppliesAnywhere = setup.RegionsPresent.Any(r => _applies[r.Index] != 0.0);
        CentralBasicPension = setup.Resolve(ResidentPensionNames.Parameters.BasicPension, setup.Regions.GetId(RegionCodes.China));
        CentralBasicPensionAnnual = CentralBasicPension.PerYear();
    }

    /// <summary>The person variable the central basic pension is left out of (the resident pension received).</summary>
    public string Variable { get; }

    /// <summary>Whether the exclusion is in force in some region present (1 in the flag).</summary>
    public bool AppliesAnywhere { get; }

    /// <summary>The flag by region.</summary>
    public RegionalValues Flag { get; }

    /// <summary>The national minimum basic pension in force (region 000000), with its source.</summary>
    public ResolvedParameter CentralBasicPension { get; }

    /// <summary>The national minimum basic pension, yuan per year (the monthly amount × 12).</summary>
    public double CentralBasicPensionAnnual { get; }

    /// <summary>Whether the exclusion applies to a household of <paramref name="region"/>.</summary>
    public bool AppliesIn(RegionId region) => _applies[region.Index] != 0.0;

    /// <summary>
    /// Adds the counted pension of every member of households [<paramref name="first"/>, <paramref name="end"/>) to
    /// <paramref name="members"/> (indexed from the first member of <paramref name="first"/>): pension ×
    /// <paramref name="toAnnual"/> where the exclusion does not apply (the same product as an unexcluded variable), else
    /// max(0, that − the central basic pension × 12).
    /// </summary>
    public void AddCounted(Span<double> members, ReadOnlySpan<double> column, double toAnnual, Population population, int first, int end)
    {
        // One flat pass over the block's persons, each reading its household's region (no inner loop per household,
        // whose varying length the branch predictor misses). A block without pensions adds only zeros, which leave the
        // members' sums as they are (they started at +0, so they are never −0): it is skipped.
        int firstPerson = population.MemberStart[first];
        var values = column[firstPerson..population.MemberStart[end]];
        if (!values.ContainsAnyExcept(0.0))
        {
            return;
        }

        var household = population.PersonHousehold[firstPerson..];
        var region = population.HouseholdRegionColumn;
        for (int i = 0; i < values.Length; i++)
        {
            double pension = values[i] * toAnnual;
            double excluded = Math.Max(0.0, pension - CentralBasicPensionAnnual);
            members[i] += _applies[region[household[i]]] != 0.0 ? excluded : pension;
        }
    }
}
