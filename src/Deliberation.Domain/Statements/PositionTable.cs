using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Deliberation.Domain.Statements;

/// <summary>
/// The positions on a clause or a bracket option, by participant: a persistent dictionary laid out
/// for counting. Each participant has a slot (<see cref="ParticipantSlots"/>, shared by a
/// statement's clauses); per slot, the position's kind and revision sit in one flat array of
/// <see cref="PositionCell"/>s and the <see cref="Position"/> itself (note, time) in another, both
/// <see cref="SlotVector{T}"/>s. Counting scans the cells leaf by leaf with no tree walk and no
/// object per position; a change copies one leaf of each and the nodes above it, so older versions
/// never change (docs/performance.md, "Where the full recomputation spends its time").
/// Stored as the JSON object it always was (participant id → position): <see cref="PositionTableJsonConverter"/>.
/// </summary>
[JsonConverter(typeof(PositionTableJsonConverter))]
public sealed class PositionTable : IReadOnlyDictionary<Guid, Position>
{
    private readonly SlotVector<PositionCell> cells;
    private readonly SlotVector<Position?> positions;

    private PositionTable(ParticipantSlots slots, SlotVector<PositionCell> cells, SlotVector<Position?> positions, int count) =>
        (Slots, this.cells, this.positions, Count) = (slots, cells, positions, count);

    public static PositionTable Empty { get; } = new(ParticipantSlots.Empty, SlotVector<PositionCell>.Empty, SlotVector<Position?>.Empty, 0);

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
        var inOrder = order.ConvertAll(p => latest[p]);
        return new PositionTable(
            ParticipantSlots.Of(order),
            SlotVector<PositionCell>.Of(inOrder.ConvertAll(p => new PositionCell(p.Kind, p.Revision))),
            SlotVector<Position?>.Of(inOrder),
            order.Count);
    }

    public bool ContainsKey(Guid key) => TryGetValue(key, out _);

    public bool TryGetValue(Guid key, [MaybeNullWhen(false)] out Position value)
    {
        value = Slots.TryGetSlot(key, out var slot) ? positions.Get(slot) : null;
        return value is not null;
    }

    public PositionTable SetItem(Guid participant, Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        var slots = Slots;
        if (!slots.TryGetSlot(participant, out var slot))
        {
            slot = slots.Count;
            slots = slots.Add(participant);
        }
        var added = positions.Get(slot) is null ? 1 : 0;
        return new PositionTable(slots, cells.Set(slot, new PositionCell(position.Kind, position.Revision)), positions.Set(slot, position), Count + added);
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
        Slots.TryGetSlot(participant, out var slot) && positions.Get(slot) is not null
            ? new PositionTable(Slots, cells.Set(slot, default), positions.Set(slot, null), Count - 1)
            : this;

    /// <summary>
    /// The same table following <paramref name="slots"/> when that numbering grew from this table's
    /// (the statement's, <see cref="StatementState.Slots"/>); this table unchanged otherwise. Sharing a
    /// numbering is what lets a count map slots to voters once for all the statement's clauses.
    /// </summary>
    public PositionTable NumberedBy(ParticipantSlots slots) =>
        ReferenceEquals(slots, Slots) || !slots.Extends(Slots) ? this : new PositionTable(slots, cells, positions, Count);

    /// <summary>Hands every leaf of cells to the visitor in slot order; empty cells (no position) read <see cref="PositionCell.IsEmpty"/>.</summary>
    public void VisitCells<TVisitor>(ref TVisitor visitor) where TVisitor : struct, ILeafVisitor<PositionCell> =>
        cells.VisitLeaves(ref visitor);

    /// <summary>In slot order: the order in which the participants first took a position in the statement.</summary>
    public IEnumerator<KeyValuePair<Guid, Position>> GetEnumerator()
    {
        foreach (var (firstSlot, leaf) in PositionLeaves())
            for (var i = 0; i < leaf.Length; i++)
                if (leaf[i] is { } position)
                    yield return new(Slots.ParticipantAt(firstSlot + i), position);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private List<(int FirstSlot, Position?[] Leaf)> PositionLeaves()
    {
        var leaves = new LeafList<Position?>([]);
        positions.VisitLeaves(ref leaves);
        return leaves.Leaves;
    }

    private readonly record struct LeafList<T>(List<(int FirstSlot, T[] Leaf)> Leaves) : ILeafVisitor<T>
    {
        public void Visit(int firstSlot, T[] leaf) => Leaves.Add((firstSlot, leaf));
    }
}
