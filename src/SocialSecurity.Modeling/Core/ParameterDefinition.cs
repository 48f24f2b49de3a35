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
    /// <summary>Constraints on the items of a list parameter (order, first item); <see cref="ListConstraints.None"/> for a scalar.</summary>
    public ListConstraints Items { get; init; }

    /// <summary>
    /// For a list parameter, another list parameter whose value must have as many items wherever both are in force
    /// (one rate per band threshold); <see langword="null"/> when unconstrained. Declared as <c>"same_length_as"</c>.
    /// </summary>
    public string? SameLengthAs { get; init; }

    /// <summary>Checks that <paramref name="value"/> has this parameter's shape, lies in its range and, for a list, meets <see cref="Items"/>.</summary>
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
            var items = value.Items;
            for (int i = 0; i < items.Length; i++)
            {
                var v = items[i];
                if (v < Minimum || v > Maximum)
                {
                    return $"item {i} = {v} is outside the allowed range [{Minimum}, {Maximum}]";
                }

                if (i > 0 && (Items & ListConstraints.StrictlyAscending) == ListConstraints.StrictlyAscending && !(v > items[i - 1]))
                {
                    return $"item {i} = {v} is not above item {i - 1} = {items[i - 1]}; the items must be strictly ascending";
                }

                if (i > 0 && (Items & ListConstraints.Ascending) != 0 && v < items[i - 1])
                {
                    return $"item {i} = {v} is below item {i - 1} = {items[i - 1]}; the items must be ascending";
                }
            }

            if ((Items & ListConstraints.StartsAtZero) != 0 && items.Length > 0 && items[0] != 0)
            {
                return $"item 0 = {items[0]} must be 0 (the first band starts at 0)";
            }

            return null;
        }

        return value.Scalar < Minimum || value.Scalar > Maximum
            ? $"{value.Scalar} is outside the allowed range [{Minimum}, {Maximum}]"
            : null;
    }
}
