namespace Deliberation.Domain.Statements;

public sealed partial class PositionTable
{
    /// <summary>
    /// Positions set in place by slot and frozen into a table once: the bulk fill of an import
    /// (docs/performance.md, "Imports of any size"), where <see cref="SetItem"/> per position copied a
    /// leaf and its path each time. The slots are the caller's numbering (the statement's,
    /// <see cref="StatementState.Slots"/>), which must extend the starting table's.
    /// </summary>
    public sealed class Builder
    {
        private readonly SlotVector<PositionCell>.Builder cells;
        private readonly ParticipantSlots startingSlots;
        private int count;

        public Builder(PositionTable from)
        {
            cells = new SlotVector<PositionCell>.Builder(from.cells);
            startingSlots = from.Slots;
            count = from.Count;
        }

        public int Count => count;

        /// <summary>The position in <paramref name="slot"/>; null where there is none.</summary>
        public Position? Get(int slot) => cells.Get(slot).Position;

        /// <summary>Sets the position in <paramref name="slot"/>, the slot its participant holds in the numbering the table will follow.</summary>
        public void Set(int slot, Position position)
        {
            ArgumentNullException.ThrowIfNull(position);
            if (cells.Get(slot).IsEmpty)
                count++;
            cells.Set(slot, new PositionCell(position));
        }

        /// <summary>The table as filled, on <paramref name="slots"/>: a numbering that gives every slot set its participant.</summary>
        public PositionTable ToTable(ParticipantSlots slots)
        {
            ArgumentNullException.ThrowIfNull(slots);
            if (!slots.Extends(startingSlots))
                throw new InvalidOperationException("A table filled by slot follows a numbering grown from its own.");
            return new PositionTable(slots, cells.ToVector(), count);
        }
    }
}
