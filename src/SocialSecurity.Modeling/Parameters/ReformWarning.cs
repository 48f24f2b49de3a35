using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Parameters;

/// <summary>
/// A reform change meets a region below its own that sets its own value of the parameter, on a day the change is in
/// force: the change replaces that value (a set), leaves it in place (a set with
/// <see cref="ParameterOverride.KeepLowerRegions"/>), or scales or adds to it rather than to the value of the change's
/// region. Not an error: the reform is applied; the warning says which lower-level value a reader might not expect.
/// Collected in <see cref="ParameterStore.ReformWarnings"/>.
/// </summary>
/// <param name="ReformName">The reform.</param>
/// <param name="Change">The change's index in the reform.</param>
/// <param name="Parameter">The parameter.</param>
/// <param name="RegionCode">The change's region.</param>
/// <param name="LowerRegionCode">The region below it that sets its own value.</param>
/// <param name="LowerValue">That region's own value (with its dates and source) as it was before the reform.</param>
/// <param name="Replaced">Whether the change replaces <paramref name="LowerValue"/> while in force (a set reaching lower regions); <see langword="false"/> when the value is kept, or kept and scaled or added to.</param>
/// <param name="Message">The warning in words, naming the reform, change, parameter, both regions and the value.</param>
public sealed record ReformWarning(
    string ReformName,
    int Change,
    string Parameter,
    string RegionCode,
    string LowerRegionCode,
    ParameterEntry LowerValue,
    bool Replaced,
    string Message)
{
    /// <summary>The <see cref="Message"/>.</summary>
    public override string ToString() => Message;
}
