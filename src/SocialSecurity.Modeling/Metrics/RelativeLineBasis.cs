namespace SocialSecurity.Modeling.Metrics;

/// <summary>The statistic a relative poverty line is a fraction of.</summary>
public enum RelativeLineBasis
{
    /// <summary>A fraction of the weighted median (Eurostat ARPT; convey <c>type_thresh = "relq"</c>). The default.</summary>
    Median = 0,

    /// <summary>A fraction of the weighted mean (convey <c>type_thresh = "relm"</c>).</summary>
    Mean = 1,
}
