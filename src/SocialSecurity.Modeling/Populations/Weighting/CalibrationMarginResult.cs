namespace SocialSecurity.Modeling.Populations.Weighting;

/// <summary>How one calibration equation (a numeric margin, or one category of a categorical margin) was met.</summary>
/// <param name="Name">The margin's label; <c>name=c</c> for category c of a categorical margin.</param>
/// <param name="Target">The required total.</param>
/// <param name="Before">The total with the design weights.</param>
/// <param name="Achieved">The total with the calibrated weights.</param>
public sealed record CalibrationMarginResult(string Name, double Target, double Before, double Achieved)
{
    /// <summary>|achieved − target| / |target|, or |achieved − target| when the target is 0.</summary>
    public double RelativeError => Math.Abs(Achieved - Target) / (Target == 0 ? 1 : Math.Abs(Target));
}
