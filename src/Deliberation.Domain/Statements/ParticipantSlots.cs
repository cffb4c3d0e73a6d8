using System.Collections.Immutable;

namespace Deliberation.Domain.Statements;

/// <summary>
/// Who holds which slot of a <see cref="PositionTable"/>: participants numbered in the order they
/// first took a position, a number never given to anyone else. Persistent and append-only, so the
/// clauses of a statement can share one numbering (<see cref="StatementState.Slots"/>) and the
/// counting maps each slot to a voter once for the whole statement, not once per position.
/// </summary>
public sealed class ParticipantSlots
{
    /// <summary>How many forks back <see cref="Extends"/> looks before answering "no" (only a speed matter: see there).</summary>
    private const int AncestorsSearched = 8;

    private readonly ImmutableDictionary<Guid, int> slotOf;
    private readonly SlotVector<Guid> participants;
    private readonly Lineage lineage;

    private ParticipantSlots(ImmutableDictionary<Guid, int> slotOf, SlotVector<Guid> participants, Lineage lineage) =>
        (this.slotOf, this.participants, this.lineage) = (slotOf, participants, lineage);

    public static ParticipantSlots Empty { get; } = new(ImmutableDictionary<Guid, int>.Empty, SlotVector<Guid>.Empty, new Lineage(null, 0));

    public int Count => slotOf.Count;

    public bool TryGetSlot(Guid participant, out int slot) => slotOf.TryGetValue(participant, out slot);

    public Guid ParticipantAt(int slot) => (uint)slot < (uint)Count
        ? participants.Get(slot)
        : throw new ArgumentOutOfRangeException(nameof(slot), slot, $"There are {Count} slots.");

    /// <summary>A numbering of its own giving <paramref name="participants"/> (distinct) slots 0, 1, … in that order.</summary>
    public static ParticipantSlots Of(IReadOnlyList<Guid> participants)
    {
        var slotOf = ImmutableDictionary.CreateBuilder<Guid, int>();
        for (var slot = 0; slot < participants.Count; slot++)
            slotOf.Add(participants[slot], slot);
        return new ParticipantSlots(slotOf.ToImmutable(), SlotVector<Guid>.Of(participants), new Lineage(null, 0) { Tip = participants.Count });
    }

    /// <summary>
    /// <paramref name="participant"/>'s slot, and the numbering that has it: this one if she has a slot, else this
    /// one with her given the next.
    /// </summary>
    public ParticipantSlots WithSlotOf(Guid participant, out int slot)
    {
        if (TryGetSlot(participant, out slot))
            return this;
        slot = Count;
        return Add(participant);
    }

    /// <summary>The numbering with <paramref name="participant"/> given the next slot (the caller checked she has none).</summary>
    public ParticipantSlots Add(Guid participant)
    {
        var count = Count;
        // The first to grow a version continues its lineage; anyone growing the same version again
        // forks a new one, so one lineage is always a single chain of versions (see Extends).
        var continued = Interlocked.CompareExchange(ref lineage.Tip, count + 1, count) == count;
        var next = continued ? lineage : new Lineage(count == 0 ? null : lineage, count) { Tip = count + 1 };
        return new ParticipantSlots(slotOf.Add(participant, count), participants.Set(count, participant), next);
    }

    /// <summary>
    /// True when <paramref name="earlier"/> is this numbering or a version it grew from: every slot
    /// of <paramref name="earlier"/> names the same participant here, so a table numbered by it is
    /// numbered by this one too. False answers are safe, only slower: the caller renumbers.
    /// </summary>
    public bool Extends(ParticipantSlots earlier)
    {
        if (earlier.Count == 0 || ReferenceEquals(this, earlier))
            return true;
        Lineage? line = lineage;
        var reach = Count;
        for (var i = 0; i <= AncestorsSearched && line is not null; i++)
        {
            if (ReferenceEquals(line, earlier.lineage))
                return earlier.Count <= reach;
            // A fork shares its parent's slots only below the point where it forked.
            reach = Math.Min(reach, line.ForkedAt);
            line = line.Parent;
        }
        return false;
    }

    /// <summary>Every participant in slot order: slot i is the i-th.</summary>
    public void VisitLeaves<TVisitor>(ref TVisitor visitor) where TVisitor : struct, ILeafVisitor<Guid> =>
        participants.VisitLeaves(ref visitor);

    /// <summary>
    /// A chain of versions each grown from the one before: its <see cref="Tip"/> is the longest
    /// version's count, and only the version at the tip may grow it further.
    /// </summary>
    private sealed class Lineage(Lineage? parent, int forkedAt)
    {
        public int Tip;

        public Lineage? Parent { get; } = parent;

        public int ForkedAt { get; } = forkedAt;
    }
}
