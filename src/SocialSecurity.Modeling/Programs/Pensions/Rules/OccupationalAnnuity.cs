namespace SocialSecurity.Modeling.Programs.Pensions.Rules;

/// <summary>
/// An enterprise or occupational annuity as a defined-contribution account (docs/rules/pension.employee.md): each year the employer
/// and the employee pay their rates of the year's wage, within <see cref="AnnuityLimits"/>, and the balance earns
/// the investment return with the year's contributions credited at year end (the same convention as the
/// resident account). Jiangsu has encouraged such annuities for non-establishment staff of universities and
/// hospitals since 2022 [P].
/// </summary>
public static class OccupationalAnnuity
{
    /// <summary>Checks the rates against the limits: employer ≤ the employer ceiling, employer + employee ≤ the total ceiling.</summary>
    /// <param name="employerRate">The employer rate (fraction of the wage, ≥ 0).</param>
    /// <param name="employeeRate">The employee rate (≥ 0).</param>
    /// <param name="limits">The ceilings.</param>
    /// <exception cref="ArgumentOutOfRangeException">A rate is negative or exceeds a ceiling.</exception>
    public static void CheckRates(double employerRate, double employeeRate, AnnuityLimits limits)
    {
        if (!double.IsFinite(employerRate) || employerRate < 0 || employerRate > limits.EmployerMaxRate)
        {
            throw new ArgumentOutOfRangeException(nameof(employerRate), employerRate, $"The employer annuity rate must be between 0 and the ceiling {limits.EmployerMaxRate}.");
        }

        if (!double.IsFinite(employeeRate) || employeeRate < 0 || employerRate + employeeRate > limits.TotalMaxRate + 1e-12)
        {
            throw new ArgumentOutOfRangeException(nameof(employeeRate), employeeRate, $"The employee annuity rate must be ≥ 0 and, with the employer rate {employerRate}, at most the total ceiling {limits.TotalMaxRate}.");
        }
    }

    /// <summary>The balance after contributing on each year's wage: <c>B_y = B_{y−1}(1 + r) + (employer + employee rate) × wage_y</c>.</summary>
    /// <param name="annualWages">Each year's wage, yuan/year (≥ 0), in order.</param>
    /// <param name="employerRate">The employer rate.</param>
    /// <param name="employeeRate">The employee rate.</param>
    /// <param name="returnRate">The yearly investment return (&gt; −1).</param>
    /// <param name="limits">The contribution ceilings.</param>
    /// <returns>The balance at the end of the last year, yuan.</returns>
    public static double Accumulate(ReadOnlySpan<double> annualWages, double employerRate, double employeeRate, double returnRate, AnnuityLimits limits)
    {
        CheckRates(employerRate, employeeRate, limits);
        if (!double.IsFinite(returnRate) || returnRate <= -1)
        {
            throw new ArgumentOutOfRangeException(nameof(returnRate), returnRate, "The return must be finite and greater than −1.");
        }

        double balance = 0;
        for (int i = 0; i < annualWages.Length; i++)
        {
            if (!double.IsFinite(annualWages[i]) || annualWages[i] < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(annualWages), annualWages[i], $"Wage {i} must be finite and ≥ 0.");
            }

            balance = (balance * (1.0 + returnRate)) + ((employerRate + employeeRate) * annualWages[i]);
        }

        return balance;
    }
}
