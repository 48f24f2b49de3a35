using System.Collections.Immutable;
using System.Globalization;

namespace SocialSecurity.Modeling.Core;

/// <summary>
/// The value of a parameter at one date and region: a number, or a list of numbers (a tier table, bracket
/// thresholds, rates by grade). Immutable.
/// </summary>
public readonly struct ParameterValue : IEquatable<ParameterValue>
{
    private readonly ImmutableArray<double> _items;

    private ParameterValue(double scalar, ImmutableArray<double> items)
    {
        Scalar = scalar;
        _items = items;
    }

    /// <summary>Whether the value is a list of numbers rather than one number.</summary>
    public bool IsList => !_items.IsDefault;

    /// <summary>The number, for a scalar value.</summary>
    public double Scalar { get; }

    /// <summary>The numbers, for a list value; empty for a scalar.</summary>
    public ImmutableArray<double> Items => _items.IsDefault ? [] : _items;

    /// <summary>A scalar value.</summary>
    /// <param name="value">A finite number.</param>
    public static ParameterValue Of(double value)
        => double.IsFinite(value) ? new ParameterValue(value, default) : throw new ArgumentOutOfRangeException(nameof(value), value, "A parameter value must be finite.");

    /// <summary>A list value.</summary>
    /// <param name="values">Finite numbers.</param>
    public static ParameterValue OfList(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var items = values.ToImmutableArray();
        for (int i = 0; i < items.Length; i++)
        {
            if (!double.IsFinite(items[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(values), items[i], $"Item {i} of a parameter list must be finite.");
            }
        }

        return new ParameterValue(0, items);
    }

    /// <summary>This value with every number multiplied by <paramref name="factor"/>.</summary>
    /// <param name="factor">The multiplier.</param>
    public ParameterValue Scale(double factor)
        => IsList ? OfList(_items.Select(v => v * factor)) : Of(Scalar * factor);

    /// <summary>This value with <paramref name="amount"/> added to every number.</summary>
    /// <param name="amount">The addend.</param>
    public ParameterValue Add(double amount)
        => IsList ? OfList(_items.Select(v => v + amount)) : Of(Scalar + amount);

    /// <inheritdoc />
    public bool Equals(ParameterValue other)
        => IsList == other.IsList && (IsList ? _items.SequenceEqual(other._items) : Scalar.Equals(other.Scalar));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ParameterValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsList ? _items.Aggregate(17, (h, v) => HashCode.Combine(h, v)) : Scalar.GetHashCode();

    /// <summary>Value equality.</summary>
    public static bool operator ==(ParameterValue left, ParameterValue right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ParameterValue left, ParameterValue right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString()
        => IsList
            ? "[" + string.Join(", ", _items.Select(v => v.ToString("G", CultureInfo.InvariantCulture))) + "]"
            : Scalar.ToString("G", CultureInfo.InvariantCulture);
}
