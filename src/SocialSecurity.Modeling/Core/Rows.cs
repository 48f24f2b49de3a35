using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SocialSecurity.Modeling.Core;

/// <summary>
/// A column a rule's pass reads row by row without a bounds check per row: its length is checked once, when the
/// pass binds its chunk, against the end of the rows the pass may index (<see cref="Rows{T}(ReadOnlySpan{T}, int)"/>
/// throws when the column is shorter). The pass must index only rows in [0, that end), which is what its loops over
/// the chunk's households and their members do.
/// </summary>
/// <remarks>
/// In the hottest kernels (income tax: seventeen columns read and six written per person) the check per access
/// (the span's length loaded, compared, a branch) was a third of the instructions per person; the rows are
/// bounded by the chunk, so one check per column and chunk says the same.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
internal readonly ref struct Rows<T>
{
    private readonly ref readonly T _first;

    /// <summary>Wraps <paramref name="column"/>, which must hold at least <paramref name="end"/> rows.</summary>
    /// <exception cref="ArgumentException">The column is shorter than <paramref name="end"/>.</exception>
    public Rows(ReadOnlySpan<T> column, int end)
    {
        if ((uint)end > (uint)column.Length)
        {
            throw new ArgumentException($"A column of {column.Length} rows cannot be read up to row {end}.", nameof(column));
        }

        _first = ref MemoryMarshal.GetReference(column);
    }

    /// <summary>The value of <paramref name="row"/>, which must be in [0, the end given when wrapped).</summary>
    public T this[int row]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Unsafe.Add(ref Unsafe.AsRef(in _first), row);
    }
}

/// <summary>An output column written row by row without a bounds check per row (see <see cref="Rows{T}"/>).</summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly ref struct WritableRows<T>
{
    private readonly ref T _first;

    /// <summary>Wraps <paramref name="column"/>, which must hold at least <paramref name="end"/> rows.</summary>
    /// <exception cref="ArgumentException">The column is shorter than <paramref name="end"/>.</exception>
    public WritableRows(Span<T> column, int end)
    {
        if ((uint)end > (uint)column.Length)
        {
            throw new ArgumentException($"A column of {column.Length} rows cannot be written up to row {end}.", nameof(column));
        }

        _first = ref MemoryMarshal.GetReference(column);
    }

    /// <summary>The element of <paramref name="row"/>, which must be in [0, the end given when wrapped).</summary>
    public ref T this[int row]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Unsafe.Add(ref _first, row);
    }

    /// <summary>Clears rows [<paramref name="first"/>, <paramref name="end"/>), within the end given when wrapped.</summary>
    public void Clear(int first, int end) => MemoryMarshal.CreateSpan(ref this[first], end - first).Clear();
}
