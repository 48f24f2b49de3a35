namespace SocialSecurity.Modeling.Internal;

/// <summary>An append-only growable array used while building columns; no per-item allocation.</summary>
internal sealed class ColumnBuffer<T>
{
    private T[] _items;

    public ColumnBuffer(int capacity) => _items = new T[Math.Max(4, capacity)];

    public int Count { get; private set; }

    public T this[int index] => _items[index];

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, checked(_items.Length * 2));
        }

        _items[Count++] = item;
    }

    /// <summary>The items added so far.</summary>
    public ReadOnlySpan<T> AsSpan() => _items.AsSpan(0, Count);

    /// <summary>The items, trimmed to <see cref="Count"/> (the buffer's own array when it is exactly full).</summary>
    public T[] ToArray() => Count == _items.Length ? _items : _items[..Count];
}
