namespace SocialSecurity.Modeling.Metrics;

/// <summary>Equivalence scales that turn household income into equivalised income per person (docs/indicators.md#equivalence-scales).</summary>
public enum EquivalenceScale
{
    /// <summary>OECD-modified (Eurostat HX050): <c>1 + 0.5·(adults − 1) + 0.3·children</c>, adults aged 14 or over.</summary>
    OecdModified = 0,

    /// <summary>Old OECD ("Oxford") scale: <c>1 + 0.7·(adults − 1) + 0.5·children</c>.</summary>
    OldOecd = 1,

    /// <summary>Square-root scale (OECD Income Distribution Database): <c>√size</c>.</summary>
    SquareRoot = 2,

    /// <summary>Per capita: the household size.</summary>
    PerCapita = 3,
}
