namespace SocialSecurity.Modeling.Money;

/// <summary>The rounding rule of docs/money.md: half away from zero to 0.01 yuan, applied only at outputs.</summary>
public static class Yuan
{
    /// <summary>Rounds an amount half away from zero to 0.01 yuan, in decimal so that 0.005 rounds up exactly.</summary>
    /// <param name="amount">A finite amount in yuan.</param>
    /// <exception cref="ArgumentOutOfRangeException">The amount is NaN or infinite.</exception>
    public static decimal Round(double amount)
    {
        if (!double.IsFinite(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An amount must be finite to be rounded.");
        }

        // Going through the shortest round-trip decimal text keeps 1250.005 as 1250.005, not 1250.00499999.
        var exact = decimal.Parse(amount.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        return Math.Round(exact, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// <paramref name="value"/> rounded half away from zero to <paramref name="decimals"/> places for display, with a
    /// result of zero always positive, so that a tiny negative change prints as <c>0.00</c>, not <c>-0.00</c>.
    /// </summary>
    /// <param name="value">A value (NaN stays NaN).</param>
    /// <param name="decimals">Decimal places.</param>
    internal static double Shown(double value, int decimals)
    {
        double rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded == 0 ? 0 : rounded;
    }
}
