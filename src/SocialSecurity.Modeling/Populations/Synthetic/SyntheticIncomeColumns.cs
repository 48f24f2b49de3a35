using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>
/// Income columns the synthetic populations carry beyond the built-in schema (docs/schema.md#synthetic-populations).
/// </summary>
public static class SyntheticIncomeColumns
{
    /// <summary>
    /// The imputed rent of the household's owner-occupied home, yuan per year (person: the household head carries it,
    /// ≥ 0). Market income, as NBS counts it in property income, so it enters market and disposable income
    /// (<see cref="IncomeRole.MarketIncome"/>); it is not an income received and is not among the means-test income
    /// variables, nor taxed (docs/baseline.md#why-the-median-the-gini-and-the-caseload-miss-diagnosis).
    /// </summary>
    public static readonly ColumnDefinition ImputedRent = ColumnDefinition.Amount("person.imputed_rent_annual", Entity.Person, AmountPeriod.Year, IncomeRole.MarketIncome, "Imputed rent of the owner-occupied home (market income as NBS counts it; not in means tests or tax), yuan per year; synthetic [I]");
}
