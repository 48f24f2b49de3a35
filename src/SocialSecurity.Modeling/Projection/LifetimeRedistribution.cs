using System.Globalization;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// Redistribution over the lifetimes of a projected cohort (docs/projection.md#lifetime): per replicate, the table by
/// decile of discounted lifetime market income and the Gini, Reynolds–Smolensky and Kakwani indices over lifetimes.
/// </summary>
public sealed class LifetimeRedistribution
{
    internal LifetimeRedistribution(LifetimeCohort cohort, List<LifetimeDecile> deciles, List<LifetimeIndices> indices)
    {
        Cohort = cohort;
        Deciles = deciles;
        Indices = indices;
    }

    /// <summary>The cohort followed.</summary>
    public LifetimeCohort Cohort { get; }

    /// <summary>Ten deciles per replicate, by replicate then decile.</summary>
    public IReadOnlyList<LifetimeDecile> Deciles { get; }

    /// <summary>The indices of each replicate.</summary>
    public IReadOnlyList<LifetimeIndices> Indices { get; }

    /// <summary>
    /// Writes <c>projection_lifetime_deciles.csv</c> (replicate, decile, persons and the mean discounted lifetime
    /// amounts) and <c>projection_lifetime_indices.csv</c> (replicate, persons, Ginis, Reynolds–Smolensky, Kakwani) to
    /// <paramref name="directory"/>, numbers in invariant culture with full precision.
    /// </summary>
    /// <param name="directory">An existing or new directory.</param>
    public void WriteCsv(string directory)
    {
        Directory.CreateDirectory(directory);
        var c = CultureInfo.InvariantCulture;
        using (var deciles = new StreamWriter(Path.Combine(directory, "projection_lifetime_deciles.csv")))
        {
            deciles.WriteLine("replicate,decile,persons,market_income,benefits,contributions_and_taxes,net_transfers,disposable_income");
            foreach (var d in Deciles)
            {
                deciles.WriteLine(string.Create(c, $"{d.Replicate},{d.Decile},{d.Persons:R},{d.MarketIncome:R},{d.Benefits:R},{d.ContributionsAndTaxes:R},{d.NetTransfers:R},{d.DisposableIncome:R}"));
            }
        }

        using var indices = new StreamWriter(Path.Combine(directory, "projection_lifetime_indices.csv"));
        indices.WriteLine("replicate,persons,gini_market,gini_disposable,reynolds_smolensky,kakwani_contributions_and_taxes,kakwani_benefits");
        foreach (var i in Indices)
        {
            indices.WriteLine(string.Create(c, $"{i.Replicate},{i.Persons:R},{i.GiniMarket:R},{i.GiniDisposable:R},{i.ReynoldsSmolensky:R},{i.KakwaniContributionsAndTaxes:R},{i.KakwaniBenefits:R}"));
        }
    }
}
