
namespace SocialSecurity.Modeling.Core;

/// <summary>
/// A column a program reads or writes: its name, entity, period, role in the income concepts and meaning. Amounts
/// carry their period in the name too (<c>dibao.benefit_monthly</c>), so a monthly column is never read as annual.
/// </summary>
/// <param name="Name">A lower-case dotted name, for example <c>dibao.benefit_monthly</c>.</param>
/// <param name="Entity">Person or household.</param>
/// <param name="Period">Per month, per year, or none (flags, counts, stocks).</param>
/// <param name="Role">How the variable enters the income concepts.</param>
/// <param name="Description">What the variable means.</param>
/// <param name="Fiscal">How the variable enters the public budget; by default it follows <paramref name="Role"/> (see <see cref="FiscalFlow.ByRole"/>).</param>
public sealed record VariableDefinition(string Name, Entity Entity, AmountPeriod Period, IncomeRole Role, string Description, FiscalFlow Fiscal = FiscalFlow.ByRole)
{
    /// <summary>Whether the variable is public spending: explicitly, or as a direct or in-kind transfer.</summary>
    public bool IsPublicSpending => Period != AmountPeriod.None && (Fiscal == FiscalFlow.PublicSpending
        || (Fiscal == FiscalFlow.ByRole && Role is IncomeRole.DirectTransfer or IncomeRole.InKindTransfer));

    /// <summary>Whether the variable is public revenue: explicitly, or as a direct tax or non-pension contribution.</summary>
    public bool IsPublicRevenue => Period != AmountPeriod.None && (Fiscal == FiscalFlow.PublicRevenue
        || (Fiscal == FiscalFlow.ByRole && Role is IncomeRole.DirectTax or IncomeRole.OtherContribution));

    /// <summary>The factor that turns one value into yuan per year: 12 for monthly, 1 for annual, 0 for variables without a period.</summary>
    public double ToAnnualFactor => Period switch
    {
        AmountPeriod.Month => 12.0,
        AmountPeriod.Year => 1.0,
        _ => 0.0,
    };
}
