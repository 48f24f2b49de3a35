using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Pensions;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// The person columns the projector carries from year to year for retirement (docs/projection.md#retirement), and the
/// one place that rebuilds a population with changed extra columns.
/// </summary>
public static class ProjectionColumns
{
    /// <summary>1 once the person has retired from the employee pension (with or without a monthly pension), else 0.</summary>
    public static readonly ColumnDefinition Retired = ColumnDefinition.Flag("projection.retired", Entity.Person, "Retired from the urban employee pension in the projection");

    /// <summary>The employee pension in payment, yuan per month: awarded at retirement, indexed every later year.</summary>
    public static readonly ColumnDefinition InPayment = ColumnDefinition.Amount("projection.employee_pension_in_payment_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.None, "Employee pension in payment in the projection (awarded at retirement, indexed since), yuan per month");

    /// <summary>The account part of the employee pension in payment, yuan per month: balance ÷ divisor at retirement, not indexed.</summary>
    public static readonly ColumnDefinition AccountPart = ColumnDefinition.Amount("projection.employee_account_pension_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.None, "Account part of the employee pension in payment in the projection (balance ÷ divisor at retirement), yuan per month");

    /// <summary>The person's wages in the last projected year with positive wages, yuan per year: the final wage of the replacement rate.</summary>
    public static readonly ColumnDefinition LastWage = ColumnDefinition.Amount("projection.last_wage_annual", Entity.Person, AmountPeriod.None, IncomeRole.None, "Wages in the last projected year with positive wages (final wage for the replacement rate)");

    /// <summary>
    /// The employee pension as each year's static run reads it when the projector pays pensions in payment: the column
    /// takes the place of <see cref="EmployeePensionProgram.Benefit"/>, declared alike, so income concepts, means tests
    /// and the fund see the indexed pension.
    /// </summary>
    public static readonly ColumnDefinition EmployeePensionPaid = ColumnDefinition.Amount(EmployeePensionProgram.Benefit.Name, Entity.Person, AmountPeriod.Month, IncomeRole.ContributoryPension, "Urban employee basic pension in payment in the projection (awarded at retirement, indexed since), yuan per month");

    /// <summary>A copy of <paramref name="population"/> with the given person columns set (added or replaced) and <paramref name="remove"/> dropped.</summary>
    internal static Population With(Population population, IEnumerable<(ColumnDefinition Definition, double[] Values)> columns, params string[] remove)
    {
        var extras = population.ExtraPersonColumns.ToDictionary(n => n, population.DoubleColumn, StringComparer.Ordinal);
        var definitions = new Dictionary<string, ColumnDefinition>(population.ExtraDefinitions, StringComparer.Ordinal);
        foreach (var name in remove)
        {
            extras.Remove(name);
            definitions.Remove(name);
        }

        foreach (var (definition, values) in columns)
        {
            extras[definition.Name] = values;
            definitions[definition.Name] = definition;
        }

        var households = population.ExtraHouseholdColumns.ToDictionary(n => n, population.DoubleColumn, StringComparer.Ordinal);
        return new Population(population.Regions, [.. population.BuiltInColumns], population.MemberStartColumn, extras, households, definitions);
    }

    /// <summary>A copy of <paramref name="population"/> with the given built-in person columns replaced (arrays of the column's storage type).</summary>
    internal static Population WithBuiltIn(Population population, IEnumerable<(ColumnDefinition Definition, Array Values)> columns)
    {
        var builtIn = population.BuiltInColumns.ToArray();
        foreach (var (definition, values) in columns)
        {
            builtIn[definition.BuiltInIndex] = values;
        }

        var extras = population.ExtraPersonColumns.ToDictionary(n => n, population.DoubleColumn, StringComparer.Ordinal);
        var households = population.ExtraHouseholdColumns.ToDictionary(n => n, population.DoubleColumn, StringComparer.Ordinal);
        return new Population(population.Regions, builtIn, population.MemberStartColumn, extras, households, new Dictionary<string, ColumnDefinition>(population.ExtraDefinitions, StringComparer.Ordinal));
    }
}
