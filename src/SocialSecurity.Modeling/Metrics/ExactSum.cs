using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Metrics;

/// <summary>
/// An exact, order-independent, mergeable sum of doubles: every term is added without rounding into a fixed-point
/// superaccumulator covering the whole double range (multiples of 2⁻¹⁰⁷⁴ up to 2¹⁰²⁴), and the total is rounded once,
/// to the nearest double (ties to even), by <see cref="Result"/>. The result depends only on the multiset of terms,
/// never on the order they were added in or on how they were split between accumulators and
/// <see cref="Merge">merged</see> (docs/indicators.md#exact-order-independent-sums). Every weighted total of the
/// library is taken this way.
/// </summary>
/// <remarks>
/// <para>Cost: a term is split into three 32-bit digits added to 64-bit limbs (a few integer operations); carries are
/// propagated only every 2³⁰ terms and when the result is read. An accumulator holds 68 limbs (544 bytes). It is not
/// thread-safe: give each thread its own and merge them.</para>
/// <para>Special values: a NaN term, or both +∞ and −∞, make the result NaN; otherwise an infinite term makes it that
/// infinity. A finite exact total beyond the double range rounds to ±∞. A zero total is +0, never −0.</para>
/// </remarks>
public sealed class ExactSum
{
    private readonly ExactAccumulator _sum;

    /// <summary>An empty accumulator.</summary>
    public ExactSum() => _sum = new ExactAccumulator();

    private ExactSum(ExactAccumulator sum) => _sum = sum;

    /// <summary>The number of terms added, including those brought in by <see cref="Merge"/>.</summary>
    public long Count => _sum.Count;

    /// <summary>Adds one term exactly.</summary>
    /// <param name="value">The term (any double; see the remarks for NaN and infinities).</param>
    public void Add(double value) => _sum.Add(value);

    /// <summary>Adds the product <c>a·b</c>, rounded to a double as <c>a * b</c>, exactly (for example a weight times a value).</summary>
    /// <param name="a">First factor.</param>
    /// <param name="b">Second factor.</param>
    public void AddProduct(double a, double b) => _sum.Add(a * b);

    /// <summary>Adds every term of <paramref name="other"/>, exactly; <paramref name="other"/> keeps its value.</summary>
    /// <param name="other">Another accumulator (not this one).</param>
    /// <exception cref="ArgumentException"><paramref name="other"/> is this accumulator.</exception>
    public void Merge(ExactSum other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _sum.Merge(other._sum);
    }

    /// <summary>The exact sum rounded once to the nearest double (ties to even); +0 when it is zero.</summary>
    /// <returns>The correctly rounded sum.</returns>
    public double Result() => _sum.Result();

    /// <summary>
    /// The exact state of the accumulator as bytes, to send a partial sum to another process and merge it there
    /// (<see cref="FromBytes"/>): nothing is rounded, so merging the rebuilt sums gives the same <see cref="Result"/>
    /// as adding every term in one accumulator.
    /// </summary>
    /// <returns>A new array (553 bytes).</returns>
    public byte[] ToBytes() => _sum.ToBytes();

    /// <summary>An accumulator holding the exact state written by <see cref="ToBytes"/>.</summary>
    /// <param name="state">The bytes of <see cref="ToBytes"/>.</param>
    /// <returns>A new accumulator.</returns>
    /// <exception cref="ArgumentException">The bytes are not such a state.</exception>
    public static ExactSum FromBytes(ReadOnlySpan<byte> state) => new(ExactAccumulator.FromBytes(state));

    /// <summary>Empties the accumulator.</summary>
    public void Reset() => _sum.Reset();

    /// <summary>The exact sum of <paramref name="values"/>, rounded once.</summary>
    /// <param name="values">The terms.</param>
    /// <returns>The correctly rounded sum.</returns>
    public static double Sum(ReadOnlySpan<double> values) => ExactAccumulator.Sum(values);

    /// <summary>
    /// <c>Σ a_i·b_i</c> with each product rounded to a double (as <c>a_i * b_i</c>) and the products summed exactly,
    /// rounded once: for example a weighted total <c>Σ w_i·x_i</c>.
    /// </summary>
    /// <param name="a">First factors.</param>
    /// <param name="b">Second factors, as many as <paramref name="a"/>.</param>
    /// <returns>The correctly rounded sum of the products.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static double SumOfProducts(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => ExactAccumulator.SumOfProducts(a, b);
}
