using System.Numerics;

namespace Deliberation.Domain.Statements;

/// <summary>
/// A persistent array indexed by slot: a tree of 32-wide nodes whose leaves are plain arrays of 32
/// values, absent subtrees null. Setting a slot copies one leaf and the nodes above it (a few
/// hundred bytes even at 100,000 slots), so every older version stays as it was, and a scan reads
/// whole leaves in slot order, with no per-value object to follow (docs/performance.md, "Where the
/// full recomputation spends its time"). A leaf with few slots set holds only those
/// (<see cref="SparseLeaf"/>) until it has more than <see cref="SparseMost"/>: a statement numbers its
/// participants once for all its clauses, and in an imported conversation each clause is spoken to
/// by a few of them, so most of a dense leaf would be empty (docs/performance.md, "Session 15: the
/// snapshot SQLite spelled out").
/// </summary>
public sealed partial class SlotVector<T>
{
    public const int LeafSize = 1 << Bits;
    private const int Bits = 5;
    private const int Mask = LeafSize - 1;

    /// <summary>A leaf of values set in at most this many slots is held sparse.</summary>
    public const int SparseMost = 8;

    /// <summary>A leaf (<c>T[]</c> or <see cref="SparseLeaf"/>) when <see cref="shift"/> is 0, else a node (<c>object?[]</c>).</summary>
    private readonly object? root;
    private readonly int shift;

    private SlotVector(object? root, int shift) => (this.root, this.shift) = (root, shift);

    public static SlotVector<T> Empty { get; } = new(null, 0);

    /// <summary>Slots below this fit without growing the tree.</summary>
    private int Capacity => LeafSize << shift;

    /// <summary>The value at a slot: default for a slot never set.</summary>
    public T? Get(int slot)
    {
        if (slot < 0 || slot >= Capacity)
            return default;
        var node = root;
        for (var level = shift; level > 0 && node is not null; level -= Bits)
            node = ((object?[])node)[(slot >> level) & Mask];
        return node is null ? default : LeafValue(node, slot & Mask);
    }

    private static T? LeafValue(object leaf, int index) =>
        leaf is T[] dense ? dense[index] : ((SparseLeaf)leaf).Get(index);

    /// <summary>A vector holding <paramref name="values"/> in slots 0, 1, …: built whole, for reading a stored table.</summary>
    public static SlotVector<T> Of(IReadOnlyList<T> values)
    {
        if (values.Count == 0)
            return Empty;
        var nodes = new List<object>();
        for (var first = 0; first < values.Count; first += LeafSize)
        {
            var leaf = new T[LeafSize];
            for (var i = 0; i < LeafSize && first + i < values.Count; i++)
                leaf[i] = values[first + i];
            nodes.Add(leaf);
        }
        var level = 0;
        while (nodes.Count > 1)
        {
            nodes = [.. nodes.Chunk(LeafSize).Select(children =>
            {
                var node = new object?[LeafSize];
                children.CopyTo(node, 0);
                return (object)node;
            })];
            level += Bits;
        }
        return new SlotVector<T>(nodes[0], level);
    }

    public SlotVector<T> Set(int slot, T value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        var (grown, level) = (root, shift);
        while (slot >= LeafSize << level)
        {
            // A taller tree keeps the old one as its first child: slots below the old capacity stay put.
            if (grown is not null)
            {
                var taller = new object?[LeafSize];
                taller[0] = grown;
                grown = taller;
            }
            level += Bits;
        }
        return new SlotVector<T>(SetIn(grown, level, slot, value), level);
    }

    /// <summary>Hands every leaf that exists to the visitor, in slot order, with the slot of its first entry.</summary>
    public void VisitLeaves<TVisitor>(ref TVisitor visitor) where TVisitor : struct, ILeafVisitor<T>
    {
        if (root is not null)
            Visit(root, shift, 0, ref visitor);
    }

    private static object SetIn(object? node, int level, int slot, T value)
    {
        if (level == 0)
            return LeafWith(node, slot & Mask, value);
        var children = node is null ? new object?[LeafSize] : (object?[])((object?[])node).Clone();
        var at = (slot >> level) & Mask;
        children[at] = SetIn(children[at], level - Bits, slot, value);
        return children;
    }

    /// <summary>
    /// A new leaf: <paramref name="leaf"/> (or none) with <paramref name="value"/> in slot <paramref name="index"/>,
    /// sparse while it has few slots set, dense after. The leaf given never changes.
    /// </summary>
    private static object LeafWith(object? leaf, int index, T value)
    {
        switch (leaf)
        {
            case null:
                return SparseLeaf.Of(index, value);
            case SparseLeaf sparse:
                return sparse.With(index, value);
            default:
                var dense = (T[])((T[])leaf).Clone();
                dense[index] = value;
                return dense;
        }
    }

    /// <summary>
    /// A leaf holding only its set slots: which ones in <see cref="Present"/>, one bit a slot, their values in
    /// slot order. Never changed once made; a change makes another, dense once it holds more than <see cref="SparseMost"/>.
    /// </summary>
    private sealed class SparseLeaf(uint present, T[] values)
    {
        public uint Present { get; } = present;

        public static SparseLeaf Of(int index, T value) => new(1u << index, [value]);

        public T? Get(int index) =>
            (Present & (1u << index)) == 0 ? default : values[BitOperations.PopCount(Present & ((1u << index) - 1))];

        /// <summary>This leaf with <paramref name="value"/> in slot <paramref name="index"/>: sparse, or dense past <see cref="SparseMost"/>.</summary>
        public object With(int index, T value)
        {
            var bit = 1u << index;
            var at = BitOperations.PopCount(Present & (bit - 1));
            if ((Present & bit) != 0)
            {
                var replaced = (T[])values.Clone();
                replaced[at] = value;
                return new SparseLeaf(Present, replaced);
            }
            if (values.Length == SparseMost)
            {
                var dense = ToDense();
                dense[index] = value;
                return dense;
            }
            var grown = new T[values.Length + 1];
            Array.Copy(values, grown, at);
            grown[at] = value;
            Array.Copy(values, at, grown, at + 1, values.Length - at);
            return new SparseLeaf(Present | bit, grown);
        }

        /// <summary>A new dense leaf of the same values.</summary>
        public T[] ToDense()
        {
            var dense = new T[LeafSize];
            var at = 0;
            for (var bits = Present; bits != 0; bits &= bits - 1)
                dense[BitOperations.TrailingZeroCount(bits)] = values[at++];
            return dense;
        }
    }

    private static void Visit<TVisitor>(object node, int level, int firstSlot, ref TVisitor visitor) where TVisitor : struct, ILeafVisitor<T>
    {
        if (level == 0)
        {
            // A sparse leaf is handed over whole, as a fresh array: a visitor may keep what it is given.
            visitor.Visit(firstSlot, node as T[] ?? ((SparseLeaf)node).ToDense());
            return;
        }
        var children = (object?[])node;
        for (var i = 0; i < children.Length; i++)
            if (children[i] is { } child)
                Visit(child, level - Bits, firstSlot + (i << level), ref visitor);
    }
}

/// <summary>What a scan of a <see cref="SlotVector{T}"/> does with each leaf; a struct, so the scan's calls are direct.</summary>
public interface ILeafVisitor<T>
{
    void Visit(int firstSlot, T[] leaf);
}
