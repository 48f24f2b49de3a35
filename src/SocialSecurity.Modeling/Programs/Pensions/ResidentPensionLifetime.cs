using System.Collections.Immutable;
using MathNet.Numerics.RootFinding;
using SocialSecurity.Modeling.Programs.Pensions.Rules;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// The lifetime view of the resident pension: a person's contribution history run through the rules in force on
/// one date (a static, constant-rules projection: tiers, subsidies, basic pension and crediting rate stay as they
/// are; amounts are in that date's yuan and the discount rate is real), valued under a life table.
/// </summary>
/// <remarks>
/// <para>Conventions: each year's flows happen at the start of the year of age, weighted by the probability of
/// being alive then; the account is credited at year end (<see cref="ResidentPensionAccount"/>); the pension of a
/// year is 12 × the monthly pension at that age (age top-ups start in the year they are due). The pension is paid
/// from the pension age if the history has at least the minimum contribution years (no transitional relief: a
/// lifetime history is a new entrant's); it is financed by the account until the account is exhausted and by
/// government afterwards, which the person does not see.</para>
/// <para>Compare income groups by evaluating their typical histories (for example dibao recipients at the lowest
/// tier, middle tiers, the top tier) under the same rules, table and discount rate: because the basic pension is
/// flat, the money's worth and the internal rate of return fall as the tier rises.</para>
/// </remarks>
public static class ResidentPensionLifetime
{
    /// <summary>The lowest discount rate searched for the internal rate of return.</summary>
    private const double LowestRate = -0.99;

    /// <summary>The highest discount rate searched for the internal rate of return.</summary>
    private const double HighestRate = 10.0;

    /// <summary>Values a contribution history.</summary>
    /// <param name="history">The person's contribution history; it must end before the pension age.</param>
    /// <param name="rules">The rules in force (region and date).</param>
    /// <param name="lifeTable">The life table; it must cover the history's start age.</param>
    /// <param name="discountRate">The real discount rate per year (&gt; −1).</param>
    /// <param name="horizonAge">The age up to which benefits are counted (exclusive; above the pension age, ≤ 121).</param>
    /// <exception cref="ArgumentException">The history runs past the pension age or the horizon is out of range.</exception>
    public static LifetimeValuation Evaluate(ResidentPensionHistory history, ResidentPensionTerms rules, LifeTable lifeTable, double discountRate, int horizonAge = 121)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(lifeTable);
        if (!double.IsFinite(discountRate) || discountRate <= -1)
        {
            throw new ArgumentOutOfRangeException(nameof(discountRate), discountRate, "The discount rate must be finite and greater than −1.");
        }

        if (history.StartAge + history.Tiers.Length > rules.PensionAge)
        {
            throw new ArgumentException($"The history runs from age {history.StartAge} for {history.Tiers.Length} years, past the pension age {rules.PensionAge}.", nameof(history));
        }

        if (horizonAge <= rules.PensionAge || horizonAge > 121)
        {
            throw new ArgumentOutOfRangeException(nameof(horizonAge), horizonAge, $"The horizon must be above the pension age {rules.PensionAge} and at most 121.");
        }

        if (history.StartAge < lifeTable.FirstAge)
        {
            throw new ArgumentException($"The life table starts at age {lifeTable.FirstAge}, after the history's start age {history.StartAge}.", nameof(lifeTable));
        }

        int years = history.ContributionYears;
        bool eligible = years >= rules.MinimumYears;
        var rows = ImmutableArray.CreateBuilder<LifetimeYear>(horizonAge - history.StartAge);
        double balance = 0, survival = 1, discount = 1;
        double own = 0, government = 0, subsidy = 0, collective = 0, benefitsIfAlive = 0;
        double pvOwn = 0, pvPublicContributions = 0, pvBenefits = 0, pvPublicBenefits = 0;
        var pensionAtPensionAge = ResidentBenefit.None;
        double balanceAtPensionAge = 0;
        for (int age = history.StartAge; age < horizonAge; age++)
        {
            var contribution = ResidentContribution.None;
            var benefit = ResidentBenefit.None;
            if (age < rules.PensionAge)
            {
                int index = age - history.StartAge;
                if (index < history.Tiers.Length)
                {
                    contribution = rules.Contribution(history.Tiers[index], history.Statuses[index], history.Rural);
                }

                balance = ResidentPensionAccount.Accrue(balance, rules.InterestRate, contribution.Credit);
            }
            else
            {
                if (age == rules.PensionAge)
                {
                    balanceAtPensionAge = balance;
                }

                if (eligible)
                {
                    benefit = ResidentPensionFormulas.Benefit(rules.BasicPension, rules.TopUpsAt(age, years), balanceAtPensionAge, rules.Divisor);
                }

                if (age == rules.PensionAge)
                {
                    pensionAtPensionAge = benefit;
                }
            }

            var row = new LifetimeYear(age, survival, discount, contribution, balance, benefit);
            rows.Add(row);
            own += contribution.Own.Value;
            government += contribution.GovernmentPaid.Value;
            subsidy += contribution.Subsidy.Value;
            collective += contribution.Collective.Value;
            benefitsIfAlive += row.BenefitAnnual.Value;
            double weight = survival * discount;
            pvOwn += weight * contribution.Own.Value;
            pvPublicContributions += weight * (contribution.GovernmentPaid.Value + contribution.Subsidy.Value + contribution.Collective.Value);
            pvBenefits += weight * row.BenefitAnnual.Value;
            pvPublicBenefits += weight * benefit.PublicFunding.ToAnnual().Value;

            survival *= 1.0 - lifeTable.DeathProbability(age);
            discount /= 1.0 + discountRate;
        }

        var table = rows.MoveToImmutable();
        return new LifetimeValuation(
            table, eligible, balanceAtPensionAge, pensionAtPensionAge,
            own, government, subsidy, collective, benefitsIfAlive,
            pvOwn, pvPublicContributions, pvBenefits, pvPublicBenefits,
            discountRate, pvOwn > 0 ? InternalRateOfReturn(table, history.StartAge) : null);
    }

    /// <summary>The expected present value at the start age of the person's net flows (pension − own contribution) at <paramref name="rate"/>.</summary>
    /// <param name="valuation">A valuation from <see cref="Evaluate"/>.</param>
    /// <param name="rate">The discount rate (&gt; −1).</param>
    public static double NetPresentValueAt(LifetimeValuation valuation, double rate)
    {
        ArgumentNullException.ThrowIfNull(valuation);
        if (!double.IsFinite(rate) || rate <= -1)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The rate must be finite and greater than −1.");
        }

        return valuation.Years.IsEmpty ? 0 : NetPresentValue(valuation.Years, valuation.Years[0].Age, rate);
    }

    private static double NetPresentValue(ImmutableArray<LifetimeYear> years, int startAge, double rate)
    {
        double value = 0;
        foreach (var year in years)
        {
            value += year.Survival * year.NetFlowToPerson * Math.Pow(1.0 + rate, -(year.Age - startAge));
        }

        return value;
    }

    private static double? InternalRateOfReturn(ImmutableArray<LifetimeYear> years, int startAge)
    {
        double Npv(double rate) => NetPresentValue(years, startAge, rate);
        if (Math.Sign(Npv(LowestRate)) == Math.Sign(Npv(HighestRate)))
        {
            return null;
        }

        return Brent.TryFindRoot(Npv, LowestRate, HighestRate, 1e-10, 200, out double root) ? root : null;
    }
}
