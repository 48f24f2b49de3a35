namespace SocialSecurity.Modeling.Metrics;

/// <summary>Kind of bootstrap confidence interval.</summary>
public enum BootstrapInterval
{
    /// <summary>
    /// Percentile interval (laeken <c>bootVar</c>, <c>ciType = "perc"</c>): the α/2 and 1 − α/2 quantiles of the
    /// replicates, taken with R's type 7 rule. The default.
    /// </summary>
    Percentile = 0,

    /// <summary>Normal interval: estimate ± z_{1−α/2} × standard error.</summary>
    Normal = 1,
}
