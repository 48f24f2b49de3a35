using System.Collections.Immutable;

namespace SocialSecurity.Modeling.Core;

/// <summary>
/// A parameter: its name, meaning, unit, period, allowed range, and every dated value that any region's
/// authority has set. Immutable; built by the parameter loader.
/// </summary>
/// <param name="Name">The dotted name, for example <c>dibao.standard.urban</c>.</param>
/// <param name="Label">What the parameter means, in a sentence.</param>
/// <param name="Unit">The unit of every value.</param>
/// <param name="Period">Per month, per year, or no period.</param>
/// <param name="IsList">Whether values are lists of numbers (tier tables, brackets) rather than single numbers.</param>
/// <param name="Minimum">The smallest allowed number (inclusive); a file or reform outside it is rejected.</param>
/// <param name="Maximum">The largest allowed number (inclusive).</param>
/// <param name="Entries">Every dated value, in file order.</param>
public sealed record ParameterDefinition(
    string Name,
    string Label,
    ParameterUnit Unit,
    AmountPeriod Period,
    bool IsList,
    double Minimum,
    double Maximum,
    ImmutableArray<ParameterEntry> Entries)
{
    /// <summary>Checks that <paramref name="value"/> has this parameter's shape and lies in its range.</summary>
    /// <param name="value">The candidate value.</param>
    /// <returns><see langword="null"/> when valid, otherwise what is wrong.</returns>
    public string? Check(ParameterValue value)
    {
        if (value.IsList != IsList)
        {
            return IsList ? "expected a list of numbers" : "expected a single number";
        }

        if (IsList)
        {
            for (int i = 0; i < value.Items.Length; i++)
            {
                var v = value.Items[i];
                if (v < Minimum || v > Maximum)
                {
                    return $"item {i} = {v} is outside the allowed range [{Minimum}, {Maximum}]";
                }
            }

            return null;
        }

        return value.Scalar < Minimum || value.Scalar > Maximum
            ? $"{value.Scalar} is outside the allowed range [{Minimum}, {Maximum}]"
            : null;
    }
}
