using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>
/// The declarations of the contribution-history columns the synthetic populations carry: the same names, entities,
/// units and ranges as the pension programs' input columns (the employee pension's <c>pension.employee.*</c> and the
/// resident pension's <c>pension.resident.*</c> and assistance flags), declared here because populations sit below the
/// programs; tests check that each satisfies the program's declaration.
/// </summary>
internal static class SyntheticPensionColumns
{
    public static readonly ColumnDefinition EmployeeYears = ColumnDefinition.Quantity("pension.employee.contribution_years", Entity.Person, "years", 0, double.PositiveInfinity, "Employee pension contribution years, including deemed years (at retirement for a pensioner); synthetic [I]");

    public static readonly ColumnDefinition EmployeeIndex = ColumnDefinition.Quantity("pension.employee.contribution_index", Entity.Person, string.Empty, 0, double.PositiveInfinity, "Average contribution index over the career (clamped base ÷ average wage); synthetic [I]");

    public static readonly ColumnDefinition EmployeeBalance = ColumnDefinition.Amount("pension.employee.account_balance", Entity.Person, AmountPeriod.None, IncomeRole.None, "Employee pension individual-account balance (at retirement for a pensioner); synthetic [I]");

    public static readonly ColumnDefinition EmployeeRetirementAge = ColumnDefinition.Count("pension.employee.retirement_age", Entity.Person, "years", 0, 120, "Retirement age (0 = the statutory age by sex); synthetic [I]");

    public static readonly ColumnDefinition ResidentTier = ColumnDefinition.Amount("pension.resident.tier_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Resident pension contribution tier chosen, yuan per year (0 = not contributing this year); synthetic [I]");

    public static readonly ColumnDefinition ResidentYears = ColumnDefinition.Quantity("pension.resident.contribution_years", Entity.Person, "years", 0, double.PositiveInfinity, "Resident pension contribution years completed; synthetic [I]");

    public static readonly ColumnDefinition ResidentBalance = ColumnDefinition.Amount("pension.resident.account_balance", Entity.Person, AmountPeriod.None, IncomeRole.None, "Resident pension individual-account balance (at the pension age for a pensioner); synthetic [I]");

    public static readonly ColumnDefinition DibaoRecipient = ColumnDefinition.Flag("assistance.dibao_recipient", Entity.Person, "The person is a dibao recipient when the contribution is due; synthetic: 0");

    public static readonly ColumnDefinition Destitute = ColumnDefinition.Flag("assistance.destitute", Entity.Person, "The person is a destitute person (特困人员) when the contribution is due; synthetic: 0");

    /// <summary>Every declaration with its values.</summary>
    public static IEnumerable<(ColumnDefinition Column, double[] Values)> With(PensionHistoryColumns c)
    {
        yield return (EmployeeYears, c.EmployeeYears);
        yield return (EmployeeIndex, c.EmployeeIndex);
        yield return (EmployeeBalance, c.EmployeeBalance);
        yield return (EmployeeRetirementAge, c.EmployeeRetirementAge);
        yield return (ResidentTier, c.ResidentTier);
        yield return (ResidentYears, c.ResidentYears);
        yield return (ResidentBalance, c.ResidentBalance);
        yield return (DibaoRecipient, c.DibaoRecipient);
        yield return (Destitute, c.Destitute);
    }
}
