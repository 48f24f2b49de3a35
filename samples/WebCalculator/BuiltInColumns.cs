using System.Globalization;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Populations;

namespace Samples.WebCalculator;

/// <summary>
/// The built-in columns a request may set through <c>"columns"</c> by their schema name (<see cref="PopulationSchema"/>),
/// for example <c>"person.contract": 1</c> or <c>"household.children_in_education": 2</c>; every other name is an extra
/// column, which the policy must read.
/// </summary>
internal static class BuiltInColumns
{
    private delegate void Setter<T>(ref T record, double value);

    private static readonly Dictionary<string, Setter<PersonRecord>> Person = new(StringComparer.Ordinal)
    {
        [PopulationSchema.Age.Name] = (ref PersonRecord p, double v) => p = p with { Age = (int)v },
        [PopulationSchema.Sex.Name] = (ref PersonRecord p, double v) => p = p with { Sex = (Sex)(int)v },
        [PopulationSchema.Hukou.Name] = (ref PersonRecord p, double v) => p = p with { Hukou = (HukouType)(int)v },
        [PopulationSchema.Disability.Name] = (ref PersonRecord p, double v) => p = p with { Disability = (DisabilityGrade)(int)v },
        [PopulationSchema.SelfCare.Name] = (ref PersonRecord p, double v) => p = p with { SelfCare = (SelfCareAbility)(int)v },
        [PopulationSchema.Employment.Name] = (ref PersonRecord p, double v) => p = p with { Employment = (EmploymentStatus)(int)v },
        [PopulationSchema.Wages.Name] = (ref PersonRecord p, double v) => p = p with { WagesAnnual = v },
        [PopulationSchema.BusinessIncome.Name] = (ref PersonRecord p, double v) => p = p with { BusinessIncomeAnnual = v },
        [PopulationSchema.PropertyIncome.Name] = (ref PersonRecord p, double v) => p = p with { PropertyIncomeAnnual = v },
        [PopulationSchema.PrivateTransfers.Name] = (ref PersonRecord p, double v) => p = p with { PrivateTransfersAnnual = v },
        [PopulationSchema.ReportedPension.Name] = (ref PersonRecord p, double v) => p = p with { PensionIncomeAnnual = v },
        [PopulationSchema.LabourRemuneration.Name] = (ref PersonRecord p, double v) => p = p with { LabourRemunerationAnnual = v },
        [PopulationSchema.AuthorRemuneration.Name] = (ref PersonRecord p, double v) => p = p with { AuthorRemunerationAnnual = v },
        [PopulationSchema.Royalties.Name] = (ref PersonRecord p, double v) => p = p with { RoyaltiesAnnual = v },
        [PopulationSchema.AnnualBonus.Name] = (ref PersonRecord p, double v) => p = p with { AnnualBonus = v },
        [PopulationSchema.Contract.Name] = (ref PersonRecord p, double v) => p = p with { Contract = (WorkContract)(int)v },
        [PopulationSchema.IndustryRiskClass.Name] = (ref PersonRecord p, double v) => p = p with { IndustryRiskClass = (int)v },
        [PopulationSchema.Medical.Name] = (ref PersonRecord p, double v) => p = p with { MedicalScheme = (MedicalScheme)(int)v },
        [PopulationSchema.ParentsAged60Plus.Name] = (ref PersonRecord p, double v) => p = p with { ParentsAged60Plus = (int)v },
        [PopulationSchema.ElderlyParents.Name] = (ref PersonRecord p, double v) => p = p with { ElderlyParentClaim = (ElderlyParentClaim)(int)v },
        [PopulationSchema.Education.Name] = (ref PersonRecord p, double v) => p = p with { ContinuingEducation = (ContinuingEducation)(int)v },
        [PopulationSchema.MedicalSelfPay.Name] = (ref PersonRecord p, double v) => p = p with { MedicalSelfPayAnnual = v },
        [PopulationSchema.UnemploymentInsuranceYears.Name] = (ref PersonRecord p, double v) => p = p with { UnemploymentInsuranceYears = v },
        [PopulationSchema.UnemploymentMonths.Name] = (ref PersonRecord p, double v) => p = p with { UnemploymentMonths = (int)v },
        [PopulationSchema.WorkInjuryGrade.Name] = (ref PersonRecord p, double v) => p = p with { WorkInjuryGrade = (int)v },
        [PopulationSchema.WorkInjuryNew.Name] = (ref PersonRecord p, double v) => p = p with { WorkInjuryAssessedThisYear = v == 1 },
        [PopulationSchema.WorkInjuryNursing.Name] = (ref PersonRecord p, double v) => p = p with { WorkInjuryNursing = (NursingDependency)(int)v },
        [PopulationSchema.WorkInjuryWage.Name] = (ref PersonRecord p, double v) => p = p with { WorkInjuryWageMonthly = v },
    };

    private static readonly Dictionary<string, Setter<HouseholdRecord>> Household = new(StringComparer.Ordinal)
    {
        [PopulationSchema.Area.Name] = (ref HouseholdRecord h, double v) => h = h with { Area = (AreaType)(int)v },
        [PopulationSchema.FinancialAssets.Name] = (ref HouseholdRecord h, double v) => h = h with { FinancialAssets = v },
        [PopulationSchema.HousingUnits.Name] = (ref HouseholdRecord h, double v) => h = h with { HousingUnits = (byte)v },
        [PopulationSchema.NonEssentialVehicle.Name] = (ref HouseholdRecord h, double v) => h = h with { HasNonEssentialVehicle = v == 1 },
        [PopulationSchema.ChildrenInEducation.Name] = (ref HouseholdRecord h, double v) => h = h with { ChildrenInEducation = (int)v },
        [PopulationSchema.ChildrenUnder3.Name] = (ref HouseholdRecord h, double v) => h = h with { ChildrenUnder3 = (int)v },
        [PopulationSchema.Housing.Name] = (ref HouseholdRecord h, double v) => h = h with { Housing = (HousingCost)(int)v },
        [PopulationSchema.City.Name] = (ref HouseholdRecord h, double v) => h = h with { CityClass = (CityClass)(int)v },
        [PopulationSchema.WorkInjuryDeaths.Name] = (ref HouseholdRecord h, double v) => h = h with { WorkInjuryDeaths = (int)v },
    };

    /// <summary>Sets the built-in person columns named in <paramref name="columns"/>; returns the others (extra columns).</summary>
    public static Dictionary<string, double> SetPerson(ref PersonRecord person, Dictionary<string, double> columns, string path)
        => Set(Person, ref person, columns, path);

    /// <summary>Sets the built-in household columns named in <paramref name="columns"/>; returns the others (extra columns).</summary>
    public static Dictionary<string, double> SetHousehold(ref HouseholdRecord household, Dictionary<string, double> columns, string path)
        => Set(Household, ref household, columns, path);

    private static Dictionary<string, double> Set<T>(Dictionary<string, Setter<T>> fields, ref T record, Dictionary<string, double> columns, string path)
    {
        var extras = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in columns)
        {
            if (!fields.TryGetValue(name, out var field))
            {
                extras[name] = value;
                continue;
            }

            var definition = PopulationSchema.Find(name)!;
            if (!definition.Accepts(value))
            {
                throw new RequestProblemException($"{path}.columns.{name}", $"{value.ToString(CultureInfo.InvariantCulture)} is out of range for built-in column '{name}' ({definition.Description}): expected {definition.Expected}");
            }

            field(ref record, value);
        }

        return extras;
    }
}
