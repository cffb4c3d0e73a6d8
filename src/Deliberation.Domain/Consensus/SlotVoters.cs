using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Consensus;

/// <summary>
/// A statement's slot numbering (<see cref="ParticipantSlots"/>) mapped onto the roster once: per
/// slot the voter's class (−1 for someone who does not vote) and, per dimension, where her group's
/// buckets start in a <see cref="ClauseTally"/> (−1 for none). Counting a clause then reads two
/// arrays per position instead of looking the voter up by id.
/// </summary>
public sealed class SlotVoters
{
    public SlotVoters(RosterIndex roster, ParticipantSlots slots)
    {
        Slots = slots;
        Dimensions = roster.Dimensions.Length;
        VoterClass = new sbyte[slots.Count];
        BucketStarts = new int[slots.Count * Dimensions];
        var mapper = new Mapper(roster, this);
        slots.VisitLeaves(ref mapper);
    }

    /// <summary>The numbering mapped; it serves every numbering it <see cref="ParticipantSlots.Extends"/>.</summary>
    public ParticipantSlots Slots { get; }

    public int Dimensions { get; }

    /// <summary>0 for a delegate, 1 for a facilitator, −1 for anyone else (never counted).</summary>
    public sbyte[] VoterClass { get; }

    /// <summary>At <c>slot × Dimensions + d</c>: the tally offset of the voter's group in dimension d, or −1.</summary>
    public int[] BucketStarts { get; }

    private readonly struct Mapper(RosterIndex roster, SlotVoters map) : ILeafVisitor<Guid>
    {
        public void Visit(int firstSlot, Guid[] leaf)
        {
            for (int i = 0, slot = firstSlot; i < leaf.Length && slot < map.VoterClass.Length; i++, slot++)
            {
                var voter = roster.VoterOrNull(leaf[i]);
                var voterClass = voter is null ? -1 : voter.IsFacilitator ? 1 : 0;
                map.VoterClass[slot] = (sbyte)voterClass;
                for (var d = 0; d < map.Dimensions; d++)
                    map.BucketStarts[slot * map.Dimensions + d] = voter is null || voter.GroupByDimension[d] < 0
                        ? -1
                        : ClauseTally.BucketStart(voter.GroupByDimension[d], voterClass);
            }
        }
    }
}
