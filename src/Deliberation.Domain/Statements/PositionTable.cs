using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Deliberation.Domain.Statements;

/// <summary>
/// The positions on a clause or a bracket option, by participant: a persistent dictionary laid out
/// for counting. Each participant has a slot (<see cref="ParticipantSlots"/>, shared by a
/// statement's clauses); per slot, a <see cref="PositionCell"/> holds the position's kind and
/// revision inline and the <see cref="Position"/> itself (note, time) beside them, in a
/// <see cref="SlotVector{T}"/>. Counting scans the cells leaf by leaf with no tree walk and no
/// object to follow per position; a change copies one leaf and the nodes above it, so older versions
/// never change (docs/performance.md, "Where the full recomputation spends its time").
/// Stored as the JSON object it always was (participant id → position): <see cref="PositionTableJsonConverter"/>.
/// </summary>
[JsonConverter(typeof(PositionTableJsonConverter))]
public sealed partial class PositionTable : IReadOnlyDictionary<Guid, Position>
{
    private readonly SlotVector<PositionCell> cells;

    private PositionTable(ParticipantSlots slots, SlotVector<PositionCell> cells, int count) =>
        (Slots, this.cells, Count) = (slots, cells, count);

    public static PositionTable Empty { get; } = new(ParticipantSlots.Empty, SlotVector<PositionCell>.Empty, 0);

    /// <summary>The numbering this table's slots follow.</summary>
    public ParticipantSlots Slots { get; }

    public int Count { get; }

    public bool IsEmpty => Count == 0;

    public Position this[Guid key] => TryGetValue(key, out var position)
        ? position
        : throw new KeyNotFoundException($"No position of {key}.");

    public IEnumerable<Guid> Keys => this.Select(p => p.Key);

    public IEnumerable<Position> Values => this.Select(p => p.Value);

    /// <summary>A table numbered on its own holding <paramref name="entries"/> (the last of a participant's wins).</summary>
    public static PositionTable Of(IEnumerable<KeyValuePair<Guid, Position>> entries)
    {
        var order = new List<Guid>();
        var latest = new Dictionary<Guid, Position>();
        foreach (var (participant, position) in entries)
        {
            ArgumentNullException.ThrowIfNull(position);
            if (!latest.ContainsKey(participant))
                order.Add(participant);
            latest[participant] = position;
        }
        return new PositionTable(ParticipantSlots.Of(order), SlotVector<PositionCell>.Of(order.ConvertAll(p => new PositionCell(latest[p]))), order.Count);
    }

    public bool ContainsKey(Guid key) => TryGetValue(key, out _);

    public bool TryGetValue(Guid key, [MaybeNullWhen(false)] out Position value)
    {
        value = Slots.TryGetSlot(key, out var slot) ? cells.Get(slot).Position : null;
        return value is not null;
    }

    public PositionTable SetItem(Guid participant, Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        var slots = Slots.WithSlotOf(participant, out var slot);
        var added = cells.Get(slot).IsEmpty ? 1 : 0;
        return new PositionTable(slots, cells.Set(slot, new PositionCell(position)), Count + added);
    }

    public PositionTable SetItems(IEnumerable<KeyValuePair<Guid, Position>> items)
    {
        // Numbered alike, the slots of the one already mean the same people in the other: nobody new to number.
        var table = items is PositionTable other ? NumberedBy(other.Slots) : this;
        foreach (var (participant, position) in items)
            table = table.SetItem(participant, position);
        return table;
    }

    /// <summary>The table without <paramref name="participant"/>'s position; her slot stays hers.</summary>
    public PositionTable Remove(Guid participant) =>
        Slots.TryGetSlot(participant, out var slot) && !cells.Get(slot).IsEmpty
            ? new PositionTable(Slots, cells.Set(slot, default), Count - 1)
            : this;

    /// <summary>
    /// The same table following <paramref name="slots"/> when that numbering grew from this table's
    /// (the statement's, <see cref="StatementState.Slots"/>); this table unchanged otherwise. Sharing a
    /// numbering is what lets a count map slots to voters once for all the statement's clauses.
    /// </summary>
    public PositionTable NumberedBy(ParticipantSlots slots) =>
        ReferenceEquals(slots, Slots) || !slots.Extends(Slots) ? this : new PositionTable(slots, cells, Count);

    /// <summary>Hands every leaf of cells to the visitor in slot order; empty cells (no position) read <see cref="PositionCell.IsEmpty"/>.</summary>
    public void VisitCells<TVisitor>(ref TVisitor visitor) where TVisitor : struct, ILeafVisitor<PositionCell> =>
        cells.VisitLeaves(ref visitor);

    /// <summary>In slot order: the order in which the participants first took a position in the statement.</summary>
    public IEnumerator<KeyValuePair<Guid, Position>> GetEnumerator()
    {
        foreach (var (firstSlot, leaf) in CellLeaves())
            for (var i = 0; i < leaf.Length; i++)
                if (leaf[i].Position is { } position)
                    yield return new(Slots.ParticipantAt(firstSlot + i), position);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private List<(int FirstSlot, PositionCell[] Leaf)> CellLeaves()
    {
        var leaves = new LeafList<PositionCell>([]);
        cells.VisitLeaves(ref leaves);
        return leaves.Leaves;
    }

    private readonly record struct LeafList<T>(List<(int FirstSlot, T[] Leaf)> Leaves) : ILeafVisitor<T>
    {
        public void Visit(int firstSlot, T[] leaf) => Leaves.Add((firstSlot, leaf));
    }
}
