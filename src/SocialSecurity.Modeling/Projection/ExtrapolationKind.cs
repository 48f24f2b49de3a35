namespace SocialSecurity.Modeling.Projection;

/// <summary>How a parameter's value is carried past its last dated value in a projection (docs/projection.md#extrapolation).</summary>
public enum ExtrapolationKind
{
    /// <summary>The last dated value is held (what the parameter store does for every parameter without a rule).</summary>
    Held,

    /// <summary>The last dated value is uprated each later year by the nominal wage growth (<see cref="ProjectionParameters.NominalWageGrowth"/>).</summary>
    Wages,

    /// <summary>The last dated value is uprated each later year by the price growth (<see cref="ProjectionParameters.PriceGrowth"/>).</summary>
    Prices,

    /// <summary>A rate: each later year's value is a share of that year's nominal wage growth (the indexation of pensions in payment).</summary>
    ShareOfWageGrowth,
}
