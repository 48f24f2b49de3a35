using SocialSecurity.Modeling.Money;

namespace SocialSecurity.Modeling.Programs.Pensions.Rules;

/// <summary>
/// The urban employee basic pension as pure functions (docs/rules/pension.employee.md; 国发〔2005〕38号; 国办发〔2019〕13号):
/// contribution base and contributions, the basic pension, the account pension and the minimum-years test.
/// Nothing is rounded. Transitional pensions (过渡性养老金) are provincial and out of scope.
/// </summary>
public static class EmployeePensionFormulas
{
    /// <summary>The contribution base: the wage clamped to [floor × average, ceiling × average] (60%–300% [N]).</summary>
    /// <param name="wage">The person's wage, yuan (any period, the same as <paramref name="averageWage"/>; ≥ 0).</param>
    /// <param name="averageWage">The provincial average wage, same period (&gt; 0).</param>
    /// <param name="floorRatio">The floor as a fraction of the average (0.6).</param>
    /// <param name="ceilingRatio">The ceiling as a multiple of the average (3.0; ≥ the floor).</param>
    public static double ContributionBase(double wage, double averageWage, double floorRatio, double ceilingRatio)
    {
        CheckNonNegative(wage, nameof(wage));
        if (!double.IsFinite(averageWage) || averageWage <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(averageWage), averageWage, "The average wage must be finite and > 0.");
        }

        CheckNonNegative(floorRatio, nameof(floorRatio));
        if (!double.IsFinite(ceilingRatio) || ceilingRatio < floorRatio)
        {
            throw new ArgumentOutOfRangeException(nameof(ceilingRatio), ceilingRatio, $"The ceiling ratio must be finite and at least the floor ratio ({floorRatio}).");
        }

        return Math.Clamp(wage, floorRatio * averageWage, ceilingRatio * averageWage);
    }

    /// <summary>The contribution index of one year: the clamped base ÷ the average wage (0.6–3.0); <c>Ī</c> is its average over the career.</summary>
    /// <param name="wage">The wage (≥ 0).</param>
    /// <param name="averageWage">The average wage, same period (&gt; 0).</param>
    /// <param name="floorRatio">The floor ratio (0.6).</param>
    /// <param name="ceilingRatio">The ceiling ratio (3.0).</param>
    public static double ContributionIndex(double wage, double averageWage, double floorRatio, double ceilingRatio)
        => ContributionBase(wage, averageWage, floorRatio, ceilingRatio) / averageWage;

    /// <summary>Contributions on one wage: employer rate × base to the pool, employee rate × base to the account (16% and 8% [N]).</summary>
    /// <param name="wage">The wage (≥ 0).</param>
    /// <param name="averageWage">The average wage, same period (&gt; 0).</param>
    /// <param name="floorRatio">The floor ratio (0.6).</param>
    /// <param name="ceilingRatio">The ceiling ratio (3.0).</param>
    /// <param name="employerRate">The employer rate (0–1).</param>
    /// <param name="employeeRate">The employee rate (0–1).</param>
    public static EmployeeContribution Contribution(double wage, double averageWage, double floorRatio, double ceilingRatio, double employerRate, double employeeRate)
    {
        CheckRate(employerRate, nameof(employerRate));
        CheckRate(employeeRate, nameof(employeeRate));
        double contributionBase = ContributionBase(wage, averageWage, floorRatio, ceilingRatio);
        return new EmployeeContribution(contributionBase, employerRate * contributionBase, employeeRate * contributionBase);
    }

    /// <summary>
    /// The basic pension: <c>W_prev × (1 + Ī)/2 × n × accrual</c> (国发〔2005〕38号: accrual 1% per year). With
    /// W_prev 8,000, Ī 1.0 and n 30 it is 2,400 a month (docs/worked-examples.md#example-7).
    /// </summary>
    /// <param name="benefitBase">W_prev: the provincial average monthly wage used for benefit calculation (计发基数), yuan/month (≥ 0).</param>
    /// <param name="averageIndex">Ī: the average contribution index (0.6–3.0 under the base limits; ≥ 0).</param>
    /// <param name="years">n: contribution years, including deemed years (≥ 0).</param>
    /// <param name="accrualRate">The accrual per year (0.01).</param>
    public static MonthlyYuan BasicPension(MonthlyYuan benefitBase, double averageIndex, double years, double accrualRate = 0.01)
    {
        CheckNonNegative(benefitBase.Value, nameof(benefitBase));
        CheckNonNegative(averageIndex, nameof(averageIndex));
        CheckNonNegative(years, nameof(years));
        CheckRate(accrualRate, nameof(accrualRate));
        return new MonthlyYuan(benefitBase.Value * (1.0 + averageIndex) / 2.0 * years * accrualRate);
    }

    /// <summary>The account pension: <c>B / divisor(retirement age)</c>; 150,000 at 60 gives 1,079.14 a month (÷ 139).</summary>
    /// <param name="balance">The account balance at retirement, yuan (≥ 0).</param>
    /// <param name="retirementAge">The retirement age, within the table.</param>
    /// <param name="divisors">The divisor table.</param>
    public static MonthlyYuan AccountPension(double balance, int retirementAge, AnnuityDivisorTable divisors)
    {
        ArgumentNullException.ThrowIfNull(divisors);
        CheckNonNegative(balance, nameof(balance));
        return new MonthlyYuan(balance / divisors.DivisorAt(retirementAge));
    }

    /// <summary>The monthly pension at retirement: basic + account (docs/worked-examples.md#example-7: 3,479.14 at 60).</summary>
    /// <param name="benefitBase">W_prev, yuan/month.</param>
    /// <param name="averageIndex">Ī.</param>
    /// <param name="years">n.</param>
    /// <param name="balance">The account balance, yuan.</param>
    /// <param name="retirementAge">The retirement age.</param>
    /// <param name="divisors">The divisor table.</param>
    /// <param name="accrualRate">The accrual per year (0.01).</param>
    public static EmployeePension Pension(MonthlyYuan benefitBase, double averageIndex, double years, double balance, int retirementAge, AnnuityDivisorTable divisors, double accrualRate = 0.01)
        => new(BasicPension(benefitBase, averageIndex, years, accrualRate), AccountPension(balance, retirementAge, divisors));

    /// <summary>Whether contribution years reach the minimum for a monthly pension (15, rising by half a year a year from 2030 to 20).</summary>
    /// <param name="years">Contribution years (≥ 0).</param>
    /// <param name="minimumYears">The minimum in force (≥ 0).</param>
    public static bool MeetsMinimumYears(double years, double minimumYears)
    {
        CheckNonNegative(years, nameof(years));
        CheckNonNegative(minimumYears, nameof(minimumYears));
        return years >= minimumYears;
    }

    private static void CheckNonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be finite and ≥ 0.");
        }
    }

    private static void CheckRate(double rate, string name)
    {
        if (!double.IsFinite(rate) || rate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(name, rate, "A rate must be a fraction between 0 and 1.");
        }
    }
}
