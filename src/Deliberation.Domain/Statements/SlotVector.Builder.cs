namespace Deliberation.Domain.Statements;

public sealed partial class SlotVector<T>
{
    /// <summary>
    /// A vector filled in place and frozen once: what <see cref="Set"/> of every value in turn would give,
    /// without a new path of nodes per value (docs/performance.md, "Imports of any size": an import of
    /// 2,000,000 positions made that many paths of garbage). A dense leaf is written in place; a leaf with
    /// few slots set is remade small at each write, as <see cref="Set"/> remakes it. The leaves of the
    /// vector it starts from are shared until written, so the original never changes.
    /// </summary>
    public sealed class Builder
    {
        // Each leaf as the vector holds it (a dense T[] or a SparseLeaf), or null where none is.
        private readonly List<object?> leaves = [];

        // The dense leaves this builder made or copied: written in place; any other dense one is the original's,
        // copied before a write. A sparse leaf is never written in place (each write makes another, as Set
        // does), so one shared with the original needs no copy, and a leaf with few slots set stays small while
        // the vector fills: an import's tables are mostly such leaves (docs/performance.md, "Session 16").
        private readonly List<bool> owned = [];

        public Builder(SlotVector<T> from)
        {
            if (from.root is not null)
                Collect(from.root, from.shift, 0);
            owned.AddRange(Enumerable.Repeat(false, leaves.Count));
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
            }
            if (owned[at])
            {
                ((T[])leaves[at]!)[slot & Mask] = value;
                return;
            }
            // As Set writes a leaf; a dense leaf it makes (a copy, or a sparse one past SparseMost) is new, so this builder's own.
            leaves[at] = LeafWith(leaves[at], slot & Mask, value);
            owned[at] = leaves[at] is T[];
        }

        /// <summary>The vector as filled so far; the builder must not be written after it.</summary>
        public SlotVector<T> ToVector()
        {
            var last = leaves.FindLastIndex(leaf => leaf is not null);
            if (last < 0)
                return Empty;
            var nodes = leaves.GetRange(0, last + 1);
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
