using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Projection;

namespace ProjectionSample;

/// <summary>
/// Replacement rates of new employee-pension retirees by birth cohort, collected year by year from
/// <see cref="ProjectionOptions.OnYear"/>: a person who is retired in a year's run and was not in the previous one
/// retired in the twelve months up to the run date. The cohort's rate is its new retirees' awarded pensions × 12 ÷
/// their final wages (the wages of the last projected year with wages), both summed with the weights and pooled over
/// replicates: a ratio of totals, which low final wages do not dominate as they do the mean of individual ratios
/// (<see cref="ProjectionIndicators.ReplacementRate"/>). Only retirees with a pension and a final wage count;
/// base-population pensioners have no final wage.
/// Holds one set of retired ids per replicate and the sums by cohort, not the years.
/// </summary>
internal sealed class CohortReplacement(int startYear)
{
    private readonly Dictionary<int, (double Pensions, double Wages, int Persons)> _cohorts = [];
    private readonly HashSet<long> _retired = [];
    private int _replicate = -1;

    /// <summary>Birth years with at least one new retiree, ascending.</summary>
    public IReadOnlyList<int> Cohorts => [.. _cohorts.Keys.Order()];

    /// <summary>The first year of the projection (its retirees include base-population members past their age).</summary>
    public int StartYear { get; } = startYear;

    /// <summary>The replacement rate of a cohort (weighted annual pensions ÷ weighted final wages) and the number of sample new retirees behind it.</summary>
    public (double Rate, int Persons) Of(int birthYear)
        => _cohorts.TryGetValue(birthYear, out var c) && c.Wages > 0 ? (c.Pensions / c.Wages, c.Persons) : (double.NaN, 0);

    /// <summary>Takes one projected year.</summary>
    public void Add(ProjectionYear year)
    {
        if (year.Replicate != _replicate)
        {
            _replicate = year.Replicate;
            _retired.Clear();
        }

        var population = year.Result.Population;
        if (!population.ExtraPersonColumns.Contains(ProjectionColumns.Retired.Name))
        {
            return; // the projector does not retire people (no employee pension)
        }

        var ids = population.PersonId;
        var retired = population.ExtraPersonColumn(ProjectionColumns.Retired.Name);
        var pension = population.ExtraPersonColumn(ProjectionColumns.InPayment.Name);
        var lastWage = population.ExtraPersonColumn(ProjectionColumns.LastWage.Name);
        var birthYear = population.ExtraPersonColumn(RetirementAgeProgram.Columns.BirthYear);
        var weights = year.Result.PersonWeights;
        for (int p = 0; p < ids.Length; p++)
        {
            if (retired[p] != 1 || !_retired.Add(ids[p]) || pension[p] <= 0 || lastWage[p] <= 0)
            {
                continue;
            }

            int cohort = (int)birthYear[p];
            var c = _cohorts.GetValueOrDefault(cohort);
            _cohorts[cohort] = (c.Pensions + (weights[p] * 12 * pension[p]), c.Wages + (weights[p] * lastWage[p]), c.Persons + 1);
        }
    }
}
