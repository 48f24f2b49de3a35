using System.Globalization;

namespace SocialSecurity.Modeling.Internal;

/// <summary>
/// The library's one set of argument checks (indicators, program terms). Each check throws an <see cref="ArgumentException"/>
/// (or <see cref="ArgumentOutOfRangeException"/>) naming the argument and, for element checks, the offending
/// index and value.
/// </summary>
internal static class Guard
{
    /// <summary>
    /// Validates a sample: non-empty finite values, and either no weights (unweighted) or as many finite,
    /// non-negative weights with a positive, finite total. Returns the total weight (the count when unweighted),
    /// summed sequentially in input order.
    /// </summary>
    internal static double Sample(ReadOnlySpan<double> values, ReadOnlySpan<double> weights,
        string valuesName = "values", string weightsName = "weights")
    {
        Values(values, valuesName);
        if (weights.IsEmpty)
        {
            return values.Length;
        }

        if (weights.Length != values.Length)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture,
                    "The weights have length {0} but the values have length {1}; pass one weight per value, or an empty span for an unweighted sample.",
                    weights.Length, values.Length),
                weightsName);
        }

        double total = 0.0;
        for (int i = 0; i < weights.Length; i++)
        {
            double w = weights[i];
            if (!double.IsFinite(w))
            {
                throw new ArgumentException(Element("Weight", i, w, "is not a finite number"), weightsName);
            }

            if (w < 0.0)
            {
                throw new ArgumentException(Element("Weight", i, w, "is negative; weights must be >= 0"), weightsName);
            }

            total += w;
        }

        if (!(total > 0.0))
        {
            throw new ArgumentException("The total weight is zero; at least one weight must be positive.", weightsName);
        }

        if (!double.IsFinite(total))
        {
            throw new ArgumentException("The total weight is not finite (the weights sum beyond the largest double); rescale the weights.", weightsName);
        }

        return total;
    }

    /// <summary>Validates that <paramref name="values"/> is non-empty and every element is finite.</summary>
    internal static void Values(ReadOnlySpan<double> values, string name)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("The sample is empty; at least one value is required.", name);
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(Element("Value", i, values[i], "is not a finite number"), name);
            }
        }
    }

    /// <summary>Validates that a second variable has the same length as the first and is finite.</summary>
    internal static void Companion(ReadOnlySpan<double> values, int expectedLength, string name, string otherName)
    {
        if (values.Length != expectedLength)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "'{0}' has length {1} but '{2}' has length {3}.",
                    name, values.Length, otherName, expectedLength),
                name);
        }

        Values(values, name);
    }

    /// <summary>Throws when a group-code span does not match the sample length.</summary>
    internal static void Groups(ReadOnlySpan<int> groups, int expectedLength, string name)
    {
        if (groups.Length != expectedLength)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "'{0}' has length {1} but the values have length {2}.",
                    name, groups.Length, expectedLength),
                name);
        }
    }

    /// <summary>Validates a probability in [0, 1].</summary>
    internal static void Probability(double p, string name)
    {
        if (!(p >= 0.0 && p <= 1.0))
        {
            throw new ArgumentOutOfRangeException(name, p, "The probability must lie in [0, 1].");
        }
    }

    /// <summary>Validates a finite, strictly positive scalar (a poverty line, a fraction of the median).</summary>
    internal static void Positive(double value, string name)
    {
        if (!(value > 0.0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be finite and strictly positive.");
        }
    }

    /// <summary>Validates a finite scalar.</summary>
    internal static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be finite.");
        }
    }

    /// <summary>Validates that the weighted total of the values is positive (a mean-normalised index needs it).</summary>
    internal static void PositiveTotal(double total, string name)
    {
        if (!(total > 0.0))
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture,
                    "The weighted total of the values is {0}; the indicator is undefined unless it is positive.", total),
                name);
        }
    }

    /// <summary>Returns an amount in yuan that must be finite and ≥ 0 (program terms validate in initialisers with it).</summary>
    internal static double NonNegative(double value, string name)
        => double.IsFinite(value) && value >= 0.0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} is an amount in yuan and must be finite and ≥ 0.");

    /// <summary>Returns a share that must lie in [0, 1].</summary>
    internal static double Fraction(double value, string name)
        => value is >= 0.0 and <= 1.0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} is a share and must lie in [0, 1].");

    internal static string Element(string what, int index, double value, string problem) =>
        string.Format(CultureInfo.InvariantCulture, "{0} at index {1} ({2}) {3}.", what, index, value, problem);

    /// <summary>Weight of element <paramref name="i"/>, or 1 when <paramref name="weights"/> is empty.</summary>
    internal static double WeightAt(ReadOnlySpan<double> weights, int i) => weights.IsEmpty ? 1.0 : weights[i];
}
