using System.Collections.Immutable;

namespace SocialSecurity.Modeling.Programs.Pensions.Rules;

/// <summary>
/// The months divisors of the employee individual-account pension by retirement age (计发月数, 国发〔2005〕38号
/// annex; docs/rules/pension.employee.md): 40 → 233, 50 → 195, 55 → 170, 60 → 139, …, 70 → 56. Immutable.
/// </summary>
public sealed class AnnuityDivisorTable
{
    /// <summary>Creates a table.</summary>
    /// <param name="firstAge">The retirement age of the first divisor.</param>
    /// <param name="divisors">One positive divisor (months) per year of age from <paramref name="firstAge"/> on, non-increasing.</param>
    /// <exception cref="ArgumentException">The list is empty, or holds a non-positive value, or rises with age.</exception>
    public AnnuityDivisorTable(int firstAge, IEnumerable<double> divisors)
    {
        ArgumentNullException.ThrowIfNull(divisors);
        ArgumentOutOfRangeException.ThrowIfNegative(firstAge);
        Divisors = [.. divisors];
        if (Divisors.IsEmpty)
        {
            throw new ArgumentException("A divisor table needs at least one divisor.", nameof(divisors));
        }

        for (int i = 0; i < Divisors.Length; i++)
        {
            if (!double.IsFinite(Divisors[i]) || Divisors[i] <= 0 || (i > 0 && Divisors[i] > Divisors[i - 1]))
            {
                throw new ArgumentException($"Divisors must be positive and fall (or stay level) with age; the divisor for age {firstAge + i} is {Divisors[i]}.", nameof(divisors));
            }
        }

        FirstAge = firstAge;
    }

    /// <summary>The retirement age of the first divisor.</summary>
    public int FirstAge { get; }

    /// <summary>The retirement age of the last divisor.</summary>
    public int LastAge => FirstAge + Divisors.Length - 1;

    /// <summary>The divisors, months, from <see cref="FirstAge"/> on.</summary>
    public ImmutableArray<double> Divisors { get; }

    /// <summary>The divisor for retirement at <paramref name="age"/>.</summary>
    /// <param name="age">The retirement age, between <see cref="FirstAge"/> and <see cref="LastAge"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The table has no divisor for that age.</exception>
    public double DivisorAt(int age)
    {
        if (age < FirstAge || age > LastAge)
        {
            throw new ArgumentOutOfRangeException(nameof(age), age, $"The divisor table covers retirement ages {FirstAge}–{LastAge}.");
        }

        return Divisors[age - FirstAge];
    }
}
