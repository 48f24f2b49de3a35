namespace SocialSecurity.Modeling.Simulation;

/// <summary>The mean change of per-capita disposable income in one decile of the baseline distribution.</summary>
/// <param name="Decile">1 (poorest tenth of persons) to 10 (richest).</param>
/// <param name="PersonsWeighted">The weighted persons in the decile.</param>
/// <param name="BaselineMean">Mean baseline per-capita disposable income, yuan per year.</param>
/// <param name="ReformMean">Mean per-capita disposable income under the reform for the same persons, yuan per year.</param>
public sealed record DecileChange(int Decile, double PersonsWeighted, double BaselineMean, double ReformMean)
{
    /// <summary>The mean change, yuan per person per year.</summary>
    public double MeanChange => ReformMean - BaselineMean;

    /// <summary>The mean change as a fraction of the baseline mean (NaN when the baseline mean is 0).</summary>
    public double RelativeChange => BaselineMean == 0 ? double.NaN : MeanChange / BaselineMean;
}
