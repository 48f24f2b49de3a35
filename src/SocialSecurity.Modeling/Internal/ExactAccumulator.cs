using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SocialSecurity.Modeling.Internal;

/// <summary>
/// The exact superaccumulator behind <c>Metrics.ExactSum</c> (see there): 68 limbs of 32-bit digits with 32 bits of
/// headroom, covering multiples of 2⁻¹⁰⁷⁴ up to beyond 2¹⁰²⁴; usable from every layer.
/// </summary>
internal sealed class ExactAccumulator
{
    private const int LimbCount = 68;
    private const long NormalizeEvery = 1L << 30;
    private const long DigitMask = 0xFFFF_FFFF;

    private readonly long[] _limbs = new long[LimbCount];
    private bool _nan;
    private bool _positiveInfinity;
    private bool _negativeInfinity;

    /// <summary>The number of terms added (including those brought in by <see cref="Merge"/>).</summary>
    public long Count { get; private set; }

    /// <summary>Adds one term exactly.</summary>
    /// <param name="value">The term (any double; see the remarks for NaN and infinities).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        AddDigits(ref MemoryMarshal.GetArrayDataReference(_limbs), value);
        Counted();
    }

    /// <summary>
    /// Adds <c>values[rows[i]]</c> for every <c>i</c>, exactly (as many <see cref="Add"/> calls, without their per-call
    /// overhead; every term is counted, zeros included).
    /// </summary>
    /// <param name="values">The values.</param>
    /// <param name="rows">Indices into <paramref name="values"/>.</param>
    internal void AddAt(ReadOnlySpan<double> values, ReadOnlySpan<int> rows) => AddRows(values, default, 0, rows, products: false);

    /// <summary>
    /// Adds the products <c>values[rows[i]] * factors[rows[i] − offset]</c> (each rounded to a double, as written) for
    /// every <c>i</c>, exactly; every term is counted, zeros included (a zero adds nothing to the sum).
    /// </summary>
    /// <param name="values">First factors.</param>
    /// <param name="factors">Second factors, <paramref name="factors"/>[0] going with <paramref name="values"/>[<paramref name="offset"/>].</param>
    /// <param name="offset">The index in <paramref name="values"/> of <paramref name="factors"/>' first element.</param>
    /// <param name="rows">Indices into <paramref name="values"/>, each at least <paramref name="offset"/>.</param>
    internal void AddProductsAt(ReadOnlySpan<double> values, ReadOnlySpan<double> factors, int offset, ReadOnlySpan<int> rows)
        => AddRows(values, factors, offset, rows, products: true);

    /// <summary>
    /// Adds <c>values[row]</c>, or with <paramref name="products"/> the products <c>values[row] * factors[row − offset]</c>,
    /// for every row. Consecutive terms go to four sets of limbs in turn (this one's and three on the stack, summed into
    /// this one's at the end), so that a term does not wait for the previous term's limbs; the terms are counted by
    /// chunks that end where <see cref="Counted"/> would normalise, so the limbs never hold more terms than with
    /// <see cref="Add"/> and the sum is the same exact sum.
    /// </summary>
    private void AddRows(ReadOnlySpan<double> values, ReadOnlySpan<double> factors, int offset, ReadOnlySpan<int> rows, bool products)
    {
        Span<long> lanes = stackalloc long[3 * LimbCount];
        while (!rows.IsEmpty)
        {
            int take = (int)Math.Min(rows.Length, NormalizeEvery - (Count & (NormalizeEvery - 1)));
            var chunk = rows[..take];
            lanes.Clear();
            ref long l0 = ref MemoryMarshal.GetArrayDataReference(_limbs);
            ref long l1 = ref lanes[0];
            ref long l2 = ref lanes[LimbCount];
            ref long l3 = ref lanes[2 * LimbCount];
            int i = 0;
            if (products)
            {
                for (; i + 4 <= chunk.Length; i += 4)
                {
                    int a = chunk[i], b = chunk[i + 1], c = chunk[i + 2], d = chunk[i + 3];
                    AddDigits(ref l0, values[a] * factors[a - offset]);
                    AddDigits(ref l1, values[b] * factors[b - offset]);
                    AddDigits(ref l2, values[c] * factors[c - offset]);
                    AddDigits(ref l3, values[d] * factors[d - offset]);
                }

                for (; i < chunk.Length; i++)
                {
                    AddDigits(ref l0, values[chunk[i]] * factors[chunk[i] - offset]);
                }
            }
            else
            {
                for (; i + 4 <= chunk.Length; i += 4)
                {
                    AddDigits(ref l0, values[chunk[i]]);
                    AddDigits(ref l1, values[chunk[i + 1]]);
                    AddDigits(ref l2, values[chunk[i + 2]]);
                    AddDigits(ref l3, values[chunk[i + 3]]);
                }

                for (; i < chunk.Length; i++)
                {
                    AddDigits(ref l0, values[chunk[i]]);
                }
            }

            for (int k = 0; k < LimbCount; k++)
            {
                _limbs[k] += lanes[k] + lanes[LimbCount + k] + lanes[(2 * LimbCount) + k];
            }

            Count += take;
            if ((Count & (NormalizeEvery - 1)) == 0)
            {
                Normalize();
            }

            rows = rows[take..];
        }
    }

    /// <summary>
    /// Adds one term's digits: the term is m · 2^(biased − 1075) (normal) or m · 2^−1074 (subnormal), m starting at bit
    /// (biased − 1) or 0 above 2^−1074; its three 32-bit digits are added with the term's sign, each limb moving by
    /// less than 2^32. NaN and infinities only set their flags.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddDigits(ref long limbs, double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        int biased = (int)(bits >> 52) & 0x7FF;
        if (biased == 0x7FF)
        {
            AddSpecial(value);
            return;
        }

        ulong mantissa = ((ulong)bits & 0x000F_FFFF_FFFF_FFFFUL) | (biased != 0 ? 1UL << 52 : 0);
        int position = Math.Max(biased - 1, 0);
        int offset = position & 31;
        ulong low = mantissa << offset;
        ulong high = (mantissa >> 1) >> (63 - offset);
        long sign = bits >> 63;
        ref long limb = ref Unsafe.Add(ref limbs, position >> 5);
        limb += ((long)(low & DigitMask) ^ sign) - sign;
        Unsafe.Add(ref limb, 1) += ((long)(low >> 32) ^ sign) - sign;
        Unsafe.Add(ref limb, 2) += ((long)high ^ sign) - sign;
    }

    /// <summary>Counts one term, normalising every <see cref="NormalizeEvery"/> terms so that no limb overflows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Counted()
    {
        if ((++Count & (NormalizeEvery - 1)) == 0)
        {
            Normalize();
        }
    }

    /// <summary>Adds every term of <paramref name="other"/> (exactly; <paramref name="other"/> keeps its value).</summary>
    /// <param name="other">Another accumulator.</param>
    public void Merge(ExactAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("An accumulator cannot be merged into itself.", nameof(other));
        }

        Normalize();
        other.Normalize();
        for (int i = 0; i < LimbCount; i++)
        {
            _limbs[i] += other._limbs[i];
        }

        Count += other.Count;
        _nan |= other._nan;
        _positiveInfinity |= other._positiveInfinity;
        _negativeInfinity |= other._negativeInfinity;
    }

    /// <summary>The exact sum rounded once to the nearest double (ties to even); +0 when it is zero.</summary>
    /// <returns>The correctly rounded sum.</returns>
    public double Result()
    {
        if (_nan || (_positiveInfinity && _negativeInfinity))
        {
            return double.NaN;
        }

        if (_positiveInfinity)
        {
            return double.PositiveInfinity;
        }

        if (_negativeInfinity)
        {
            return double.NegativeInfinity;
        }

        Normalize();
        Span<long> digits = stackalloc long[LimbCount];
        _limbs.CopyTo(digits);
        bool negative = digits[LimbCount - 1] < 0;
        if (negative)
        {
            // Negate, then bring every digit back into [0, 2^32).
            long carry = 0;
            for (int i = 0; i < LimbCount; i++)
            {
                long v = -digits[i] + carry;
                carry = v >> 32;
                digits[i] = v & DigitMask;
            }
        }

        int top = LimbCount - 1;
        while (top >= 0 && digits[top] == 0)
        {
            top--;
        }

        if (top < 0)
        {
            return 0.0;
        }

        int bitLength = (32 * top) + (32 - BitOperations.LeadingZeroCount((uint)digits[top]));
        int shift = bitLength - 64;
        ulong top64 = BitsFrom(digits, shift, out bool sticky);
        ulong kept = top64 >> 11;
        ulong rest = top64 & 0x7FF;
        if (rest > 0x400 || (rest == 0x400 && (sticky || (kept & 1) != 0)))
        {
            kept++;
        }

        double magnitude = Math.ScaleB(kept, shift + 11 - 1074);
        return negative ? -magnitude : magnitude;
    }

    /// <summary>The number of bytes of <see cref="ToBytes"/>.</summary>
    public const int StateBytes = (LimbCount * sizeof(long)) + sizeof(long) + 1;

    /// <summary>The exact state (normalised limbs, count, special-value flags), little-endian, to rebuild it elsewhere with <see cref="FromBytes"/>.</summary>
    /// <returns>A new array of <see cref="StateBytes"/> bytes.</returns>
    public byte[] ToBytes()
    {
        Normalize();
        var bytes = new byte[StateBytes];
        var span = bytes.AsSpan();
        for (int i = 0; i < LimbCount; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(span[(i * sizeof(long))..], _limbs[i]);
        }

        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(span[(LimbCount * sizeof(long))..], Count);
        span[^1] = (byte)((_nan ? 1 : 0) | (_positiveInfinity ? 2 : 0) | (_negativeInfinity ? 4 : 0));
        return bytes;
    }

    /// <summary>An accumulator holding the state written by <see cref="ToBytes"/>.</summary>
    /// <param name="state">The bytes.</param>
    /// <exception cref="ArgumentException">The bytes are not such a state.</exception>
    public static ExactAccumulator FromBytes(ReadOnlySpan<byte> state)
    {
        if (state.Length != StateBytes || state[^1] > 7)
        {
            throw new ArgumentException($"An exact-sum state is {StateBytes} bytes with flags 0-7; got {state.Length} bytes.", nameof(state));
        }

        var sum = new ExactAccumulator();
        for (int i = 0; i < LimbCount; i++)
        {
            long limb = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(state[(i * sizeof(long))..]);
            if (i < LimbCount - 1 && (limb < 0 || limb > DigitMask))
            {
                throw new ArgumentException($"An exact-sum state holds normalised digits; limb {i} is {limb}.", nameof(state));
            }

            sum._limbs[i] = limb;
        }

        sum.Count = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(state[(LimbCount * sizeof(long))..]);
        sum._nan = (state[^1] & 1) != 0;
        sum._positiveInfinity = (state[^1] & 2) != 0;
        sum._negativeInfinity = (state[^1] & 4) != 0;
        return sum;
    }

    /// <summary>Empties the accumulator.</summary>
    public void Reset()
    {
        Array.Clear(_limbs);
        Count = 0;
        _nan = _positiveInfinity = _negativeInfinity = false;
    }

    /// <summary>The exact sum of <paramref name="values"/>, rounded once.</summary>
    /// <param name="values">The terms.</param>
    /// <returns>The correctly rounded sum.</returns>
    public static double Sum(ReadOnlySpan<double> values)
    {
        var sum = new ExactAccumulator();
        for (int i = 0; i < values.Length; i++)
        {
            sum.Add(values[i]);
        }

        return sum.Result();
    }

    /// <summary>
    /// <c>Σ a_i·b_i</c> with each product rounded to a double (as <c>a_i * b_i</c>) and the products summed exactly,
    /// rounded once; for example a weighted total <c>Σ w_i·x_i</c>.
    /// </summary>
    /// <param name="a">First factors.</param>
    /// <param name="b">Second factors, as many as <paramref name="a"/>.</param>
    /// <returns>The correctly rounded sum of the products.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static double SumOfProducts(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"The factors differ in length ({a.Length} and {b.Length}).", nameof(b));
        }

        var sum = new ExactAccumulator();
        for (int i = 0; i < a.Length; i++)
        {
            // A zero product adds nothing to the exact sum: skipped (most rows of most program outputs are zero).
            double product = a[i] * b[i];
            if (product != 0)
            {
                sum.Add(product);
            }
        }

        return sum.Result();
    }

    private void AddSpecial(double value)
    {
        if (double.IsNaN(value))
        {
            _nan = true;
        }
        else if (value > 0)
        {
            _positiveInfinity = true;
        }
        else
        {
            _negativeInfinity = true;
        }
    }

    /// <summary>Propagates carries so that every limb but the last holds a digit in [0, 2^32); the last keeps the sign.</summary>
    private void Normalize()
    {
        var limbs = _limbs;
        long carry = 0;
        for (int i = 0; i < LimbCount - 1; i++)
        {
            long v = limbs[i] + carry;
            carry = v >> 32;
            limbs[i] = v & DigitMask;
        }

        limbs[LimbCount - 1] += carry;
    }

    /// <summary>The 64 bits of the (non-negative, normalised) digits starting at bit <paramref name="start"/>, and whether any lower bit is set.</summary>
    private static ulong BitsFrom(ReadOnlySpan<long> digits, int start, out bool sticky)
    {
        int index = start >> 5, offset = start & 31;
        UInt128 window = 0;
        for (int k = 2; k >= 0; k--)
        {
            int d = index + k;
            window = (window << 32) | (d >= 0 && d < digits.Length ? (ulong)digits[d] : 0UL);
        }

        sticky = index >= 0 && (digits[index] & ((1L << offset) - 1)) != 0;
        for (int d = Math.Min(index, digits.Length) - 1; d >= 0 && !sticky; d--)
        {
            sticky = digits[d] != 0;
        }

        return (ulong)(window >> offset);
    }
}
