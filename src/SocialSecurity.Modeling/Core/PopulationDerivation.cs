namespace SocialSecurity.Modeling.Core;

/// <summary>
/// Builds a new <see cref="Population"/> that shares every column of an existing one except those replaced
/// (weights after raking, incomes after uprating). Populations are immutable, so sharing arrays is safe.
/// </summary>
internal static class PopulationDerivation
{
    public static Population With(
        Population source,
        double[]? weights = null,
        double[]? financialAssets = null,
        double[]? wages = null,
        double[]? business = null,
        double[]? property = null,
        double[]? privateTransfers = null,
        double[]? pensions = null,
        (string Name, double[] Values, bool IsPerson)? addColumn = null)
    {
        var personExtras = source.ExtraPersonColumns.ToDictionary(n => n, n => source.ExtraPersonColumn(n).ToArray(), StringComparer.Ordinal);
        var householdExtras = source.ExtraHouseholdColumns.ToDictionary(n => n, n => source.ExtraHouseholdColumn(n).ToArray(), StringComparer.Ordinal);
        if (addColumn is { } column)
        {
            (column.IsPerson ? personExtras : householdExtras).Add(column.Name, column.Values);
        }

        return new Population(
            source.Regions,
            source.HouseholdIdColumn, weights ?? source.WeightColumn, source.HouseholdRegionColumn, source.AreaColumn, financialAssets ?? source.FinancialAssetsColumn, source.HousingUnitsColumn, source.VehicleColumn, source.MemberStartColumn,
            source.PersonIdColumn, source.PersonHouseholdColumn, source.AgeColumn, source.SexColumn, source.HukouColumn, source.HukouRegionColumn, source.DisabilityColumn, source.SelfCareColumn, source.EmploymentColumn,
            wages ?? source.WagesColumn, business ?? source.BusinessColumn, property ?? source.PropertyColumn, privateTransfers ?? source.PrivateTransfersColumn, pensions ?? source.PensionColumn,
            personExtras, householdExtras);
    }
}
