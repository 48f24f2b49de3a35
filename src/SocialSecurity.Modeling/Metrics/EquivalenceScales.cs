using SocialSecurity.Modeling.Internal;
using System.Globalization;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// Equivalence scales per household and per person (docs/indicators.md#equivalence-scales). A person aged
/// <see cref="DefaultAdultAge"/> (14) or over counts as an adult.
/// </summary>
/// <remarks>
/// The OECD-type formulas are applied literally: a household with no member aged 14 or over gets
/// <c>1 − 0.5 + 0.3·k</c> under the modified scale (0.8 for one child). <c>laeken::eqSS</c> returns misaligned values
/// for such households; that behaviour is deliberately not reproduced.
/// </remarks>
public static class EquivalenceScales
{
    /// <summary>The age from which a person counts as an adult (Eurostat: 14).</summary>
    public const int DefaultAdultAge = 14;

    /// <summary>OECD-modified scale of a household: <c>1 + 0.5·(adults − 1) + 0.3·children</c>.</summary>
    /// <param name="adults">Members aged 14 or over (≥ 0).</param>
    /// <param name="children">Members under 14 (≥ 0); the household must have at least one member.</param>
    /// <returns>The scale.</returns>
    public static double OecdModified(int adults, int children) => Household(EquivalenceScale.OecdModified, adults, children);

    /// <summary>Old OECD scale of a household: <c>1 + 0.7·(adults − 1) + 0.5·children</c>.</summary>
    /// <param name="adults">Members aged 14 or over (≥ 0).</param>
    /// <param name="children">Members under 14 (≥ 0).</param>
    /// <returns>The scale.</returns>
    public static double OldOecd(int adults, int children) => Household(EquivalenceScale.OldOecd, adults, children);

    /// <summary>Square-root scale of a household of <paramref name="size"/> persons.</summary>
    /// <param name="size">Household size (≥ 1).</param>
    /// <returns><c>√size</c>.</returns>
    public static double SquareRoot(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return Math.Sqrt(size);
    }

    /// <summary>Per-capita scale: the household size.</summary>
    /// <param name="size">Household size (≥ 1).</param>
    /// <returns>The size.</returns>
    public static double PerCapita(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return size;
    }

    /// <summary>Scale of a household with the given composition.</summary>
    /// <param name="scale">The scale.</param>
    /// <param name="adults">Members aged 14 or over (≥ 0).</param>
    /// <param name="children">Members under 14 (≥ 0); adults + children ≥ 1.</param>
    /// <returns>The scale value.</returns>
    public static double Household(EquivalenceScale scale, int adults, int children)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(adults);
        ArgumentOutOfRangeException.ThrowIfNegative(children);
        if (adults + children < 1)
        {
            throw new ArgumentException("A household needs at least one member.", nameof(adults));
        }

        return scale switch
        {
            EquivalenceScale.OecdModified => 1.0 + (0.5 * (adults - 1)) + (0.3 * children),
            EquivalenceScale.OldOecd => 1.0 + (0.7 * (adults - 1)) + (0.5 * children),
            EquivalenceScale.SquareRoot => Math.Sqrt(adults + children),
            EquivalenceScale.PerCapita => adults + children,
            _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "Unknown equivalence scale."),
        };
    }

    /// <summary>
    /// The household's scale for every person of a roster (one row per person), like <c>laeken::eqSS(hid, age)</c>
    /// for the OECD-modified scale.
    /// </summary>
    /// <param name="householdIds">Household identifier of each person (rows of a household need not be adjacent).</param>
    /// <param name="ages">Age of each person in whole years (≥ 0).</param>
    /// <param name="scale">The scale; OECD-modified by default.</param>
    /// <param name="adultAge">Age from which a person counts as an adult; 14 by default.</param>
    /// <returns>One scale value per person.</returns>
    public static double[] ForPersons(ReadOnlySpan<long> householdIds, ReadOnlySpan<int> ages,
        EquivalenceScale scale = EquivalenceScale.OecdModified, int adultAge = DefaultAdultAge)
    {
        if (householdIds.Length != ages.Length)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "'ages' has length {0} but 'householdIds' has length {1}.",
                    ages.Length, householdIds.Length), nameof(ages));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(adultAge);
        var counts = new Dictionary<long, (int Adults, int Children)>();
        for (int i = 0; i < ages.Length; i++)
        {
            if (ages[i] < 0)
            {
                throw new ArgumentException(Guard.Element("Age", i, ages[i], "is negative"), nameof(ages));
            }

            counts.TryGetValue(householdIds[i], out var c);
            counts[householdIds[i]] = ages[i] >= adultAge ? (c.Adults + 1, c.Children) : (c.Adults, c.Children + 1);
        }

        var result = new double[ages.Length];
        var cache = new Dictionary<long, double>(counts.Count);
        foreach (var (id, c) in counts)
        {
            cache[id] = Household(scale, c.Adults, c.Children);
        }

        for (int i = 0; i < result.Length; i++)
        {
            result[i] = cache[householdIds[i]];
        }

        return result;
    }

    /// <summary>Equivalised income: household income divided by the scale, given to every member.</summary>
    /// <param name="householdIncome">Household incomes (finite).</param>
    /// <param name="scales">Scale of each household (finite, positive).</param>
    /// <returns>Equivalised incomes.</returns>
    public static double[] Equivalise(ReadOnlySpan<double> householdIncome, ReadOnlySpan<double> scales)
    {
        Guard.Values(householdIncome, nameof(householdIncome));
        Guard.Companion(scales, householdIncome.Length, nameof(scales), nameof(householdIncome));
        var result = new double[householdIncome.Length];
        for (int i = 0; i < result.Length; i++)
        {
            if (!(scales[i] > 0.0))
            {
                throw new ArgumentException(Guard.Element("Scale", i, scales[i], "is not positive"), nameof(scales));
            }

            result[i] = householdIncome[i] / scales[i];
        }

        return result;
    }
}
