namespace SocialSecurity.Modeling.Core;

/// <summary>
/// How a variable enters the public budget (<see cref="SocialSecurity.Modeling.Simulation.SimulationResult.PublicSpendingAnnual"/>,
/// <see cref="SocialSecurity.Modeling.Simulation.SimulationResult.PublicRevenueAnnual"/>, <see cref="SocialSecurity.Modeling.Simulation.ReformComparison.NetFiscalCostAnnual"/>). This is
/// separate from <see cref="IncomeRole"/>: a government-paid pension contribution is public spending but not household
/// income this year; a resident's own contribution to their resident-pension account is income forgone but not public
/// revenue, while an employee's pension contribution is revenue of the social-insurance fund; an employer's
/// contribution is revenue but not household income; the housing fund is the employee's own savings, never revenue
/// (docs/indicators.md#fiscal-account).
/// </summary>
public enum FiscalFlow
{
    /// <summary>Follow the income role: direct and in-kind transfers are spending; direct taxes and non-pension contributions are revenue; everything else is neither.</summary>
    ByRole,

    /// <summary>Public spending (for example a government-paid contribution, a pension subsidy, a government-financed basic pension).</summary>
    PublicSpending,

    /// <summary>Public revenue.</summary>
    PublicRevenue,

    /// <summary>Not a public flow (for example a person's own account savings, a village-collective subsidy, private insurance).</summary>
    None,
}
