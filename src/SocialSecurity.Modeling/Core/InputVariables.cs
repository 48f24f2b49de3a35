
namespace SocialSecurity.Modeling.Core;

/// <summary>
/// The numeric input columns every <see cref="Population"/> has, as variables programs can declare as inputs: the
/// amount columns of <see cref="PopulationSchema"/>, where they are declared (with their valid ranges).
/// </summary>
public static class InputVariables
{
    /// <summary>Wages, yuan per year (person).</summary>
    public static readonly VariableDefinition Wages = PopulationSchema.Wages.Variable;

    /// <summary>Net business income, yuan per year (person).</summary>
    public static readonly VariableDefinition BusinessIncome = PopulationSchema.BusinessIncome.Variable;

    /// <summary>Net property income, yuan per year (person).</summary>
    public static readonly VariableDefinition PropertyIncome = PopulationSchema.PropertyIncome.Variable;

    /// <summary>Private transfers received, yuan per year (person).</summary>
    public static readonly VariableDefinition PrivateTransfers = PopulationSchema.PrivateTransfers.Variable;

    /// <summary>Pensions received as reported in the data, yuan per year (person).</summary>
    public static readonly VariableDefinition ReportedPension = PopulationSchema.ReportedPension.Variable;

    /// <summary>Labour remuneration, yuan per year (person).</summary>
    public static readonly VariableDefinition LabourRemuneration = PopulationSchema.LabourRemuneration.Variable;

    /// <summary>Author's remuneration, yuan per year (person).</summary>
    public static readonly VariableDefinition AuthorRemuneration = PopulationSchema.AuthorRemuneration.Variable;

    /// <summary>Royalties, yuan per year (person).</summary>
    public static readonly VariableDefinition Royalties = PopulationSchema.Royalties.Variable;

    /// <summary>Financial assets, yuan (household stock).</summary>
    public static readonly VariableDefinition FinancialAssets = PopulationSchema.FinancialAssets.Variable;

    /// <summary>Every built-in input variable.</summary>
    public static IReadOnlyList<VariableDefinition> All { get; } = [Wages, BusinessIncome, PropertyIncome, PrivateTransfers, ReportedPension, LabourRemuneration, AuthorRemuneration, Royalties, FinancialAssets];

    /// <summary>The variables whose sum is a household's income before public transfers, as the dibao income test counts it (market income plus reported pensions).</summary>
    public static IReadOnlyList<string> IncomeForMeansTests { get; } = [Wages.Name, LabourRemuneration.Name, AuthorRemuneration.Name, Royalties.Name, BusinessIncome.Name, PropertyIncome.Name, PrivateTransfers.Name, ReportedPension.Name];

    internal static double[] Column(Population population, string name)
        => PopulationSchema.Find(name) is { Storage: ColumnStorage.Double } column
            ? population.Column<double>(column)
            : throw new KeyNotFoundException($"'{name}' is not a built-in input variable.");
}
