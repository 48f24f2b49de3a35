using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Uprating;

/// <summary>An amount column of a <see cref="Population"/> that <see cref="IncomeUprating"/> can move to another date.</summary>
public enum IncomeSource
{
    /// <summary>Wages and salaries (<see cref="Population.WagesAnnual"/>).</summary>
    Wages,

    /// <summary>Net business income (<see cref="Population.BusinessIncomeAnnual"/>).</summary>
    BusinessIncome,

    /// <summary>Net property income (<see cref="Population.PropertyIncomeAnnual"/>).</summary>
    PropertyIncome,

    /// <summary>Private transfers received (<see cref="Population.PrivateTransfersAnnual"/>).</summary>
    PrivateTransfers,

    /// <summary>Reported pensions (<see cref="Population.PensionIncomeAnnual"/>).</summary>
    Pensions,

    /// <summary>Household financial assets (<see cref="Population.FinancialAssets"/>), a stock.</summary>
    FinancialAssets,
}
