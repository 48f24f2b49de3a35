using System.Collections.Immutable;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// A period life table: the probability <c>q_x</c> that a person alive at exact age <c>x</c> dies before <c>x + 1</c>.
/// Ages past the last entry are treated as dead (the table is closed there). Immutable.
/// </summary>
/// <remarks>
/// The built-in table (<c>Data/parameters/cn/pension_life_table.json</c>) is ILLUSTRATIVE [I]: a Gompertz–Makeham
/// law fitted by eye to China's period life expectancy of the early 2020s (about 78 at birth, 22 at 60), both sexes.
/// Replace it with an official table (or one by sex and hukou) before drawing conclusions.
/// </remarks>
public sealed class LifeTable
{
    /// <summary>Creates a life table.</summary>
    /// <param name="firstAge">The age of the first probability (≥ 0).</param>
    /// <param name="deathProbabilities">q_x for each age from <paramref name="firstAge"/> on, each in [0, 1].</param>
    /// <exception cref="ArgumentException">The list is empty or holds a value outside [0, 1].</exception>
    public LifeTable(int firstAge, IEnumerable<double> deathProbabilities)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstAge);
        ArgumentNullException.ThrowIfNull(deathProbabilities);
        DeathProbabilities = [.. deathProbabilities];
        if (DeathProbabilities.IsEmpty)
        {
            throw new ArgumentException("A life table needs at least one death probability.", nameof(deathProbabilities));
        }

        for (int i = 0; i < DeathProbabilities.Length; i++)
        {
            if (!double.IsFinite(DeathProbabilities[i]) || DeathProbabilities[i] is < 0 or > 1)
            {
                throw new ArgumentException($"Death probabilities must lie in [0, 1]; q at age {firstAge + i} is {DeathProbabilities[i]}.", nameof(deathProbabilities));
            }
        }

        FirstAge = firstAge;
    }

    /// <summary>The age of the first entry.</summary>
    public int FirstAge { get; }

    /// <summary>The age of the last entry; nobody survives past <c>LastAge + 1</c>.</summary>
    public int LastAge => FirstAge + DeathProbabilities.Length - 1;

    /// <summary>q_x from <see cref="FirstAge"/> on.</summary>
    public ImmutableArray<double> DeathProbabilities { get; }

    /// <summary>q_x: the probability of dying within the year at <paramref name="age"/>; 1 past the table.</summary>
    /// <param name="age">An age ≥ <see cref="FirstAge"/>.</param>
    public double DeathProbability(int age)
    {
        CheckAge(age, nameof(age));
        return age > LastAge ? 1.0 : DeathProbabilities[age - FirstAge];
    }

    /// <summary>The probability that a person alive at exact age <paramref name="fromAge"/> is alive at exact age <paramref name="toAge"/>: Π (1 − q_x) for x from fromAge to toAge − 1.</summary>
    /// <param name="fromAge">The conditioning age (≥ <see cref="FirstAge"/>).</param>
    /// <param name="toAge">The target age (≥ fromAge).</param>
    public double Survival(int fromAge, int toAge)
    {
        CheckAge(fromAge, nameof(fromAge));
        if (toAge < fromAge)
        {
            throw new ArgumentOutOfRangeException(nameof(toAge), toAge, $"The target age must be at least the conditioning age {fromAge}.");
        }

        double survival = 1.0;
        for (int x = fromAge; x < toAge && survival > 0; x++)
        {
            survival *= 1.0 - DeathProbability(x);
        }

        return survival;
    }

    /// <summary>Life expectancy at exact age <paramref name="age"/>, in years: Σ survival to each later birthday + ½ (deaths mid-year).</summary>
    /// <param name="age">An age ≥ <see cref="FirstAge"/>.</param>
    public double LifeExpectancy(int age)
    {
        CheckAge(age, nameof(age));
        double expectancy = 0, survival = 1;
        for (int x = age; x <= LastAge && survival > 0; x++)
        {
            double next = survival * (1.0 - DeathProbability(x));
            expectancy += (survival + next) / 2.0;
            survival = next;
        }

        return expectancy;
    }

    /// <summary>The table in force on <paramref name="date"/> (parameters <c>pension.life_table.first_age</c> and <c>pension.life_table.death_probability</c>).</summary>
    /// <param name="parameters">The parameter store.</param>
    /// <param name="date">The date.</param>
    /// <param name="regionCode">A GB/T 2260 code; the nation when omitted.</param>
    public static LifeTable Resolve(ParameterStore parameters, DateOnly date, string regionCode = RegionCodes.China)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var region = parameters.Regions.GetId(regionCode);
        return new LifeTable(
            (int)parameters.Resolve("pension.life_table.first_age", date, region).Scalar(),
            parameters.Resolve("pension.life_table.death_probability", date, region).Value.Items);
    }

    private void CheckAge(int age, string name)
    {
        if (age < FirstAge || age > 150)
        {
            throw new ArgumentOutOfRangeException(name, age, $"The life table starts at age {FirstAge}; ages up to 150 are accepted.");
        }
    }
}
