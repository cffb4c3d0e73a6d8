using System.Numerics;

namespace Deliberation.Domain.Statements;

public sealed partial class SlotVector<T>
{
    /// <summary>
    /// A vector filled in place and frozen once: what <see cref="Set"/> of every value in turn would give,
    /// without a new leaf and path of nodes per value (docs/performance.md, "Imports of any size": an
    /// import of 2,000,000 positions made that many leaves of garbage). The leaves of the vector it starts
    /// from are shared until written, so the original never changes.
    /// </summary>
    public sealed class Builder
    {
        // Each leaf as the vector holds it (a dense T[] or a SparseLeaf), or null where none is.
        private readonly List<object?> leaves = [];

        // The leaves this builder made or copied, always dense: written in place; any other is the original's, copied before a write.
        private readonly List<bool> owned = [];

        // Of an owned leaf, the slots set in it, to make it sparse again at the end if it has few; all ones when not known.
        private readonly List<uint> present = [];

        public Builder(SlotVector<T> from)
        {
            if (from.root is not null)
                Collect(from.root, from.shift, 0);
            owned.AddRange(Enumerable.Repeat(false, leaves.Count));
            present.AddRange(Enumerable.Repeat(uint.MaxValue, leaves.Count));
        }

        private void Collect(object node, int level, int firstSlot)
        {
            if (level == 0)
            {
                var at = firstSlot >> Bits;
                while (leaves.Count < at)
                    leaves.Add(null);
                leaves.Add(node);
                return;
            }
            var children = (object?[])node;
            for (var i = 0; i < children.Length; i++)
                if (children[i] is { } child)
                    Collect(child, level - Bits, firstSlot + (i << level));
        }

        public T? Get(int slot)
        {
            var at = slot >> Bits;
            return slot >= 0 && at < leaves.Count && leaves[at] is { } leaf ? LeafValue(leaf, slot & Mask) : default;
        }

        public void Set(int slot, T value)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(slot);
            var at = slot >> Bits;
            while (leaves.Count <= at)
            {
                leaves.Add(null);
                owned.Add(false);
                present.Add(0);
            }
            if (!owned[at])
            {
                (leaves[at], present[at]) = leaves[at] switch
                {
                    null => (new T[LeafSize], 0u),
                    SparseLeaf sparse => (sparse.ToDense(), sparse.Present),
                    var dense => (((T[])dense).Clone(), uint.MaxValue),
                };
                owned[at] = true;
            }
            ((T[])leaves[at]!)[slot & Mask] = value;
            present[at] |= 1u << (slot & Mask);
        }

        /// <summary>The vector as filled so far; the builder must not be written after it.</summary>
        public SlotVector<T> ToVector()
        {
            var last = leaves.FindLastIndex(leaf => leaf is not null);
            if (last < 0)
                return Empty;
            // An owned leaf with few slots set is made sparse, as Set would have left it.
            var nodes = leaves.GetRange(0, last + 1).Select((leaf, at) =>
                owned[at] && BitOperations.PopCount(present[at]) <= SparseMost ? SparseLeaf.Of(present[at], (T[])leaf!) : leaf).ToList();
            // Level by level, 32 children a node; a node whose children are all absent is absent too, as Set leaves it.
            var level = 0;
            while (nodes.Count > 1)
            {
                var parents = new List<object?>((nodes.Count + LeafSize - 1) / LeafSize);
                for (var first = 0; first < nodes.Count; first += LeafSize)
                {
                    var children = nodes.GetRange(first, Math.Min(LeafSize, nodes.Count - first));
                    if (children.TrueForAll(child => child is null))
                    {
                        parents.Add(null);
                        continue;
                    }
                    var node = new object?[LeafSize];
                    children.CopyTo(node);
                    parents.Add(node);
                }
                nodes = parents;
                level += Bits;
            }
            return new SlotVector<T>(nodes[0], level);
        }
    }
}
