using SocialSecurity.Modeling.Money;

namespace SocialSecurity.Modeling.Programs.Pensions.Rules;

/// <summary>
/// The resident pension's individual account (个人账户), docs/rules/pension.resident.md: the balance earns the crediting rate and the
/// year's credit is added at year end, <c>B_y = B_{y−1}(1 + r_y) + A_y</c> (the year-end convention is [I]); at the
/// pension age the account pays <c>B / divisor</c> a month (divisor 139 at 60 [N]).
/// </summary>
/// <remarks>Balances are stocks in yuan. Nothing is rounded here: docs/money.md rounds only at outputs.</remarks>
public static class ResidentPensionAccount
{
    /// <summary>One year of the account: <c>balance × (1 + rate) + credit</c>, the credit added at year end (no interest on it that year).</summary>
    /// <param name="balance">The balance at the end of the previous year, yuan (≥ 0).</param>
    /// <param name="rate">The year's crediting rate (a fraction, &gt; −1; for example 0.03).</param>
    /// <param name="credit">The year's credit <c>A_y</c> (≥ 0).</param>
    /// <returns>The balance at the end of the year, yuan.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative or non-finite balance or credit, or a rate of −100% or less.</exception>
    public static double Accrue(double balance, double rate, AnnualYuan credit)
    {
        CheckBalance(balance, nameof(balance));
        CheckRate(rate, nameof(rate));
        CheckCredit(credit.Value, nameof(credit));
        return (balance * (1.0 + rate)) + credit.Value;
    }

    /// <summary>The balance after a sequence of years, each with its own credit, at a constant crediting rate.</summary>
    /// <param name="credits">The credit of each year, in order (yuan/year, ≥ 0).</param>
    /// <param name="rate">The crediting rate (&gt; −1).</param>
    /// <param name="openingBalance">The balance before the first year (≥ 0).</param>
    public static double Accumulate(ReadOnlySpan<AnnualYuan> credits, double rate, double openingBalance = 0)
    {
        CheckBalance(openingBalance, nameof(openingBalance));
        CheckRate(rate, nameof(rate));
        double balance = openingBalance;
        for (int i = 0; i < credits.Length; i++)
        {
            CheckCredit(credits[i].Value, nameof(credits));
            balance = (balance * (1.0 + rate)) + credits[i].Value;
        }

        return balance;
    }

    /// <summary>
    /// The balance after <paramref name="years"/> equal year-end credits: <c>A × ((1 + r)^n − 1)/r</c>, or
    /// <c>n × A</c> when <c>r = 0</c> (docs/worked-examples.md#example-1 (examples 1–2)).
    /// </summary>
    /// <param name="credit">The yearly credit (≥ 0).</param>
    /// <param name="years">The number of years (≥ 0).</param>
    /// <param name="rate">The crediting rate (&gt; −1).</param>
    public static double AccumulateLevel(AnnualYuan credit, int years, double rate)
    {
        CheckCredit(credit.Value, nameof(credit));
        CheckRate(rate, nameof(rate));
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        return rate == 0 ? credit.Value * years : credit.Value * (Math.Pow(1.0 + rate, years) - 1.0) / rate;
    }

    /// <summary>The monthly account pension: <c>balance / divisor</c> (divisor 139 at 60, 国发〔2014〕8号 art. 7).</summary>
    /// <param name="balance">The balance at the pension age, yuan (≥ 0).</param>
    /// <param name="divisor">The months divisor (&gt; 0).</param>
    public static MonthlyYuan Pension(double balance, double divisor)
    {
        CheckBalance(balance, nameof(balance));
        if (!double.IsFinite(divisor) || divisor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(divisor), divisor, "The account divisor must be a positive number of months (139 at age 60).");
        }

        return new MonthlyYuan(balance / divisor);
    }

    private static void CheckBalance(double balance, string name)
    {
        if (!double.IsFinite(balance) || balance < 0)
        {
            throw new ArgumentOutOfRangeException(name, balance, "An account balance must be finite and ≥ 0 yuan.");
        }
    }

    private static void CheckCredit(double credit, string name)
    {
        if (!double.IsFinite(credit) || credit < 0)
        {
            throw new ArgumentOutOfRangeException(name, credit, "An account credit must be finite and ≥ 0 yuan/year.");
        }
    }

    private static void CheckRate(double rate, string name)
    {
        if (!double.IsFinite(rate) || rate <= -1)
        {
            throw new ArgumentOutOfRangeException(name, rate, "A crediting rate must be finite and greater than −1 (−100%).");
        }
    }
}
