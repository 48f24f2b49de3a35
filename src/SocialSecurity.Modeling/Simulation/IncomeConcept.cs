namespace SocialSecurity.Modeling.Simulation;

/// <summary>The CEQ income concepts (docs/indicators.md#income-concepts, PDI scenario), annual yuan. Consumable income is not modelled separately (no indirect taxes or subsidies), so final = disposable + in-kind transfers − co-payments.</summary>
public enum IncomeConcept
{
    /// <summary>Factor income plus private transfers, minus contributions to old-age pensions.</summary>
    Market,

    /// <summary>Market income plus contributory pensions.</summary>
    MarketPlusPensions,

    /// <summary>Market income plus pensions plus direct cash and near-cash transfers.</summary>
    Gross,

    /// <summary>Market income plus pensions plus direct transfers, minus direct taxes and non-pension contributions.</summary>
    Disposable,

    /// <summary>Disposable income plus in-kind benefits valued at government cost, minus co-payments and user fees.</summary>
    Final,
}
