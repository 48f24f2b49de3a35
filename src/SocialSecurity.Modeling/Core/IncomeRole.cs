namespace SocialSecurity.Modeling.Core;

/// <summary>
/// How a variable enters the CEQ income concepts (docs/indicators.md#income-concepts, the PDI scenario where contributory pensions are
/// deferred income). Variables with <see cref="None"/> are intermediate results (eligibility flags, tiers).
/// </summary>
public enum IncomeRole
{
    /// <summary>Not income: eligibility flags, tiers, counts, stocks.</summary>
    None,

    /// <summary>Factor income or private transfers (wages, business, property, remittances): part of market income.</summary>
    MarketIncome,

    /// <summary>Contributions to old-age pensions paid by the person: subtracted from market income. Not public revenue by role; employee-pension contributions, paid into the social-insurance fund, declare <see cref="FiscalFlow.PublicRevenue"/>.</summary>
    PensionContribution,

    /// <summary>Contributory pensions received: added to market income to give market income plus pensions.</summary>
    ContributoryPension,

    /// <summary>Direct cash and near-cash transfers (dibao, subsidies, allowances): added in gross and disposable income; a public cost.</summary>
    DirectTransfer,

    /// <summary>Direct taxes: subtracted in disposable income; public revenue.</summary>
    DirectTax,

    /// <summary>Non-pension contributions (health, unemployment, long-term care, premiums) and mandatory savings (the housing fund): subtracted in disposable income; public revenue unless the variable says otherwise (the housing fund declares <see cref="FiscalFlow.None"/>).</summary>
    OtherContribution,

    /// <summary>In-kind benefits valued at government cost (health payouts, care services): added in final income; a public cost.</summary>
    InKindTransfer,

    /// <summary>Co-payments and user fees the household pays for public services (medical out-of-pocket spending): subtracted in final income (docs/indicators.md#income-concepts); not public revenue.</summary>
    CoPayment,
}
