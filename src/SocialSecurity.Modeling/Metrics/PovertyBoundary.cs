namespace SocialSecurity.Modeling.Metrics;

/// <summary>Who counts as poor at line z (docs/indicators.md#poverty). It matters only when some income equals z exactly.</summary>
public enum PovertyBoundary
{
    /// <summary>Poor if x &lt; z: Eurostat, laeken (<c>arpr</c>, <c>rmpg</c>), ineq (<c>pov</c>), DASP and CEQ. The default.</summary>
    Below = 0,

    /// <summary>Poor if x ≤ z: convey (<c>svyarpr</c>, <c>svyfgt</c>, <c>svywatts</c>, <c>svyrmpg</c>).</summary>
    AtOrBelow = 1,
}
