using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>
/// The population while it is being generated: households and persons as plain columns (members contiguous), before
/// weights, incomes and assets are filled in and the result is validated by <see cref="PopulationBuilder"/>.
/// </summary>
internal sealed class SyntheticDraft
{
    public SyntheticDraft(int persons)
    {
        // Households never outnumber persons; arrays are sized for the worst case and trimmed by the counts.
        Area = new AreaType[persons];
        Place = new int[persons];
        MemberStart = new int[persons + 1];
        IncomeRank = new double[persons];
        AssetNoise = new double[persons];
        Weight = new double[persons];
        Age = new byte[persons];
        Sex = new Sex[persons];
        Hukou = new HukouType[persons];
        HukouPlace = new int[persons];
        Disability = new DisabilityGrade[persons];
        SelfCare = new SelfCareAbility[persons];
        Employment = new EmploymentStatus[persons];
        Wages = new double[persons];
        Business = new double[persons];
        Property = new double[persons];
        ImputedRent = new double[persons];
        Transfers = new double[persons];
        Pensions = new double[persons];
    }

    public int HouseholdCount { get; set; }

    public int PersonCount { get; set; }

    // Households.
    public AreaType[] Area { get; }

    public int[] Place { get; } // index into the place list

    public int[] MemberStart { get; }

    public double[] IncomeRank { get; } // standard normal score of the household's per-capita income within its area

    public double[] AssetNoise { get; }

    public double[] Weight { get; }

    // Persons.
    public byte[] Age { get; }

    public Sex[] Sex { get; }

    public HukouType[] Hukou { get; }

    public int[] HukouPlace { get; } // −1: where the household lives

    public DisabilityGrade[] Disability { get; }

    public SelfCareAbility[] SelfCare { get; }

    public EmploymentStatus[] Employment { get; }

    public double[] Wages { get; }

    public double[] Business { get; }

    public double[] Property { get; } // received property income (financial and rental), without imputed rent

    public double[] ImputedRent { get; } // imputed rent of the owner-occupied home (SyntheticIncomeColumns.ImputedRent)

    public double[] Transfers { get; }

    public double[] Pensions { get; }

    public int Size(int household) => MemberStart[household + 1] - MemberStart[household];
}
