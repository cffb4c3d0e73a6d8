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
        private readonly List<T[]?> leaves = [];

        // The leaves this builder made or copied: written in place; any other is the original's, copied before a write.
        private readonly List<bool> owned = [];

        public Builder(SlotVector<T> from)
        {
            var collect = new LeafCollector(leaves);
            from.VisitLeaves(ref collect);
            owned.AddRange(Enumerable.Repeat(false, leaves.Count));
        }

        public T? Get(int slot)
        {
            var at = slot >> Bits;
            return slot >= 0 && at < leaves.Count && leaves[at] is { } leaf ? leaf[slot & Mask] : default;
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
            var leaf = leaves[at];
            if (leaf is null || !owned[at])
            {
                leaf = leaf is null ? new T[LeafSize] : (T[])leaf.Clone();
                leaves[at] = leaf;
                owned[at] = true;
            }
            leaf[slot & Mask] = value;
        }

        /// <summary>The vector as filled so far; the builder must not be written after it.</summary>
        public SlotVector<T> ToVector()
        {
            var last = leaves.FindLastIndex(leaf => leaf is not null);
            if (last < 0)
                return Empty;
            // Level by level, 32 children a node; a node whose children are all absent is absent too, as Set leaves it.
            var nodes = leaves.GetRange(0, last + 1).ConvertAll(leaf => (object?)leaf);
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

        private readonly struct LeafCollector(List<T[]?> leaves) : ILeafVisitor<T>
        {
            public void Visit(int firstSlot, T[] leaf)
            {
                var at = firstSlot >> Bits;
                while (leaves.Count < at)
                    leaves.Add(null);
                leaves.Add(leaf);
            }
        }
    }
}
