using System.Collections;

namespace HipecSafe.Core.Collections;

/// <summary>Creates <see cref="ValueList{T}"/>s.</summary>
public static class ValueList
{
    public static ValueList<T> Empty<T>() => ValueList<T>.EmptyList;

    public static ValueList<T> From<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return ValueList<T>.Of(items.ToArray());
    }
}

/// <summary>
/// An immutable list that compares by its items, for the states of the pure cycle units: two states built by
/// different paths are equal when they hold the same items, which replay, conformance tests and an explicit-state
/// model explorer rely on. Adding returns a new list; nothing ever changes one in place.
/// </summary>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    private ValueList(T[] items) => _items = items;

    internal static ValueList<T> EmptyList { get; } = new([]);

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    internal static ValueList<T> Of(T[] owned) => owned.Length == 0 ? EmptyList : new ValueList<T>(owned);

    public ValueList<T> Add(T item) => new([.. _items, item]);

    /// <summary>The list with the item at <paramref name="index"/> replaced (the same list when it is equal already).</summary>
    public ValueList<T> SetItem(int index, T item)
    {
        if (EqualityComparer<T>.Default.Equals(_items[index], item))
        {
            return this;
        }

        var copy = (T[])_items.Clone();
        copy[index] = item;
        return new ValueList<T>(copy);
    }

    public ValueList<T> RemoveAll(Func<T, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return _items.Any(match) ? Of(_items.Where(i => !match(i)).ToArray()) : this;
    }

    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public override string ToString() => "[" + string.Join(", ", _items) + "]";
}
