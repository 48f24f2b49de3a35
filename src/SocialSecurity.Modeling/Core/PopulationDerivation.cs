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
        (ColumnDefinition Definition, double[] Values)? addColumn = null)
    {
        // Columns are shared, not copied: a population never writes to its arrays.
        var personExtras = source.ExtraPersonColumns.ToDictionary(n => n, source.DoubleColumn, StringComparer.Ordinal);
        var householdExtras = source.ExtraHouseholdColumns.ToDictionary(n => n, source.DoubleColumn, StringComparer.Ordinal);
        var definitions = new Dictionary<string, ColumnDefinition>(source.ExtraDefinitions, StringComparer.Ordinal);
        if (addColumn is { } column)
        {
            (column.Definition.Entity == Entity.Person ? personExtras : householdExtras).Add(column.Definition.Name, column.Values);
            definitions.Add(column.Definition.Name, column.Definition);
        }

        return new Population(
            source.Regions,
            source.HouseholdIdColumn, weights ?? source.WeightColumn, source.HouseholdRegionColumn, source.AreaColumn, financialAssets ?? source.FinancialAssetsColumn, source.HousingUnitsColumn, source.VehicleColumn, source.MemberStartColumn,
            source.PersonIdColumn, source.PersonHouseholdColumn, source.AgeColumn, source.SexColumn, source.HukouColumn, source.HukouRegionColumn, source.DisabilityColumn, source.SelfCareColumn, source.EmploymentColumn,
            wages ?? source.WagesColumn, business ?? source.BusinessColumn, property ?? source.PropertyColumn, privateTransfers ?? source.PrivateTransfersColumn, pensions ?? source.PensionColumn,
            personExtras, householdExtras, definitions);
    }
}
