using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Consensus;

/// <summary>
/// The dialogue's voters laid out for counting: every group of every dimension gets a flat index,
/// and each voter the flat indexes of her groups. Built once per roster, so a position change only
/// touches the voter's own groups. A dialogue without dimensions counts everyone as one group.
/// </summary>
public sealed class RosterIndex
{
    public const string ImplicitDimension = "All";
    public const string ImplicitGroup = "Everyone";

    /// <summary>A few numberings at most: one per statement counted, more only for tables read back from JSON.</summary>
    private const int SlotMapsKept = 4;

    /// <summary>Indexes shared by <see cref="Of"/>, one per roster instance; a roster no state holds any more takes its index with it.</summary>
    private static readonly ConditionalWeakTable<ImmutableDictionary<Guid, Member>, RosterIndex> shared = new();

    private readonly Dictionary<Guid, Voter> voters = [];
    private readonly List<SlotVoters> slotMaps = [];
    private readonly Lock slotMapsLock = new();

    /// <summary>The dimensions as the dialogue had them (not the implicit one), which <see cref="Of"/> checks along with the roster.</summary>
    private readonly ImmutableArray<Dimension> builtFor;

    public RosterIndex(DialogueState dialogue)
    {
        builtFor = dialogue.Dimensions;
        Dimensions = dialogue.Dimensions.IsDefaultOrEmpty
            ? [new Dimension(ImplicitDimension, [ImplicitGroup])]
            : dialogue.Dimensions;
        var offsets = new int[Dimensions.Length];
        var groupNames = new List<(int Dimension, string Group)>();
        for (var d = 0; d < Dimensions.Length; d++)
        {
            offsets[d] = groupNames.Count;
            groupNames.AddRange(Dimensions[d].Groups.Select(g => (d, g)));
        }
        Groups = [.. groupNames];
        DelegateMembers = new int[Groups.Length];
        FacilitatorMembers = new int[Groups.Length];
        var implicitOnly = dialogue.Dimensions.IsDefaultOrEmpty;

        foreach (var member in dialogue.Roster.Values)
        {
            if (member.Role is not (Role.Delegate or Role.Facilitator))
                continue;
            var groups = new int[Dimensions.Length];
            for (var d = 0; d < Dimensions.Length; d++)
            {
                var group = implicitOnly ? ImplicitGroup : member.GroupIn(Dimensions[d].Name);
                var g = group is null ? -1 : Dimensions[d].Groups.IndexOf(group);
                groups[d] = g < 0 ? -1 : offsets[d] + g;
                if (groups[d] >= 0)
                    (member.Role == Role.Facilitator ? FacilitatorMembers : DelegateMembers)[groups[d]]++;
            }
            voters[member.ParticipantId] = new Voter(member.Role == Role.Facilitator, groups);
        }
        DimensionOffsets = [.. offsets];
    }

    /// <summary>
    /// The index of the dialogue's roster, shared by every state that holds the same roster and
    /// dimensions: a dialogue's state is remade by every event (a timer, a raised hand) but keeps its
    /// roster's instance until someone joins or leaves. Built afresh for every release, the index of
    /// a room of 2,000 was 3% of a node's CPU under load, in the statement's one queue of commands
    /// (docs/performance.md, "Session 23"). The index is read-only once built (its slot maps are
    /// locked), so the statement grain and the node's pushes may share it.
    /// </summary>
    public static RosterIndex Of(DialogueState dialogue)
    {
        if (shared.TryGetValue(dialogue.Roster, out var index) && index.builtFor == dialogue.Dimensions)
            return index;
        index = new RosterIndex(dialogue);
        shared.AddOrUpdate(dialogue.Roster, index);
        return index;
    }

    public ImmutableArray<Dimension> Dimensions { get; }

    /// <summary>Every group, flat: its dimension's index and its name.</summary>
    public ImmutableArray<(int Dimension, string Group)> Groups { get; }

    public ImmutableArray<int> DimensionOffsets { get; }

    public int[] DelegateMembers { get; }

    public int[] FacilitatorMembers { get; }

    public Voter? VoterOrNull(Guid participantId) => voters.GetValueOrDefault(participantId);

    /// <summary>
    /// The voters of a slot numbering, mapped once and kept: every table of a statement that shares its
    /// numbering (<see cref="StatementState.Slots"/>) is counted with the same map.
    /// </summary>
    public SlotVoters VotersBySlot(ParticipantSlots slots)
    {
        if (slots.Count == 0)
            return new SlotVoters(this, slots); // nothing to map, and nothing worth keeping
        lock (slotMapsLock)
        {
            // Newest first: the statement's own numbering is mapped first and serves all its clauses.
            for (var i = slotMaps.Count - 1; i >= 0; i--)
                if (slotMaps[i].Slots.Extends(slots))
                    return slotMaps[i];
            var map = new SlotVoters(this, slots);
            if (slotMaps.Count == SlotMapsKept)
                slotMaps.RemoveAt(0);
            slotMaps.Add(map);
            return map;
        }
    }

    public int Members(int flatGroup, ConsensusRule rule) =>
        DelegateMembers[flatGroup] + (rule.FacilitatorsVote ? FacilitatorMembers[flatGroup] : 0);

    /// <summary>A voter's class (delegate or facilitator) and flat group per dimension (−1 for none).</summary>
    public sealed record Voter(bool IsFacilitator, int[] GroupByDimension);
}
